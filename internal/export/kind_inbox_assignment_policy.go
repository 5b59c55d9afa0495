package export

import (
	"context"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// inboxAssignmentPolicyKind: one chatwoot_inbox_assignment_policy per inbox bound to a policy,
// named as the inbox, referring to the inbox and the policy. It costs one inbox list per policy
// (fewer requests than one per inbox: an inbox has at most one policy).
var inboxAssignmentPolicyKind = &Kind{
	Name:     "inbox_assignment_policy",
	Resource: "chatwoot_inbox_assignment_policy",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		policies, ok, err := s.assignmentPolicies(ctx, k)
		if !ok {
			return err
		}
		policyOf := map[int64]int64{} // inbox → policy
		for _, id := range policies.ids {
			bound, err := s.client.ListAssignmentPolicyInboxes(ctx, s.AccountID, id)
			if err != nil {
				return err
			}
			for _, in := range bound {
				policyOf[in.ID] = id
			}
		}
		// Names are unique within an account, so the data source finds a policy that is not exported.
		policyRef := exportedOr(s, "assignment_policy", "chatwoot_assignment_policy", policies, func(p *chatwoot.AssignmentPolicy) string { return p.Name })
		objs, err := s.inboxIndex(ctx)
		if err != nil {
			return err
		}
		return emitAll(s, k, "inbox_id", objs, func(id int64, in *chatwoot.Inbox) string {
			return "the assignment policy of " + named("inbox", in.Name, id)
		},
			func(id int64, _ *chatwoot.Inbox) ([]Attr, error) {
				policy, ok := policyOf[id]
				if !ok {
					return nil, nil
				}
				return refAttrs(ctx, s, id, "assignment_policy_id", policy, policyRef)
			})
	},
}
