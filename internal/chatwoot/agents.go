package chatwoot

import (
	"context"
	"net/http"
)

// Agent is Chatwoot's agent partial (DESIGN.md §4.6): a user as a member of one account.
type Agent struct {
	ID                 int64  `json:"id"`
	AccountID          int64  `json:"account_id"`
	AvailabilityStatus string `json:"availability_status"`
	AutoOffline        bool   `json:"auto_offline"`
	Confirmed          bool   `json:"confirmed"`
	Email              string `json:"email"`
	AvailableName      string `json:"available_name"`
	Name               string `json:"name"`
	Role               string `json:"role"`
	Thumbnail          string `json:"thumbnail"`
	// CustomRoleID is the Enterprise custom role; absent (nil) in other builds.
	CustomRoleID *int64 `json:"custom_role_id"`
}

// ListAgents returns every member of the account, administrators included (not paginated).
func (c *Client) ListAgents(ctx context.Context, accountID int64) ([]Agent, error) {
	return listOf[Agent](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/agents"), idempotent: true})
}

// AgentFields are the writable fields of an agent. A nil field is not sent. Email is used only
// on create: Chatwoot cannot change it through this API.
type AgentFields struct {
	Name         *string `json:"name,omitempty"`
	Email        *string `json:"email,omitempty"`
	Role         *string `json:"role,omitempty"`
	Availability *string `json:"availability,omitempty"`
	AutoOffline  *bool   `json:"auto_offline,omitempty"`
	// CustomRoleID must be sent back on every update of an agent that has one: Chatwoot's
	// Enterprise build clears the custom role of any update that omits it (DESIGN.md §6.1).
	CustomRoleID *int64 `json:"custom_role_id,omitempty"`
}

// CreateAgent adds a user to the account (administrators only). Chatwoot reuses an existing
// user with that email anywhere in the installation and then ignores Name: the answer shows
// the name the user already had. A user already in the account is a 422 naming "user_id".
func (c *Client) CreateAgent(ctx context.Context, accountID int64, fields AgentFields) (*Agent, error) {
	defer c.invalidateAgents(accountID)
	return objectOf[Agent](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/agents"), body: fields})
}

// UpdateAgent changes the fields that are set (administrators only); userID is the user id.
func (c *Client) UpdateAgent(ctx context.Context, accountID, userID int64, fields AgentFields) (*Agent, error) {
	agent, err := objectOf[Agent](ctx, c, call{method: http.MethodPatch, path: accountPath(accountID, "/agents/%d", userID), body: fields, idempotent: true})
	if err == nil {
		c.invalidateAgents(accountID) // the cached list is searched by name and email
	}
	return agent, err
}

// DeleteAgent removes the user from the account (administrators only). The membership goes at
// once; Chatwoot removes their team and inbox memberships and unassigns their conversations in
// a background job.
func (c *Client) DeleteAgent(ctx context.Context, accountID, userID int64) error {
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/agents/%d", userID), idempotent: true}, nil)
	c.invalidateAgents(accountID)
	return err
}

// GetAgent reads one agent. Chatwoot has no endpoint for one agent, so this is one GET of the
// whole (unpaginated) list, never the cache; a user who is not a member of the account gives a
// *NotFoundError.
func (c *Client) GetAgent(ctx context.Context, accountID, userID int64) (*Agent, error) {
	agents, err := c.ListAgents(ctx, accountID)
	if err != nil {
		return nil, err
	}
	for i := range agents {
		if agents[i].ID == userID {
			return &agents[i], nil
		}
	}
	return nil, &NotFoundError{Kind: Agents.Kind, AccountID: accountID, ID: userID}
}

func (c *Client) invalidateAgents(accountID int64) {
	c.lookups.invalidate(accountID, Agents.Kind)
}
