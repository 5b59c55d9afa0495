package chatwootmock

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

type received struct {
	header http.Header
	body   []byte
}

// receiver is a webhook endpoint on 127.0.0.1 that keeps what it gets.
type receiver struct {
	mu   sync.Mutex
	got  []received
	hits atomic.Int32
	url  string
}

func newReceiver(t *testing.T) *receiver {
	t.Helper()
	rc := &receiver{}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc.hits.Add(1)
		body, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.got = append(rc.got, received{header: r.Header.Clone(), body: body})
		rc.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(ts.Close)
	rc.url = ts.URL + "/hook"
	return rc
}

func (rc *receiver) events(t *testing.T) []string {
	t.Helper()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	var out []string
	for _, g := range rc.got {
		var m map[string]any
		if err := json.Unmarshal(g.body, &m); err != nil {
			t.Fatalf("delivery body %q: %v", g.body, err)
		}
		out = append(out, asStr(t, m["event"]))
	}
	return out
}

func (h *harness) webhook(sc *fixture.Scenario, body map[string]any) map[string]any {
	h.t.Helper()
	r := h.call("POST", acctPath(sc, "webhooks"), sc.AdminToken, body)
	r.expect(h.t, 200, "")
	return webhookOf(h.t, r)
}

func TestWebhookDeliversConversationCreatedSignedToLoopback(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	rc := newReceiver(t)
	w := h.webhook(sc, map[string]any{"url": rc.url, "subscriptions": []string{"conversation_created"}})
	secret := asStr(t, w["secret"])

	cv, err := h.fx.CreateConversation(t.Context(), sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Delivery is finished before the API answers.
	if got := rc.events(t); strings.Join(got, ",") != "conversation_created" {
		t.Fatalf("events = %v", got)
	}
	g := rc.got[0]
	ts := g.header.Get("X-Chatwoot-Timestamp")
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts + "."))
	mac.Write(g.body)
	if want := "sha256=" + hex.EncodeToString(mac.Sum(nil)); ts == "" || g.header.Get("X-Chatwoot-Signature") != want {
		t.Fatalf("signature %q, want %q (timestamp %q)", g.header.Get("X-Chatwoot-Signature"), want, ts)
	}
	if g.header.Get("X-Chatwoot-Delivery") == "" || g.header.Get("Content-Type") != "application/json" {
		t.Fatalf("headers = %v", g.header)
	}
	var body map[string]any
	_ = json.Unmarshal(g.body, &body)
	if num(body["id"]) != cv.ID || num(body["inbox_id"]) != sc.Inbox.ID {
		t.Fatalf("body = %s", g.body)
	}
	d := h.srv.Deliveries()
	if len(d) != 1 || !d[0].Contacted || d[0].Status != http.StatusNoContent || d[0].Event != "conversation_created" || num(w["id"]) != d[0].WebhookID {
		t.Fatalf("deliveries = %+v", d)
	}
}

func TestWebhookToANonLoopbackURLIsRecordedNotContacted(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	rc := newReceiver(t)
	// localhost names the same receiver, but the mock resolves no names.
	byName := strings.Replace(rc.url, "127.0.0.1", "localhost", 1)
	h.webhook(sc, map[string]any{"url": byName, "subscriptions": []string{"conversation_created"}})
	h.webhook(sc, map[string]any{"url": "https://example.test/hook", "subscriptions": []string{"conversation_created"}})
	if _, err := h.fx.CreateConversation(t.Context(), sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID); err != nil {
		t.Fatal(err)
	}
	d := h.srv.Deliveries()
	if len(d) != 2 || d[0].Contacted || d[1].Contacted || d[0].URL != byName || d[1].URL != "https://example.test/hook" ||
		!strings.Contains(string(d[1].Body), `"event":"conversation_created"`) {
		t.Fatalf("deliveries = %+v", d)
	}
	if n := rc.hits.Load(); n != 0 {
		t.Fatalf("the receiver was contacted %d times through a name", n)
	}
}

func TestWebhookGetsOnlyItsSubscribedEventsAndItsInbox(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	all, other := newReceiver(t), newReceiver(t)
	h.webhook(sc, map[string]any{"url": all.url, "inbox_id": sc.Inbox.ID,
		"subscriptions": []string{"conversation_status_changed", "conversation_updated", "contact_created"}})
	h.webhook(sc, map[string]any{"url": other.url, "inbox_id": 999999})
	h.call("POST", acctPath(sc, "conversations/1/toggle_status"), sc.AdminToken, map[string]any{"status": "resolved"}).expect(t, 200, "")
	h.call("POST", acctPath(sc, "conversations/1/toggle_status"), sc.AdminToken, map[string]any{"status": "resolved"}).expect(t, 200, "")
	h.call("POST", acctPath(sc, "contacts"), sc.AdminToken, map[string]any{"name": "New"}).expect(t, 200, "")
	if got := strings.Join(all.events(t), ","); got != "conversation_status_changed,conversation_updated,contact_created" {
		t.Fatalf("events = %s", got)
	}
	var status map[string]any
	_ = json.Unmarshal(all.got[0].body, &status)
	if ch := asObj(t, asArr(t, status["changed_attributes"])[0])["status"]; asObj(t, ch)["previous_value"] != "open" ||
		asObj(t, ch)["current_value"] != "resolved" || status["status"] != "resolved" {
		t.Fatalf("status change body = %s", all.got[0].body)
	}
	// The other webhook is bound to another inbox: only the contact event (no inbox) reaches it.
	if got := strings.Join(other.events(t), ","); got != "contact_created" {
		t.Fatalf("events of the webhook bound elsewhere = %s", got)
	}
}

func TestWebhookDeliversMessageCreatedForTheFirstMessage(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	rc := newReceiver(t)
	h.webhook(sc, map[string]any{"url": rc.url, "subscriptions": []string{"message_created"}})
	h.call("POST", acctPath(sc, "conversations"), sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID,
		"contact_id": sc.Contact.ID, "message": map[string]any{"content": "hello"}}).expect(t, 200, "")
	if got := strings.Join(rc.events(t), ","); got != "message_created" {
		t.Fatalf("events = %s", got)
	}
	var m map[string]any
	_ = json.Unmarshal(rc.got[0].body, &m)
	if m["content"] != "hello" || m["message_type"] != "outgoing" || num(asObj(t, m["inbox"])["id"]) != sc.Inbox.ID {
		t.Fatalf("message body = %s", rc.got[0].body)
	}
}

func TestWebhookDeliversConversationUpdatedOnAssignment(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	rc := newReceiver(t)
	h.webhook(sc, map[string]any{"url": rc.url, "subscriptions": []string{"conversation_updated"}})
	h.call("POST", acctPath(sc, "conversations/1/assignments"), sc.AdminToken, map[string]any{"assignee_id": sc.Agent1.ID}).expect(t, 200, "")
	if got := strings.Join(rc.events(t), ","); got != "conversation_updated" {
		t.Fatalf("events = %s", got)
	}
	var body map[string]any
	_ = json.Unmarshal(rc.got[0].body, &body)
	ch := asObj(t, asObj(t, asArr(t, body["changed_attributes"])[0])["assignee_id"])
	if ch["previous_value"] != nil || num(ch["current_value"]) != sc.Agent1.ID {
		t.Fatalf("changed_attributes = %v", body["changed_attributes"])
	}
}
