package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const automationRuleAddr = "chatwoot_automation_rule.test"

// automationRulesAPI reads and changes automation rules through Chatwoot's public Application
// API with an administrator's token, as a person in the Chatwoot UI would. The fixture package has
// no automation rule helpers, so these use its generic Do.
type automationRulesAPI struct {
	fx        *fixture.Client
	token     string
	accountID int64
}

func newAutomationRulesAPI(env *testEnv, sc *fixture.Scenario) automationRulesAPI {
	return automationRulesAPI{fx: env.Fixtures, token: sc.AdminToken, accountID: sc.Account.ID}
}

func (a automationRulesAPI) path(rest string) string {
	return fmt.Sprintf("/api/v1/accounts/%d/automation_rules%s", a.accountID, rest)
}

func (a automationRulesAPI) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 30*time.Second)
}

// list returns the raw rules, numbers kept as json.Number so a test can tell 3 from "3".
func (a automationRulesAPI) list() ([]map[string]any, error) {
	ctx, cancel := a.ctx()
	defer cancel()
	var raw json.RawMessage
	if err := a.fx.Do(ctx, http.MethodGet, a.path(""), a.token, nil, &raw); err != nil {
		return nil, err
	}
	var env struct {
		Payload []map[string]any `json:"payload"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&env); err != nil {
		return nil, err
	}
	return env.Payload, nil
}

func (a automationRulesAPI) find(ruleID int64) (map[string]any, error) {
	rules, err := a.list()
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		if n, ok := r["id"].(json.Number); ok && n.String() == strconv.FormatInt(ruleID, 10) {
			return r, nil
		}
	}
	return nil, nil
}

func (a automationRulesAPI) patch(ruleID int64, body map[string]any) error {
	ctx, cancel := a.ctx()
	defer cancel()
	return a.fx.Do(ctx, http.MethodPatch, a.path(fmt.Sprintf("/%d", ruleID)), a.token, body, nil)
}

func (a automationRulesAPI) delete(ruleID int64) error {
	ctx, cancel := a.ctx()
	defer cancel()
	return a.fx.Do(ctx, http.MethodDelete, a.path(fmt.Sprintf("/%d", ruleID)), a.token, nil, nil)
}

// checkDestroyed verifies that no rule Terraform created is left in Chatwoot.
func (a automationRulesAPI) checkDestroyed(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "chatwoot_automation_rule" {
			continue
		}
		id, err := strconv.ParseInt(rs.Primary.Attributes["rule_id"], 10, 64)
		if err != nil {
			return err
		}
		rule, err := a.find(id)
		if err != nil {
			return err
		}
		if rule != nil {
			return fmt.Errorf("automation rule %d still exists in Chatwoot after destroy", id)
		}
	}
	return nil
}

// captureRuleID stores the rule id from state for later PreConfig steps.
func captureRuleID(dst *int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[automationRuleAddr]
		if !ok {
			return fmt.Errorf("%s not in state", automationRuleAddr)
		}
		id, err := strconv.ParseInt(rs.Primary.Attributes["rule_id"], 10, 64)
		*dst = id
		return err
	}
}

// checkActionParamIsJSONInteger reads the rule from Chatwoot and checks the JSON type of an
// action's first param: the end result that matters, since Chatwoot ignores string ids.
func (a automationRulesAPI) checkActionParamIsJSONInteger(ruleID *int64, action int, want int64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		rule, err := a.find(*ruleID)
		if err != nil || rule == nil {
			return fmt.Errorf("reading rule %d from Chatwoot: %w (found: %v)", *ruleID, err, rule != nil)
		}
		actions, _ := rule["actions"].([]any)
		if len(actions) <= action {
			return fmt.Errorf("rule %d has %d actions in Chatwoot", *ruleID, len(actions))
		}
		params, _ := actions[action].(map[string]any)["action_params"].([]any)
		if len(params) == 0 {
			return fmt.Errorf("action %d has no action_params in Chatwoot", action)
		}
		n, ok := params[0].(json.Number)
		if !ok {
			return fmt.Errorf("action %d param is %#v in Chatwoot, want the JSON integer %d", action, params[0], want)
		}
		if got, err := n.Int64(); err != nil || got != want {
			return fmt.Errorf("action %d param is %s in Chatwoot, want %d", action, n, want)
		}
		return nil
	}
}

func (a automationRulesAPI) checkActive(ruleID *int64, want bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		rule, err := a.find(*ruleID)
		if err != nil || rule == nil {
			return fmt.Errorf("reading rule %d from Chatwoot: %w (found: %v)", *ruleID, err, rule != nil)
		}
		if rule["active"] != want {
			return fmt.Errorf("rule %d has active=%v in Chatwoot, want %v", *ruleID, rule["active"], want)
		}
		return nil
	}
}

// inboxToTeamRule routes new conversations of an inbox to a team, relying on active's default.
func inboxToTeamRule(inboxID, teamID int64) string {
	return fmt.Sprintf(`
resource "chatwoot_automation_rule" "test" {
  name        = "billing inbox"
  event_name  = "conversation_created"

  conditions = [
    {
      attribute_key   = "inbox_id"
      filter_operator = "equal_to"
      values          = [%d]
    },
  ]

  actions = [
    {
      action_name = "assign_team"
      params      = [%d]
    },
  ]
}
`, inboxID, teamID)
}

// Create, update, import (both id forms), destroy; ids land in Chatwoot as JSON integers.
func TestAccAutomationRule_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := newAutomationRulesAPI(env, sc)
	provider := env.providerBlock(sc.AdminToken, sc.Account.ID)
	var ruleID int64
	// The labels the updated rule names must exist: the provider refuses a rule with unknown ones.
	createLabels(t, adminAPI(t, env, sc), sc.Account.ID, "vip", "routed", "billing")

	updated := fmt.Sprintf(`
resource "chatwoot_automation_rule" "test" {
  name        = "vip billing"
  description = "Billing VIPs go to Alice"
  event_name  = "conversation_updated"
  active      = false

  conditions = [
    {
      attribute_key   = "inbox_id"
      filter_operator = "equal_to"
      values          = ["%d"]
      query_operator  = "AND"
    },
    {
      attribute_key   = "labels"
      filter_operator = "equal_to"
      values          = ["vip"]
    },
  ]

  actions = [
    {
      action_name = "assign_agent"
      params      = [%d]
    },
    {
      action_name = "add_label"
      params      = ["routed", "billing"]
    },
    {
      action_name = "send_email_to_team"
      team_ids    = [%d]
      message     = "A VIP is waiting"
    },
    {
      action_name = "remove_assigned_team"
    },
  ]
}
`, sc.Inbox.ID, sc.Agent1.ID, sc.Team.ID)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             api.checkDestroyed,
		Steps: []resource.TestStep{
			{
				Config: provider + inboxToTeamRule(sc.Inbox.ID, sc.Team.ID),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(automationRuleAddr, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("account_id"), knownvalue.Int64Exact(sc.Account.ID)),
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("rule_id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("description"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("conditions"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"attribute_key":         knownvalue.StringExact("inbox_id"),
							"filter_operator":       knownvalue.StringExact("equal_to"),
							"values":                knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(strconv.FormatInt(sc.Inbox.ID, 10))}),
							"query_operator":        knownvalue.Null(),
							"custom_attribute_type": knownvalue.Null(),
						}),
					})),
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("actions").AtSliceIndex(0).AtMapKey("params"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(strconv.FormatInt(sc.Team.ID, 10))})),
				},
				Check: resource.ComposeTestCheckFunc(
					captureRuleID(&ruleID),
					api.checkActionParamIsJSONInteger(&ruleID, 0, sc.Team.ID),
				),
			},
			{
				Config: provider + updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(automationRuleAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("event_name"), knownvalue.StringExact("conversation_updated")),
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("active"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("conditions").AtSliceIndex(0).AtMapKey("query_operator"), knownvalue.StringExact("AND")),
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("actions"), knownvalue.ListSizeExact(4)),
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("actions").AtSliceIndex(2), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"action_name": knownvalue.StringExact("send_email_to_team"),
						"params":      knownvalue.Null(),
						"team_ids":    knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(sc.Team.ID)}),
						"message":     knownvalue.StringExact("A VIP is waiting"),
					})),
					statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("actions").AtSliceIndex(3).AtMapKey("params"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					api.checkActionParamIsJSONInteger(&ruleID, 0, sc.Agent1.ID),
					api.checkActive(&ruleID, false),
				),
			},
			{
				ResourceName:      automationRuleAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return compositeID(sc.Account.ID, ruleID), nil },
			},
			{
				// "<rule_id>" alone uses the provider's account_id.
				ResourceName:      automationRuleAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return strconv.FormatInt(ruleID, 10), nil },
			},
		},
	})
}

// reactivationPlan is the plan for a rule Chatwoot deactivated: an update that sets active back
// to true.
func reactivationPlan() []plancheck.PlanCheck {
	return []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(automationRuleAddr, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
	}
}

// Changes made in Chatwoot show in the plan and apply restores the configuration: Chatwoot
// turning the rule off, an id rewritten as a string (which Chatwoot ignores), and a deleted rule
// (which Chatwoot answers with 500, so the provider must check the list).
func TestAccAutomationRule_drift(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := newAutomationRulesAPI(env, sc)
	config := env.providerBlock(sc.AdminToken, sc.Account.ID) + inboxToTeamRule(sc.Inbox.ID, sc.Team.ID)
	var ruleID int64

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             api.checkDestroyed,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  captureRuleID(&ruleID),
			},
			{
				// What Chatwoot does after two failed evaluations.
				PreConfig: func() {
					if err := api.patch(ruleID, map[string]any{"active": false}); err != nil {
						t.Fatalf("deactivating the rule in Chatwoot: %v", err)
					}
				},
				Config:             config,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPostRefresh: reactivationPlan()},
			},
			{
				Config:            config,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: reactivationPlan()},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("active"), knownvalue.Bool(true))},
				Check:             api.checkActive(&ruleID, true),
			},
			{
				// Someone "fixes" the team id in a tool that sends form data: a string id.
				PreConfig: func() {
					err := api.patch(ruleID, map[string]any{"actions": []any{
						map[string]any{"action_name": "assign_team", "action_params": []any{strconv.FormatInt(sc.Team.ID, 10)}},
					}})
					if err != nil {
						t.Fatalf("rewriting the rule's action in Chatwoot: %v", err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(automationRuleAddr, plancheck.ResourceActionUpdate)},
				},
				Check: api.checkActionParamIsJSONInteger(&ruleID, 0, sc.Team.ID),
			},
			{
				PreConfig: func() {
					if env.Mock != nil {
						env.Mock.ResetRequests()
					}
					if err := api.delete(ruleID); err != nil {
						t.Fatalf("deleting the rule in Chatwoot: %v", err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(automationRuleAddr, plancheck.ResourceActionCreate)},
				},
				Check: func(*terraform.State) error {
					if env.Mock == nil {
						return nil
					}
					// The refresh got Chatwoot's 500 for the unknown id and confirmed with the list.
					show := fmt.Sprintf("/api/v1/accounts/%d/automation_rules/%d", sc.Account.ID, ruleID)
					for i, r := range env.Mock.Requests() {
						if r.Method == http.MethodGet && r.Path == show && r.Status == http.StatusInternalServerError {
							rest := env.Mock.Requests()[i+1:]
							if countRequests(rest, http.MethodGet, fmt.Sprintf("/accounts/%d/automation_rules", sc.Account.ID)) == 0 {
								return fmt.Errorf("no list request after the 500 on %s", show)
							}
							return nil
						}
					}
					return fmt.Errorf("no GET %s answered 500 in the request log: %v", show, env.Mock.Requests())
				},
			},
		},
	})
}

// The end result a user cares about: a new conversation lands on the right team and agent, and a
// rule whose condition does not hold does nothing.
func TestAccAutomationRule_routesNewConversations(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := newAutomationRulesAPI(env, sc)
	config := env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_automation_rule" "test" {
  name       = "fixture inbox to billing"
  event_name = "conversation_created"

  conditions = [
    {
      attribute_key   = "inbox_id"
      filter_operator = "equal_to"
      values          = [%[1]d]
      query_operator  = "AND"
    },
    {
      attribute_key   = "status"
      filter_operator = "equal_to"
      values          = ["open"]
    },
  ]

  actions = [
    { action_name = "assign_team", params = [%[2]d] },
    { action_name = "assign_agent", params = [%[3]d] },
  ]
}

resource "chatwoot_automation_rule" "elsewhere" {
  name       = "other inboxes to bob"
  event_name = "conversation_created"

  conditions = [
    {
      attribute_key   = "inbox_id"
      filter_operator = "not_equal_to"
      values          = [%[1]d]
    },
  ]

  actions = [
    { action_name = "assign_agent", params = [%[4]d] },
  ]
}
`, sc.Inbox.ID, sc.Team.ID, sc.Agent1.ID, sc.Agent2.ID)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             api.checkDestroyed,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
					defer cancel()
					created, err := env.Fixtures.CreateConversation(ctx, sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID)
					if err != nil {
						return err
					}
					// Chatwoot runs rules asynchronously; poll briefly for a real server.
					var conv fixture.Conversation
					for deadline := time.Now().Add(20 * time.Second); ; {
						conv, err = env.Fixtures.GetConversation(ctx, sc.AdminToken, sc.Account.ID, created.ID)
						if err != nil {
							return err
						}
						if conv.TeamID == sc.Team.ID && conv.AssigneeID == sc.Agent1.ID || time.Now().After(deadline) {
							break
						}
						time.Sleep(200 * time.Millisecond)
					}
					if conv.TeamID != sc.Team.ID || conv.AssigneeID != sc.Agent1.ID {
						return fmt.Errorf("new conversation %d has team %d and assignee %d; want team %d and assignee %d (Alice), "+
							"and not Bob (%d), whose rule tests another inbox", conv.ID, conv.TeamID, conv.AssigneeID,
							sc.Team.ID, sc.Agent1.ID, sc.Agent2.ID)
					}
					return nil
				},
			},
		},
	})
}

