package chatwootmock

import (
	"net/http"
	"time"
)

func init() {
	const get, post, del = http.MethodGet, http.MethodPost, http.MethodDelete
	routes = append(routes,
		app(get, "inboxes/:id/agent_bot", (*Server).showInboxAgentBot),
		app(post, "inboxes/:id/reset_secret", (*Server).resetInboxSecret),
		app(del, "inboxes/:id/avatar", (*Server).deleteInboxAvatar),
		app(post, "agent_bots/:id/reset_secret", (*Server).resetAgentBotSecret),
		app(del, "agent_bots/:id/avatar", (*Server).deleteAgentBotAvatar),
	)
}

// accessTokenRow is an AccessToken record; its id comes from the access_tokens sequence the
// first time it is rendered, and updated_at moves when the token was reset since.
type accessTokenRow struct {
	id        int64
	token     string
	createdAt time.Time
	updatedAt time.Time
}

func (s *Server) botTokenRow(b *agentBot) obj {
	if b.tokenRow == nil {
		b.tokenRow = &accessTokenRow{id: s.nextID("access_tokens"), token: b.accessToken, createdAt: b.createdAt, updatedAt: b.createdAt}
	}
	if b.tokenRow.token != b.accessToken {
		b.tokenRow.token, b.tokenRow.updatedAt = b.accessToken, s.now()
	}
	r := b.tokenRow
	return obj{{"id", r.id}, {"owner_type", "AgentBot"}, {"owner_id", b.id}, {"token", r.token},
		{"created_at", iso(r.createdAt)}, {"updated_at", iso(r.updatedAt)}}
}

// inboxBotJSON renders the bound bot as the model, not the presenter: access_token is the whole
// AccessToken record, shown to every reader (system bots too) until 4.16.0 and to administrators
// only from then on.
func (s *Server) inboxBotJSON(c *reqCtx, b *agentBot) obj {
	var accountID any
	if !b.system() {
		accountID = b.accountID
	}
	o := obj{{"id", b.id}, {"name", b.name}, {"description", b.description}, {"thumbnail", b.thumbnail}}
	if !b.system() {
		o = append(o, field{"outgoing_url", b.outgoingURL})
	}
	o = append(o, field{"bot_type", b.botType}, field{"bot_config", orEmptyMap(b.botConfig)}, field{"account_id", accountID})
	if !s.versionAtLeast("4.16.0") || c.isAdmin() {
		o = append(o, field{"access_token", s.botTokenRow(b)})
	}
	if c.isAdmin() && !b.system() {
		o = append(o, field{"secret", b.secret})
	}
	return append(o, field{"system_bot", b.system()})
}

// showInboxAgentBot answers {} without a binding (the empty jbuilder block renders no key).
func (s *Server) showInboxAgentBot(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if !c.canSeeInbox(in) {
		return notAuthorized()
	}
	b := s.state.bots[in.agentBotID]
	if in.agentBotID == 0 || b == nil {
		c.ok(obj{})
		return nil
	}
	c.ok(obj{{"agent_bot", s.inboxBotJSON(c, b)}})
	return nil
}

// setInboxAgentBot: inbox lookup (404; 401 for a non-member agent), then the bot lookup among the
// account's and the global bots (404, before the role check), then the role check. A bot
// re-points the inbox's single binding; null, false or no key detaches. 200 with no body.
func (s *Server) setInboxAgentBot(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if !c.canSeeInbox(in) {
		return notAuthorized()
	}
	raw := c.p.get("agent_bot")
	truthy := raw != nil // Ruby truthiness: only nil and false detach
	if flag, isBool := raw.(bool); isBool {
		truthy = flag
	}
	var bot *agentBot
	if truthy {
		id, ok := castInt(raw)
		if _, isBool := raw.(bool); isBool {
			ok = false // true names no bot
		}
		b := s.state.bots[id]
		if !ok || b == nil || (!b.system() && b.accountID != c.acct.id) {
			return notFound()
		}
		bot = b
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	if bot == nil {
		in.agentBotID = 0
	} else {
		in.agentBotID = bot.id
	}
	c.okEmpty()
	return nil
}

// resetInboxSecret rotates an API inbox's webhook secret; other channels answer a bare 404.
func (s *Server) resetInboxSecret(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if !c.canSeeInbox(in) {
		return notAuthorized()
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	if in.x().channelType != "api" {
		c.resp = emptyResponse(http.StatusNotFound)
		return nil
	}
	in.secret = newToken()
	c.ok(s.inboxJSON(c, in, true))
	return nil
}

func (s *Server) deleteInboxAvatar(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if !c.canSeeInbox(in) {
		return notAuthorized()
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	c.okEmpty()
	return nil
}

// resetAgentBotSecret rotates an account bot's webhook secret (global bots are 404).
func (s *Server) resetAgentBotSecret(c *reqCtx) error {
	b, err := s.ownBot(c)
	if err != nil {
		return err
	}
	b.secret = newToken()
	c.ok(s.agentBotJSON(c, b))
	return nil
}

func (s *Server) deleteAgentBotAvatar(c *reqCtx) error {
	b, err := s.ownBot(c)
	if err != nil {
		return err
	}
	b.thumbnail = ""
	c.ok(s.agentBotJSON(c, b))
	return nil
}
