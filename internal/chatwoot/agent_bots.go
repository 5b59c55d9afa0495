package chatwoot

import (
	"context"
	"net/http"
)

// AgentBot is Chatwoot's agent bot JSON (DESIGN.md §6.11). AccountID is nil for global (system) bots.
type AgentBot struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	BotType     string `json:"bot_type"`
	AccountID   *int64 `json:"account_id"`
	SystemBot   bool   `json:"system_bot"`

	// Fields the chatwoot_agent_bot resource uses (agent_bot_management.go). OutgoingURL is
	// absent for system bots; AccessToken and Secret are "" when Chatwoot does not show them.
	OutgoingURL string         `json:"outgoing_url"`
	Thumbnail   string         `json:"thumbnail"`
	BotConfig   map[string]any `json:"bot_config"`
	AccessToken string         `json:"access_token"`
	Secret      string         `json:"secret"`
}

// ListAgentBots returns the account's bots plus the global ones, the set an assignment accepts.
func (c *Client) ListAgentBots(ctx context.Context, accountID int64) ([]AgentBot, error) {
	return listOf[AgentBot](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/agent_bots"), idempotent: true})
}
