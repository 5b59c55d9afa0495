package chatwootmock

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func TestLabelTitleBlankFailsPresenceAndFormat(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	h.call("POST", acctPath(sc, "labels"), sc.AdminToken, map[string]any{"title": "", "color": "#fff"}).
		expect(t, 422, `{"message":"Title must not be blank, Title is invalid","attributes":["title"]}`)
}

func TestLabelTrailingNewlinePassesUntil4_17(t *testing.T) {
	for version, want := range map[string]int{"4.15.1": 200, "4.16.2": 200, "4.17.0": 422} {
		t.Run(version, func(t *testing.T) {
			h := newHarnessWith(t, Options{ChatwootVersion: version})
			sc := h.seed(fixture.SeedOptions{})
			r := h.call("POST", acctPath(sc, "labels"), sc.AdminToken, map[string]any{"title": "Hello_World\n"})
			r.expect(t, want, "")
			if want == 200 && r.obj(t)["title"] != "hello_world\n" {
				t.Fatalf("label = %s", r.body)
			}
		})
	}
}

func TestLabelColorNullIs500AndAnyStringIsStored(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "labels")
	h.call("POST", path, sc.AdminToken, `{"title":"nocolor","color":null}`).expect(t, 500, `{"status":500,"error":"Internal Server Error"}`)
	r := h.call("POST", path, sc.AdminToken, map[string]any{"title": "odd", "color": "not-a-colour"})
	r.expect(t, 200, `{"id":`+fmt.Sprint(num(r.obj(t)["id"]))+`,"title":"odd","description":null,"color":"not-a-colour","show_on_sidebar":null}`)
	h.call("PATCH", fmt.Sprintf("%s/%d", path, num(r.obj(t)["id"])), sc.AdminToken, `{"color":null}`).expect(t, 500, "")
}

func webhookOf(t *testing.T, r reply) map[string]any {
	t.Helper()
	return asObj(t, asObj(t, r.obj(t)["payload"])["webhook"])
}

func TestWebhookSubscriptionsArePermittedOnlyAsArrays(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "webhooks")
	r := h.call("POST", path, sc.AdminToken, map[string]any{"url": "https://example.test/a", "subscriptions": "message_created",
		"secret": "mine", "webhook_secret": "mine"})
	r.expect(t, 200, "")
	w := webhookOf(t, r)
	if len(asArr(t, w["subscriptions"])) != 8 || w["secret"] == "mine" || w["name"] != nil {
		t.Fatalf("a string is dropped, the secret is the server's: %s", r.body)
	}
	if got := strings.Join(keysOf(t, rawWebhook(t, r.body)), ","); got != "id,name,url,account_id,subscriptions,secret" {
		t.Fatalf("keys without an inbox = %s", got)
	}
	id, secret := num(w["id"]), w["secret"]
	one := fmt.Sprintf("%s/%d", path, id)
	r = h.call("PATCH", one, sc.AdminToken, map[string]any{"subscriptions": []string{"message_created", "message_created"}})
	if w := webhookOf(t, r); fmt.Sprint(w["subscriptions"]) != "[message_created message_created]" || w["secret"] != secret {
		t.Fatalf("duplicates are stored, the secret stays: %s", r.body)
	}
	r = h.call("PATCH", one, sc.AdminToken, `{"subscriptions":null,"name":"renamed"}`)
	if w := webhookOf(t, r); fmt.Sprint(w["subscriptions"]) != "[message_created message_created]" || w["name"] != "renamed" {
		t.Fatalf("null leaves the list: %s", r.body)
	}
	h.call("PATCH", one, sc.AdminToken, map[string]any{"subscriptions": []string{}}).
		expect(t, 422, `{"message":"Subscriptions Invalid events","attributes":["subscriptions"]}`)
	h.call("PATCH", one, sc.AdminToken, map[string]any{"name": strings.Repeat("n", 256)}).
		expect(t, 422, `{"message":"Name is too long (maximum is 255 characters)","attributes":["name"]}`)
	r = h.call("POST", path, sc.AdminToken, map[string]any{"url": "https://example.test/b", "inbox_id": 999999})
	if _, has := webhookOf(t, r)["inbox"]; has || r.status != 200 {
		t.Fatalf("an unknown inbox is stored without an inbox key: %s", r.body)
	}
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "no url"}).expect(t, 422, `{"message":"Url is invalid","attributes":["url"]}`)
	// Another account may reuse a url.
	other := h.seed(fixture.SeedOptions{})
	h.call("POST", acctPath(other, "webhooks"), other.AdminToken, map[string]any{"url": "https://example.test/a"}).expect(t, 200, "")
}

