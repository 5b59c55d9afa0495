package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

func TestAccWebhookList_listsEveryWebhookWithItsState(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	account, inbox := "https://crm.example.test/all", "https://crm.example.test/inbox"
	if _, err := admin.CreateWebhook(ctx, sc.Account.ID, chatwoot.WebhookFields{URL: &account, Subscriptions: []string{"conversation_created"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.CreateWebhook(ctx, sc.Account.ID, chatwoot.WebhookFields{URL: &inbox, InboxID: &sc.Inbox.ID,
		Subscriptions: []string{"message_created", "conversation_status_changed"}}); err != nil {
		t.Fatal(err)
	}
	webhooks, err := admin.ListWebhooks(ctx, sc.Account.ID)
	if err != nil || len(webhooks) != 2 {
		t.Fatalf("webhooks in Chatwoot: %v, %v", webhooks, err)
	}
	var want []listedObject
	for _, w := range webhooks {
		var inboxID knownvalue.Check = knownvalue.Null()
		if w.Inbox != nil {
			inboxID = knownvalue.Int64Exact(w.Inbox.ID)
		}
		subscriptions := make([]knownvalue.Check, 0, len(w.Subscriptions))
		for _, s := range w.Subscriptions {
			subscriptions = append(subscriptions, knownvalue.StringExact(s))
		}
		want = append(want, listedObject{id: w.ID, display: w.URL, state: map[string]knownvalue.Check{
			"url": knownvalue.StringExact(w.URL), "inbox_id": inboxID, "subscriptions": knownvalue.SetExact(subscriptions),
		}})
	}
	queryTest(t, NewWebhookListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}
