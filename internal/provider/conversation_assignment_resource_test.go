package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const assignmentAddr = "chatwoot_conversation_assignment.test"

func expectNull(addr, attr string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), knownvalue.Null())
}

// checkConversation asserts what Chatwoot holds for a conversation (0 means none).
func (e *testEnv) checkConversation(sc *fixture.Scenario, displayID, assignee, team int64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		cv, err := e.Fixtures.GetConversation(context.Background(), sc.AdminToken, sc.Account.ID, displayID)
		if err != nil {
			return err
		}
		if cv.AssigneeID != assignee || cv.TeamID != team {
			return fmt.Errorf("conversation %d holds assignee %d (%s) and team %d; want assignee %d and team %d",
				displayID, cv.AssigneeID, cv.AssigneeType, cv.TeamID, assignee, team)
		}
		return nil
	}
}

// Create, update, import (command and import block, with and without the account in the id) and
// destroy, each checked against what Chatwoot holds.
func TestAccConversationAssignment_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	cfg := func(assignee int64) string {
		return env.providerBlock(sc.AdminToken, 0) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  account_id      = %d
  conversation_id = %d
  assignee_id     = %d
  team_id         = %d
}`, sc.Account.ID, conv, assignee, sc.Team.ID)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             env.checkConversation(sc, conv, 0, 0),
		Steps: []resource.TestStep{
			{
				Config: cfg(sc.Agent1.ID),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(assignmentAddr, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(assignmentAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprintf("%d/%d", sc.Account.ID, conv))),
					stateInt64(assignmentAddr, "assignee_id", sc.Agent1.ID),
					stateInt64(assignmentAddr, "team_id", sc.Team.ID),
					expectNull(assignmentAddr, "agent_bot_id"),
					statecheck.ExpectKnownValue(assignmentAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("unassign")),
				},
				Check: env.checkConversation(sc, conv, sc.Agent1.ID, sc.Team.ID),
			},
			{
				Config: cfg(sc.Agent2.ID),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(assignmentAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{stateInt64(assignmentAddr, "assignee_id", sc.Agent2.ID)},
				Check:             env.checkConversation(sc, conv, sc.Agent2.ID, sc.Team.ID),
			},
			{
				ResourceName:      assignmentAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateId:     fmt.Sprintf("%d/%d", sc.Account.ID, conv),
			},
			{
				ResourceName:    assignmentAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   fmt.Sprintf("%d/%d", sc.Account.ID, conv),
			},
		},
	})
}

// Behaviour 6: "42" alone imports when the provider has an account_id; malformed ids say the form.
func TestAccConversationAssignment_importForms(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	cfg := env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
}`, conv, sc.Team.ID)
	steps := []resource.TestStep{
		{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				stateInt64(assignmentAddr, "account_id", sc.Account.ID), // from the provider
				expectNull(assignmentAddr, "assignee_id"),
			},
		},
		{
			ResourceName:      assignmentAddr,
			ImportState:       true,
			ImportStateVerify: true,
			ImportStateId:     fmt.Sprint(conv),
		},
	}
	for _, bad := range []string{"abc", "1/2/3", "0/5", "1/x", "-3", "1/", "/5", "99999999999999999999/1"} {
		steps = append(steps, resource.TestStep{
			ResourceName:  assignmentAddr,
			ImportState:   true,
			ImportStateId: bad,
			ExpectError:   regexp.MustCompile(`Invalid Import ID[\s\S]*Expected\s+"<account_id>/<conversation_id>"`),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
}

// Behaviour 1: an unknown agent, bot or team fails before any assignment request, and the
// conversation keeps what it had.
func TestAccConversationAssignment_unknownReferencesSendNothing(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	must(t, env.Fixtures.Assign(context.Background(), sc.AdminToken, sc.Account.ID, conv, map[string]any{"assignee_id": sc.Agent2.ID}))
	cases := []struct{ attr, summary string }{
		{"assignee_id", "Chatwoot Agent Not Found"},
		{"agent_bot_id", "Chatwoot Agent Bot Not Found"},
		{"team_id", "Chatwoot Team Not Found"},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			PreConfig: mock.ResetRequests,
			Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  %s = 987654
}`, conv, c.attr),
			ExpectError: regexp.MustCompile(c.summary + `[\s\S]*Account\s+\d+\s+has\s+no[\s\S]*987654`),
		})
	}
	steps = append(steps, resource.TestStep{
		// Nothing was assigned by the failed steps: the conversation keeps its agent.
		PreConfig: func() {
			if m := mutatingRequests(mock.Requests()); len(m) != 0 {
				t.Errorf("a failed reference check sent %v", m)
			}
		},
		Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + `
output "ok" {
  value = true
}`,
		Check: env.checkConversation(sc, conv, sc.Agent2.ID, 0),
	})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProtoV6ProviderFactories, Steps: steps})
}

// Behaviour 2: agent and team together. The agent is not a member of the team: had the agent been
// sent first, the team assignment would have cleared them (DESIGN.md §4.5).
func TestAccConversationAssignment_teamThenAgent(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	outsiders, err := env.Fixtures.CreateTeam(context.Background(), sc.AdminToken, sc.Account.ID, "outsiders", false)
	must(t, err)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if env.Mock != nil {
						env.Mock.ResetRequests()
					}
				},
				Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  assignee_id     = %d
  team_id         = %d
}`, conv, sc.Agent1.ID, outsiders.ID),
				Check: resource.ComposeTestCheckFunc(
					env.checkConversation(sc, conv, sc.Agent1.ID, outsiders.ID),
					func(*terraform.State) error {
						if env.Mock == nil {
							return nil
						}
						if n := countRequests(env.Mock.Requests(), http.MethodPost, "/assignments"); n != 2 {
							return fmt.Errorf("want 2 assignment POSTs (team, then agent), got %d", n)
						}
						return nil
					},
				),
			},
		},
	})
}