func TestWebhooksOfADeletedInboxGoWithIt(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "webhooks")
	h.call("POST", path, sc.AdminToken, map[string]any{"url": "https://example.test/bound", "inbox_id": sc.Inbox.ID}).expect(t, 200, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"url": "https://example.test/free"}).expect(t, 200, "")
	h.call("DELETE", acctPath(sc, "inboxes/%d", sc.Inbox.ID), sc.AdminToken, nil).expect(t, 200, "")
	// The inbox's deletion job runs before the second request after the DELETE.
	if list := asArr(t, asObj(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["payload"])["webhooks"]); len(list) != 2 {
		t.Fatalf("webhooks while the inbox's deletion is pending = %v", list)
	}
	list := asArr(t, asObj(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["payload"])["webhooks"])
	if len(list) != 1 || asObj(t, list[0])["url"] != "https://example.test/free" {
		t.Fatalf("webhooks = %v", list)
	}
}

func TestCannedResponseSearchRanksShortCodePrefixFirst(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "canned_responses")
	for _, cr := range [][2]string{{"zz", "about refunds"}, {"my-refund", "x"}, {"refund", "y"}, {"other", "z"}} {
		h.call("POST", path, sc.Agent1.AccessToken, map[string]any{"short_code": cr[0], "content": cr[1]}).expect(t, 200, "")
	}
	var codes []string
	for _, cr := range h.call("GET", path+"?search=REFUND", sc.Agent1.AccessToken, nil).arr(t) {
		codes = append(codes, asStr(t, asObj(t, cr)["short_code"]))
	}
	if got := strings.Join(codes, ","); got != "refund,my-refund,zz" {
		t.Fatalf("ranked = %s", got)
	}
	h.call("POST", path, sc.Agent1.AccessToken, `{"canned_response":{"short_code":""}}`).
		expect(t, 422, `{"message":"Content can't be blank, Short code can't be blank","attributes":["content","short_code"]}`)
	h.call("GET", path+"/1", sc.Agent1.AccessToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
}

func TestCannedResponseSearchWithNULIs500Until4_17(t *testing.T) {
	for version, want := range map[string]int{"4.15.1": 500, "4.17.0": 200} {
		t.Run(version, func(t *testing.T) {
			h := newHarnessWith(t, Options{ChatwootVersion: version})
			sc := h.seed(fixture.SeedOptions{})
			h.call("GET", acctPath(sc, "canned_responses")+"?search=a%00b", sc.AdminToken, nil).expect(t, want, "")
		})
	}
}

func TestCustomAttributeDefinitionRules(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "custom_attribute_definitions")
	r := h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "  Email  ", "attribute_key": "email",
		"default_value": "x", "attribute_values": []any{"a", map[string]any{"b": 1}, 3}})
	r.expect(t, 200, "")
	d := r.obj(t)
	if d["attribute_display_name"] != "Email" || d["default_value"] != nil || d["attribute_display_type"] != "text" ||
		d["attribute_model"] != "conversation_attribute" || fmt.Sprint(d["attribute_values"]) != "[a 3]" {
		t.Fatalf("email is not a standard conversation key; default_value ignored; scalars kept: %s", r.body)
	}
	if got := strings.Join(keysOf(t, r.body), ","); got != "id,attribute_display_name,attribute_display_type,attribute_description,attribute_key,regex_pattern,regex_cue,attribute_values,attribute_model,default_value,created_at,updated_at" {
		t.Fatalf("keys = %s", got)
	}
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "E", "attribute_key": "email"}).
		expect(t, 422, `{"message":"Attribute key has already been taken","attributes":["attribute_key"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "E", "attribute_key": "email", "attribute_model": "contact_attribute"}).
		expect(t, 422, `{"message":"Attribute key The provided key is not allowed as it might conflict with default attributes.","attributes":["attribute_key"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "C", "attribute_key": "company_name", "attribute_model": "contact_attribute"}).expect(t, 422, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "D", "attribute_key": "domain", "attribute_model": "company_attribute"}).expect(t, 422, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "D", "attribute_key": "domain", "attribute_model": "contact_attribute"}).expect(t, 200, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "N", "attribute_key": "n", "attribute_display_type": "1"}).
		expect(t, 500, `{"status":500,"error":"Internal Server Error"}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "N", "attribute_key": "n", "attribute_model": "user_attribute"}).expect(t, 500, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "", "attribute_key": ""}).
		expect(t, 422, `{"message":"Attribute display name can't be blank, Attribute key can't be blank, Attribute key must only contain letters, numbers, underscores, hyphens, and dots","attributes":["attribute_display_name","attribute_key"]}`)
	// The standard-key check runs on create only.
	h.call("PATCH", fmt.Sprintf("%s/%d", path, num(d["id"])), sc.AdminToken, map[string]any{"attribute_key": "status"}).expect(t, 200, "")
	if n := len(h.call("GET", path+"?attribute_model=1", sc.AdminToken, nil).arr(t)); n != 1 {
		t.Fatalf("contact attributes by integer = %d", n)
	}
	h.call("DELETE", path+"/999999", sc.Agent1.AccessToken, nil).expect(t, 404, "")
}

// rawWebhook is the raw JSON of payload.webhook, for checking the wire order of its keys.
func rawWebhook(t *testing.T, body []byte) []byte {
	t.Helper()
	var env struct {
		Payload struct {
			Webhook json.RawMessage `json:"webhook"`
		} `json:"payload"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		t.Fatal(err)
	}
	return env.Payload.Webhook
}
