package export

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestExportWebhook_namesReferencesAndNoSecret(t *testing.T) {
	a := newAccount(t)
	web := a.inbox(t, "Website")
	var secrets []string
	for _, w := range []map[string]any{
		{"url": "https://hooks.example.test/chatwoot"},
		{"url": "https://hooks.example.test/other", "subscriptions": []any{"message_created", "conversation_created", "message_created"}},
		{"url": "http://crm.example.test/in", "name": "CRM Sync", "inbox_id": web},
	} {
		var created struct {
			Payload struct {
				Webhook struct {
					Secret string `json:"secret"`
				} `json:"webhook"`
			} `json:"payload"`
		}
		must(t, a.fx.Do(context.Background(), http.MethodPost, fmt.Sprintf("/api/v1/accounts/%d/webhooks", a.id), a.token, map[string]any{"webhook": w}, &created))
		secrets = append(secrets, created.Payload.Webhook.Secret)
	}
	dir, res := a.export(t, "webhook")
	if res.Objects != 3 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	wantFile(t, dir, "webhook.tf", `resource "chatwoot_webhook" "hooks_example_test" {
  url = "https://hooks.example.test/chatwoot"
}

resource "chatwoot_webhook" "hooks_example_test_2" {
  url           = "https://hooks.example.test/other"
  subscriptions = ["message_created", "conversation_created"]
}

resource "chatwoot_webhook" "crm_sync" {
  url      = "http://crm.example.test/in"
  name     = "CRM Sync"
  inbox_id = data.chatwoot_inbox.website.id
}
`)
	noFile(t, dir, "variables.tf")
	if len(secrets) != 3 || secrets[0] == "" {
		t.Fatalf("secrets %q", secrets)
	}
	for _, f := range []string{"webhook.tf", "data.tf", "imports.tf", "EXPORT.md"} {
		for _, secret := range secrets {
			if strings.Contains(readFile(t, dir, f), secret) {
				t.Errorf("%s holds a webhook's secret", f)
			}
		}
	}
}
