package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Every resource records its identity (account_id and its own id) and imports by it, on the CLIs
// that support identities. Older CLIs are covered by every other test: they send no identity and
// must keep working.
func TestAccIdentity_importByIdentity(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	cfg := env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  assignee_id     = %d
}

resource "chatwoot_team" "test" {
  name        = "identity"
  description = "imported by identity"
}

resource "chatwoot_team_members" "test" {
  team_id  = chatwoot_team.test.team_id
  user_ids = [%d]
}

resource "chatwoot_inbox_members" "test" {
  inbox_id = %d
  user_ids = [%d, %d]
}

resource "chatwoot_inbox_auto_assignment" "test" {
  inbox_id               = %d
  enable_auto_assignment = false
}

resource "chatwoot_agent" "test" {
  name  = "Dana"
  email = "dana+%d@example.test"
  role  = "agent"
}

resource "chatwoot_automation_rule" "test" {
  name       = "route to the team"
  event_name = "conversation_created"
  conditions = [
    { attribute_key = "inbox_id", filter_operator = "equal_to", values = ["%d"] },
  ]
  actions = [
    { action_name = "assign_team", params = ["%d"] },
  ]
}
`, conv, sc.Agent1.ID, sc.Agent2.ID, sc.Inbox.ID, sc.Agent1.ID, sc.Agent2.ID, sc.Inbox.ID, sc.Account.ID, sc.Inbox.ID, sc.Team.ID)

	identities := map[string]string{
		"chatwoot_conversation_assignment.test": "conversation_id",
		"chatwoot_team.test":                    "team_id",
		"chatwoot_team_members.test":            "team_id",
		"chatwoot_inbox_members.test":           "inbox_id",
		"chatwoot_inbox_auto_assignment.test":   "inbox_id",
		"chatwoot_agent.test":                   "user_id",
		"chatwoot_automation_rule.test":         "rule_id",
	}
	checks := []statecheck.StateCheck{
		statecheck.ExpectIdentity("chatwoot_conversation_assignment.test", map[string]knownvalue.Check{
			"account_id":      knownvalue.Int64Exact(sc.Account.ID),
			"conversation_id": knownvalue.Int64Exact(conv),
		}),
	}
	for addr, idAttr := range identities {
		checks = append(checks,
			statecheck.ExpectIdentityValueMatchesState(addr, tfjsonPath("account_id")),
			statecheck.ExpectIdentityValueMatchesState(addr, tfjsonPath(idAttr)),
		)
	}
	steps := []resource.TestStep{{Config: cfg, ConfigStateChecks: checks}}
	for addr := range identities {
		steps = append(steps, resource.TestStep{
			Config:          cfg,
			ResourceName:    addr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsIdentityImport},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
}

func tfjsonPath(attr string) tfjsonpath.Path { return tfjsonpath.New(attr) }
