package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// membershipCase is chatwoot_team_member or chatwoot_inbox_member on the scenario's team or inbox.
type membershipCase struct {
	typeName, parentAttr string
	parentID             func(sc *fixture.Scenario) int64
	list                 func(c *chatwoot.Client, ctx context.Context, accountID, parentID int64) ([]chatwoot.Agent, error)
	remove               func(c *chatwoot.Client, ctx context.Context, accountID, parentID int64, userIDs []int64) error
	path                 func(accountID, parentID int64) string
}

var membershipCases = []membershipCase{
	{"chatwoot_team_member", "team_id", func(sc *fixture.Scenario) int64 { return sc.Team.ID },
		(*chatwoot.Client).ListTeamMembers, (*chatwoot.Client).RemoveTeamMembers,
		func(a, p int64) string { return accountAPIPath(a, "/teams/%d/team_members", p) }},
	{"chatwoot_inbox_member", "inbox_id", func(sc *fixture.Scenario) int64 { return sc.Inbox.ID },
		(*chatwoot.Client).ListInboxMembers, (*chatwoot.Client).RemoveInboxMembers,
		func(a, _ int64) string { return accountAPIPath(a, "/inbox_members") }},
}

func memberIDsOf(agents []chatwoot.Agent) []int64 {
	ids := make([]int64, 0, len(agents))
	for _, a := range agents {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	return ids
}

// The administrator is added to the scenario's team (or inbox), whose two agents stay; refresh
// is one list call; import takes both id forms; a removal in Chatwoot is restored; destroy
// removes the administrator only.
func TestAccMembership_lifecycle(t *testing.T) {
	for _, mc := range membershipCases {
		t.Run(mc.typeName, func(t *testing.T) {
			env := newTestEnv(t)
			sc := env.seed(t, 0)
			api := adminAPI(t, env, sc)
			proxy := newRecordingProxy(t, env.BaseURL)
			a, parent, user := sc.Account.ID, mc.parentID(sc), sc.Admin.ID
			addr := mc.typeName + ".test"
			cfg := providerConfig(proxy.URL, sc.AdminToken, a) + fmt.Sprintf(`
resource %q "test" {
  %s = %d
  user_id = %d
}
`, mc.typeName, mc.parentAttr, parent, user)
			holds := func(want ...int64) resource.TestCheckFunc {
				return inChatwoot(func(ctx context.Context) error {
					members, err := mc.list(api, ctx, a, parent)
					if err != nil {
						return err
					}
					slices.Sort(want)
					if got := memberIDsOf(members); fmt.Sprint(got) != fmt.Sprint(want) {
						return fmt.Errorf("members %v; want %v", got, want)
					}
					return nil
				})
			}
			others := []int64{sc.Agent1.ID, sc.Agent2.ID}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				CheckDestroy:             holds(others...),
				Steps: []resource.TestStep{
					{
						Config:           cfg,
						ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionCreate),
						Check: resource.ComposeTestCheckFunc(
							holds(append(others, user)...),
							resource.TestCheckResourceAttr(addr, "id", fmt.Sprintf("%d/%d/%d", a, parent, user)),
							func(*terraform.State) error {
								body, err := proxy.sentBody("POST", mc.path(a, parent))
								if err != nil {
									return err
								}
								if fmt.Sprint(body["user_ids"]) != fmt.Sprintf("[%d]", user) {
									return fmt.Errorf("sent %v; want only user %d", body, user)
								}
								return nil
							},
						),
					},
					{
						PreConfig:    proxy.reset,
						RefreshState: true,
						Check: func(*terraform.State) error {
							if mc.typeName == "chatwoot_team_member" {
								return proxy.expectRequests("GET " + mc.path(a, parent))
							}
							return proxy.expectRequests("GET " + accountAPIPath(a, "/inbox_members/%d", parent))
						},
					},
					{
						ResourceName:      addr,
						ImportState:       true,
						ImportStateVerify: true,
						ImportStateId:     fmt.Sprintf("%d/%d/%d", a, parent, user),
					},
					{
						ResourceName:      addr,
						ImportState:       true,
						ImportStateVerify: true,
						ImportStateId:     fmt.Sprintf("%d/%d", parent, user),
					},
					{
						PreConfig: behindTerraform(t, func(ctx context.Context) error {
							return mc.remove(api, ctx, a, parent, []int64{user})
						}),
						Config:           cfg,
						ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionCreate),
						Check:            holds(append(others, user)...),
					},
				},
			})
		})
	}
}

// A user who is not an agent of the account is refused before anything is sent.
func TestAccMembership_outsiderRefused(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	mock.ResetRequests()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_inbox_member" "test" {
  inbox_id = %d
  user_id  = 987654
}
`, sc.Inbox.ID),
			ExpectError: regexp.MustCompile(`Users Not in the Chatwoot Account[\s\S]*987654`),
		}},
	})
	if m := mutatingRequests(mock.Requests()); len(m) > 0 {
		t.Errorf("Chatwoot received mutating requests %v", m)
	}
}

// The additive and the authoritative resource on one team are refused at plan time, in either
// order of declaration, with nothing sent; on different teams they are fine. When the team is
// created in the same run its id is unknown at plan time, and the refusal comes during apply,
// when Terraform plans the member resources again with the id known.
func TestAccMembership_bothKindsOnOneContainerRefused(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	provider := providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID)
	both := func(teamExpr, inboxExpr string) string {
		return provider + fmt.Sprintf(`
resource "chatwoot_team_members" "all" {
  team_id  = %[1]s
  user_ids = [%[3]d]
}

resource "chatwoot_team_member" "one" {
  team_id = %[1]s
  user_id = %[4]d
}

resource "chatwoot_inbox_member" "one" {
  inbox_id = %[2]s
  user_id  = %[4]d
}

resource "chatwoot_inbox_members" "all" {
  inbox_id = %[2]s
  user_ids = [%[3]d]
}
`, teamExpr, inboxExpr, sc.Agent1.ID, sc.Admin.ID)
	}
	team, inbox := fmt.Sprint(sc.Team.ID), fmt.Sprint(sc.Inbox.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:   mock.ResetRequests,
				Config:      both(team, inbox),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Both Member Resources on One Team.*Team %d of account %d.*Both Member Resources on One Inbox`, sc.Team.ID, sc.Account.ID)),
			},
			{
				PreConfig: func() {
					if m := mutatingRequests(mock.Requests()); len(m) > 0 {
						t.Errorf("the refused plan sent mutating requests %v", m)
					}
				},
				// Different teams: no conflict.
				Config: provider + fmt.Sprintf(`
resource "chatwoot_team" "other" {
  name = "other team"
}

resource "chatwoot_team_members" "all" {
  team_id  = chatwoot_team.other.team_id
  user_ids = [%d]
}

resource "chatwoot_team_member" "one" {
  team_id = %d
  user_id = %d
}
`, sc.Agent1.ID, sc.Team.ID, sc.Admin.ID),
			},
			{
				// The team is created in this run: its id is unknown at plan time.
				Config: provider + fmt.Sprintf(`
resource "chatwoot_team" "other" {
  name = "other team"
}

resource "chatwoot_team" "fresh" {
  name = "fresh team"
}

resource "chatwoot_team_members" "all" {
  team_id  = chatwoot_team.fresh.team_id
  user_ids = [%d]
}

resource "chatwoot_team_member" "one" {
  team_id = chatwoot_team.fresh.team_id
  user_id = %d
}
`, sc.Agent1.ID, sc.Admin.ID),
				ExpectError: regexp.MustCompile(`Both Member Resources on One Team`),
			},
		},
	})
}