// Agents may not even list automation rules; ids that name nothing are refused before Chatwoot
// stores a rule that would silently do nothing.
func TestAccAutomationRule_refusals(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := newAutomationRulesAPI(env, sc)
	rule := inboxToTeamRule(sc.Inbox.ID, sc.Team.ID)
	noSuchTeam := inboxToTeamRule(sc.Inbox.ID, sc.Team.ID+1000)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             api.checkDestroyed,
		Steps: []resource.TestStep{
			{
				Config:      env.providerBlock(sc.Agent1.AccessToken, sc.Account.ID) + rule,
				ExpectError: regexp.MustCompile(`Chatwoot Administrator Required(.|\n)*administrator`),
			},
			{
				Config:      env.providerBlock(sc.AdminToken, sc.Account.ID) + noSuchTeam,
				ExpectError: regexp.MustCompile(`Chatwoot Team Not Found(.|\n)*no team with id`),
			},
		},
	})
	if rules, err := api.list(); err != nil || len(rules) != 0 {
		t.Errorf("Chatwoot holds %d automation rules (%v); want none", len(rules), err)
	}
	if env.Mock != nil {
		// The unknown team was caught before any create was sent; only the agent's create reached Chatwoot.
		if n := countRequests(env.Mock.Requests(), http.MethodPost, "/automation_rules"); n != 1 {
			t.Errorf("%d automation rule creates reached Chatwoot; want 1 (the agent's, refused)", n)
		}
	}
}

