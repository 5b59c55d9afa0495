package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

const macroAddr = "chatwoot_macro.test"

func macroConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_macro" "test" {
%s
}
`, body)
}

// macroID reads macro_id from the state into id.
func macroID(id *int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		_, err := fmt.Sscan(s.RootModule().Resources[macroAddr].Primary.Attributes["macro_id"], id)
		return err
	}
}

// Create, update, refresh (one list request, as for every macro), import, drift and destroy, each checked against Chatwoot;
// ids go out as JSON integers.
func TestAccMacro_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var id int64
	first := fmt.Sprintf(`  name = "Escalate"
  actions = [
    { action_name = "assign_team", params = [%d] },
    { action_name = "send_message", params = ["On it."] },
    { action_name = "resolve_conversation" },
  ]`, sc.Team.ID)
	second := fmt.Sprintf(`  name       = "Escalate to billing"
  visibility = "global"
  actions = [
    { action_name = "assign_agent", params = ["self"] },
    { action_name = "assign_agent", params = [%d] },
    { action_name = "change_priority", params = ["urgent"] },
  ]`, sc.Agent1.ID)
	holds := func(name string, actions ...string) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			m, err := api.GetMacro(ctx, a, id)
			if err != nil {
				return err
			}
			var got []string
			for _, act := range m.Actions {
				got = append(got, fmt.Sprint(act.ActionName, act.ActionParams))
			}
			if m.Name != name || m.Visibility != "global" || fmt.Sprint(got) != fmt.Sprint(actions) {
				return fmt.Errorf("Chatwoot holds %q (%s) %v; want %q (global) %v", m.Name, m.Visibility, got, name, actions)
			}
			return nil
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			_, err := api.GetMacro(ctx, a, id)
			switch {
			case err == nil:
				return fmt.Errorf("macro %d still exists after destroy", id)
			case !chatwoot.IsNotFound(err):
				return fmt.Errorf("reading macro %d after destroy: %w", id, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:           macroConfig(proxy.URL, sc.AdminToken, a, first),
				ConfigPlanChecks: expectAction(macroAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(macroAddr, "visibility", "global"),
					stateInt64(macroAddr, "account_id", a),
					statecheck.ExpectKnownValue(macroAddr, tfjsonpath.New("actions").AtSliceIndex(2).AtMapKey("params"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					macroID(&id),
					holds("Escalate", fmt.Sprintf("assign_team[%d]", sc.Team.ID), "send_message[On it.]", "resolve_conversation[]"),
					func(*terraform.State) error {
						body, err := proxy.sentBody("POST", accountAPIPath(a, "/macros"))
						if err != nil {
							return err
						}
						actions, _ := body["actions"].([]any)
						first, _ := actions[0].(map[string]any)
						params, _ := first["action_params"].([]any)
						if _, isNumber := params[0].(float64); !isNumber || body["visibility"] != "global" {
							return fmt.Errorf("sent %v; want the team id as a JSON number and visibility global", body)
						}
						return nil
					},
				),
			},
			{
				PreConfig:        proxy.reset,
				Config:           macroConfig(proxy.URL, sc.AdminToken, a, second),
				ConfigPlanChecks: expectAction(macroAddr, plancheck.ResourceActionUpdate),
				Check: holds("Escalate to billing", "assign_agent[self]", fmt.Sprintf("assign_agent[%d]", sc.Agent1.ID),
					"change_priority[urgent]"),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/macros"))
				},
			},
			{
				Config:            macroConfig(proxy.URL, sc.AdminToken, a, second),
				ResourceName:      macroAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(macroAddr, "macro_id"),
			},
			{
				Config:            macroConfig(proxy.URL, sc.AdminToken, a, second),
				ResourceName:      macroAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return fmt.Sprint(id), nil },
			},
			{
				// Renamed and re-actioned in Chatwoot: the plan restores both.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateMacro(ctx, a, id, chatwoot.MacroInput{Name: "changed in the UI", Visibility: "global",
						Actions: []chatwoot.AutomationAction{{ActionName: "mute_conversation"}}})
					return err
				}),
				Config: macroConfig(proxy.URL, sc.AdminToken, a, second),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(macroAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(macroAddr, tfjsonpath.New("name"), knownvalue.StringExact("Escalate to billing")),
				}},
				Check: holds("Escalate to billing", "assign_agent[self]", fmt.Sprintf("assign_agent[%d]", sc.Agent1.ID),
					"change_priority[urgent]"),
			},
		},
	})
}

// A macro deleted in Chatwoot is removed from the state with a warning and created again.
func TestAccMacro_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	cfg := macroConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "mute"
  actions = [{ action_name = "mute_conversation" }]`)
	var first, second int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: macroID(&first)},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return api.DeleteMacro(ctx, sc.Account.ID, first)
				}),
				Config:           cfg,
				ConfigPlanChecks: expectAction(macroAddr, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(macroID(&second), func(*terraform.State) error {
					if second == first {
						return fmt.Errorf("macro_id %d was not replaced by the new macro's id", first)
					}
					return nil
				}),
			},
		},
	})
}

