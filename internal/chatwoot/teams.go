package chatwoot

import (
	"context"
	"net/http"
)

// Team is Chatwoot's team partial. Chatwoot stores names downcased.
type Team struct {
	ID              int64  `json:"id"`
	Name            string `json:"name"`
	Description     string `json:"description"`
	AllowAutoAssign bool   `json:"allow_auto_assign"`
	AccountID       int64  `json:"account_id"`
	IsMember        bool   `json:"is_member"`
}

// ListTeams returns every team of the account (not paginated).
func (c *Client) ListTeams(ctx context.Context, accountID int64) ([]Team, error) {
	var teams []Team
	_, err := c.do(ctx, call{method: http.MethodGet, path: accountPath(accountID, "/teams"), idempotent: true}, &teams)
	return teams, err
}

// GetTeam reads one team.
func (c *Client) GetTeam(ctx context.Context, accountID, teamID int64) (*Team, error) {
	var team Team
	if _, err := c.do(ctx, call{method: http.MethodGet, path: accountPath(accountID, "/teams/%d", teamID), idempotent: true}, &team); err != nil {
		return nil, err
	}
	return &team, nil
}
