package export

import (
	"context"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// inboxAgentBotKind: one chatwoot_inbox_agent_bot per inbox that has a bot, named as the inbox,
// referring to the inbox and to the bot (the exported resource, or the data source for a global
// bot). It costs one request per inbox: the inbox list does not say which bot answers it.
var inboxAgentBotKind = &Kind{
	Name:     "inbox_agent_bot",
	Resource: "chatwoot_inbox_agent_bot",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		// A binding refers to its bot by name, from the bot list.
		if _, ok, err := s.agentBotsFor(ctx, k); !ok {
			return err
		}
		objs, err := s.inboxIndex(ctx)
		if err != nil {
			return err
		}
		return emitAll(s, k, "inbox_id", objs, func(id int64, in *chatwoot.Inbox) string { return "the agent bot of " + named("inbox", in.Name, id) },
			func(id int64, _ *chatwoot.Inbox) ([]Attr, error) {
				bot, err := s.client.GetInboxAgentBot(ctx, s.AccountID, id)
				if chatwoot.IsNotFound(err) {
					return nil, nil // no bot
				}
				if err != nil {
					return nil, err
				}
				return refAttrs(ctx, s, id, "agent_bot_id", bot.ID, s.agentBotRef)
			})
	},
}

// refAttrs are the attributes of a binding of an inbox to another object: inbox_id and attr,
// both references.
func refAttrs(ctx context.Context, s *Session, inboxID int64, attr string, id int64, ref func(context.Context, int64) (Expr, error)) ([]Attr, error) {
	inbox, err := s.InboxRef(ctx, inboxID)
	if err != nil {
		return nil, err
	}
	other, err := ref(ctx, id)
	if err != nil {
		return nil, err
	}
	return []Attr{{"inbox_id", inbox}, {attr, other}}, nil
}