// Plan-time validation of what Chatwoot would reject with a 422 or 500, or accept and ignore.
func TestAccAutomationRule_invalidConfig(t *testing.T) {
	provider := providerConfig("http://127.0.0.1:1", "unused", 1)
	rule := func(conditions, actions string) string {
		return provider + fmt.Sprintf(`
resource "chatwoot_automation_rule" "test" {
  name       = "invalid"
  event_name = "conversation_created"
  conditions = [%s]
  actions    = [%s]
}
`, conditions, actions)
	}
	okCondition := `{ attribute_key = "inbox_id", filter_operator = "equal_to", values = [1] }`
	okAction := `{ action_name = "assign_team", params = [1] }`
	cases := []struct {
		name   string
		config string
		want   string
	}{
		{"missing query operator", rule(okCondition+", "+okCondition, okAction), `Missing Query Operator`},
		{"query operator on last", rule(`{ attribute_key = "inbox_id", filter_operator = "equal_to", values = [1], query_operator = "AND" }`, okAction),
			`Unexpected Query Operator on the Last Condition`},
		{"lower-case query operator", rule(`{ attribute_key = "inbox_id", filter_operator = "equal_to", values = [1], query_operator = "and" }, `+okCondition, okAction),
			`value must be one of`},
		{"custom key without type", rule(`{ attribute_key = "plan_tier", filter_operator = "equal_to", values = ["gold"] }`, okAction),
			`Missing Custom Attribute Type`},
		{"malformed key", rule(`{ attribute_key = "plan tier", filter_operator = "equal_to", values = ["gold"] }`, okAction),
			`Unknown Condition Attribute`},
		{"unknown filter operator", rule(`{ attribute_key = "inbox_id", filter_operator = "equals", values = [1] }`, okAction),
			`value must be one of`},
		{"values for is_present", rule(`{ attribute_key = "team_id", filter_operator = "is_present", values = [1] }`, okAction),
			`Unexpected Condition Values`},
		{"non-numeric inbox id", rule(`{ attribute_key = "inbox_id", filter_operator = "equal_to", values = ["billing"] }`, okAction),
			`Invalid Condition Value`},
		{"unknown status", rule(`{ attribute_key = "status", filter_operator = "equal_to", values = ["closed"] }`, okAction),
			`Invalid Condition Value`},
		{"non-numeric agent id", rule(okCondition, `{ action_name = "assign_agent", params = ["alice"] }`), `Invalid Action Param`},
		{"two teams", rule(okCondition, `{ action_name = "assign_team", params = [1, 2] }`), `Wrong Number of Action Params`},
		{"params on remove_assigned_team", rule(okCondition, `{ action_name = "remove_assigned_team", params = ["x"] }`), `Unexpected Action Params`},
		{"email without message", rule(okCondition, `{ action_name = "send_email_to_team", team_ids = [1] }`), `Missing Message`},
		{"team_ids on assign_team", rule(okCondition, `{ action_name = "assign_team", params = [1], team_ids = [1] }`), `Unexpected Action Attribute`},
		{"unknown action", rule(okCondition, `{ action_name = "assign_bot", params = [1] }`), `value must be one of`},
		{"send_attachment", rule(okCondition, `{ action_name = "send_attachment", params = [1] }`), `Unsupported Automation Action`},
		{"bad webhook URL", rule(okCondition, `{ action_name = "send_webhook_event", params = ["example.com/hook"] }`), `Invalid Action Param`},
		{"no conditions", rule("", okAction), `at least 1`},
		// Chatwoot saves these and switches the rule off after two evaluations.
		{"status contains", rule(`{ attribute_key = "status", filter_operator = "contains", values = ["open"] }`, okAction),
			`Filter Operator Not Allowed for the Attribute(.|\n)*"status"\s+takes\s+only\s+"equal_to",\s+"not_equal_to"`},
		{"inbox_id days_before", rule(`{ attribute_key = "inbox_id", filter_operator = "days_before", values = [1] }`, okAction),
			`Filter Operator Not Allowed for the Attribute(.|\n)*condition\s+1\s+\(counting\s+from\s+1\)`},
		{"custom attribute starts_with", rule(`{ attribute_key = "plan_tier", custom_attribute_type = "conversation_attribute", filter_operator = "starts_with", values = ["g"] }`, okAction),
			`Filter Operator Not Allowed for the Attribute`},
	}
	steps := make([]resource.TestStep, 0, len(cases)+1)
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tc.config,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(tc.want),
		})
	}
	steps = append(steps, resource.TestStep{
		Config: provider + `
resource "chatwoot_automation_rule" "test" {
  name       = "invalid"
  event_name = "conversation_status_changed"
  conditions = [{ attribute_key = "inbox_id", filter_operator = "equal_to", values = [1] }]
  actions    = [{ action_name = "resolve_conversation" }]
}
`,
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`event_name value must be one of`),
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
}

