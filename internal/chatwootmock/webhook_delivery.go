package chatwootmock

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// webhookTimeout bounds one delivery, like Chatwoot's webhook timeout; there are no retries.
const webhookTimeout = 5 * time.Second

// Delivery is one webhook delivery the mock made, or withheld because the URL is not a loopback
// address (127.0.0.0/8 or ::1, written as an IP literal: no name is resolved).
type Delivery struct {
	WebhookID int64
	URL       string
	Event     string
	Body      []byte // the JSON body, exactly as sent (or as it would have been)
	Contacted bool   // false: recorded only, never contacted
	Status    int    // the receiver's status code; 0 when not contacted or when the POST failed
	Err       string // why the POST failed, if it did
}

// deliveryLog is the Server's record of deliveries; its zero value is ready to use.
type deliveryLog struct {
	mu   sync.Mutex
	list []Delivery
}

// outbound is a delivery decided under the state lock and sent after it is released.
type outbound struct {
	webhookID int64
	url       string
	secret    string
	event     string
	body      []byte
}

// Deliveries returns a copy of the webhook deliveries, in the order they were made.
func (s *Server) Deliveries() []Delivery {
	s.deliveries.mu.Lock()
	defer s.deliveries.mu.Unlock()
	return append([]Delivery(nil), s.deliveries.list...)
}

// ResetDeliveries empties the delivery log.
func (s *Server) ResetDeliveries() {
	s.deliveries.mu.Lock()
	s.deliveries.list = nil
	s.deliveries.mu.Unlock()
}

// queueWebhookEvent schedules an event for the account's webhooks that subscribe to it. The body
// is built by payload after the request's other jobs (automation rules) ran, so it shows the
// state Chatwoot's job would see. inboxID 0 means the event belongs to no inbox; otherwise a
// webhook bound to another inbox does not get it.
func (s *Server) queueWebhookEvent(c *reqCtx, event string, inboxID int64, payload func() obj) {
	a := c.acct
	c.after = append(c.after, func() {
		var body []byte
		for _, w := range a.webhooks {
			if !containsString(w.subscriptions, event) {
				continue
			}
			if bound, ok := castInt(w.inboxID); ok && inboxID != 0 && bound != inboxID {
				continue
			}
			if body == nil {
				raw, err := json.Marshal(append(payload(), field{"event", event}))
				if err != nil {
					return
				}
				body = raw
			}
			c.outbound = append(c.outbound, outbound{webhookID: w.id, url: w.url, secret: w.secret, event: event, body: body})
		}
	})
}

// conversationWebhook queues a conversation event; changed is Chatwoot's changed_attributes
// (status and conversation updates carry it).
func (s *Server) conversationWebhook(c *reqCtx, cv *conversation, event string, changed []any) {
	s.queueWebhookEvent(c, event, cv.inboxID, func() obj {
		plain := *c
		plain.bot = nil // the webhook body does not depend on who made the change
		o, err := s.conversationJSON(&plain, c.acct, cv)
		if err != nil {
			o = obj{{"id", cv.displayID}}
		}
		if changed != nil {
			o = append(o, field{"changed_attributes", changed})
		}
		return o
	})
}

// statusChange is one changed_attributes entry.
func statusChange(attr string, prev, cur any) []any {
	return []any{obj{{attr, obj{{"previous_value", prev}, {"current_value", cur}}}}}
}

var messageTypeNames = []string{"incoming", "outgoing", "activity", "template"}

