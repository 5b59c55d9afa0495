package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewSLAPolicyListResource lists the SLA policies of an account as chatwoot_sla_policy (Enterprise build).
func NewSLAPolicyListResource() list.ListResource {
	return listing(NewSLAPolicyResource, accountListResource[chatwoot.SLAPolicy, slaPolicyModel]{
		plural:    "SLA policies",
		list:      (*chatwoot.Client).ListSLAPolicies,
		available: checkSLAAvailable,
		failed:    slaErrorDiagnostic,
		id:        func(p *chatwoot.SLAPolicy) int64 { return p.ID },
		name:      func(p *chatwoot.SLAPolicy) string { return p.Name },
		state:     plainState(slaPolicyState),
	})
}
