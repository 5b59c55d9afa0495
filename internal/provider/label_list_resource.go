package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewLabelListResource lists the labels of an account as chatwoot_label.
func NewLabelListResource() list.ListResource {
	return listing(NewLabelResource, accountListResource[chatwoot.Label, labelModel]{
		plural: "labels",
		list:   cached(chatwoot.Labels),
		id:     func(l *chatwoot.Label) int64 { return l.ID },
		name:   func(l *chatwoot.Label) string { return l.Title },
		state:  plainState(labelState),
	})
}
