package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewWebhookListResource lists the webhooks of an account as chatwoot_webhook.
func NewWebhookListResource() list.ListResource {
	return listing(NewWebhookResource, accountListResource[chatwoot.Webhook, webhookModel]{
		plural: "webhooks",
		list:   cached(chatwoot.Webhooks),
		id:     func(w *chatwoot.Webhook) int64 { return w.ID },
		// A webhook name is optional: the URL is what people recognise.
		name:  func(w *chatwoot.Webhook) string { return w.URL },
		state: plainState(webhookState),
	})
}
