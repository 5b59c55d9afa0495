package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// A plan is the review of a pull-request pipeline, so what the apply would refuse for want of an
// object (or because a name or email is taken) fails the plan, with the apply's message, and
// nothing is sent to Chatwoot but the reads.
func TestAccPlan_checksExistenceAgainstChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	mock := env.requireMock(t)
	const missing = 999
	provider := env.providerBlock(sc.AdminToken, sc.Account.ID)
	cases := []struct {
		name, config, want string
	}{
		{"team of team members", fmt.Sprintf(`resource "chatwoot_team_members" "x" {
  team_id  = %d
  user_ids = [%d]
}`, missing, sc.Agent1.ID), fmt.Sprintf(`(?s)Chatwoot Object Not Found.*team %d`, missing)},
		{"inbox of inbox members", fmt.Sprintf(`resource "chatwoot_inbox_members" "x" {
  inbox_id = %d
  user_ids = [%d]
}`, missing, sc.Agent1.ID), fmt.Sprintf(`(?s)Chatwoot Object Not Found.*inbox %d`, missing)},
		{"member not an agent", fmt.Sprintf(`resource "chatwoot_team_members" "x" {
  team_id  = %d
  user_ids = [%d]
}`, sc.Team.ID, missing), `Users Not in the Chatwoot Account`},
		{"inbox of auto-assignment", fmt.Sprintf(`resource "chatwoot_inbox_auto_assignment" "x" {
  inbox_id = %d
}`, missing), fmt.Sprintf(`(?s)Chatwoot Object Not Found.*inbox %d`, missing)},
		{"conversation", fmt.Sprintf(`resource "chatwoot_conversation_assignment" "x" {
  conversation_id = %d
  team_id         = %d
}`, missing, sc.Team.ID), fmt.Sprintf(`(?s)Chatwoot Object Not Found.*conversation %d`, missing)},
		{"team of an assignment", fmt.Sprintf(`resource "chatwoot_conversation_assignment" "x" {
  conversation_id = %d
  team_id         = %d
}`, sc.Conversations[0].ID, missing), `Chatwoot Team Not Found`},
		{"agent of an assignment", fmt.Sprintf(`resource "chatwoot_conversation_assignment" "x" {
  conversation_id = %d
  assignee_id     = %d
}`, sc.Conversations[0].ID, missing), `Chatwoot Agent Not Found`},
		{"taken team name", fmt.Sprintf(`resource "chatwoot_team" "x" {
  name = %q
}`, sc.Team.Name), fmt.Sprintf(`(?s)Chatwoot Team Already Exists.*terraform import <resource address>\s+%d/%d`, sc.Account.ID, sc.Team.ID)},
		{"email already in the account", fmt.Sprintf(`resource "chatwoot_agent" "x" {
  email = %q
}`, sc.Agent1.Email), fmt.Sprintf(`(?s)Chatwoot Agent Already Exists.*terraform import <resource address>\s+%d/%d`, sc.Account.ID, sc.Agent1.ID)},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: provider + c.config, ExpectError: regexp.MustCompile(c.want)})
	}
	steps[0].PreConfig = mock.ResetRequests
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
	for _, r := range mock.Requests() {
		if r.Method != http.MethodGet {
			t.Errorf("%s %s reached Chatwoot; a refused plan must send nothing but reads", r.Method, r.Path)
		}
	}
}