// Behaviour 4: a field the configuration does not set is not managed. With only team_id set,
// Chatwoot's team auto-assignment picks an online agent, and the next plan is still empty.
func TestAccConversationAssignment_autoPickedAgentIsNotDrift(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seedWith(t, fixture.SeedOptions{Conversations: 1, AgentsOnline: true})
	conv := sc.Conversations[0].ID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
}`, conv, sc.Team.ID),
				ConfigStateChecks: []statecheck.StateCheck{expectNull(assignmentAddr, "assignee_id")},
				Check: func(*terraform.State) error {
					cv := env.conversation(t, sc.AdminToken, sc.Account.ID, conv)
					if cv.AssigneeID == 0 {
						return fmt.Errorf("Chatwoot did not auto-pick an agent for team %d; the test proves nothing", sc.Team.ID)
					}
					return nil
				},
				// The step's own post-apply plan must be empty, which plugin-testing checks.
			},
		},
	})
}

// Behaviour 4: a managed field changed in Chatwoot is drift; the plan shows it and apply restores it.
func TestAccConversationAssignment_driftIsRestored(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	cfg := env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  assignee_id     = %d
}`, conv, sc.Agent1.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: env.checkConversation(sc, conv, sc.Agent1.ID, 0)},
			{
				PreConfig: func() {
					must(t, env.Fixtures.Assign(context.Background(), sc.AdminToken, sc.Account.ID, conv, map[string]any{"assignee_id": sc.Agent2.ID}))
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{
					PostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(assignmentAddr, plancheck.ResourceActionUpdate)},
				},
				Check: resource.TestCheckResourceAttr(assignmentAddr, "assignee_id", fmt.Sprint(sc.Agent2.ID)),
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(assignmentAddr, plancheck.ResourceActionUpdate)},
				},
				Check: env.checkConversation(sc, conv, sc.Agent1.ID, 0),
			},
			{
				// Unassigned in the UI: also drift.
				PreConfig: func() {
					must(t, env.Fixtures.Assign(context.Background(), sc.AdminToken, sc.Account.ID, conv, map[string]any{"assignee_id": nil}))
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(assignmentAddr, plancheck.ResourceActionUpdate)},
				},
				Check: env.checkConversation(sc, conv, sc.Agent1.ID, 0),
			},
		},
	})
}

