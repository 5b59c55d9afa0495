package export

import (
	"context"
	"fmt"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// teamMembersKind: one chatwoot_team_members per team, named as the team, whose user_ids refer
// to the agents (`[]` for a team without members, which the resource then keeps empty). It
// costs one members list per team: the team list does not carry members.
var teamMembersKind = &Kind{
	Name:     "team_members",
	Resource: "chatwoot_team_members",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		names, byID, err := s.teamNames(ctx)
		if err != nil {
			return err
		}
		for _, id := range sortedIDs(byID) {
			members, err := s.client.ListTeamMembers(ctx, s.AccountID, id)
			if err != nil {
				return err
			}
			what := fmt.Sprintf("members of team %q (team %d)", byID[id].Name, id)
			if err := emitMembers(ctx, s, k, id, names[id], "team_id", s.TeamRef, members, what); err != nil {
				return err
			}
		}
		return nil
	},
}

// inboxMembersKind: one chatwoot_inbox_members per inbox, named as the inbox (`[]` for none). It
// costs one members list per inbox.
var inboxMembersKind = &Kind{
	Name:     "inbox_members",
	Resource: "chatwoot_inbox_members",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		names, byID, err := s.inboxNames(ctx)
		if err != nil {
			return err
		}
		for _, id := range sortedIDs(byID) {
			what := fmt.Sprintf("members of inbox %q (inbox %d)", byID[id].Name, id)
			members, err := s.client.ListInboxMembers(ctx, s.AccountID, id)
			if err != nil {
				return err
			}
			if err := emitMembers(ctx, s, k, id, names[id], "inbox_id", s.InboxRef, members, what); err != nil {
				return err
			}
		}
		return nil
	},
}

// emitMembers writes one member set; parent finds the reference to its team or inbox, asked only
// for a set that is written, so that no unused lookup is added.
func emitMembers(ctx context.Context, s *Session, k *Kind, parentID int64, name, parentAttr string,
	parent func(context.Context, int64) (Expr, error), members []chatwoot.Agent, what string) error {
	ids := make([]int64, len(members))
	for i, m := range members {
		ids[i] = m.ID
	}
	ref, err := parent(ctx, parentID)
	if err != nil {
		return s.refuseOr(k, what, err)
	}
	refs, err := s.agentRefs(ctx, ids)
	if err != nil {
		return s.refuseOr(k, what, err)
	}
	s.Emit(k, parentID, name, parentAttr, []Attr{{parentAttr, ref}, {"user_ids", refs}})
	return nil
}
