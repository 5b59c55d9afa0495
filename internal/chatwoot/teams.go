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
	// Icon and IconColor exist from Chatwoot 4.16.0; older servers do not send them ("").
	Icon      string `json:"icon"`
	IconColor string `json:"icon_color"`
	AccountID int64  `json:"account_id"`
	IsMember  bool   `json:"is_member"`
}

// ListTeams returns every team of the account (not paginated).
func (c *Client) ListTeams(ctx context.Context, accountID int64) ([]Team, error) {
	return listOf[Team](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/teams"), idempotent: true})
}

// GetTeam reads one team.
func (c *Client) GetTeam(ctx context.Context, accountID, teamID int64) (*Team, error) {
	return objectOf[Team](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/teams/%d", teamID), idempotent: true})
}

// TeamFields are the writable fields of a team. A nil field is not sent, so an update changes
// only what it names. Chatwoot downcases Name.
type TeamFields struct {
	Name            *string `json:"name,omitempty"`
	Description     *string `json:"description,omitempty"`
	AllowAutoAssign *bool   `json:"allow_auto_assign,omitempty"`
	// Icon and IconColor are stored from Chatwoot 4.16.0 and silently dropped before.
	Icon      *string `json:"icon,omitempty"`
	IconColor *string `json:"icon_color,omitempty"`
}

// CreateTeam creates a team (administrators only). A taken name is a 422 naming "name".
func (c *Client) CreateTeam(ctx context.Context, accountID int64, fields TeamFields) (*Team, error) {
	team, err := objectOf[Team](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/teams"), body: fields})
	if err == nil {
		c.invalidateTeams(accountID)
	}
	return team, err
}

// UpdateTeam changes the fields that are set (administrators only). Chatwoot answers an empty
// body with 422, so callers send at least one field.
func (c *Client) UpdateTeam(ctx context.Context, accountID, teamID int64, fields TeamFields) (*Team, error) {
	team, err := objectOf[Team](ctx, c, call{method: http.MethodPatch, path: accountPath(accountID, "/teams/%d", teamID), body: fields, idempotent: true})
	if err == nil {
		c.invalidateTeams(accountID) // the cached list is searched by name
	}
	return team, err
}

// DeleteTeam deletes a team (administrators only). Chatwoot clears the team of its
// conversations and drops its member rows.
func (c *Client) DeleteTeam(ctx context.Context, accountID, teamID int64) error {
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/teams/%d", teamID), idempotent: true}, nil)
	c.invalidateTeams(accountID)
	return err
}

func (c *Client) invalidateTeams(accountID int64) {
	c.lookups.invalidate(accountID, Teams.Kind)
}
