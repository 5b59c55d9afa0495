package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const inboxAddr = "chatwoot_inbox.test"

func inboxConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_inbox" "test" {
%s
}
`, body)
}

// weekHCL is seven days: Sunday and Saturday closed, Monday to Thursday 8:30-18:00, Friday all
// day.
const weekHCL = `  working_hours = [
    { day_of_week = 0, closed_all_day = true },
    { day_of_week = 1, open_hour = 8, open_minutes = 30, close_hour = 18, close_minutes = 0 },
    { day_of_week = 2, open_hour = 8, open_minutes = 30, close_hour = 18, close_minutes = 0 },
    { day_of_week = 3, open_hour = 8, open_minutes = 30, close_hour = 18, close_minutes = 0 },
    { day_of_week = 4, open_hour = 8, open_minutes = 30, close_hour = 18, close_minutes = 0 },
    { day_of_week = 5, open_all_day = true },
    { day_of_week = 6, closed_all_day = true },
  ]`

func inboxIDFrom(s *terraform.State, dst *int64) error {
	return captureInt64(inboxAddr, "inbox_id", dst)(s)
}

func inboxGone(api *chatwoot.Client, accountID int64, id *int64) resource.TestCheckFunc {
	return inChatwoot(func(ctx context.Context) error {
		if _, err := api.GetInbox(ctx, accountID, *id); !chatwoot.IsNotFound(err) {
			return fmt.Errorf("inbox %d still exists after destroy (err %w)", *id, err)
		}
		return nil
	})
}

// A web widget inbox: create with working hours and a CSAT survey (an empty plan after it,
// although Chatwoot fills in CSAT defaults on update), update only what changed, refresh, import,
// drift restored, and a destroy that waits for Chatwoot's background deletion.
func TestAccInbox_webWidgetLifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var inboxID int64
	cfg := func(body string) string { return inboxConfig(proxy.URL, sc.AdminToken, a, body) }
	first := `  name         = "Website"
  channel_type = "web_widget"
  timezone     = "Europe/Berlin"
  web_widget = {
    website_url   = "https://shop.example.test"
    welcome_title = "Hi there"
  }
  csat_survey_enabled = true
  csat_config = {
    display_type = "star"
    message      = "How did we do?"
  }
` + weekHCL
	second := `  name         = "Website"
  channel_type = "web_widget"
  timezone     = "Europe/Berlin"
  greeting_enabled = true
  greeting_message = "Welcome!"
  web_widget = {
    website_url            = "https://shop.example.test"
    welcome_title          = "Hi there"
    reply_time             = "in_a_day"
    selected_feature_flags = ["attachments"]
    pre_chat_form_enabled  = true
    pre_chat_form_options = {
      pre_chat_message = "Tell us who you are"
      pre_chat_fields = [
        { name = "emailAddress", label = "Email", type = "email", required = true },
      ]
    }
  }
  csat_survey_enabled = true
  csat_config = {
    display_type = "star"
    message      = "How did we do?"
    survey_rules = { values = ["vip"] }
  }