// Behaviour 5: removing a field clears it only if the conversation still holds this resource's
// value; someone else's value is left alone.
func TestAccConversationAssignment_removingFields(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 2)
	convA, convB := sc.Conversations[0].ID, sc.Conversations[1].ID
	both := func(assignee bool) string {
		agent := ""
		if assignee {
			agent = fmt.Sprintf("assignee_id = %d", sc.Agent1.ID)
		}
		return env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "a" {
  conversation_id = %d
  team_id         = %d
  %s
}
resource "chatwoot_conversation_assignment" "b" {
  conversation_id = %d
  team_id         = %d
  %s
}`, convA, sc.Team.ID, agent, convB, sc.Team.ID, agent)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: both(true),
				Check: resource.ComposeTestCheckFunc(
					env.checkConversation(sc, convA, sc.Agent1.ID, sc.Team.ID),
					env.checkConversation(sc, convB, sc.Agent1.ID, sc.Team.ID),
				),
			},
			{
				// Someone hands conversation B to Bob; then both resources stop managing the agent.
				PreConfig: func() {
					must(t, env.Fixtures.Assign(context.Background(), sc.AdminToken, sc.Account.ID, convB, map[string]any{"assignee_id": sc.Agent2.ID}))
				},
				Config: both(false),
				ConfigStateChecks: []statecheck.StateCheck{
					expectNull("chatwoot_conversation_assignment.a", "assignee_id"),
					expectNull("chatwoot_conversation_assignment.b", "assignee_id"),
				},
				Check: resource.ComposeTestCheckFunc(
					env.checkConversation(sc, convA, 0, sc.Team.ID),            // ours: cleared
					env.checkConversation(sc, convB, sc.Agent2.ID, sc.Team.ID), // Bob's: left alone
				),
			},
		},
	})
}

// Behaviour 5: on_destroy = "keep" forgets; "unassign" leaves someone else's change alone.
func TestAccConversationAssignment_onDestroy(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 2)
	kept, changed := sc.Conversations[0].ID, sc.Conversations[1].ID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.checkConversation(sc, kept, sc.Agent1.ID, sc.Team.ID),
			env.checkConversation(sc, changed, sc.Agent2.ID, 0),
		),
		Steps: []resource.TestStep{
			{
				Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "kept" {
  conversation_id = %d
  assignee_id     = %d
  team_id         = %d
  on_destroy      = "keep"
}
resource "chatwoot_conversation_assignment" "changed" {
  conversation_id = %d
  assignee_id     = %d
  team_id         = %d
}`, kept, sc.Agent1.ID, sc.Team.ID, changed, sc.Agent1.ID, sc.Team.ID),
			},
			{
				// Bob takes conversation "changed" in the UI; the refresh before destroy sees it.
				PreConfig: func() {
					must(t, env.Fixtures.Assign(context.Background(), sc.AdminToken, sc.Account.ID, changed, map[string]any{"assignee_id": sc.Agent2.ID}))
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// Behaviour 4: a conversation that no longer exists is removed from state (with a warning), and
// the next plan wants to create it again.
func TestAccConversationAssignment_vanishedConversation(t *testing.T) {
	mock := chatwootmock.New(chatwootmock.Options{PlatformToken: "platform"})
	var mu sync.Mutex
	deleted := map[string]bool{}
	// Chatwoot's API has no conversation delete that this project's fixtures may use, so a proxy in
	// front of the mock answers 404 for a "deleted" conversation, as Chatwoot does for a missing one.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		gone := false
		for p := range deleted {
			if r.URL.Path == p || strings.HasPrefix(r.URL.Path, p+"/") {
				gone = true
			}
		}
		mu.Unlock()
		if gone {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"error":"Resource could not be found"}`))
			return
		}
		mock.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	env := &testEnv{BaseURL: srv.URL, Mock: mock, Fixtures: fixture.New(srv.URL, "platform")}
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	cfg := env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  assignee_id     = %d
}`, conv, sc.Agent1.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				// The refresh removes the resource from the state; creating it again would hit
				// Chatwoot's 404, so the plan already fails, naming the conversation.
				PreConfig: func() {
					mu.Lock()
					deleted[fmt.Sprintf("/api/v1/accounts/%d/conversations/%d", sc.Account.ID, conv)] = true
					mu.Unlock()
				},
				Config:      cfg,
				ExpectError: regexp.MustCompile(fmt.Sprintf(`Chatwoot Object Not Found[\s\S]*no\s+conversation\s+%d`, conv)),
			},
			{
				// Removed from the configuration as well: the refresh forgets it and nothing is sent.
				Config: env.providerBlock(sc.AdminToken, sc.Account.ID),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(s *terraform.State) error {
					if _, ok := s.RootModule().Resources[assignmentAddr]; ok {
						return fmt.Errorf("%s is still in the state", assignmentAddr)
					}
					return nil
				},
			},
		},
	})
}

