package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// dsCheck asserts one attribute of a data source (addr is "data.chatwoot_x.name").
func dsCheck(addr, attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), v)
}

// dsOutsider creates a user who belongs to no account, and returns their token.
func dsOutsider(t *testing.T, env *testEnv) fixture.User {
	t.Helper()
	u, err := env.Fixtures.CreateUser(context.Background(), "Outsider", "outsider+"+dsSuffix(t)+"@example.test", "Passw0rd!")
	must(t, err)
	return u
}

// dsSuffix makes fixture names unique per test, for runs against a shared real Chatwoot.
func dsSuffix(t *testing.T) string {
	return strings.ToLower(strings.NewReplacer("/", "-", "_", "-").Replace(t.Name()))
}

// dsError matches a diagnostic that contains the phrases in order, whatever Terraform's line
// wrapping does to the spaces between their words.
func dsError(phrases ...string) *regexp.Regexp {
	parts := make([]string, len(phrases))
	for i, p := range phrases {
		parts[i] = strings.Join(strings.Fields(regexp.QuoteMeta(p)), `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*"))
}

// Several data sources of every kind and an assignment in one configuration: within one Terraform
// command, each list is fetched once per account, however many data sources and existence checks
// need it.
func TestAccDataSources_oneListCallPerKindAndAccount(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 1)
	cfg := env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
data "chatwoot_agent" "alice" {
  email = %[1]q
}
data "chatwoot_agent" "bob" {
  id = %[2]d
}
data "chatwoot_agents" "all" {}
data "chatwoot_agents" "admins" {
  role = "administrator"
}
data "chatwoot_team" "by_name" {
  name = "Billing"
}
data "chatwoot_team" "by_id" {
  id = %[3]d
}
data "chatwoot_teams" "all" {}
data "chatwoot_inbox" "by_name" {
  name = %[4]q
}
data "chatwoot_inbox" "by_id" {
  id = %[5]d
}
data "chatwoot_inboxes" "all" {}
data "chatwoot_agent_bot" "by_name" {
  name = %[6]q
}
data "chatwoot_agent_bot" "by_id" {
  id = %[7]d
}
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %[8]d
  assignee_id     = data.chatwoot_agent.alice.id
  team_id         = data.chatwoot_team.by_name.id
}`, sc.Agent1.Email, sc.Agent2.ID, sc.Team.ID, sc.Inbox.Name, sc.Inbox.ID, sc.Bot.Name, sc.Bot.ID, sc.Conversations[0].ID)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: mock.ResetRequests,
			Config:    cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				dsCheck(assignmentAddr, "assignee_id", knownvalue.Int64Exact(sc.Agent1.ID)),
				dsCheck(assignmentAddr, "team_id", knownvalue.Int64Exact(sc.Team.ID)),
				dsCheck("data.chatwoot_agents.all", "agents", knownvalue.ListSizeExact(3)),
				dsCheck("data.chatwoot_inbox.by_name", "id", knownvalue.Int64Exact(sc.Inbox.ID)),
				dsCheck("data.chatwoot_agent_bot.by_name", "id", knownvalue.Int64Exact(sc.Bot.ID)),
			},
			// The step so far ran two Terraform commands against Chatwoot: the plan, which read
			// every data source, and the apply, whose assignment checked its agent and team.
			Check: func(*terraform.State) error {
				reqs := mock.Requests()
				want := map[string]int{"/agents": 2, "/teams": 2, "/inboxes": 1, "/agent_bots": 1}
				var problems []string
				for suffix, n := range want {
					if got := countRequests(reqs, http.MethodGet, suffix); got != n {
						problems = append(problems, fmt.Sprintf("GET %s: %d calls, want %d (one per Terraform command that needs the list)", suffix, got, n))
					}
				}
				if got := countRequests(reqs, http.MethodGet, fmt.Sprintf("/inboxes/%d", sc.Inbox.ID)); got != 0 {
					problems = append(problems, fmt.Sprintf("GET /inboxes/%d: %d calls; a by-id lookup must use the list", sc.Inbox.ID, got))
				}
				if len(problems) > 0 {
					return fmt.Errorf("%s", strings.Join(problems, "\n"))
				}
				return nil
			},
		}},
	})
}
