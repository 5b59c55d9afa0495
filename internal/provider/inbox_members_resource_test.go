package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

const inboxMembersAddr = "chatwoot_inbox_members.test"

func inboxMembersConfig(baseURL, token string, accountID, inboxID int64, userIDs ...int64) string {
	return fmt.Sprintf(`
provider "chatwoot" {
  base_url         = %q
  api_access_token = %q
}

resource "chatwoot_inbox_members" "test" {
  account_id = %d
  inbox_id   = %d
  user_ids   = [%s]
}
`, baseURL, token, accountID, inboxID, idList(userIDs))
}

// Create (the seeded inbox has both agents: the set removes one), update, one-GET refresh,
// import, drift (a member added in Chatwoot is removed) and destroy (the inbox is emptied).
func TestAccInboxMembers_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a, inbox := sc.Account.ID, sc.Inbox.ID
	membersPath := accountAPIPath(a, "/inbox_members/%d", inbox) // GET; changes name the inbox in the body
	holds := func(want ...int64) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			members, err := api.ListInboxMembers(ctx, a, inbox)
			if err != nil {
				return err
			}
			return sameIDs(members, want...)
		})
	}
	cfg := func(ids ...int64) string { return inboxMembersConfig(proxy.URL, sc.AdminToken, a, inbox, ids...) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             holds(),
		Steps: []resource.TestStep{
			{
				Config:           cfg(sc.Agent1.ID),
				ConfigPlanChecks: expectAction(inboxMembersAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateUserIDs(inboxMembersAddr, sc.Agent1.ID),
					stateString(inboxMembersAddr, "id", fmt.Sprintf("%d/%d", a, inbox)),
				},
				Check: holds(sc.Agent1.ID),
			},
			{
				PreConfig:         proxy.reset,
				Config:            cfg(sc.Agent1.ID, sc.Admin.ID),
				ConfigPlanChecks:  expectAction(inboxMembersAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{stateUserIDs(inboxMembersAddr, sc.Agent1.ID, sc.Admin.ID)},
				Check: resource.ComposeTestCheckFunc(
					holds(sc.Agent1.ID, sc.Admin.ID),
					func(*terraform.State) error {
						// One PATCH with the inbox and the whole set, as integers.
						body, err := proxy.sentBody("PATCH", accountAPIPath(a, "/inbox_members"))
						if err != nil {
							return err
						}
						if fmt.Sprint(body["inbox_id"]) != fmt.Sprint(inbox) {
							return fmt.Errorf("PATCH sent inbox_id %v, want %d", body["inbox_id"], inbox)
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
				ResourceName:      inboxMembersAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(inboxMembersAddr, "inbox_id"),
			},
			{
				// Someone adds Bob in the UI: drift, removed by apply.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return env.Fixtures.AddInboxMembers(ctx, sc.AdminToken, a, inbox, []int64{sc.Agent2.ID})
				}),
				Config:            cfg(sc.Agent1.ID, sc.Admin.ID),
				ConfigPlanChecks:  expectAction(inboxMembersAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{stateUserIDs(inboxMembersAddr, sc.Agent1.ID, sc.Admin.ID)},
				Check:             holds(sc.Agent1.ID, sc.Admin.ID),
			},
		},
	})
}

// Ids that are not agents of the account are refused before any request that changes
// something. Chatwoot itself would silently add the user of another account to the inbox.
func TestAccInboxMembers_idsOutsideAccount(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	other := env.seed(t, 0) // Alice of another account exists in Chatwoot but not in sc's account
	api := adminAPI(t, env, sc)
	a, inbox := sc.Account.ID, sc.Inbox.ID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:   mock.ResetRequests,
				Config:      inboxMembersConfig(env.BaseURL, sc.AdminToken, a, inbox, sc.Agent1.ID, other.Agent1.ID, 987654),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Users Not in the Chatwoot Account.*no\s+agent\s+with\s+the\s+user\s+id\s+%d,\s+987654`, other.Agent1.ID)),
			},
			{
				PreConfig: func() {
					if n := len(mutatingRequests(mock.Requests())); n != 0 {
						t.Errorf("%d requests that change something were sent: %v", n, mutatingRequests(mock.Requests()))
					}
					ctx, cancel := testContext()
					defer cancel()
					members, err := api.ListInboxMembers(ctx, a, inbox)
					if err == nil {
						err = sameIDs(members, sc.Agent1.ID, sc.Agent2.ID)
					}
					if err != nil {
						t.Error(err)
					}
				},
				Config:   inboxMembersConfig(env.BaseURL, sc.AdminToken, a, inbox, sc.Agent1.ID),
				PlanOnly: true, ExpectNonEmptyPlan: true,
			},
		},
	})
}

// Plan-time validation: an empty set, ids below 1, and an agent's token at apply.
func TestAccInboxMembers_validationAndRole(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	a, inbox := sc.Account.ID, sc.Inbox.ID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      inboxMembersConfig(env.BaseURL, sc.AdminToken, a, inbox),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)user_ids.*set\s+must\s+contain\s+at\s+least\s+1\s+elements`),
			},
			{
				Config:      inboxMembersConfig(env.BaseURL, sc.AdminToken, a, 0, 0),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)inbox_id\s+value\s+must\s+be\s+at\s+least\s+1.*must\s+be\s+at\s+least\s+1`),
			},
			{
				Config:      inboxMembersConfig(env.BaseURL, sc.Agent1.AccessToken, a, inbox, sc.Agent1.ID),
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Permission Denied.*administrator's\s+token`),
			},
		},
	})
}
