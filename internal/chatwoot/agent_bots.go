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
}

// ListAgentBots returns the account's bots plus the global ones, the set an assignment accepts.
func (c *Client) ListAgentBots(ctx context.Context, accountID int64) ([]AgentBot, error) {
	var bots []AgentBot
	_, err := c.do(ctx, call{method: http.MethodGet, path: accountPath(accountID, "/agent_bots"), idempotent: true}, &bots)
	return bots, err
}
