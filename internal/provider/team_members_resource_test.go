package provider

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

const teamMembersAddr = "chatwoot_team_members.test"

func teamMembersConfig(baseURL, token string, accountID, teamID int64, userIDs ...int64) string {
	return fmt.Sprintf(`
provider "chatwoot" {
  base_url         = %q
  api_access_token = %q
}

resource "chatwoot_team_members" "test" {
  account_id = %d
  team_id    = %d
  user_ids   = [%s]
}
`, baseURL, token, accountID, teamID, idList(userIDs))
}

func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(id)
	}
	return strings.Join(parts, ", ")
}

// sameIDs compares the ids of agents with the wanted ids, in any order.
func sameIDs(agents []chatwoot.Agent, want ...int64) error {
	got := make([]int64, len(agents))
	for i, a := range agents {
		got[i] = a.ID
	}
	sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
	sorted := append([]int64(nil), want...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	if fmt.Sprint(got) != fmt.Sprint(sorted) {
		return fmt.Errorf("Chatwoot holds the members %v; want %v", got, sorted)
	}
	return nil
}

// Create (the seeded team has both agents: the set removes one), update, one-GET refresh,
// import, drift (a member added in Chatwoot is removed) and destroy (the team is emptied).
func TestAccTeamMembers_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a, team := sc.Account.ID, sc.Team.ID
	membersPath := accountAPIPath(a, "/teams/%d/team_members", team)
	holds := func(want ...int64) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			members, err := api.ListTeamMembers(ctx, a, team)
			if err != nil {
				return err
			}
			return sameIDs(members, want...)
		})
	}
	cfg := func(ids ...int64) string { return teamMembersConfig(proxy.URL, sc.AdminToken, a, team, ids...) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             holds(),
		Steps: []resource.TestStep{
			{
				Config:           cfg(sc.Agent1.ID),
				ConfigPlanChecks: expectAction(teamMembersAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateUserIDs(teamMembersAddr, sc.Agent1.ID),
					stateString(teamMembersAddr, "id", fmt.Sprintf("%d/%d", a, team)),
				},
				Check: holds(sc.Agent1.ID),
			},
			{
				PreConfig:         proxy.reset,
				Config:            cfg(sc.Agent1.ID, sc.Admin.ID),
				ConfigPlanChecks:  expectAction(teamMembersAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{stateUserIDs(teamMembersAddr, sc.Agent1.ID, sc.Admin.ID)},
				Check: resource.ComposeTestCheckFunc(
					holds(sc.Agent1.ID, sc.Admin.ID),
					func(*terraform.State) error {
						// One PATCH with the whole set, as integers.
						body, err := proxy.sentBody("PATCH", membersPath)
						if err != nil {
							return err
						}
						if got := fmt.Sprint(body["user_ids"]); got != fmt.Sprintf("[%d %d]", min(sc.Agent1.ID, sc.Admin.ID), max(sc.Agent1.ID, sc.Admin.ID)) {
							return fmt.Errorf("PATCH sent user_ids %s", got)
						}
						return nil
					},
				),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check:        func(*terraform.State) error { return proxy.expectRequests("GET " + membersPath) },
			},
			{
				ResourceName:      teamMembersAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(teamMembersAddr, "team_id"),
			},
			{
				// Someone adds Bob in the UI: drift, removed by apply.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return env.Fixtures.AddTeamMembers(ctx, sc.AdminToken, a, team, []int64{sc.Agent2.ID})
				}),
				Config:            cfg(sc.Agent1.ID, sc.Admin.ID),
				ConfigPlanChecks:  expectAction(teamMembersAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{stateUserIDs(teamMembersAddr, sc.Agent1.ID, sc.Admin.ID)},
				Check:             holds(sc.Agent1.ID, sc.Admin.ID),
			},
		},
	})
}

// Ids that are not agents of the account (unknown, or users of another account) are refused
// before any request that changes something; the team keeps its members.
func TestAccTeamMembers_idsOutsideAccount(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	other := env.seed(t, 0) // Alice of another account exists in Chatwoot but not in sc's account
	api := adminAPI(t, env, sc)
	a, team := sc.Account.ID, sc.Team.ID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:   mock.ResetRequests,
				Config:      teamMembersConfig(env.BaseURL, sc.AdminToken, a, team, sc.Agent1.ID, other.Agent1.ID, 987654),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Users Not in the Chatwoot Account.*no\s+agent\s+with\s+the\s+user\s+id\s+%d,\s+987654`, other.Agent1.ID)),
			},
			{
				PreConfig: func() {
					if n := len(mutatingRequests(mock.Requests())); n != 0 {
						t.Errorf("%d requests that change something were sent: %v", n, mutatingRequests(mock.Requests()))
					}
					ctx, cancel := testContext()
					defer cancel()
					members, err := api.ListTeamMembers(ctx, a, team)
					if err == nil {
						err = sameIDs(members, sc.Agent1.ID, sc.Agent2.ID)
					}
					if err != nil {
						t.Error(err)
					}
				},
				Config:   teamMembersConfig(env.BaseURL, sc.AdminToken, a, team, sc.Agent1.ID),
				PlanOnly: true, ExpectNonEmptyPlan: true,
			},
		},
	})
}

// Plan-time validation: an empty set, ids below 1, and an agent's token at apply.
func TestAccTeamMembers_validationAndRole(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	a, team := sc.Account.ID, sc.Team.ID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      teamMembersConfig(env.BaseURL, sc.AdminToken, a, team),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)user_ids.*set\s+must\s+contain\s+at\s+least\s+1\s+elements`),
			},
			{
				Config:      teamMembersConfig(env.BaseURL, sc.AdminToken, a, 0, 0),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)team_id\s+value\s+must\s+be\s+at\s+least\s+1.*must\s+be\s+at\s+least\s+1`),
			},
			{
				Config:      teamMembersConfig(env.BaseURL, sc.Agent1.AccessToken, a, team, sc.Agent1.ID),
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Permission Denied.*administrator's\s+token`),
			},
		},
	})
}
