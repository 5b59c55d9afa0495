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