// Behaviour 7: each auth failure gets its own diagnostic.
func TestAccConversationAssignment_authErrors(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	other := env.seed(t, 1)     // another account, whose admin is not a member of sc's account
	suspended := env.seed(t, 1) // an account the Platform API suspends before its step
	conv := sc.Conversations[0].ID
	// An agent who belongs to neither the conversation's inbox nor its team may not assign it.
	ctx := context.Background()
	outsider, err := env.Fixtures.CreateUser(ctx, "Carol", fmt.Sprintf("carol+%d@example.test", sc.Account.ID), "Passw0rd!")
	must(t, err)
	must(t, env.Fixtures.AddAccountUser(ctx, sc.Account.ID, outsider.ID, "agent"))
	cfg := func(token string) string {
		return env.providerBlock(token, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  assignee_id     = %d
}`, conv, sc.Agent1.ID)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg("not-a-real-token"), ExpectError: regexp.MustCompile(`Invalid Chatwoot API Access Token`)},
			{Config: cfg(other.AdminToken), ExpectError: regexp.MustCompile(fmt.Sprintf(`Not a Member of the Chatwoot Account[\s\S]*member of account %d`, sc.Account.ID))},
			{Config: cfg(outsider.AccessToken), ExpectError: regexp.MustCompile(`Chatwoot Permission Denied`)},
			{Config: cfg(sc.Bot.AccessToken), ExpectError: regexp.MustCompile(`Agent Bot Tokens Not Allowed`)},
			{
				PreConfig: func() {
					must(t, env.Fixtures.Do(ctx, http.MethodPatch, fmt.Sprintf("/platform/api/v1/accounts/%d", suspended.Account.ID),
						env.Fixtures.PlatformToken, map[string]any{"status": "suspended"}, nil))
				},
				Config: env.providerBlock(suspended.AdminToken, suspended.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
}`, suspended.Conversations[0].ID, suspended.Team.ID),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`Chatwoot Account Suspended[\s\S]*Account %d is suspended`, suspended.Account.ID)),
			},
			{
				Config: fmt.Sprintf(`
provider "chatwoot" {
  base_url   = %q
  account_id = %d
}
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  assignee_id     = %d
}`, env.BaseURL, sc.Account.ID, conv, sc.Agent1.ID),
				// Neither token: either one would be a valid configuration, and the error names both.
				ExpectError: regexp.MustCompile(`Missing Chatwoot API Access Token[\s\S]*api_access_token[\s\S]*CHATWOOT_API_ACCESS_TOKEN[\s\S]*platform_token[\s\S]*CHATWOOT_PLATFORM_TOKEN[\s\S]*Either alone`),
			},
		},
	})
}

// Behaviour 1: the existence lookups are cached per account for the provider process: many
// assignments cost one list call per kind.
func TestAccConversationAssignment_oneListCallPerKind(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 12)
	ids := make([]string, 0, len(sc.Conversations))
	for _, c := range sc.Conversations {
		ids = append(ids, fmt.Sprint(c.ID))
	}
	// count, not for_each: plugin-testing's Check cannot address for_each instances.
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: mock.ResetRequests,
				Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
