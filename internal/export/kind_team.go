package export

import (
	"context"
	"sort"
)

// teamKind: one chatwoot_team per team, named after the team. The schema's defaults are
// description "" and allow_auto_assign true; those values are omitted.
var teamKind = &Kind{
	Name:     "team",
	Resource: "chatwoot_team",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		names, byID, err := s.teamNames(ctx)
		if err != nil {
			return err
		}
		for _, id := range sortedIDs(byID) {
			t := byID[id]
			attrs := []Attr{{"name", String(t.Name)}}
			if t.Description != "" {
				attrs = append(attrs, Attr{"description", String(t.Description)})
			}
			if !t.AllowAutoAssign {
				attrs = append(attrs, Attr{"allow_auto_assign", Bool(false)})
			}
			s.Emit(k, id, names[id], "team_id", attrs)
		}
		return nil
	},
}

func sortedIDs[T any](m map[int64]T) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}
