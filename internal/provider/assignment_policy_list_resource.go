package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAssignmentPolicyListResource lists the Assignment V2 policies of an account as chatwoot_assignment_policy.
func NewAssignmentPolicyListResource() list.ListResource {
	return listing(NewAssignmentPolicyResource, accountListResource[chatwoot.AssignmentPolicy, assignmentPolicyModel]{
		plural: "assignment policies",
		list:   (*chatwoot.Client).ListAssignmentPolicies,
		id:     func(p *chatwoot.AssignmentPolicy) int64 { return p.ID },
		name:   func(p *chatwoot.AssignmentPolicy) string { return p.Name },
		state:  plainState(assignmentPolicyState),
	})
}
