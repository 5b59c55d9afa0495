package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// Configuration generated for an import (import block + plan -generate-config-out) must plan
// with no changes, for every resource type: what the generator writes is what the provider reads.
func TestAccGeneratedConfig_plansNoChanges(t *testing.T) {
	type target struct {
		typeName, idAttr string
		config           func(env *testEnv, scIDs seeded) string
	}
	targets := []target{
		{"chatwoot_team", "team_id", func(_ *testEnv, s seeded) string {
			return `resource "chatwoot_team" "test" {
  name        = "escalations"
  description = "the hard ones"
}`
		}},
		{"chatwoot_team_members", "team_id", func(_ *testEnv, s seeded) string {
			return fmt.Sprintf(`resource "chatwoot_team_members" "test" {
  team_id  = %d
  user_ids = [%d]
}`, s.team, s.agent)
		}},
		{"chatwoot_team_members", "team_id", func(_ *testEnv, s seeded) string {
			// No members: generated as user_ids = [], which must be valid.
			return fmt.Sprintf(`resource "chatwoot_team_members" "test" {
  team_id  = %d
  user_ids = []
}`, s.team)
		}},
		{"chatwoot_inbox_members", "inbox_id", func(_ *testEnv, s seeded) string {
			return fmt.Sprintf(`resource "chatwoot_inbox_members" "test" {
  inbox_id = %d
  user_ids = [%d]
}`, s.inbox, s.agent)
		}},
		{"chatwoot_agent", "user_id", func(_ *testEnv, s seeded) string {
			return fmt.Sprintf(`resource "chatwoot_agent" "test" {
  email = %q
  name  = "Hal"
}`, uniqueEmail("hal"))
		}},
		{"chatwoot_inbox_auto_assignment", "inbox_id", func(_ *testEnv, s seeded) string {
			return fmt.Sprintf(`resource "chatwoot_inbox_auto_assignment" "test" {
  inbox_id               = %d
  enable_auto_assignment = false
}`, s.inbox)
		}},
		{"chatwoot_automation_rule", "rule_id", func(_ *testEnv, s seeded) string {
			return inboxToTeamRule(s.inbox, s.team)
		}},
		{"chatwoot_conversation_assignment", "conversation_id", func(_ *testEnv, s seeded) string {
			return fmt.Sprintf(`resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  assignee_id     = %d
  team_id         = %d
}`, s.conversation, s.agent, s.team)
		}},
	}
	for i, tg := range targets {
		t.Run(fmt.Sprintf("%d_%s", i, tg.typeName), func(t *testing.T) {
			env := newTestEnv(t)
			sc := env.seed(t, 1)
			s := seeded{team: sc.Team.ID, inbox: sc.Inbox.ID, agent: sc.Agent1.ID, conversation: sc.Conversations[0].ID}
			provider := env.providerBlock(sc.AdminToken, sc.Account.ID)
			addr := tg.typeName + ".test"
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{Config: provider + tg.config(env, s)},
					{
						Config:            provider,
						ResourceName:      addr,
						ImportState:       true,
						ImportStateKind:   resource.ImportBlockWithID,
						ImportStateIdFunc: importIDOf(addr, tg.idAttr),
						GenerateConfig:    true,
					},
				},
			})
		})
	}
}

// seeded are the ids of a seeded scenario a configuration refers to.
type seeded struct {
	team, inbox, agent, conversation int64
}