locals {
  conversations = [%s]
}
resource "chatwoot_conversation_assignment" "many" {
  count           = length(local.conversations)
  conversation_id = local.conversations[count.index]
  assignee_id     = %d
  team_id         = %d
}`, strings.Join(ids, ", "), sc.Agent1.ID, sc.Team.ID),
				Check: func(*terraform.State) error {
					// One list per kind in the plan's provider process (its existence checks) and
					// one in the apply's.
					reqs := mock.Requests()
					if n := countRequests(reqs, http.MethodGet, "/agents"); n != 2 {
						return fmt.Errorf("GET /agents was called %d times; want 2 (plan and apply)", n)
					}
					if n := countRequests(reqs, http.MethodGet, "/teams"); n != 2 {
						return fmt.Errorf("GET /teams was called %d times; want 2 (plan and apply)", n)
					}
					if n := countRequests(reqs, http.MethodPost, "/assignments"); n != 2*len(ids) {
						return fmt.Errorf("%d assignment POSTs; want %d (team and agent per conversation)", n, 2*len(ids))
					}
					return nil
				},
			},
		},
	})
}

// Plan-time validation, and values unknown at plan time that must not fail it.
func TestAccConversationAssignment_validation(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	bad := func(body string) string {
		return env.providerBlock(sc.AdminToken, sc.Account.ID) + "\nresource \"chatwoot_conversation_assignment\" \"test\" {\n" + body + "\n}"
	}
	steps := []resource.TestStep{}
	for _, c := range []struct{ body, want string }{
		{fmt.Sprintf("conversation_id = %d", conv), `At least one of these attributes must be configured:\s+\[assignee_id,agent_bot_id,team_id\]`},
		{fmt.Sprintf("conversation_id = %d\nassignee_id = %d\nagent_bot_id = %d", conv, sc.Agent1.ID, sc.Bot.ID), `Invalid Attribute Combination`},
		{"conversation_id = 0\nteam_id = 1", `conversation_id value must be at least 1`},
		{fmt.Sprintf("conversation_id = %d\nassignee_id = -1", conv), `assignee_id value must be at least 1`},
		{fmt.Sprintf("conversation_id = %d\nteam_id = 0", conv), `team_id value must be at least 1`},
		{fmt.Sprintf("conversation_id = %d\nteam_id = 1\non_destroy = \"delete\"", conv), `on_destroy value must be one of`},
		{fmt.Sprintf("account_id = 0\nconversation_id = %d\nteam_id = 1", conv), `account_id value must be at least 1`},
	} {
		steps = append(steps, resource.TestStep{Config: bad(c.body), PlanOnly: true, ExpectError: regexp.MustCompile(c.want)})
	}
	// No account anywhere.
	steps = append(steps, resource.TestStep{
		Config: env.providerBlock(sc.AdminToken, 0) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
}`, conv, sc.Team.ID),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`Missing Chatwoot Account ID`),
	})
	// The provider's account_id and the ids come from another resource: unknown at plan time.
	steps = append(steps, resource.TestStep{
		Config: fmt.Sprintf(`
resource "terraform_data" "ids" {
  input = { account = %d, team = %d }
}
provider "chatwoot" {
  base_url         = %q
  api_access_token = %q
  account_id       = terraform_data.ids.output.account
}
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = terraform_data.ids.output.team
}`, sc.Account.ID, sc.Team.ID, env.BaseURL, sc.AdminToken, conv),
		Check: env.checkConversation(sc, conv, 0, sc.Team.ID),
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
		CheckDestroy: func(*terraform.State) error {
			// Only the last step may have assigned anything: one team POST, then its unassign.
			if n := countRequests(mock.Requests(), http.MethodPost, "/assignments"); n != 2 {
				return fmt.Errorf("%d assignment POSTs in all; want 2 (the valid step's assign and destroy)", n)
			}
			return nil
		},
	})
}

// The provider accepts Chatwoot installed under a sub-path, with or without a trailing slash,
// and rejects base URLs that are not absolute http(s) addresses.
func TestAccProvider_baseURL(t *testing.T) {
	mock := chatwootmock.New(chatwootmock.Options{PlatformToken: "platform"})
	mux := http.NewServeMux()
	mux.Handle("/chatwoot/", http.StripPrefix("/chatwoot", mock))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	env := &testEnv{BaseURL: srv.URL + "/chatwoot", Mock: mock, Fixtures: fixture.New(srv.URL+"/chatwoot", "platform")}
	sc := env.seed(t, 1)
	conv := sc.Conversations[0].ID
	cfg := func(baseURL string) string {
		return fmt.Sprintf(`
provider "chatwoot" {
  base_url         = %q
  api_access_token = %q
  account_id       = %d
}
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
}`, baseURL, sc.AdminToken, sc.Account.ID, conv, sc.Team.ID)
	}
	var steps []resource.TestStep
	for _, bad := range []string{"chatwoot.example.com", "ftp://chatwoot.example.com", "https://", "https://chatwoot.example.com/?x=1", "https://chatwoot.example.com/#top", ""} {
		steps = append(steps, resource.TestStep{Config: cfg(bad), PlanOnly: true, ExpectError: regexp.MustCompile(`Invalid Chatwoot Base URL`)})
	}
	// The good ones last: the final destroy uses the last step's configuration.
	steps = append(steps,
		resource.TestStep{Config: cfg(srv.URL + "/chatwoot/"), Check: env.checkConversation(sc, conv, 0, sc.Team.ID)},
		resource.TestStep{Config: cfg(srv.URL + "/chatwoot"), PlanOnly: true},
	)
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProtoV6ProviderFactories, Steps: steps})
}