` + weekHCL
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             inboxGone(api, a, &inboxID),
		Steps: []resource.TestStep{
			{
				Config:           cfg(first),
				ConfigPlanChecks: expectAction(inboxAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(inboxAddr, "channel_type", "web_widget"),
					stateString(inboxAddr, "timezone", "Europe/Berlin"),
					statecheck.ExpectKnownValue(inboxAddr, tfjsonpath.New("website_token"), knownvalue.StringRegexp(regexp.MustCompile(`.+`))),
					statecheck.ExpectKnownValue(inboxAddr, tfjsonpath.New("hmac_token"), knownvalue.StringRegexp(regexp.MustCompile(`.+`))),
					stateString(inboxAddr, "secret", ""),
					statecheck.ExpectKnownValue(inboxAddr, tfjsonpath.New("web_widget").AtMapKey("widget_color"), knownvalue.StringExact("#1f93ff")),
					statecheck.ExpectKnownValue(inboxAddr, tfjsonpath.New("working_hours").AtSliceIndex(5).AtMapKey("open_all_day"), knownvalue.Bool(true)),
				},
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) error { return inboxIDFrom(s, &inboxID) },
					inChatwoot(func(ctx context.Context) error {
						in, err := api.GetInbox(ctx, a, inboxID)
						if err != nil {
							return err
						}
						if in.WebsiteURL != "https://shop.example.test" || in.WelcomeTitle != "Hi there" || !in.CSATSurveyEnabled {
							return fmt.Errorf("Chatwoot holds %+v", in)
						}
						for _, w := range in.WorkingHours {
							switch w.DayOfWeek {
							case 1, 2, 3, 4:
								if w.ClosedAllDay || w.OpenHour == nil || *w.OpenHour != 8 || *w.OpenMinutes != 30 || *w.CloseHour != 18 {
									return fmt.Errorf("day %d is %+v; want 8:30-18:00", w.DayOfWeek, w)
								}
							case 5:
								if !w.OpenAllDay {
									return fmt.Errorf("Friday is %+v; want open all day", w)
								}
							default:
								if !w.ClosedAllDay {
									return fmt.Errorf("day %d is %+v; want closed", w.DayOfWeek, w)
								}
							}
						}
						return nil
					}),
				),
			},
			{
				PreConfig:        proxy.reset,
				Config:           cfg(second),
				ConfigPlanChecks: expectAction(inboxAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(
					func(*terraform.State) error {
						path := accountAPIPath(a, "/inboxes/%d", inboxID)
						if err := proxy.expectPatchKeys(path, "greeting_enabled", "greeting_message", "csat_config", "channel"); err != nil {
							return err
						}
						body, _ := proxy.sentBody("PATCH", path)
						ch, _ := body["channel"].(map[string]any)
						if len(ch) != 4 || ch["reply_time"] != "in_a_day" || ch["type"] != nil || ch["website_url"] != nil {
							return fmt.Errorf("the channel update sent %v; want only reply_time, selected_feature_flags and the pre-chat form", ch)
						}
						return nil
					},
					inChatwoot(func(ctx context.Context) error {
						in, err := api.GetInbox(ctx, a, inboxID)
						if err != nil {
							return err
						}
						// The update made Chatwoot fill in the CSAT defaults, which the empty plan
						// after this step must not show as drift.
						if in.CSATConfig.ButtonText == nil || *in.CSATConfig.ButtonText == "" {
							return fmt.Errorf("Chatwoot did not fill in the CSAT defaults: %+v", in.CSATConfig)
						}
						if fmt.Sprint(in.SelectedFeatureFlags) != "[attachments]" || in.PreChatFormOptions == nil || len(in.PreChatFormOptions.PreChatFields) != 1 {
							return fmt.Errorf("Chatwoot holds flags %v, form %+v", in.SelectedFeatureFlags, in.PreChatFormOptions)
						}
						return nil
					}),
				),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/inboxes/%d", inboxID))
				},
			},
			{
				ResourceName:      inboxAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(inboxAddr, "inbox_id"),
				// Only the keys a configuration writes are managed, so an import cannot know them.
				ImportStateVerifyIgnore: []string{"csat_config", "web_widget.pre_chat_form_options"},
			},
			{
				// Changed in the UI: the name, a working day and a widget setting come back.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateInbox(ctx, a, inboxID, chatwoot.InboxUpdate{
						Fields:       chatwoot.InboxFields{Name: ptr("Renamed")},
						WorkingHours: []chatwoot.WorkingHour{{DayOfWeek: 2, OpenHour: ptr(10), OpenMinutes: ptr(0), CloseHour: ptr(12), CloseMinutes: ptr(0)}},
						WebWidget:    &chatwoot.WebWidgetFields{WelcomeTitle: ptr("Hello from the UI")},
					})
					return err
				}),
				Config: cfg(second),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(inboxAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(inboxAddr, tfjsonpath.New("name"), knownvalue.StringExact("Website")),
				}},
				Check: inChatwoot(func(ctx context.Context) error {
					in, err := api.GetInbox(ctx, a, inboxID)
					if err != nil {
						return err
					}
					if in.Name != "Website" || in.WelcomeTitle != "Hi there" || *in.WorkingHours[2].OpenHour != 8 {
						return fmt.Errorf("drift not restored: %+v", in)
					}
					return nil
				}),
			},
		},
	})
}

// An API inbox: its identifier and secrets are computed (the secrets sensitive), its webhook and
// additional attributes managed, and a change of channel_type replaces it.
func TestAccInbox_apiChannel(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	var firstID, secondID int64
	cfg := func(body string) string { return inboxConfig(env.BaseURL, sc.AdminToken, a, body) }
	apiInbox := `  name         = "Backend"
  channel_type = "api"
  api = {
    webhook_url           = "http://127.0.0.1:9/hook"
    hmac_mandatory        = true
    additional_attributes = jsonencode({ agent_reply_time_window = 24 })
  }`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             inboxGone(api, a, &secondID),
		Steps: []resource.TestStep{
			{
				Config: cfg(apiInbox),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(inboxAddr, tfjsonpath.New("inbox_identifier"), knownvalue.StringRegexp(regexp.MustCompile(`.+`))),
					statecheck.ExpectKnownValue(inboxAddr, tfjsonpath.New("secret"), knownvalue.StringRegexp(regexp.MustCompile(`.+`))),
					stateString(inboxAddr, "website_token", ""),
					statecheck.ExpectSensitiveValue(inboxAddr, tfjsonpath.New("secret")),
					statecheck.ExpectSensitiveValue(inboxAddr, tfjsonpath.New("hmac_token")),
				},
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) error { return inboxIDFrom(s, &firstID) },
					inChatwoot(func(ctx context.Context) error {
						in, err := api.GetInbox(ctx, a, firstID)
						if err != nil {
							return err
						}
						if in.WebhookURL != "http://127.0.0.1:9/hook" || !in.HMACMandatory || fmt.Sprint(in.AdditionalAttributes["agent_reply_time_window"]) != "24" {
							return fmt.Errorf("Chatwoot holds %+v", in)
						}
						return nil
					}),
				),
			},
			{
				ResourceName:      inboxAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) { return fmt.Sprint(firstID), nil },
			},
			{
				// Back to no additional attributes: {} is sent, and Chatwoot stores it.
				Config: cfg(`  name         = "Backend"
  channel_type = "api"
  api = {
    webhook_url    = "http://127.0.0.1:9/hook"
    hmac_mandatory = true
  }`),
				ConfigPlanChecks: expectAction(inboxAddr, plancheck.ResourceActionUpdate),
				Check: inChatwoot(func(ctx context.Context) error {
					in, err := api.GetInbox(ctx, a, firstID)
					if err != nil {
						return err
					}
					if len(in.AdditionalAttributes) != 0 {
						return fmt.Errorf("Chatwoot still holds additional attributes %v", in.AdditionalAttributes)
					}
					return nil
				}),
			},
			{
				Config: cfg(`  name         = "Backend"
  channel_type = "web_widget"
  web_widget   = { website_url = "https://example.test" }`),
				ConfigPlanChecks: expectAction(inboxAddr, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) error { return inboxIDFrom(s, &secondID) },
					inboxGone(api, a, &firstID),
				),
			},
		},
	})
}

// The promise: chatwoot_inbox, chatwoot_inbox_members and chatwoot_inbox_auto_assignment
// on one inbox do not fight. Each plan after the apply is empty, and the inbox's updates never
// carry membership or auto-assignment keys.
func TestAccInbox_withMembersAndAutoAssignment(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	cfg := func(name string) string {
		return providerConfig(proxy.URL, sc.AdminToken, a) + fmt.Sprintf(`
