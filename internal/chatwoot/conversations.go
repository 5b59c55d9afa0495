package chatwoot

import (
	"context"
	"net/http"
)

// Assignee types as Chatwoot names them in meta.assignee_type.
const (
	AssigneeTypeUser     = "User"
	AssigneeTypeAgentBot = "AgentBot"
)

// Conversation is the part of Chatwoot's conversation JSON (DESIGN.md §5.2) that the provider uses.
// ID is the per-account display id: the number in the UI and in every conversation URL.
type Conversation struct {
	ID        int64    `json:"id"`
	AccountID int64    `json:"account_id"`
	InboxID   int64    `json:"inbox_id"`
	Status    string   `json:"status"`
	Priority  *string  `json:"priority"`
	Labels    []string `json:"labels"`
	CreatedAt int64    `json:"created_at"`
	Meta      struct {
		// Assignee, AssigneeType and Team are absent (not null) when unset; Assignee is also
		// absent when the assigned user has left the account.
		Assignee     *ConversationAssignee `json:"assignee"`
		AssigneeType string                `json:"assignee_type"`
		Team         *Team                 `json:"team"`
	} `json:"meta"`
}

// ConversationAssignee is the agent partial or agent-bot slim partial under meta.assignee.
type ConversationAssignee struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// AssigneeID is the assigned agent's user id, or 0 when no agent (user) is assigned.
func (c *Conversation) AssigneeID() int64 {
	if c.Meta.Assignee == nil || c.Meta.AssigneeType == AssigneeTypeAgentBot {
		return 0
	}
	return c.Meta.Assignee.ID
}

// AgentBotID is the assigned agent bot's id, or 0 when no bot is assigned.
func (c *Conversation) AgentBotID() int64 {
	if c.Meta.Assignee == nil || c.Meta.AssigneeType != AssigneeTypeAgentBot {
		return 0
	}
	return c.Meta.Assignee.ID
}

// TeamID is the conversation's team id, or 0 when it has none.
func (c *Conversation) TeamID() int64 {
	if c.Meta.Team == nil {
		return 0
	}
	return c.Meta.Team.ID
}

// GetConversation reads one conversation by its display id.
func (c *Client) GetConversation(ctx context.Context, accountID, displayID int64) (*Conversation, error) {
	return objectOf[Conversation](ctx, c, call{
		method:     http.MethodGet,
		path:       accountPath(accountID, "/conversations/%d", displayID),
		idempotent: true,
	})
}
