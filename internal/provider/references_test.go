package provider

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// createLabels creates labels in Chatwoot through the public API, failing the test if it cannot.
func createLabels(t *testing.T, api *chatwoot.Client, accountID int64, titles ...string) {
	t.Helper()
	ctx, cancel := testContext()
	defer cancel()
	for _, title := range titles {
		if _, err := api.CreateLabel(ctx, accountID, chatwoot.LabelFields{Title: ptr(title)}); err != nil {
			t.Fatalf("creating label %q: %v", title, err)
		}
	}
}

// Actions and conditions take other resources' attributes: a team created in the same run is
// unknown at plan time, the plan passes, and the rule and the macro are saved with its id (as a
// JSON integer) once Terraform has created it.
func TestAccReferences_unknownAtPlanTime(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	createLabels(t, api, sc.Account.ID, "escalated")
	cfg := env.providerBlock(sc.AdminToken, sc.Account.ID) + `
resource "chatwoot_team" "escalations" {
  name = "escalations"
}

resource "chatwoot_automation_rule" "test" {
  name       = "escalate"
  event_name = "conversation_updated"
  conditions = [
    { attribute_key = "team_id", filter_operator = "not_equal_to", values = [chatwoot_team.escalations.team_id], query_operator = "AND" },
    { attribute_key = "labels", filter_operator = "equal_to", values = ["escalated"] },
  ]
  actions = [
    { action_name = "assign_team", params = [chatwoot_team.escalations.team_id] },
  ]
}

resource "chatwoot_macro" "test" {
  name = "escalate"
  actions = [
    { action_name = "assign_team", params = [chatwoot_team.escalations.team_id] },
    { action_name = "add_label", params = ["escalated"] },
  ]
}
`
	var teamID int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue("chatwoot_macro.test", tfjsonpath.New("actions").AtSliceIndex(0).AtMapKey("params").AtSliceIndex(0)),
				plancheck.ExpectUnknownValue("chatwoot_automation_rule.test",
					tfjsonpath.New("conditions").AtSliceIndex(0).AtMapKey("values").AtSliceIndex(0)),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("chatwoot_macro.test", tfjsonpath.New("actions").AtSliceIndex(0).AtMapKey("params"),
					knownvalue.ListSizeExact(1)),
			},
			Check: resource.ComposeTestCheckFunc(
				func(s *terraform.State) error {
					var err error
					teamID, err = strconv.ParseInt(s.RootModule().Resources["chatwoot_team.escalations"].Primary.Attributes["team_id"], 10, 64)
					return err
				},
				inChatwoot(func(ctx context.Context) error {
					macros, err := api.ListMacros(ctx, sc.Account.ID)
					if err != nil {
						return err
					}
					if len(macros) != 1 || len(macros[0].Actions) != 2 || macros[0].Actions[0].ActionParams[0].Int == nil ||
						*macros[0].Actions[0].ActionParams[0].Int != teamID {
						return fmt.Errorf("Chatwoot holds macros %+v; want one assigning team %d by a JSON integer", macros, teamID)
					}
					return nil
				}),
			),
		}},
	})
}

// A label the account does not have is refused before the rule or macro is saved, with the
// lowercase form when only the case differs; nothing is created.
func TestAccReferences_missingLabelRefused(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	createLabels(t, adminAPI(t, env, sc), sc.Account.ID, "vip")
	provider := env.providerBlock(sc.AdminToken, sc.Account.ID)
	mock.ResetRequests()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: provider + `
resource "chatwoot_macro" "test" {
  name    = "tag"
  actions = [{ action_name = "add_label", params = ["vip", "no-such-label"] }]
}
`,
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Label Not Found.*no label "no-such-label", so the macro was not saved.*chatwoot_label`),
			},
			{
				Config: provider + `
resource "chatwoot_macro" "test" {
  name    = "tag"
  actions = [{ action_name = "remove_label", params = ["VIP"] }]
}
`,
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Label Not Found.*no label "VIP".*write "vip"`),
			},
			{
				Config: provider + `
resource "chatwoot_automation_rule" "test" {
  name       = "tagged"
  event_name = "conversation_updated"
  conditions = [{ attribute_key = "labels", filter_operator = "equal_to", values = ["missing"] }]
  actions    = [{ action_name = "mute_conversation" }]
}
`,
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Label Not Found.*no label "missing", so the rule was not saved`),
			},
			{
				Config: provider + `
resource "chatwoot_automation_rule" "test" {
  name       = "tag"
  event_name = "conversation_created"
  conditions = [{ attribute_key = "status", filter_operator = "equal_to", values = ["open"] }]
  actions    = [{ action_name = "add_label", params = ["missing"] }]
}
`,
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Label Not Found.*no label "missing", so the rule was not saved`),
			},
		},
	})
	if m := mutatingRequests(mock.Requests()); len(m) > 0 {
		t.Errorf("Chatwoot received mutating requests %v", m)
	}
}

// A param unknown at plan time is checked at apply, once known: a team's name where its id
// belongs is refused before the macro or rule is sent.
func TestAccReferences_checkedAtApplyOnceKnown(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	provider := env.providerBlock(sc.AdminToken, sc.Account.ID)
	for _, c := range []struct{ name, body string }{
		{"macro", `
resource "chatwoot_macro" "test" {
  name    = "wrong attribute"
  actions = [{ action_name = "assign_team", params = [chatwoot_team.t.name] }]
}
`},
		{"rule", `
resource "chatwoot_automation_rule" "test" {
  name       = "wrong attribute"
  event_name = "conversation_created"
  conditions = [{ attribute_key = "status", filter_operator = "equal_to", values = ["open"] }]
  actions    = [{ action_name = "assign_team", params = [chatwoot_team.t.name] }]
}
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: provider + fmt.Sprintf(`
resource "chatwoot_team" "t" {
  name = "apply check %s"
}
`, c.name) + c.body,
					ExpectError: regexp.MustCompile(`Invalid Action Param[\s\S]*assign_team takes one team id`),
				}},
			})
		})
	}
	for _, suffix := range []string{"/macros", "/automation_rules"} {
		if n := countRequests(mock.Requests(), "POST", suffix); n > 0 {
			t.Errorf("%d POST %s reached Chatwoot", n, suffix)
		}
	}
}