// What the provider can know is wrong is refused at plan time, and Chatwoot receives nothing
// that changes it.
func TestAccMacro_refusedAtPlan(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	cases := []struct{ name, body, want string }{
		{"personal", `  name = "mine"
  visibility = "personal"
  actions = [{ action_name = "mute_conversation" }]`, `Personal Macros Are Not Supported[\s\S]*visible only to the user who created it`},
		{"unknown visibility", `  name = "x"
  visibility = "team"
  actions = [{ action_name = "mute_conversation" }]`, `visibility`},
		{"automation-only action", `  name = "x"
  actions = [{ action_name = "open_conversation" }]`, `action_name`},
		{"send_attachment", `  name = "x"
  actions = [{ action_name = "send_attachment", params = ["1"] }]`, `Unsupported Macro Action`},
		{"params on a param-less action", `  name = "x"
  actions = [{ action_name = "resolve_conversation", params = ["now"] }]`, `resolve_conversation takes no params`},
		{"bad agent param", `  name = "x"
  actions = [{ action_name = "assign_agent", params = ["me"] }]`, `Invalid Action Param[\s\S]*"self"`},
		{"bad status", `  name = "x"
  actions = [{ action_name = "change_status", params = ["closed"] }]`, `Invalid Action Param`},
		{"blank name", `  name = " "
  actions = [{ action_name = "mute_conversation" }]`, `must not be blank`},
		{"no actions", `  name = "x"
  actions = []`, `actions`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      macroConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, c.body),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(c.want),
		})
	}
	mock.ResetRequests()
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProtoV6ProviderFactories, Steps: steps})
	if m := mutatingRequests(mock.Requests()); len(m) > 0 {
		t.Errorf("Chatwoot received mutating requests %v", m)
	}
}

// An agent or team the account does not have is refused before the macro is saved.
func TestAccMacro_unknownReferencesRefused(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	mock.ResetRequests()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: macroConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "x"
  actions = [{ action_name = "assign_team", params = ["987654"] }]`),
				ExpectError: regexp.MustCompile(`Chatwoot Team Not Found[\s\S]*no team with id 987654, so the macro was not saved`),
			},
			{
				Config: macroConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "x"
  actions = [{ action_name = "assign_agent", params = ["987654"] }]`),
				ExpectError: regexp.MustCompile(`Chatwoot Agent Not Found[\s\S]*user id 987654`),
			},
		},
	})
	if n := countRequests(mock.Requests(), "POST", "/macros"); n > 0 {
		t.Errorf("%d macros were created", n)
	}
}

// An agent's token would make a personal macro; the provider undoes it and asks for an
// administrator.
func TestAccMacro_agentTokenRefused(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	agentAPI, err := chatwoot.New(chatwoot.Config{BaseURL: env.BaseURL, Token: sc.Agent1.AccessToken})
	if err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: macroConfig(env.BaseURL, sc.Agent1.AccessToken, sc.Account.ID, `  name = "agents only"
  actions = [{ action_name = "mute_conversation" }]`),
			ExpectError: regexp.MustCompile(`(?s)Chatwoot Administrator Required.*"personal".*deleted\s+it\s+again`),
		}},
	})
	ctx, cancel := testContext()
	defer cancel()
	left, err := agentAPI.ListMacros(ctx, sc.Account.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("the agent still has macros %+v", left)
	}
}
