package chatwootmock

import (
	"regexp"
	"strings"
)

var (
	webhookColumns = []string{"id", "account_id", "inbox_id", "url", "created_at", "updated_at", "webhook_type", "subscriptions", "name", "secret"}
	webhookEvents  = strings.Fields("conversation_status_changed conversation_updated conversation_created contact_created contact_updated message_created message_updated webwidget_triggered inbox_created inbox_updated conversation_typing_on conversation_typing_off")
	// defaultSubscriptions is the column default used when subscriptions is null or omitted.
	defaultSubscriptions = webhookEvents[:8]
	// webhookURLFormat approximates URI::DEFAULT_PARSER.make_regexp(%w[http https]).
	webhookURLFormat = regexp.MustCompile(`(?i)^https?://[^\s/?#]+([/?#]\S*)?$`)
)

type webhook struct {
	id            int64
	accountID     int64
	name          any
	url           string
	inboxID       any
	subscriptions []string
	secret        string
}

func (s *Server) webhookJSON(w *webhook) obj {
	o := obj{{"id", w.id}, {"name", w.name}, {"url", w.url}, {"account_id", w.accountID},
		{"subscriptions", append([]string{}, w.subscriptions...)}, {"secret", w.secret}}
	if id, ok := castInt(w.inboxID); ok {
		if in := s.state.inboxes[id]; in != nil {
			o = append(o, field{"inbox", obj{{"id", in.id}, {"name", in.name}}})
		}
	}
	return o
}

func (s *Server) listWebhooks(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	out := []any{}
	for _, w := range c.acct.webhooks {
		out = append(out, s.webhookJSON(w))
	}
	c.ok(obj{{"payload", obj{{"webhooks", out}}}})
	return nil
}

func (s *Server) createWebhook(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("webhook", webhookColumns)
	if err != nil {
		return err
	}
	w := &webhook{accountID: c.acct.id, subscriptions: append([]string{}, defaultSubscriptions...)}
	if err := s.applyWebhookParams(c.acct, w, body); err != nil {
		return err
	}
	w.id = s.nextID("webhooks")
	w.secret = newToken()
	c.acct.webhooks = append(c.acct.webhooks, w)
	c.ok(obj{{"payload", obj{{"webhook", s.webhookJSON(w)}}}})
	return nil
}

// fetchWebhook runs after authorization: WebhooksController authorizes first.
func (s *Server) fetchWebhook(c *reqCtx) (*webhook, error) {
	if err := c.requireAdmin(); err != nil {
		return nil, err
	}
	id, _ := c.pathID("id")
	for _, w := range c.acct.webhooks {
		if w.id == id {
			return w, nil
		}
	}
	return nil, notFound()
}

func (s *Server) updateWebhook(c *reqCtx) error {
	w, err := s.fetchWebhook(c)
	if err != nil {
		return err
	}
	body, err := c.p.wrapped("webhook", webhookColumns)
	if err != nil {
		return err
	}
	if err := s.applyWebhookParams(c.acct, w, body); err != nil {
		return err
	}
	c.ok(obj{{"payload", obj{{"webhook", s.webhookJSON(w)}}}})
	return nil
}

// applyWebhookParams permits url, name, inbox_id (not checked against the account) and
// subscriptions. Only an array is permitted for subscriptions: a string or null is dropped, so
// a create keeps the column default and an update keeps the stored list; [] and unknown events
// are invalid, duplicates are stored as sent.
func (s *Server) applyWebhookParams(a *account, w *webhook, body map[string]any) error {
	next := *w
	if v, ok := body["url"]; ok {
		next.url, _ = strVal(v)
	}
	if v, ok := body["name"]; ok {
		next.name = nullableStr(v)
	}
	if v, ok := body["inbox_id"]; ok {
		next.inboxID = v
	}
	validSubs := true
	if list, isList := body["subscriptions"].([]any); isList {
		validSubs = len(list) > 0
		next.subscriptions = []string{}
		for _, e := range list {
			ev, _ := strVal(e)
			if !containsString(webhookEvents, ev) {
				validSubs = false
			}
			next.subscriptions = append(next.subscriptions, ev)
		}
	}
	v := &validation{}
	taken := false
	for _, other := range a.webhooks {
		if other.id != w.id && other.url == next.url && next.url != "" {
			taken = true
		}
	}
	if taken {
		v.add("url", "Url has already been taken")
	}
	if !webhookURLFormat.MatchString(next.url) {
		v.add("url", "Url is invalid")
	}
	v.checkLength("url", "Url", next.url, 20000)
	if n, ok := next.name.(string); ok {
		v.checkLength("name", "Name", n, 255)
	}
	if !validSubs {
		v.add("subscriptions", "Subscriptions Invalid events")
	}
	if err := v.err(); err != nil {
		return err
	}
	*w = next
	return nil
}

// deleteInboxWebhooks is the part of an inbox's deletion job that removes the account webhooks
// bound to that inbox.
func (s *Server) deleteInboxWebhooks(a *account, inboxID int64) {
	kept := a.webhooks[:0:0]
	for _, w := range a.webhooks {
		if id, ok := castInt(w.inboxID); !ok || id != inboxID {
			kept = append(kept, w)
		}
	}
	a.webhooks = kept
}

func (s *Server) deleteWebhook(c *reqCtx) error {
	w, err := s.fetchWebhook(c)
	if err != nil {
		return err
	}
	kept := c.acct.webhooks[:0:0]
	for _, x := range c.acct.webhooks {
		if x.id != w.id {
			kept = append(kept, x)
		}
	}
	c.acct.webhooks = kept
	c.okEmpty()
	return nil
}
