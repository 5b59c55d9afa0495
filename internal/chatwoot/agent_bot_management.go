package chatwoot

import (
	"context"
	"net/http"
)

// AgentBotFields are the writable fields of an account bot; nil fields are not sent. Chatwoot
// validates only the length of OutgoingURL (2,048). BotType accepts only "webhook" (anything
// else is a 500). BotConfig replaces the stored object as a whole.
type AgentBotFields struct {
	Name        *string        `json:"name,omitempty"`
	Description *string        `json:"description,omitempty"`
	OutgoingURL *string        `json:"outgoing_url,omitempty"`
	BotType     *string        `json:"bot_type,omitempty"`
	BotConfig   map[string]any `json:"bot_config,omitempty"`
}

// GetAgentBot reads one of the account's bots or a global bot (any member).
func (c *Client) GetAgentBot(ctx context.Context, accountID, botID int64) (*AgentBot, error) {
	return objectOf[AgentBot](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/agent_bots/%d", botID), idempotent: true})
}

// CreateAgentBot creates an account bot (administrators only); the answer has its access token
// and secret. It is not retried after an unknown outcome.
func (c *Client) CreateAgentBot(ctx context.Context, accountID int64, fields AgentBotFields) (*AgentBot, error) {
	defer c.lookups.invalidate(accountID, AgentBots.Kind)
	return objectOf[AgentBot](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/agent_bots"), body: fields})
}

// UpdateAgentBot changes an account bot (administrators only). Global bots are 404 here.
func (c *Client) UpdateAgentBot(ctx context.Context, accountID, botID int64, fields AgentBotFields) (*AgentBot, error) {
	defer c.lookups.invalidate(accountID, AgentBots.Kind)
	return objectOf[AgentBot](ctx, c, call{method: http.MethodPatch, path: accountPath(accountID, "/agent_bots/%d", botID), body: fields, idempotent: true})
}

// DeleteAgentBot deletes an account bot at once (administrators only); its conversations are
// unassigned and its inbox bindings removed. A missing or global bot is a 404.
func (c *Client) DeleteAgentBot(ctx context.Context, accountID, botID int64) error {
	defer c.lookups.invalidate(accountID, AgentBots.Kind)
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/agent_bots/%d", botID), idempotent: true}, nil)
	return err
}

// ResetAgentBotAccessToken gives an account bot a new access token and returns the bot with it
// (administrators only). The old token stops working at once.
func (c *Client) ResetAgentBotAccessToken(ctx context.Context, accountID, botID int64) (*AgentBot, error) {
	return c.agentBotAction(ctx, accountID, botID, "reset_access_token")
}

// ResetAgentBotSecret gives an account bot a new webhook signing secret (administrators only).
func (c *Client) ResetAgentBotSecret(ctx context.Context, accountID, botID int64) (*AgentBot, error) {
	return c.agentBotAction(ctx, accountID, botID, "reset_secret")
}

func (c *Client) agentBotAction(ctx context.Context, accountID, botID int64, action string) (*AgentBot, error) {
	// Repeating a reset after an unknown outcome only rotates once more.
	return objectOf[AgentBot](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/agent_bots/%d/%s", botID, action), idempotent: true})
}
