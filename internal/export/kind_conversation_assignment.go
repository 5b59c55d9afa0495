package export

import (
	"context"
	"fmt"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// conversationAssignmentKind: one chatwoot_conversation_assignment per conversation with the
// status -conversation-status that has an agent, a bot or a team, named conversation_<number>.
// Opt-in: assignments change all day and are not standing configuration. The conversation list
// carries the assignment, so this costs one request per 25 conversations.
var conversationAssignmentKind = &Kind{
	Name:     "conversation_assignment",
	Resource: "chatwoot_conversation_assignment",
	OptIn:    true,
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		conversations, err := s.client.ListConversations(ctx, s.AccountID, s.opts.ConversationStatus)
		if err != nil {
			return err
		}
		byID := map[int64]*chatwoot.Conversation{}
		for i := range conversations {
			byID[conversations[i].ID] = &conversations[i]
		}
		for _, id := range sortedIDs(byID) {
			c := byID[id]
			what := fmt.Sprintf("the assignment of conversation %d", id)
			attrs := []Attr{{"conversation_id", Int(id)}}
			var err error
			if agent := c.AssigneeID(); agent != 0 {
				var r Expr
				if r, err = s.AgentRef(ctx, agent); err == nil {
					attrs = append(attrs, Attr{"assignee_id", r})
				}
			}
			if bot := c.AgentBotID(); bot != 0 && err == nil {
				var r Expr
				if r, err = s.agentBotRef(ctx, bot); err == nil {
					attrs = append(attrs, Attr{"agent_bot_id", r})
				}
			}
			if team := c.TeamID(); team != 0 && err == nil {
				var r Expr
				if r, err = s.TeamRef(ctx, team); err == nil {
					attrs = append(attrs, Attr{"team_id", r})
				}
			}
			if err != nil {
				if err := s.refuseOr(k, what, err); err != nil {
					return err
				}
				continue
			}
			if len(attrs) == 1 {
				continue // nothing assigned: nothing to manage
			}
			s.Emit(k, id, fmt.Sprintf("conversation_%d", id), "conversation_id", attrs)
		}
		return nil
	},
}

// agentBotRef is data.chatwoot_agent_bot.<name>.id: agent bots (the account's and the system's)
// are found by name.
func (s *Session) agentBotRef(ctx context.Context, id int64) (Expr, error) {
	bots, err := list(ctx, s, "agent_bots", func(ctx context.Context, a int64) ([]chatwoot.AgentBot, error) { return s.client.ListAgentBots(ctx, a) })
	if err != nil {
		return nil, err
	}
	byID := map[int64]*chatwoot.AgentBot{}
	for i := range bots {
		byID[bots[i].ID] = &bots[i]
	}
	bot := byID[id]
	if bot == nil {
		return nil, unresolved("agent bot", id)
	}
	for _, other := range bots {
		if other.ID != id && other.Name == bot.Name {
			return nil, refuseBecause("agent bot %d shares its name %q with agent bot %d, so a lookup by name cannot find it", id, bot.Name, other.ID)
		}
	}
	names := s.Names("agent_bot", sortedIDs(byID), func(id int64) string { return byID[id].Name })
	return s.Lookup("chatwoot_agent_bot", names[id], "id", Attr{"name", String(bot.Name)}), nil
}
