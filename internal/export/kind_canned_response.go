package export

import (
	"context"
	"fmt"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// cannedResponseKind: one chatwoot_canned_response per canned response, named after its short
// code (short codes are unique case-sensitively, so Thanks and thanks become thanks and thanks_2,
// in id order). Both attributes are required.
var cannedResponseKind = &Kind{
	Name:     "canned_response",
	Resource: "chatwoot_canned_response",
	Export: listedKind[chatwoot.CannedResponse]{
		list: (*chatwoot.Client).ListCannedResponses,
		id:   func(r *chatwoot.CannedResponse) int64 { return r.ID },
		name: func(r *chatwoot.CannedResponse) string { return r.ShortCode },
		what: func(r *chatwoot.CannedResponse) string {
			return fmt.Sprintf("canned response %q (%d)", r.ShortCode, r.ID)
		},
		refAttr: "canned_response_id",
		attrs: func(_ context.Context, _ *Session, r *chatwoot.CannedResponse) ([]Attr, error) {
			return []Attr{{"short_code", String(r.ShortCode)}, {"content", String(r.Content)}}, nil
		},
	}.Export,
}
