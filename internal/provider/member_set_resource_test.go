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
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// memberSetTest is what the tests of chatwoot_team_members and chatwoot_inbox_members differ in.
// The resources share their logic (memberSetResource), so the flows below serve both; each
// resource's _test.go file names its tests and says where its requests go.
type memberSetTest struct {
	typeName   string                           // "chatwoot_team_members"
	parentAttr string                           // "team_id"
	parent     func(sc *fixture.Scenario) int64 // the seeded team or inbox, which has Agent1 and Agent2
	// The Application API's read of the members, and the fixture that adds members behind Terraform.
	list func(c *chatwoot.Client, ctx context.Context, accountID, parentID int64) ([]chatwoot.Agent, error)
	add  func(f *fixture.Client, ctx context.Context, token string, accountID, parentID int64, userIDs []int64) error
	// The one GET of a refresh, and the PATCH that replaces the members.
	readPath, patchPath func(accountID, parentID int64) string
	patchParentKey      string // the key of the PATCH body that names the parent; "" when only the path does
}

func (m memberSetTest) addr() string { return m.typeName + ".test" }

func (m memberSetTest) config(baseURL, token string, accountID, parentID int64, userIDs ...int64) string {
	return providerConfig(baseURL, token, 0) + fmt.Sprintf(`
resource %q "test" {
  account_id = %d
  %-10s = %d
  user_ids   = [%s]
}
`, m.typeName, accountID, m.parentAttr, parentID, idList(userIDs))
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

// lifecycle: create (the seeded parent has both agents: the set removes one), update (one PATCH
// with the whole set), one-GET refresh, import, drift (a member added in Chatwoot is removed) and
// destroy (the parent is emptied).
func (m memberSetTest) lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a, parent, addr := sc.Account.ID, m.parent(sc), m.addr()
	holds := func(want ...int64) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			members, err := m.list(api, ctx, a, parent)
			if err != nil {
				return err
			}
			return sameIDs(members, want...)
		})
	}
	cfg := func(ids ...int64) string { return m.config(proxy.URL, sc.AdminToken, a, parent, ids...) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             holds(),
		Steps: []resource.TestStep{
			{
				Config:           cfg(sc.Agent1.ID),
				ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateUserIDs(addr, sc.Agent1.ID),
					stateString(addr, "id", fmt.Sprintf("%d/%d", a, parent)),
				},
				Check: holds(sc.Agent1.ID),
			},
			{
				PreConfig:         proxy.reset,
				Config:            cfg(sc.Agent1.ID, sc.Admin.ID),
				ConfigPlanChecks:  expectAction(addr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{stateUserIDs(addr, sc.Agent1.ID, sc.Admin.ID)},
				Check: resource.ComposeTestCheckFunc(
					holds(sc.Agent1.ID, sc.Admin.ID),
					func(*terraform.State) error {
						// One PATCH with the whole set, as integers (and the parent, where the body names it).
						body, err := proxy.sentBody("PATCH", m.patchPath(a, parent))
						if err != nil {
							return err
						}
						if key := m.patchParentKey; key != "" && fmt.Sprint(body[key]) != fmt.Sprint(parent) {
							return fmt.Errorf("PATCH sent %s %v, want %d", key, body[key], parent)
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
				Check:        func(*terraform.State) error { return proxy.expectRequests("GET " + m.readPath(a, parent)) },
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(addr, m.parentAttr),
			},
			{
				// Someone adds Bob in the UI: drift, removed by apply.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return m.add(env.Fixtures, ctx, sc.AdminToken, a, parent, []int64{sc.Agent2.ID})
				}),
				Config:            cfg(sc.Agent1.ID, sc.Admin.ID),
				ConfigPlanChecks:  expectAction(addr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{stateUserIDs(addr, sc.Agent1.ID, sc.Admin.ID)},
				Check:             holds(sc.Agent1.ID, sc.Admin.ID),
			},
		},
	})
}

// idsOutsideAccount: ids that are not agents of the account (unknown, or users of another
// account) are refused before any request that changes something; the parent keeps its members.
func (m memberSetTest) idsOutsideAccount(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	other := env.seed(t, 0) // Alice of another account exists in Chatwoot but not in sc's account
	api := adminAPI(t, env, sc)
	a, parent := sc.Account.ID, m.parent(sc)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:   mock.ResetRequests,
				Config:      m.config(env.BaseURL, sc.AdminToken, a, parent, sc.Agent1.ID, other.Agent1.ID, 987654),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Users Not in the Chatwoot Account.*no\s+agent\s+with\s+the\s+user\s+id\s+%d,\s+987654`, other.Agent1.ID)),
			},
			{
				PreConfig: func() {
					if n := len(mutatingRequests(mock.Requests())); n != 0 {
						t.Errorf("%d requests that change something were sent: %v", n, mutatingRequests(mock.Requests()))
					}
					ctx, cancel := testContext()
					defer cancel()
					members, err := m.list(api, ctx, a, parent)
					if err == nil {
						err = sameIDs(members, sc.Agent1.ID, sc.Agent2.ID)
					}
					if err != nil {
						t.Error(err)
					}
				},
				Config:   m.config(env.BaseURL, sc.AdminToken, a, parent, sc.Agent1.ID),
				PlanOnly: true, ExpectNonEmptyPlan: true,
			},
		},
	})
}

// validationAndRole: plan-time validation (an empty set, ids below 1) and an agent's token at apply.
func (m memberSetTest) validationAndRole(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	a, parent := sc.Account.ID, m.parent(sc)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      m.config(env.BaseURL, sc.AdminToken, a, 0, 0),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)` + m.parentAttr + `\s+value\s+must\s+be\s+at\s+least\s+1.*must\s+be\s+at\s+least\s+1`),
			},
			{
				Config:      m.config(env.BaseURL, sc.Agent1.AccessToken, a, parent, sc.Agent1.ID),
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Permission Denied.*administrator's\s+token`),
			},
		},
	})
}

// emptySet: no members is a desired state like any other. It can be declared (user_ids = [], as
// generated configuration writes it for an empty team or inbox), applied, refreshed and imported.
func (m memberSetTest) emptySet(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a, parent, addr := sc.Account.ID, m.parent(sc), m.addr()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            m.config(env.BaseURL, sc.AdminToken, a, parent),
				ConfigStateChecks: []statecheck.StateCheck{stateUserIDs(addr)},
				Check: inChatwoot(func(ctx context.Context) error {
					members, err := m.list(api, ctx, a, parent)
					if err != nil {
						return err
					}
					return sameIDs(members)
				}),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(addr, m.parentAttr),
			},
		},
	})
}
