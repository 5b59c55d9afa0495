package chatwoot

import (
	"context"
	"net/http"
)

// Agent is Chatwoot's agent partial (API.md §4.6): a user as a member of one account.
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
}

// ListAgents returns every member of the account, administrators included (not paginated).
func (c *Client) ListAgents(ctx context.Context, accountID int64) ([]Agent, error) {
	var agents []Agent
	_, err := c.do(ctx, call{method: http.MethodGet, path: accountPath(accountID, "/agents"), idempotent: true}, &agents)
	return agents, err
}
