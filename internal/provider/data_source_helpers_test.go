package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
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

// The lookup kit composes the not-found details from the kind, the key attribute and what a
// declaration adds; these are the texts users read, for a kind with each addition and one without.
func TestLookupDataSources_notFoundDetails(t *testing.T) {
	agent := lookupOf[chatwoot.Agent, agentDataSourceModel](t, NewAgentDataSource())
	bot := lookupOf[chatwoot.AgentBot, agentBotDataSourceModel](t, NewAgentBotDataSource())
	capacity := lookupOf[chatwoot.CapacityPolicy, capacityPolicyDataSourceModel](t, NewAgentCapacityPolicyDataSource())
	for _, tc := range []struct{ got, want string }{
		{agent.notFoundSummary(), "Chatwoot Agent Not Found"},
		{agent.missingID(3, 7), "Account 3 has no agent with user id 7. Check the id, or look the agent up by email instead."},
		{agent.missingKey(3, "a@example.test"), `Account 3 has no agent with email "a@example.test" (compared without regard to case). ` +
			"Check the address, and that the user has been added to this account; the chatwoot_agents data source lists the account's agents."},
		{bot.missingID(3, 7), "Account 3 has no agent bot with id 7, neither its own nor a system bot. Check the id, or look the agent bot up by name instead."},
		{bot.missingKey(3, "Helper"), `Account 3 has no agent bot named "Helper" (compared without regard to case), neither its own nor a system bot. ` +
			"Check the name; the chatwoot_agent_bots data source lists the account's agent bots."},
		{capacity.notFoundSummary(), "Chatwoot Agent Capacity Policy Not Found"},
		{capacity.missingKey(3, "Night"), `Account 3 has no agent capacity policy named "Night" (compared without regard to case). Check the name.`},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %q\nwant %q", tc.got, tc.want)
		}
	}
}

func lookupOf[T, M any](t *testing.T, ds datasource.DataSource) namedLookup[T] {
	t.Helper()
	d, ok := ds.(*lookupDataSource[T, M])
	if !ok {
		t.Fatalf("%T is not a lookup data source of these types", ds)
	}
	return d.lookup
}
