package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// actionTriggeredConfig invokes the action once, when a terraform_data resource is created.
func actionTriggeredConfig(provider, actionConfig string) string {
	return provider + fmt.Sprintf(`
action "chatwoot_conversation_assign" "route" {
  config {
%s
  }
}

resource "terraform_data" "arrival" {
  input = "conversation arrived"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.chatwoot_conversation_assign.route]
    }
  }
}
`, actionConfig)
}

func TestAccConversationAssignAction_teamThenAgent(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	conversation := sc.Conversations[0].ID
	proxy := newRecordingProxy(t, env.BaseURL)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsActions},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: actionTriggeredConfig(providerConfig(proxy.URL, sc.AdminToken, sc.Account.ID), fmt.Sprintf(`
    conversation_id = %d
    team_id         = %d
    assignee_id     = %d`, conversation, sc.Team.ID, sc.Agent1.ID)),
			Check: resource.ComposeAggregateTestCheckFunc(
				inChatwoot(func(ctx context.Context) error {
					cv := env.conversation(t, sc.AdminToken, sc.Account.ID, conversation)
					if cv.TeamID != sc.Team.ID || cv.AssigneeID != sc.Agent1.ID || cv.AssigneeType != "User" {
						return fmt.Errorf("conversation holds team %d and %s %d; want team %d and agent %d",
							cv.TeamID, cv.AssigneeType, cv.AssigneeID, sc.Team.ID, sc.Agent1.ID)
					}
					return nil
				}),
				func(*terraform.State) error {
					// The team goes first, alone: Chatwoot ignores team_id in a request that names an agent.
					var bodies []map[string]any
					for _, r := range proxy.requests() {
						if r.Method == "POST" && strings.HasSuffix(r.Path, fmt.Sprintf("/conversations/%d/assignments", conversation)) {
							bodies = append(bodies, r.Body)
						}
					}
					if len(bodies) != 2 {
						return fmt.Errorf("assignment requests = %v; want two, the team's then the agent's", bodies)
					}
					_, teamHasAgent := bodies[0]["assignee_id"]
					if fmt.Sprint(bodies[0]["team_id"]) != fmt.Sprint(sc.Team.ID) || teamHasAgent ||
						fmt.Sprint(bodies[1]["assignee_id"]) != fmt.Sprint(sc.Agent1.ID) {
						return fmt.Errorf("assignment requests = %v; want the team's alone, then the agent's", bodies)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccConversationAssignAction_unknownAgentSendsNothing(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	conversation := sc.Conversations[0].ID
	mock := env.requireMock(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsActions},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: mock.ResetRequests,
			Config: actionTriggeredConfig(env.providerBlock(sc.AdminToken, sc.Account.ID), fmt.Sprintf(`
    conversation_id = %d
    team_id         = %d
    assignee_id     = 987654`, conversation, sc.Team.ID)),
			ExpectError: regexp.MustCompile(`Chatwoot Agent Not Found`),
		}, {
			// Nothing was sent: not even the team, which came first in the request order.
			PreConfig: func() {
				for _, r := range mutatingRequests(mock.Requests()) {
					if strings.Contains(r.Path, "/assignments") {
						t.Fatalf("an assignment was sent although the agent does not exist: %s %s", r.Method, r.Path)
					}
				}
				if cv := env.conversation(t, sc.AdminToken, sc.Account.ID, conversation); cv.TeamID != 0 || cv.AssigneeID != 0 {
					t.Fatalf("conversation changed: team %d, assignee %d", cv.TeamID, cv.AssigneeID)
				}
			},
			Config: env.providerBlock(sc.AdminToken, sc.Account.ID),
		}},
	})
}
