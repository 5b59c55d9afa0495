package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Destroy with -refresh=false (the testing framework's own destroy passes it): a human assigns
// another agent after Terraform's last apply, so the state still shows this resource's agent.
// Destroy must read the conversation before clearing and leave the human's agent alone, while it
// still clears the team it set.
func TestAccConversationAssignment_destroyWithoutRefreshKeepsOthersChange(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             env.checkConversation(sc, conv, sc.Agent2.ID, 0),
		Steps: []resource.TestStep{
			{
				Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  assignee_id     = %d
  team_id         = %d
}`, conv, sc.Agent1.ID, sc.Team.ID),
				Check: resource.ComposeTestCheckFunc(
					env.checkConversation(sc, conv, sc.Agent1.ID, sc.Team.ID),
					// After the apply wrote the state, nothing refreshes it again before destroy.
					func(*terraform.State) error {
						return env.Fixtures.Assign(context.Background(), sc.AdminToken, sc.Account.ID, conv, map[string]any{"assignee_id": sc.Agent2.ID})
					},
				),
				ExpectNonEmptyPlan: true, // the refreshed plan restores Alice; it is never applied
			},
		},
	})
}

// Removing a field with -refresh=false on every plan: the state still says this resource's agent,
// Chatwoot holds the one a human assigned since, and apply must leave it alone.
func TestAccConversationAssignment_removingFieldWithoutRefreshKeepsOthersChange(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	cfg := func(agent string) string {
		return env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
  %s
}`, conv, sc.Team.ID, agent)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		AdditionalCLIOptions:     &resource.AdditionalCLIOptions{Plan: resource.PlanOptions{NoRefresh: true}},
		CheckDestroy:             env.checkConversation(sc, conv, sc.Agent2.ID, 0),
		Steps: []resource.TestStep{
			{
				Config: cfg(fmt.Sprintf("assignee_id = %d", sc.Agent1.ID)),
				Check:  env.checkConversation(sc, conv, sc.Agent1.ID, sc.Team.ID),
			},
			{
				PreConfig: func() {
					must(t, env.Fixtures.Assign(context.Background(), sc.AdminToken, sc.Account.ID, conv, map[string]any{"assignee_id": sc.Agent2.ID}))
				},
				Config: cfg(""),
				Check:  env.checkConversation(sc, conv, sc.Agent2.ID, sc.Team.ID),
			},
		},
	})
}