// privateStateMap stands in for the framework's private state: keys set to nil are removed.
type privateStateMap map[string][]byte

func (m privateStateMap) GetKey(_ context.Context, key string) ([]byte, diag.Diagnostics) {
	return m[key], nil
}

func (m privateStateMap) SetKey(_ context.Context, key string, value []byte) diag.Diagnostics {
	if len(value) == 0 {
		delete(m, key)
	} else {
		m[key] = value
	}
	return nil
}

// The private state records what the resource assigned only when the state does not say it
// already (after drift), because Terraform rewrites every instance's private state into the
// state file after each resource an apply changes.
func TestAppliedIsStoredOnlyWhenStateDiffers(t *testing.T) {
	ctx := context.Background()
	model := func(assignee, bot, team types.Int64) conversationAssignmentModel {
		return conversationAssignmentModel{AssigneeID: assignee, AgentBotID: bot, TeamID: team}
	}
	agentAndTeam := model(types.Int64Value(3), types.Int64Null(), types.Int64Value(7))
	applied := appliedValues{AssigneeID: ptr(int64(3)), TeamID: ptr(int64(7))}

	t.Run("state says it: nothing stored", func(t *testing.T) {
		private := privateStateMap{privateApplied: []byte(`{"assignee_id":9}`)}
		if k := appliedKey(applied, agentAndTeam); private.SetKey(ctx, k.key, k.value).HasError() {
			t.Fatal("SetKey failed")
		}
		if len(private) != 0 {
			t.Fatalf("private state holds %q; want nothing", private)
		}
		got, diags := getApplied(ctx, private, agentAndTeam)
		if diags.HasError() || !got.equal(applied) {
			t.Fatalf("getApplied = %+v, %v; want %+v", got, diags, applied)
		}
	})

	t.Run("drift: the record is stored and wins over the state", func(t *testing.T) {
		// A refresh saw someone else's agent (5) and the team cleared.
		drifted := model(types.Int64Value(5), types.Int64Null(), types.Int64Null())
		private := privateStateMap{}
		if k := appliedKey(applied, drifted); private.SetKey(ctx, k.key, k.value).HasError() {
			t.Fatal("SetKey failed")
		}
		if got := string(private[privateApplied]); got != `{"assignee_id":3,"team_id":7}` {
			t.Fatalf("private state holds %q; want the assigned values", got)
		}
		got, diags := getApplied(ctx, private, drifted)
		if diags.HasError() || !got.equal(applied) {
			t.Fatalf("getApplied = %+v, %v; want %+v", got, diags, applied)
		}
	})

	t.Run("a field the resource does not manage is not recorded", func(t *testing.T) {
		teamOnly := appliedValues{TeamID: ptr(int64(7))}
		private := privateStateMap{}
		// Read keeps unmanaged fields null, whatever Chatwoot auto-assigned.
		if k := appliedKey(teamOnly, model(types.Int64Null(), types.Int64Null(), types.Int64Value(7))); private.SetKey(ctx, k.key, k.value).HasError() {
			t.Fatal("SetKey failed")
		}
		if len(private) != 0 {
			t.Fatalf("private state holds %q; want nothing", private)
		}
	})

	t.Run("a record written by an earlier version is honoured", func(t *testing.T) {
		// Earlier versions always wrote the record, "{}" when nothing was assigned yet.
		private := privateStateMap{privateApplied: []byte(`{}`)}
		got, diags := getApplied(ctx, private, agentAndTeam)
		if diags.HasError() || !got.equal(appliedValues{}) {
			t.Fatalf("getApplied = %+v, %v; want nothing assigned", got, diags)
		}
	})

	t.Run("a corrupt record is an error", func(t *testing.T) {
		_, diags := getApplied(ctx, privateStateMap{privateApplied: []byte(`[`)}, agentAndTeam)
		if !diags.HasError() || diags[0].Summary() != "Corrupt Private State" {
			t.Fatalf("diagnostics = %v; want Corrupt Private State", diags)
		}
	})
}
