package export

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// slaPolicyKind: one chatwoot_sla_policy per SLA policy, named after its name (names need not be
// unique). Thresholds are whole seconds, as the resource reads them; the schema's defaults
// (description "", no thresholds, only_during_business_hours false) are omitted. A Chatwoot that
// cannot hold SLA policies answers the list with an error: the export notes why and goes on.
var slaPolicyKind = &Kind{
	Name:     "sla_policy",
	Resource: "chatwoot_sla_policy",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		err := slaPolicies.Export(ctx, s, k)
		if reason := slaUnavailable(err); reason != "" {
			s.Note(k, "all SLA policies", reason)
			return nil
		}
		return err
	},
}

var slaPolicies = listedKind[chatwoot.SLAPolicy]{
	list:    (*chatwoot.Client).ListSLAPolicies,
	id:      func(p *chatwoot.SLAPolicy) int64 { return p.ID },
	name:    func(p *chatwoot.SLAPolicy) string { return p.Name },
	what:    func(p *chatwoot.SLAPolicy) string { return fmt.Sprintf("SLA policy %q (policy %d)", p.Name, p.ID) },
	refAttr: "sla_policy_id",
	attrs:   slaPolicyAttrs,
}

func slaPolicyAttrs(_ context.Context, _ *Session, p *chatwoot.SLAPolicy) ([]Attr, error) {
	a := attrList{{"name", String(p.Name)}}
	a.str("description", p.Description, "")
	for _, t := range []struct {
		attr    string
		seconds *float64
	}{
		{"first_response_time_threshold", p.FirstResponseTimeThreshold},
		{"next_response_time_threshold", p.NextResponseTimeThreshold},
		{"resolution_time_threshold", p.ResolutionTimeThreshold},
	} {
		if t.seconds == nil {
			continue
		}
		n := int64(math.Round(*t.seconds))
		if n < 1 {
			return nil, refuseBecause("its %s is %v seconds, and the resource takes 1 or more", t.attr, *t.seconds)
		}
		a.add(t.attr, Int(n))
	}
	a.boolean("only_during_business_hours", p.OnlyDuringBusinessHours, false)
	return a, nil
}

// slaUnavailable says why the list failed when the Chatwoot or the account has no SLA policies
// at all (DESIGN.md §6.13): the Community build answers 404, and Chatwoot 4.17 and newer answer
// 401 to any member of an account without the sla feature. Other errors give "".
func slaUnavailable(err error) string {
	var apiErr *chatwoot.APIError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound:
		return "Chatwoot answered the SLA policy list with 404: its Community build has no SLA policies, so there are none to export"
	case chatwoot.AuthProblemOf(err) == chatwoot.AuthForbidden:
		return "Chatwoot refused the SLA policy list: the account lacks the sla feature, which Chatwoot 4.17 and newer require " +
			"of every SLA request, so it holds no policies in use; turn the feature on and export again to include any"
	}
	return ""
}
