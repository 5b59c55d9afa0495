package export

import (
	"context"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// capacityPolicyMembersKind: one chatwoot_agent_capacity_policy_members per capacity policy that
// agents hold, named as the policy, referring to the policy and to the agents. It costs one
// members list per policy (the policy list carries only a count).
var capacityPolicyMembersKind = &Kind{
	Name:     "agent_capacity_policy_members",
	Resource: "chatwoot_agent_capacity_policy_members",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		objs, ok, err := s.capacityPolicies(ctx, k)
		if !ok {
			return err
		}
		policyRef := exportedOr(s, "agent_capacity_policy", "chatwoot_agent_capacity_policy", objs, func(p *chatwoot.CapacityPolicy) string { return p.Name })
		return emitAll(s, k, "policy_id", objs, func(id int64, p *chatwoot.CapacityPolicy) string {
			return "members of " + named("agent capacity policy", p.Name, id)
		},
			func(id int64, p *chatwoot.CapacityPolicy) ([]Attr, error) {
				members, err := s.client.ListCapacityPolicyMembers(ctx, s.AccountID, id)
				if err != nil {
					return nil, err
				}
				if len(members) == 0 {
					s.Note(k, "members of "+named("agent capacity policy", p.Name, id), "none: the resource needs at least one member")
					return nil, nil
				}
				ids := make([]int64, len(members))
				for i, m := range members {
					ids[i] = m.ID
				}
				policy, err := policyRef(ctx, id)
				if err != nil {
					return nil, err
				}
				users, err := s.agentRefs(ctx, ids)
				if err != nil {
					return nil, err
				}
				return []Attr{{"policy_id", policy}, {"user_ids", users}}, nil
			})
	},
}
