package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewCannedResponseListResource lists the canned responses of an account as chatwoot_canned_response.
func NewCannedResponseListResource() list.ListResource {
	return listing(NewCannedResponseResource, accountListResource[chatwoot.CannedResponse, cannedResponseModel]{
		plural: "canned responses",
		list:   cached(chatwoot.CannedResponses),
		id:     func(r *chatwoot.CannedResponse) int64 { return r.ID },
		name:   func(r *chatwoot.CannedResponse) string { return r.ShortCode },
		state:  plainState(cannedResponseState),
	})
}
