package export

import (
	"context"
	"fmt"
)

// inboxAutoAssignmentKind: one chatwoot_inbox_auto_assignment per inbox, named as the inbox,
// from the inbox list alone (it carries both settings). The schema's default
// enable_auto_assignment = true is omitted.
var inboxAutoAssignmentKind = &Kind{
	Name:     "inbox_auto_assignment",
	Resource: "chatwoot_inbox_auto_assignment",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		names, byID, err := s.inboxNames(ctx)
		if err != nil {
			return err
		}
		for _, id := range sortedIDs(byID) {
			in := byID[id]
			inbox, err := s.InboxRef(ctx, id)
			if err != nil {
				if err := s.refuseOr(k, fmt.Sprintf("auto-assignment of inbox %q (inbox %d)", in.Name, id), err); err != nil {
					return err
				}
				continue
			}
			attrs := []Attr{{"inbox_id", inbox}}
			if !in.EnableAutoAssignment {
				attrs = append(attrs, Attr{"enable_auto_assignment", Bool(false)})
			}
			// Chatwoot reads only positive limits; anything else means none.
			if limit := in.AutoAssignmentConfig.MaxAssignmentLimit; limit != nil && *limit > 0 {
				attrs = append(attrs, Attr{"max_assignment_limit", Int(*limit)})
			}
			s.Emit(k, id, names[id], "inbox_id", attrs)
		}
		return nil
	},
}