// Chatwoot deactivating a rule by itself: the custom attribute a condition tests is deleted, two
// conversations are created, both evaluations fail, and Chatwoot turns the rule off. The next plan
// must show it and apply must turn it back on.
func TestAccAutomationRule_deactivatedByChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := newAutomationRulesAPI(env, sc)
	// No deadline here: resource.ParallelTest may hold the test for minutes before its steps run,
	// and the fixture client bounds each request itself.
	ctx := context.Background()
	var definition struct {
		ID int64 `json:"id"`
	}
	createDefinition := func() {
		err := env.Fixtures.Do(ctx, http.MethodPost, fmt.Sprintf("/api/v1/accounts/%d/custom_attribute_definitions", sc.Account.ID), sc.AdminToken,
			map[string]any{"attribute_display_name": "Plan tier", "attribute_key": "plan_tier", "attribute_display_type": "text",
				"attribute_model": "conversation_attribute"}, &definition)
		if err != nil {
			t.Fatalf("creating the custom attribute: %v", err)
		}
	}
	createDefinition()
	config := env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_automation_rule" "test" {
  name       = "gold plans to billing"
  event_name = "conversation_created"

  conditions = [
    {
      attribute_key         = "plan_tier"
      custom_attribute_type = "conversation_attribute"
      filter_operator       = "equal_to"
      values                = ["gold"]
    },
  ]

  actions = [
    { action_name = "assign_team", params = [%d] },
  ]
}
`, sc.Team.ID)
	var ruleID int64

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             api.checkDestroyed,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  captureRuleID(&ruleID),
			},
			{
				PreConfig: func() {
					err := env.Fixtures.Do(ctx, http.MethodDelete, fmt.Sprintf("/api/v1/accounts/%d/custom_attribute_definitions/%d",
						sc.Account.ID, definition.ID), sc.AdminToken, nil, nil)
					if err != nil {
						t.Fatalf("deleting the custom attribute: %v", err)
					}
					for range 2 {
						if _, err := env.Fixtures.CreateConversation(ctx, sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID); err != nil {
							t.Fatalf("creating a conversation: %v", err)
						}
					}
					// Chatwoot evaluates rules in a background job; wait for the deactivation.
					for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
						if rule, err := api.find(ruleID); err == nil && rule != nil && rule["active"] == false {
							return
						}
					}
					t.Fatalf("Chatwoot did not deactivate rule %d after two failed evaluations", ruleID)
				},
				Config:             config,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPostRefresh: reactivationPlan()},
			},
			{
				// As the warning advises, the cause is fixed first: with the attribute still deleted,
				// Chatwoot refuses the update (422 "Automation conditions plan_tier not supported.").
				PreConfig:         createDefinition,
				Config:            config,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: reactivationPlan()},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(automationRuleAddr, tfjsonpath.New("active"), knownvalue.Bool(true))},
				Check:             api.checkActive(&ruleID, true),
			},
		},
	})
}