// messageWebhook queues message_created.
func (s *Server) messageWebhook(c *reqCtx, cv *conversation, m *message) {
	a := c.acct
	s.queueWebhookEvent(c, "message_created", cv.inboxID, func() obj {
		plain := *c
		plain.bot = nil
		conv, err := s.conversationJSON(&plain, a, cv)
		if err != nil {
			conv = obj{{"id", cv.displayID}}
		}
		var inbox any
		if in := s.state.inboxes[cv.inboxID]; in != nil {
			inbox = obj{{"id", in.id}, {"name", in.name}}
		}
		var sender any
		if id, ok := m.senderID.(int64); ok && m.senderType == "User" {
			if u := s.state.users[id]; u != nil {
				sender = obj{{"id", u.id}, {"name", u.name}, {"email", u.email}, {"type", "user"}}
			}
		}
		typ := "incoming"
		if m.messageType >= 0 && m.messageType < len(messageTypeNames) {
			typ = messageTypeNames[m.messageType]
		}
		return obj{{"account", obj{{"id", a.id}, {"name", a.name}}}, {"additional_attributes", map[string]any{}},
			{"content_attributes", map[string]any{}}, {"content_type", "text"}, {"content", m.content},
			{"conversation", conv}, {"created_at", iso(m.createdAt)}, {"id", m.id}, {"inbox", inbox},
			{"message_type", typ}, {"private", m.private}, {"sender", sender}, {"source_id", nil}}
	})
}

// contactWebhook queues contact_created or contact_updated.
func (s *Server) contactWebhook(c *reqCtx, ct *contact, event string) {
	a := c.acct
	s.queueWebhookEvent(c, event, 0, func() obj {
		return append(obj{{"account", obj{{"id", a.id}, {"name", a.name}}}}, s.contactJSON(ct, false)...)
	})
}

// deliver sends the queued deliveries one after another, outside the state lock and before the
// API response is written, so a client holding the answer can already see them. Only loopback
// IP literals are contacted; every delivery is recorded.
func (s *Server) deliver(list []outbound) {
	for _, o := range list {
		d := Delivery{WebhookID: o.webhookID, URL: o.url, Event: o.event, Body: o.body}
		if loopbackURL(o.url) {
			d.Contacted = true
			d.Status, d.Err = post(o)
		}
		s.deliveries.mu.Lock()
		s.deliveries.list = append(s.deliveries.list, d)
		s.deliveries.mu.Unlock()
	}
}

// loopbackURL reports whether the URL's host is an IP literal in 127.0.0.0/8 or ::1.
func loopbackURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && ip.IsLoopback()
}

// webhookClient follows no redirects and uses no proxy, and its dialer refuses any address
// that is not loopback, so a delivery can never leave the machine.
var webhookClient = &http.Client{
	Timeout:       webhookTimeout,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Transport: &http.Transport{
		Proxy: nil,
		DialContext: (&net.Dialer{Timeout: webhookTimeout, Control: func(_, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				return errors.New("webhook deliveries go to loopback addresses only")
			}
			return nil
		}}).DialContext,
		DisableKeepAlives: true,
	},
}

// post makes one delivery with Chatwoot's signature headers: the HMAC-SHA256 of
// "<timestamp>.<body>" under the webhook's secret.
func post(o outbound) (int, string) {
	ctx, cancel := context.WithTimeout(context.Background(), webhookTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, o.url, bytes.NewReader(o.body))
	if err != nil {
		return 0, err.Error()
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-Chatwoot-Timestamp", ts)
	req.Header.Set("X-Chatwoot-Signature", "sha256="+WebhookSignature(o.secret, ts, o.body))
	req.Header.Set("X-Chatwoot-Delivery", newUUID())
	resp, err := webhookClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, ""
}

// WebhookSignature is the hex HMAC-SHA256 of "<timestamp>.<body>" under secret, as Chatwoot
// signs webhook deliveries (the header value is "sha256=" followed by it).
func WebhookSignature(secret, timestamp string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	_, _ = fmt.Fprintf(mac, "%s.", timestamp)
	_, _ = mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// assignmentChanges is changed_attributes for an assignment: the assignee and team ids that
// changed (0 renders as null).
func assignmentChanges(before [3]int64, cv *conversation) []any {
	out := []any{}
	if before[0] != cv.assigneeID {
		out = append(out, statusChange("assignee_id", nullableID(before[0]), nullableID(cv.assigneeID))...)
	}
	if before[2] != cv.teamID {
		out = append(out, statusChange("team_id", nullableID(before[2]), nullableID(cv.teamID))...)
	}
	return out
}
