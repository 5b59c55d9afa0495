package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentCapacityPolicyListResource lists the agent capacity policies of an account as chatwoot_agent_capacity_policy (Enterprise build).
func NewAgentCapacityPolicyListResource() list.ListResource {
	return listing(NewAgentCapacityPolicyResource, accountListResource[chatwoot.CapacityPolicy, capacityPolicyModel]{
		plural: "agent capacity policies",
		list:   (*chatwoot.Client).ListCapacityPolicies,
		// The Community build has no capacity-policy routes: its routing 404 says so.
		failed: capacityClientError,
		id:     func(p *chatwoot.CapacityPolicy) int64 { return p.ID },
		name:   func(p *chatwoot.CapacityPolicy) string { return p.Name },
		// As after an import: no configuration says how "no exclusion rules" is written.
		state: func(ctx context.Context, accountID int64, p *chatwoot.CapacityPolicy, diags *diag.Diagnostics) capacityPolicyModel {
			return capacityPolicyState(ctx, accountID, p, types.ObjectNull(exclusionRulesAttrTypes), diags)
		},
	})
}
