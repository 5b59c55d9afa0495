package chatwootmock

import "encoding/json"

// agentBotJSON is the Application agent_bot partial (DESIGN.md §6.11): the access token only for this
// account's own bots, the secret only for administrators and non-system bots.
func (s *Server) agentBotJSON(c *reqCtx, b *agentBot) obj {
	var accountID any
	if !b.system() {
		accountID = b.accountID
	}
	o := obj{{"id", b.id}, {"name", b.name}, {"description", b.description}, {"thumbnail", b.thumbnail}}
	if !b.system() {
		o = append(o, field{"outgoing_url", b.outgoingURL})
	}
	o = append(o, field{"bot_type", b.botType}, field{"bot_config", orEmptyMap(b.botConfig)}, field{"account_id", accountID})
	// From 4.16.0 only administrators see the token.
	if b.accountID == c.acct.id && (c.isAdmin() || !s.versionAtLeast("4.16.0")) {
		o = append(o, field{"access_token", b.accessToken})
	}
	if c.isAdmin() && !b.system() {
		o = append(o, field{"secret", b.secret})
	}
	return append(o, field{"system_bot", b.system()})
}

// accessibleBots is AgentBot.accessible_to(account): the account's bots plus global ones.
func (s *Server) accessibleBots(a *account) []*agentBot {
	var out []*agentBot
	for id := int64(1); id <= s.ids["agent_bots"]; id++ {
		if b := s.state.bots[id]; b != nil && (b.system() || b.accountID == a.id) {
			out = append(out, b)
		}
	}
	return out
}

func (s *Server) listAgentBots(c *reqCtx) error {
	out := []any{}
	for _, b := range s.accessibleBots(c.acct) {
		out = append(out, s.agentBotJSON(c, b))
	}
	c.ok(out)
	return nil
}

func (s *Server) showAgentBot(c *reqCtx) error {
	id, ok := c.pathID("id")
	b := s.state.bots[id]
	if !ok || b == nil || (!b.system() && b.accountID != c.acct.id) {
		return notFound()
	}
	c.ok(s.agentBotJSON(c, b))
	return nil
}

// ownBot authorizes first (admin), then finds one of the account's own bots; global bots are 404.
func (s *Server) ownBot(c *reqCtx) (*agentBot, error) {
	if err := c.requireAdmin(); err != nil {
		return nil, err
	}
	id, ok := c.pathID("id")
	b := s.state.bots[id]
	if !ok || b == nil || b.accountID != c.acct.id {
		return nil, notFound()
	}
	return b, nil
}

// applyAppBotParams adds bot_type and bot_config to the shared bot attributes.
func applyAppBotParams(p params, b *agentBot) error {
	next := *b
	if p.has("bot_type") {
		switch bt := p.get("bot_type").(type) {
		case string:
			if bt != "webhook" {
				return internalError()
			}
		case json.Number:
			if bt.String() != "0" {
				return internalError()
			}
		default:
			return internalError()
		}
		next.botType = "webhook"
	}
	if p.has("bot_config") {
		m, _ := p.get("bot_config").(map[string]any)
		next.botConfig = m
	}
	if err := applyBotParams(p, &next); err != nil {
		return err
	}
	*b = next
	return nil
}

func (s *Server) createAgentBot(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	b := &agentBot{botType: "webhook", botConfig: map[string]any{}, accountID: c.acct.id}
	if err := applyAppBotParams(c.p, b); err != nil {
		return err
	}
	s.insertBot(b)
	c.ok(s.agentBotJSON(c, b))
	return nil
}

func (s *Server) updateAgentBot(c *reqCtx) error {
	b, err := s.ownBot(c)
	if err != nil {
		return err
	}
	if err := applyAppBotParams(c.p, b); err != nil {
		return err
	}
	c.ok(s.agentBotJSON(c, b))
	return nil
}

func (s *Server) deleteAgentBot(c *reqCtx) error {
	b, err := s.ownBot(c)
	if err != nil {
		return err
	}
	s.destroyBot(b.id)
	c.okEmpty()
	return nil
}

func (s *Server) resetAgentBotToken(c *reqCtx) error {
	b, err := s.ownBot(c)
	if err != nil {
		return err
	}
	b.accessToken = newToken()
	c.ok(s.agentBotJSON(c, b))
	return nil
}
