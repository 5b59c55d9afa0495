package export

import (
	"context"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// agentBotKind: one chatwoot_agent_bot per bot of the account, named after the bot, from the bot
// list alone. Global (system) bots belong to the installation, not the account: they are not
// exported, and what refers to them finds them with the chatwoot_agent_bot data source. The
// bot's access token is not part of the resource and is never written.
var agentBotKind = &Kind{
	Name:     "agent_bot",
	Resource: "chatwoot_agent_bot",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		objs, ok, err := s.agentBotsFor(ctx, k)
		if !ok {
			return err
		}
		return emitAll(s, k, "bot_id", objs, func(id int64, b *chatwoot.AgentBot) string { return named("agent bot", b.Name, id) },
			func(id int64, b *chatwoot.AgentBot) ([]Attr, error) {
				if isSystemBot(b) {
					s.Note(k, named("agent bot", b.Name, id), "a global (system) bot of the Chatwoot installation, which no account "+
						"manages; what refers to it uses the chatwoot_agent_bot data source")
					return nil, nil
				}
				a := attrList{{"name", String(b.Name)}}
				a.str("description", b.Description, "")
				a.str("outgoing_url", b.OutgoingURL, "")
				if b.BotType != "" {
					a.str("bot_type", b.BotType, "webhook")
				}
				return a, nil
			})
	},
}

func isSystemBot(b *chatwoot.AgentBot) bool { return b.SystemBot || b.AccountID == nil }

// agentBots are the bots the account may use (its own and the global ones), named after them.
func (s *Session) agentBots(ctx context.Context) (indexed[chatwoot.AgentBot], error) {
	bots, err := list(ctx, s, "agent_bots", func(ctx context.Context, a int64) ([]chatwoot.AgentBot, error) { return s.client.ListAgentBots(ctx, a) })
	if err != nil {
		return indexed[chatwoot.AgentBot]{}, err
	}
	return index(s, "agent_bot", bots, func(b *chatwoot.AgentBot) int64 { return b.ID }, func(b *chatwoot.AgentBot) string { return b.Name }), nil
}

// agentBotsFor is agentBots for kind k. ok is false when there is nothing to export: err is then
// the error to stop on, or nil on Chatwoot 4.16.0, which answers every token request on agent
// bots with a 500 (noted for k).
func (s *Session) agentBotsFor(ctx context.Context, k *Kind) (indexed[chatwoot.AgentBot], bool, error) {
	objs, err := s.agentBots(ctx)
	if err != nil && s.client.IsChatwoot4160Regression(ctx, err) {
		s.Note(k, "all "+k.plural(), "Chatwoot 4.16.0 answers every request on agent bots with a server error (fixed in 4.16.1), "+
			"so they cannot be read or referred to; upgrade Chatwoot and export again")
		return objs, false, nil
	}
	return objs, err == nil, err
}

// agentBotRef is chatwoot_agent_bot.<name>.bot_id, or data.chatwoot_agent_bot.<name>.id for a
// global bot and for bots when bots are not exported: the data source finds bots by name.
func (s *Session) agentBotRef(ctx context.Context, id int64) (Expr, error) {
	if r, ok := s.Exported("agent_bot", id); ok {
		return r, nil
	}
	objs, err := s.agentBots(ctx)
	if err != nil {
		return nil, err
	}
	bot := objs.byID[id]
	if bot == nil {
		return nil, unresolved("agent bot", id)
	}
	for _, otherID := range objs.ids {
		if other := objs.byID[otherID]; otherID != id && other.Name == bot.Name {
			return nil, refuseBecause("agent bot %d shares its name %q with agent bot %d, so a lookup by name cannot find it", id, bot.Name, otherID)
		}
	}
	return s.Lookup("chatwoot_agent_bot", objs.names[id], "id", Attr{"name", String(bot.Name)}), nil
}
