package chatwoot

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
)

// Webhook is an account webhook. Chatwoot has no endpoint to read one: read the list. Inbox is
// set only when the webhook is bound to an inbox that exists (the list never shows inbox_id
// itself). Secret is made by Chatwoot at create and never changes.
type Webhook struct {
	ID            int64         `json:"id"`
	Name          string        `json:"name"`
	URL           string        `json:"url"`
	AccountID     int64         `json:"account_id"`
	Subscriptions []string      `json:"subscriptions"`
	Secret        string        `json:"secret"`
	Inbox         *WebhookInbox `json:"inbox"`
}

// WebhookInbox is the inbox a webhook is bound to.
type WebhookInbox struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// WebhookFields are the writable fields of a webhook. A nil field is not sent; ClearInbox sends
// inbox_id null to unbind it. Subscriptions, when set, replace the whole list and must not be
// empty (WebhookEvents lists the names).
type WebhookFields struct {
	URL           *string
	Name          *string
	InboxID       *int64
	ClearInbox    bool
	Subscriptions []string
}

// MarshalJSON writes the fields that are set under "webhook".
func (f WebhookFields) MarshalJSON() ([]byte, error) {
	m := map[string]any{}
	setField(m, "url", f.URL)
	setField(m, "name", f.Name)
	switch {
	case f.InboxID != nil:
		m["inbox_id"] = *f.InboxID
	case f.ClearInbox:
		m["inbox_id"] = nil
	}
	if f.Subscriptions != nil {
		m["subscriptions"] = f.Subscriptions
	}
	return json.Marshal(map[string]any{"webhook": m})
}

type webhookListEnvelope struct {
	Payload struct {
		Webhooks []Webhook `json:"webhooks"`
	} `json:"payload"`
}

type webhookEnvelope struct {
	Payload struct {
		Webhook *Webhook `json:"webhook"`
	} `json:"payload"`
}

// ListWebhooks returns every webhook of the account (administrators only).
func (c *Client) ListWebhooks(ctx context.Context, accountID int64) ([]Webhook, error) {
	var env webhookListEnvelope
	_, err := c.do(ctx, call{method: http.MethodGet, path: accountPath(accountID, "/webhooks"), idempotent: true}, &env)
	return env.Payload.Webhooks, err
}

// CreateWebhook creates a webhook (administrators only). A URL already used in the account is a
// 422 naming "url". Not retried after an unknown outcome.
func (c *Client) CreateWebhook(ctx context.Context, accountID int64, fields WebhookFields) (*Webhook, error) {
	defer c.lookups.invalidate(accountID, Webhooks.Kind) // the cached list is what Read sees
	return c.writeWebhook(ctx, call{method: http.MethodPost, path: accountPath(accountID, "/webhooks"), body: fields})
}

// UpdateWebhook changes the fields that are set (administrators only).
func (c *Client) UpdateWebhook(ctx context.Context, accountID, webhookID int64, fields WebhookFields) (*Webhook, error) {
	defer c.lookups.invalidate(accountID, Webhooks.Kind) // the cached list is what Read sees
	return c.writeWebhook(ctx, call{method: http.MethodPatch, path: accountPath(accountID, "/webhooks/%d", webhookID), body: fields, idempotent: true})
}

func (c *Client) writeWebhook(ctx context.Context, cl call) (*Webhook, error) {
	env, err := objectOf[webhookEnvelope](ctx, c, cl)
	if err != nil {
		return nil, err
	}
	if env.Payload.Webhook == nil {
		return nil, &DecodeError{Method: cl.method, Path: cl.path, StatusCode: http.StatusOK, Err: errors.New(`no "payload.webhook" object`)}
	}
	return env.Payload.Webhook, nil
}

// DeleteWebhook deletes a webhook (administrators only); an unknown id is a 404.
func (c *Client) DeleteWebhook(ctx context.Context, accountID, webhookID int64) error {
	defer c.lookups.invalidate(accountID, Webhooks.Kind) // the cached list is what Read sees
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/webhooks/%d", webhookID), idempotent: true}, nil)
	return err
}
