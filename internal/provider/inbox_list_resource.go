package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewInboxListResource lists the api and web_widget inboxes of an account as chatwoot_inbox.
func NewInboxListResource() list.ListResource {
	return listing(NewInboxResource, accountListResource[chatwoot.Inbox, inboxModel]{
		plural: "`api` and `web_widget` inboxes",
		leftOut: "Inboxes of other channels (email, WhatsApp, Facebook, …) are left out: `chatwoot_inbox` does not manage them, because " +
			"they need third-party accounts (read them with the data source `chatwoot_inbox`).",
		list: (*chatwoot.Client).ListInboxes,
		omit: func(in *chatwoot.Inbox) bool {
			kind := in.Kind()
			return kind != chatwoot.ChannelAPI && kind != chatwoot.ChannelWebWidget
		},
		id:   func(in *chatwoot.Inbox) int64 { return in.ID },
		name: func(in *chatwoot.Inbox) string { return in.Name },
		// As after an import: no configuration, so only what Chatwoot always reports.
		state: func(ctx context.Context, accountID int64, in *chatwoot.Inbox, diags *diag.Diagnostics) inboxModel {
			return inboxState(ctx, objectID{accountID, in.ID}, inboxModel{}, in, diags)
		},
	})
}
