package export

import (
	"context"
	"fmt"
	"net/url"
	"slices"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// webhookKind: one chatwoot_webhook per webhook, named after its name, or its URL's host when it
// has none. The secret is made by Chatwoot and computed by the resource: it is never written. The
// schema's default subscriptions (Chatwoot's eight) are omitted; an inbox refers to the inbox.
var webhookKind = &Kind{
	Name:     "webhook",
	Resource: "chatwoot_webhook",
	Export: listedKind[chatwoot.Webhook]{
		list: (*chatwoot.Client).ListWebhooks,
		id:   func(w *chatwoot.Webhook) int64 { return w.ID },
		name: func(w *chatwoot.Webhook) string {
			if w.Name != "" {
				return w.Name
			}
			if u, err := url.Parse(w.URL); err == nil {
				return u.Hostname()
			}
			return "" // Identifier falls back to "webhook"
		},
		what:    func(w *chatwoot.Webhook) string { return fmt.Sprintf("webhook %s (webhook %d)", w.URL, w.ID) },
		refAttr: "webhook_id",
		attrs:   webhookAttrs,
	}.Export,
}

func webhookAttrs(ctx context.Context, s *Session, w *chatwoot.Webhook) ([]Attr, error) {
	a := attrList{{"url", String(w.URL)}}
	a.str("name", w.Name, "") // the resource reads "" as no name
	// A set: Chatwoot keeps duplicates it was sent, the resource does not.
	var events List
	var seen []string
	for _, e := range w.Subscriptions {
		if !slices.Contains(chatwoot.WebhookEvents, e) {
			return nil, refuseBecause("it subscribes to %q, which chatwoot_webhook does not accept", e)
		}
		if !slices.Contains(seen, e) {
			seen = append(seen, e)
			events = append(events, String(e))
		}
	}
	if len(seen) != len(chatwoot.DefaultWebhookSubscriptions) || !containsAll(seen, chatwoot.DefaultWebhookSubscriptions) {
		a.add("subscriptions", events)
	}
	if w.Inbox != nil {
		inbox, err := s.InboxRef(ctx, w.Inbox.ID)
		if err != nil {
			return nil, err
		}
		a.add("inbox_id", inbox)
	}
	return a, nil
}

func containsAll(values, want []string) bool {
	for _, w := range want {
		if !slices.Contains(values, w) {
			return false
		}
	}
	return true
}
