package chatwoot

import (
	"context"
	"net/http"
)

// Inbox is the part of Chatwoot's inbox partial (DESIGN.md §6.4) the provider uses.
type Inbox struct {
	ID                   int64                `json:"id"`
	Name                 string               `json:"name"`
	ChannelType          string               `json:"channel_type"`
	EnableAutoAssignment bool                 `json:"enable_auto_assignment"`
	AutoAssignmentConfig AutoAssignmentConfig `json:"auto_assignment_config"`
}

// AutoAssignmentConfig is an inbox's auto_assignment_config; empty ({}) by default.
type AutoAssignmentConfig struct {
	MaxAssignmentLimit *int64 `json:"max_assignment_limit,omitempty"`
}

// ListInboxes returns the inboxes the token may see: all of them for an administrator, only the
// ones they are a member of for an agent.
func (c *Client) ListInboxes(ctx context.Context, accountID int64) ([]Inbox, error) {
	var body struct {
		Payload []Inbox `json:"payload"`
	}
	_, err := c.do(ctx, call{method: http.MethodGet, path: accountPath(accountID, "/inboxes"), idempotent: true}, &body)
	return body.Payload, err
}

// GetInbox reads one inbox; an agent who is not a member gets a 401 (AuthForbidden).
func (c *Client) GetInbox(ctx context.Context, accountID, inboxID int64) (*Inbox, error) {
	var inbox Inbox
	if _, err := c.do(ctx, call{method: http.MethodGet, path: accountPath(accountID, "/inboxes/%d", inboxID), idempotent: true}, &inbox); err != nil {
		return nil, err
	}
	return &inbox, nil
}

// InvalidateLookups drops the cached agents, teams, agent bots and inboxes of the account, after
// the provider created or deleted one of them.
func (c *Client) InvalidateLookups(accountID int64) {
	c.lookups.invalidate(accountID)
}