resource "chatwoot_inbox" "test" {
  name         = %q
  channel_type = "api"
}

resource "chatwoot_inbox_members" "test" {
  inbox_id = chatwoot_inbox.test.inbox_id
  user_ids = [%d, %d]
}

resource "chatwoot_inbox_auto_assignment" "test" {
  inbox_id               = chatwoot_inbox.test.inbox_id
  enable_auto_assignment = false
}
`, name, sc.Agent1.ID, sc.Agent2.ID)
	}
	var inboxID int64
	noOwnershipKeys := func(*terraform.State) error {
		for _, r := range proxy.requests() {
			if r.Method != "PATCH" && r.Method != "POST" || !strings.HasSuffix(r.Path, fmt.Sprintf("/inboxes/%d", inboxID)) && !strings.HasSuffix(r.Path, "/inboxes") {
				continue
			}
			for _, k := range []string{"enable_auto_assignment", "auto_assignment_config", "user_ids", "members"} {
				if _, ok := r.Body[k]; ok && strings.HasSuffix(r.Path, fmt.Sprintf("/inboxes/%d", inboxID)) && r.Method == "PATCH" {
					// chatwoot_inbox_auto_assignment sends its keys to the same path; tell them apart by
					// what else the body carries.
					if _, named := r.Body["name"]; named {
						return fmt.Errorf("an update of the inbox's own settings carried %s: %v", k, r.Body)
					}
				}
				if _, ok := r.Body[k]; ok && r.Method == "POST" {
					return fmt.Errorf("the inbox's create carried %s: %v", k, r.Body)
				}
			}
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg("Shared"),
				Check:  resource.ComposeTestCheckFunc(func(s *terraform.State) error { return inboxIDFrom(s, &inboxID) }, noOwnershipKeys),
			},
			{
				// The second plan is empty (the framework checks it after every apply); so is this one.
				Config:           cfg("Shared"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// Renaming the inbox leaves members and auto-assignment alone.
				PreConfig:        proxy.reset,
				Config:           cfg("Shared renamed"),
				ConfigPlanChecks: expectAction(inboxAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(
					func(*terraform.State) error {
						return proxy.expectPatchKeys(accountAPIPath(a, "/inboxes/%d", inboxID), "name")
					},
					inChatwoot(func(ctx context.Context) error {
						in, err := api.GetInbox(ctx, a, inboxID)
						if err != nil {
							return err
						}
						if in.EnableAutoAssignment {
							return fmt.Errorf("auto-assignment was switched back on: %+v", in)
						}
						members, err := api.ListInboxMembers(ctx, a, inboxID)
						if err != nil {
							return err
						}
						if len(members) != 2 {
							return fmt.Errorf("the inbox has members %v; want the two agents", members)
						}
						return nil
					}),
				),
			},
			{
				Config:           cfg("Shared renamed"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// Every invalid week is refused at plan time, each bad day named, and nothing is sent that could
// change Chatwoot.
func TestAccInbox_workingHoursRefusedAtPlanTime(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	mock := env.requireMock(t)
	cfg := func(days string) string {
		return inboxConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "Hours"
  channel_type = "api"
  working_hours = [
`+days+`
  ]`)
	}
	closed := func(days ...int) string {
		var b strings.Builder
		for _, d := range days {
			fmt.Fprintf(&b, "    { day_of_week = %d, closed_all_day = true },\n", d)
		}
		return b.String()
	}
	cases := []struct{ days, want string }{
		{closed(1, 0, 2, 3, 4, 5, 6), `list the days in order, 0 (Sunday) to 6 (Saturday): entry 1 (counting from 1) holds day_of_week 1, where day_of_week 0 belongs`},
		{closed(0, 1, 2, 3, 4, 5) + "    { day_of_week = 6, closed_all_day = true, open_all_day = true },", `day_of_week 6: a day cannot be closed all day and open all day`},
		{closed(0, 1, 2, 3, 4, 5) + "    { day_of_week = 6, open_hour = 9, open_minutes = 0, close_hour = 9, close_minutes = 0 },", `closing time 09:00 must be after the opening time 09:00`},
		{closed(0, 1, 2, 3, 4, 5) + "    { day_of_week = 6, open_hour = 17, open_minutes = 0, close_hour = 9, close_minutes = 0 },", `closing time 09:00 must be after`},
		{closed(0, 1, 2, 3, 4, 5) + "    { day_of_week = 6, open_hour = 9, close_hour = 17, close_minutes = 0 },", `an open day needs open_hour, open_minutes`},
		{closed(0, 1, 2, 3, 4, 5) + "    { day_of_week = 6 },", `an open day needs`},
		{closed(0, 1, 2, 3, 4, 5) + "    { day_of_week = 6, open_hour = 24, open_minutes = 0, close_hour = 17, close_minutes = 0 },", `between 0 and 23`},
		{closed(0, 1, 2, 3, 4, 5) + "    { day_of_week = 6, open_hour = 9, open_minutes = 60, close_hour = 17, close_minutes = 0 },", `between 0 and 59`},
		{closed(0, 1, 2, 3, 4, 5) + "    { day_of_week = 7, closed_all_day = true },", `between 0 and 6`},
		{closed(0, 1, 2, 3, 4, 5, 5), `day_of_week 5 appears 2 times`},
		{closed(0, 1, 2, 3, 4, 5), `list must contain at least 7`},
		{closed(0, 1, 2, 3, 4, 5) + "    { day_of_week = 6, closed_all_day = true, open_hour = 9 },", `takes no hours`},
	}
	steps := []resource.TestStep{}
	for i, c := range cases {
		step := resource.TestStep{Config: cfg(c.days), PlanOnly: true, ExpectError: regexp.MustCompile(strings.ReplaceAll(regexp.QuoteMeta(c.want), " ", `\s+`))} // Terraform wraps lines
		if i == 0 {
			step.PreConfig = mock.ResetRequests
		}
		steps = append(steps, step)
	}
	// Two bad days are both reported.
	steps = append(steps, resource.TestStep{
		Config: cfg(closed(0, 1, 2, 3, 4) + `    { day_of_week = 5, open_hour = 9, open_minutes = 0, close_hour = 8, close_minutes = 0 },
    { day_of_week = 6, closed_all_day = true, open_all_day = true },`),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)day_of_week 5: the closing time.*day_of_week 6: a day cannot be closed`),
	}, resource.TestStep{
		PreConfig: func() {
			if w := mutatingRequests(mock.Requests()); len(w) > 0 {
				t.Errorf("refused plans sent %v", w)
			}
		},
		Config:   providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID),
		PlanOnly: true,
	})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProtoV6ProviderFactories, Steps: steps})
}

// Channels that need third-party accounts, a mismatched channel block, and what Chatwoot would
// fail on, are refused at plan time; the data source still reads such inboxes.
func TestAccInbox_refusedAtPlanTime(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	mock := env.requireMock(t)
	cfg := func(body string) string { return inboxConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, body) }
	cases := []struct{ body, want string }{
		{`  name = "Mail"
  channel_type = "email"`, `(?s)Inbox Channel Needs a Third-Party Account.*data source.*chatwoot_inbox`},
		{`  name = "WA"
  channel_type = "whatsapp"`, `Third-Party Account`},
		{`  name = "X"
  channel_type = "fax"`, `Unknown Inbox Channel Type`},
		{`  name = "X"
  channel_type = "web_widget"`, `Missing Web Widget Settings`},
		{`  name = "X"
  channel_type = "api"
  web_widget = { website_url = "https://example.test" }`, `Settings of Another Channel`},
		{`  name = "X"
  channel_type = "api"
  timezone = "europe/berlin"`, `Unknown Time Zone`},
		{`  name = "X"
  channel_type = "api"
  sender_name_type = "casual"`, `sender_name_type`},
		{`  name = "X"
  channel_type = "web_widget"
  web_widget = { website_url = "https://example.test", reply_time = "soon" }`, `reply_time`},
		{`  name = "X"
  channel_type = "web_widget"
  web_widget = { website_url = "https://example.test", selected_feature_flags = ["confetti"] }`, `selected_feature_flags`},
		{`  name = "X"
  channel_type = "api"
  api = { additional_attributes = "[1]" }`, `Invalid JSON Object`},
	}
	var steps []resource.TestStep
	for i, c := range cases {
		step := resource.TestStep{Config: cfg(c.body), PlanOnly: true, ExpectError: regexp.MustCompile(c.want)}
		if i == 0 {
			step.PreConfig = mock.ResetRequests
		}
		steps = append(steps, step)
	}
	steps = append(steps, resource.TestStep{
		PreConfig: func() {
			if w := mutatingRequests(mock.Requests()); len(w) > 0 {
				t.Errorf("refused plans sent %v", w)
			}
		},
		Config:   providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID),
		PlanOnly: true,
	})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProtoV6ProviderFactories, Steps: steps})
}

// An inbox deleted in Chatwoot is removed from the state with a warning and created again; one
// whose deletion is still pending reads as it is, without drift.
func TestAccInbox_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	cfg := inboxConfig(env.BaseURL, sc.AdminToken, a, `  name = "Short-lived"
  channel_type = "api"`)
	var first, second int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: func(s *terraform.State) error { return inboxIDFrom(s, &first) }},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					if err := api.DeleteInbox(ctx, a, first); err != nil {
						return err
					}
					return api.WaitForInboxDeletion(ctx, a, first, inboxDeletionPoll)
				}),
				Config:           cfg,
				ConfigPlanChecks: expectAction(inboxAddr, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(func(s *terraform.State) error { return inboxIDFrom(s, &second) }, func(*terraform.State) error {
					if second == first {
						return fmt.Errorf("inbox_id %d was not replaced", first)
					}
					return nil
				}),
			},
		},
	})
}

// The plan-time check of working hours, day by day, without a CLI.
func TestWorkingHoursProblems(t *testing.T) {
	i := func(v int64) types.Int64 { return types.Int64Value(v) }
	null := types.Int64Null()
	day := func(d int64, closed, allDay bool, oh, om, ch, cm types.Int64) workingHourModel {
		return workingHourModel{DayOfWeek: i(d), ClosedAllDay: types.BoolValue(closed), OpenAllDay: types.BoolValue(allDay),
			OpenHour: oh, OpenMinutes: om, CloseHour: ch, CloseMinutes: cm}
	}
	closedWeek := func(except int64, d workingHourModel) []workingHourModel {
		var out []workingHourModel
		for n := int64(0); n <= 6; n++ {
			if n == except {
				out = append(out, d)
				continue
			}
			out = append(out, day(n, true, false, null, null, null, null))
		}
		return out
	}
	cases := []struct {
		name string
		days []workingHourModel
		want string // "" for none
	}{
		{"valid open day", closedWeek(1, day(1, false, false, i(9), i(0), i(17), i(30))), ""},
		{"valid all-day", closedWeek(1, day(1, false, true, null, null, null, null)), ""},
		{"both flags", closedWeek(1, day(1, true, true, null, null, null, null)), "closed all day and open all day"},
		{"equal times", closedWeek(1, day(1, false, false, i(9), i(0), i(9), i(0))), "must be after"},
		{"close before open", closedWeek(1, day(1, false, false, i(9), i(30), i(9), i(29))), "must be after"},
		{"missing minute", closedWeek(1, day(1, false, false, i(9), null, i(17), i(0))), "needs open_hour"},
		{"hour 24", closedWeek(1, day(1, false, false, i(9), i(0), i(24), i(0))), "close_hour must be between 0 and 23"},
		{"minute 60", closedWeek(1, day(1, false, false, i(9), i(0), i(17), i(60))), "close_minutes must be between 0 and 59"},
		{"negative hour", closedWeek(1, day(1, false, false, i(-1), i(0), i(17), i(0))), "open_hour must be between"},
		{"day 7", closedWeek(1, day(7, true, false, null, null, null, null)), "day_of_week must be 0"},
		{"hours on a closed day", closedWeek(1, day(1, true, false, i(9), null, null, null)), "takes no hours"},
		{"a day twice", append(closedWeek(-1, workingHourModel{})[:6], day(5, true, false, null, null, null, null)), "appears 2 times"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			problems := workingHoursProblems(c.days)
			var all []string
			for _, p := range problems {
				all = append(all, p.message)
			}
			got := strings.Join(all, " | ")
			if c.want == "" && got != "" {
				t.Fatalf("problems %q; want none", got)
			}
			if !strings.Contains(got, c.want) {
				t.Fatalf("problems %q; want one with %q", got, c.want)
			}
		})
	}
	unknown := closedWeek(1, workingHourModel{DayOfWeek: i(1), ClosedAllDay: types.BoolValue(false), OpenAllDay: types.BoolValue(false),
		OpenHour: types.Int64Unknown(), OpenMinutes: null, CloseHour: null, CloseMinutes: null})
	if p := workingHoursProblems(unknown); len(p) != 0 {
		t.Fatalf("a day with an unknown hour was judged: %v", p)
	}
}

// While Chatwoot's background deletion of an inbox is pending, the inbox reads unchanged: a plan
// then shows nothing (it is not drift), and destroy still waits until the inbox is gone.
func TestAccInbox_pendingDeletionIsNotDrift(t *testing.T) {
	const platformToken = "test-platform-token"
	// Five requests after the DELETE still see the inbox, enough for a plan's reads.
	mock, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: platformToken, InboxDeletionDelay: 5})
	env := &testEnv{BaseURL: baseURL, Mock: mock, Fixtures: fixture.New(baseURL, platformToken)}
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	cfg := inboxConfig(env.BaseURL, sc.AdminToken, a, `  name = "Being deleted"
  channel_type = "api"`)
	var inboxID int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             inboxGone(api, a, &inboxID),
		Steps: []resource.TestStep{
			{Config: cfg, Check: func(s *terraform.State) error { return inboxIDFrom(s, &inboxID) }},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					mock.ResetRequests()
					return api.DeleteInbox(ctx, a, inboxID)
				}),
				Config:   cfg,
				PlanOnly: true, // and the plan is empty
			},
			{
				PreConfig: func() {
					read := 0
					for _, r := range mock.Requests() {
						if r.Method == "GET" && strings.HasSuffix(r.Path, fmt.Sprintf("/inboxes/%d", inboxID)) && r.Status == 200 {
							read++
						}
					}
					if read == 0 {
						t.Errorf("the plan did not read the inbox while its deletion was pending: %v", mock.Requests())
					}
				},
				Config:   providerConfig(env.BaseURL, sc.AdminToken, a),
				PlanOnly: true,
				// The inbox is no longer configured: the plan destroys it.
				ExpectNonEmptyPlan: true,
			},
		},
	})
}
