package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// An agent-and-team assignment with a priority and labels, a bot assignment and an unassigned
// conversation; then a change made in Chatwoot shows in the next read.
func TestAccConversationDataSource_found(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 3)
	ctx := context.Background()
	tok, account := sc.AdminToken, sc.Account.ID
	agentConv, botConv, plainConv := sc.Conversations[0].ID, sc.Conversations[1].ID, sc.Conversations[2].ID
	must(t, env.Fixtures.Assign(ctx, tok, account, agentConv, map[string]any{"team_id": sc.Team.ID}))
	must(t, env.Fixtures.Assign(ctx, tok, account, agentConv, map[string]any{"assignee_id": sc.Agent1.ID}))
	must(t, env.Fixtures.Do(ctx, http.MethodPatch, fmt.Sprintf("/api/v1/accounts/%d/conversations/%d", account, agentConv), tok,
		map[string]any{"priority": "high"}, nil))
	must(t, env.Fixtures.Assign(ctx, tok, account, botConv, map[string]any{"assignee_id": sc.Bot.ID, "assignee_type": "AgentBot"}))
	// Labels are tags: no Label record is needed, and Chatwoot keeps the order given.
	must(t, env.Fixtures.SetConversationLabels(ctx, tok, account, agentConv, []string{"vip", "billing"}))

	cfg := env.providerBlock(tok, account) + fmt.Sprintf(`
data "chatwoot_conversation" "agent" {
  conversation_id = %d
}
data "chatwoot_conversation" "bot" {
  conversation_id = %d
}
data "chatwoot_conversation" "plain" {
  conversation_id = %d
}`, agentConv, botConv, plainConv)
	rfc3339 := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					dsCheck("data.chatwoot_conversation.agent", "account_id", knownvalue.Int64Exact(account)),
					dsCheck("data.chatwoot_conversation.agent", "status", knownvalue.StringExact("open")),
					dsCheck("data.chatwoot_conversation.agent", "priority", knownvalue.StringExact("high")),
					dsCheck("data.chatwoot_conversation.agent", "inbox_id", knownvalue.Int64Exact(sc.Inbox.ID)),
					dsCheck("data.chatwoot_conversation.agent", "assignee_type", knownvalue.StringExact("User")),
					dsCheck("data.chatwoot_conversation.agent", "assignee_id", knownvalue.Int64Exact(sc.Agent1.ID)),
					dsCheck("data.chatwoot_conversation.agent", "agent_bot_id", knownvalue.Null()),
					dsCheck("data.chatwoot_conversation.agent", "team_id", knownvalue.Int64Exact(sc.Team.ID)),
					dsCheck("data.chatwoot_conversation.agent", "labels", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("vip"), knownvalue.StringExact("billing"),
					})),
					dsCheck("data.chatwoot_conversation.agent", "created_at", knownvalue.StringRegexp(rfc3339)),
					dsCheck("data.chatwoot_conversation.bot", "assignee_type", knownvalue.StringExact("AgentBot")),
					dsCheck("data.chatwoot_conversation.bot", "agent_bot_id", knownvalue.Int64Exact(sc.Bot.ID)),
					dsCheck("data.chatwoot_conversation.bot", "assignee_id", knownvalue.Null()),
					dsCheck("data.chatwoot_conversation.plain", "assignee_type", knownvalue.Null()),
					dsCheck("data.chatwoot_conversation.plain", "assignee_id", knownvalue.Null()),
					dsCheck("data.chatwoot_conversation.plain", "team_id", knownvalue.Null()),
					dsCheck("data.chatwoot_conversation.plain", "priority", knownvalue.Null()),
					dsCheck("data.chatwoot_conversation.plain", "labels", knownvalue.ListSizeExact(0)),
				},
			},
			{
				PreConfig: func() {
					must(t, env.Fixtures.Assign(ctx, tok, account, agentConv, map[string]any{"team_id": 0}))
					must(t, env.Fixtures.ToggleStatus(ctx, tok, account, agentConv, "resolved"))
					// Posting labels replaces the whole list.
					must(t, env.Fixtures.SetConversationLabels(ctx, tok, account, agentConv, []string{"escalated"}))
					must(t, env.Fixtures.SetConversationLabels(ctx, tok, account, plainConv, []string{"follow-up"}))
				},
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					dsCheck("data.chatwoot_conversation.agent", "status", knownvalue.StringExact("resolved")),
					dsCheck("data.chatwoot_conversation.agent", "team_id", knownvalue.Null()),
					// Removing the team keeps the agent (DESIGN.md §4.5).
					dsCheck("data.chatwoot_conversation.agent", "assignee_id", knownvalue.Int64Exact(sc.Agent1.ID)),
					dsCheck("data.chatwoot_conversation.agent", "labels", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("escalated"),
					})),
					dsCheck("data.chatwoot_conversation.plain", "labels", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("follow-up"),
					})),
				},
			},
		},
	})
}

func TestAccConversationDataSource_notFound(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      env.providerBlock(sc.AdminToken, sc.Account.ID) + `data "chatwoot_conversation" "x" { conversation_id = 987654 }`,
				ExpectError: dsError("Chatwoot Conversation Not Found", fmt.Sprintf("Account %d has no conversation 987654", sc.Account.ID)),
			},
			{
				Config:      env.providerBlock(sc.AdminToken, sc.Account.ID) + `data "chatwoot_conversation" "x" { conversation_id = 0 }`,
				ExpectError: dsError("Invalid Attribute Value", "must be at least 1"),
			},
		},
	})
}

// An agent may read only conversations of their inboxes or teams.
func TestAccConversationDataSource_permissionDenied(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	ctx := context.Background()
	hidden, err := env.Fixtures.CreateInbox(ctx, sc.AdminToken, sc.Account.ID, "Escalations", false)
	must(t, err)
	contact, err := env.Fixtures.CreateContact(ctx, sc.AdminToken, sc.Account.ID, hidden.ID, "Hidden Customer", "hidden+"+dsSuffix(t)+"@example.test")
	must(t, err)
	conv, err := env.Fixtures.CreateConversation(ctx, sc.AdminToken, sc.Account.ID, hidden.ID, contact.ID)
	must(t, err)
	outsider := dsOutsider(t, env)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.providerBlock(sc.Agent1.AccessToken, sc.Account.ID) + fmt.Sprintf(`data "chatwoot_conversation" "x" { conversation_id = %d }`, conv.ID),
				ExpectError: dsError("Chatwoot Conversation Not Visible to This Token",
					fmt.Sprintf("Conversation %d of account %d exists", conv.ID, sc.Account.ID), "inboxes they are a member of or of teams"),
			},
			{
				Config:      env.providerBlock(outsider.AccessToken, sc.Account.ID) + fmt.Sprintf(`data "chatwoot_conversation" "x" { conversation_id = %d }`, conv.ID),
				ExpectError: dsError("Not a Member of the Chatwoot Account", fmt.Sprintf("account %d", sc.Account.ID)),
			},
		},
	})
}
