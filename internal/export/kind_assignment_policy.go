package export

import (
	"context"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// assignmentPolicyKind: one chatwoot_assignment_policy per Assignment V2 policy, named after the
// policy, from the policy list alone. A server without assignment policies (Chatwoot before
// 4.13) answers their routes with Rails' routing 404: the kind is then left out with a note.
var assignmentPolicyKind = &Kind{
	Name:     "assignment_policy",
	Resource: "chatwoot_assignment_policy",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		objs, ok, err := s.assignmentPolicies(ctx, k)
		if !ok {
			return err
		}
		return emitAll(s, k, "policy_id", objs, func(id int64, p *chatwoot.AssignmentPolicy) string { return named("assignment policy", p.Name, id) },
			func(_ int64, p *chatwoot.AssignmentPolicy) ([]Attr, error) {
				a := attrList{{"name", String(p.Name)}}
				a.optStr("description", p.Description)
				a.str("assignment_order", p.AssignmentOrder, chatwoot.AssignmentOrderRoundRobin)
				a.str("conversation_priority", p.ConversationPriority, chatwoot.ConversationPriorityEarliestCreated)
				a.integer("fair_distribution_limit", p.FairDistributionLimit, chatwoot.DefaultFairDistributionLimit)
				a.integer("fair_distribution_window", p.FairDistributionWindow, chatwoot.DefaultFairDistributionWindow)
				a.optInt("exclude_older_than_hours", p.ExcludeOlderThanHours)
				a.boolean("enabled", p.Enabled, true)
				return a, nil
			})
	},
}

// assignmentPolicies are the account's policies, named after them; ok as for indexIfServerHas.
func (s *Session) assignmentPolicies(ctx context.Context, k *Kind) (indexed[chatwoot.AssignmentPolicy], bool, error) {
	return indexIfServerHas(ctx, s, k, "assignment_policy", "assignment policies (Assignment V2, from Chatwoot 4.13)", s.client.ListAssignmentPolicies,
		func(p *chatwoot.AssignmentPolicy) int64 { return p.ID }, func(p *chatwoot.AssignmentPolicy) string { return p.Name })
}
