package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func (e *testEnv) checkStatus(sc *fixture.Scenario, displayID int64, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		cv, err := e.Fixtures.GetConversation(context.Background(), sc.AdminToken, sc.Account.ID, displayID)
		if err != nil {
			return err
		}
		if cv.Status != want {
			return fmt.Errorf("conversation %d is %q in Chatwoot, want %q", displayID, cv.Status, want)
		}
		return nil
	}
}

// Chatwoot 4.17.0 sets a conversation to pending when an agent bot is assigned and opens it again
// when an agent takes over; 4.15.1 keeps the status. Either way the assignment is made, the
// second plan is empty (the status is not drift), and a refresh changes nothing.
func TestAccConversationAssignment_agentBotStatusByVersion(t *testing.T) {
	for _, tc := range []struct {
		version              string
		afterBot, afterHuman string
	}{
		{oldestChatwoot, "open", "open"},
		{newestChatwoot, "pending", "open"},
	} {
		t.Run(tc.version, func(t *testing.T) {
			env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: tc.version})
			sc := env.seed(t, 1)
			conv := sc.Conversations[0].ID
			cfg := func(attr string, id int64) string {
				return env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  %s = %d
}`, conv, attr, id)
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: cfg("agent_bot_id", sc.Bot.ID),
						Check:  resource.ComposeTestCheckFunc(env.checkStatus(sc, conv, tc.afterBot), stateBotOwner(env, sc, conv)),
					},
					{RefreshState: true, Check: env.checkStatus(sc, conv, tc.afterBot)},
					{
						Config: cfg("assignee_id", sc.Agent1.ID),
						Check: resource.ComposeTestCheckFunc(env.checkStatus(sc, conv, tc.afterHuman),
							env.checkConversation(sc, conv, sc.Agent1.ID, 0)),
					},
				},
			})
		})
	}
}

func stateBotOwner(env *testEnv, sc *fixture.Scenario, conv int64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		cv, err := env.Fixtures.GetConversation(context.Background(), sc.AdminToken, sc.Account.ID, conv)
		if err != nil {
			return err
		}
		if cv.AssigneeID != sc.Bot.ID || cv.AssigneeType != "AgentBot" {
			return fmt.Errorf("conversation %d is assigned to %d (%s), want agent bot %d", conv, cv.AssigneeID, cv.AssigneeType, sc.Bot.ID)
		}
		return nil
	}
}

// A team deleted between the plan's check and the assignment: Chatwoot 4.17.0 answers 404 and
// changes nothing, which the provider reports as the team being gone (not the conversation);
// 4.15.1 silently clears the team, which the provider's echo check reports.
func TestAccConversationAssignment_teamDeletedBeforeAssignByVersion(t *testing.T) {
	for _, tc := range []struct {
		version string
		want    *regexp.Regexp
	}{
		{oldestChatwoot, regexp.MustCompile(`Chatwoot Did Not Make the Assignment`)},
		{newestChatwoot, regexp.MustCompile(`(?s)Chatwoot Team Not Found.*no longer exists.*changed\s+nothing`)},
	} {
		t.Run(tc.version, func(t *testing.T) {
			env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: tc.version})
			sc := env.seed(t, 1)
			conv := sc.Conversations[0].ID
			api := adminAPI(t, env, sc)
			ctx, cancel := testContext()
			defer cancel()
			doomed, err := api.CreateTeam(ctx, sc.Account.ID, chatwoot.TeamFields{Name: ptr("short lived")})
			if err != nil {
				t.Fatal(err)
			}
			proxy := newRecordingProxy(t, env.BaseURL)
			deleted := false
			proxy.rewrite = func(method, p string, body map[string]any) {
				if method == "POST" && strings.HasSuffix(p, "/assignments") && !deleted {
					deleted = true
					dctx, dcancel := testContext()
					defer dcancel()
					if err := api.DeleteTeam(dctx, sc.Account.ID, doomed.ID); err != nil {
						t.Errorf("deleting the team behind Terraform: %v", err)
					}
				}
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: providerConfig(proxy.URL, sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
}`, conv, doomed.ID),
					ExpectError: tc.want,
				}},
			})
			if !deleted {
				t.Fatal("no assignment was sent")
			}
			if cv := env.conversation(t, sc.AdminToken, sc.Account.ID, conv); cv.TeamID != 0 {
				t.Errorf("conversation %d has team %d, want none", conv, cv.TeamID)
			}
		})
	}
}

// Chatwoot 4.16.0 answers 500 to every request on agent bots: the provider's check of the bot id
// fails with advice to upgrade to 4.16.1, before any assignment is sent; 4.16.1 assigns the bot.
func TestAccConversationAssignment_agentBot4160Regression(t *testing.T) {
	for _, tc := range []struct {
		version string
		want    *regexp.Regexp
	}{
		{"4.16.0", regexp.MustCompile(`(?s)Chatwoot 4\.16\.0 Bug: Upgrade to 4\.16\.1.*Upgrade\s+Chatwoot\s+to\s+4\.16\.1`)},
		{"4.16.1", nil},
	} {
		t.Run(tc.version, func(t *testing.T) {
			env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: tc.version})
			sc := env.seed(t, 1)
			conv := sc.Conversations[0].ID
			env.Mock.ResetRequests()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  agent_bot_id    = %d
}`, conv, sc.Bot.ID),
					ExpectError: tc.want,
				}},
			})
			if tc.want != nil && countRequests(env.Mock.Requests(), "POST", "/assignments") != 0 {
				t.Error("an assignment was sent although the bot could not be checked")
			}
		})
	}
}
