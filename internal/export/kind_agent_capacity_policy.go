package export

import (
	"context"
	"slices"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// capacityPolicyKind: one chatwoot_agent_capacity_policy per capacity policy, named after the
// policy, from the policy list alone (it carries the inbox limits, which refer to the inboxes).
// Only servers built with Chatwoot's Enterprise code have capacity policies; elsewhere the kind
// is left out with a note.
var capacityPolicyKind = &Kind{
	Name:     "agent_capacity_policy",
	Resource: "chatwoot_agent_capacity_policy",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		objs, ok, err := s.capacityPolicies(ctx, k)
		if !ok {
			return err
		}
		return emitAll(s, k, "policy_id", objs, func(id int64, p *chatwoot.CapacityPolicy) string { return named("agent capacity policy", p.Name, id) },
			func(_ int64, p *chatwoot.CapacityPolicy) ([]Attr, error) {
				a := attrList{{"name", String(p.Name)}}
				a.optStr("description", p.Description)
				// The resource reads the rules as null when there are none, and excluded_labels as null when empty.
				var rules attrList
				rules.optInt("exclude_older_than_hours", p.ExclusionRules.ExcludeOlderThanHours)
				if labels := p.ExclusionRules.ExcludedLabels; len(labels) > 0 {
					list := List{}
					for _, l := range slices.Sorted(slices.Values(labels)) {
						label, err := s.LabelRef(ctx, l) // the exported label, or its title
						if err != nil {
							return nil, err
						}
						list = append(list, label)
					}
					rules.add("excluded_labels", list)
				}
				if len(rules) > 0 {
					a.add("exclusion_rules", Object(rules))
				}
				if len(p.InboxLimits) == 0 {
					return a, nil
				}
				limits := slices.Clone(p.InboxLimits)
				slices.SortFunc(limits, func(x, y chatwoot.InboxCapacityLimit) int { return int(x.InboxID - y.InboxID) })
				objects := make(Objects, 0, len(limits))
				for _, l := range limits {
					inbox, err := s.InboxRef(ctx, l.InboxID)
					if err != nil {
						return nil, err
					}
					objects = append(objects, Object{{"inbox_id", inbox}, {"conversation_limit", Int(l.ConversationLimit)}})
				}
				a.add("inbox_limits", objects)
				return a, nil
			})
	},
}

// capacityPolicies are the account's capacity policies, named after them; ok as for
// indexIfServerHas.
func (s *Session) capacityPolicies(ctx context.Context, k *Kind) (indexed[chatwoot.CapacityPolicy], bool, error) {
	return indexIfServerHas(ctx, s, k, "agent_capacity_policy", "agent capacity policies (they need a Chatwoot built with its Enterprise code)",
		s.client.ListCapacityPolicies, func(p *chatwoot.CapacityPolicy) int64 { return p.ID }, func(p *chatwoot.CapacityPolicy) string { return p.Name })
}
