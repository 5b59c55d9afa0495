package chatwoot

import (
	"context"
	"net/http"
	"net/url"
)

// CannedResponse is one of the account's canned responses. Chatwoot has no endpoint to read one:
// read the list. Timestamps are ISO 8601 strings.
type CannedResponse struct {
	ID        int64  `json:"id"`
	AccountID int64  `json:"account_id"`
	ShortCode string `json:"short_code"`
	Content   string `json:"content"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

// CannedResponseFields are the writable fields. A nil field is not sent. ShortCode is stored
// as written and is unique per account case-sensitively.
type CannedResponseFields struct {
	ShortCode *string `json:"short_code,omitempty"`
	Content   *string `json:"content,omitempty"`
}

type cannedBody struct {
	CannedResponse CannedResponseFields `json:"canned_response"`
}

// ListCannedResponses returns every canned response of the account (any member), in no
// particular order.
func (c *Client) ListCannedResponses(ctx context.Context, accountID int64) ([]CannedResponse, error) {
	return c.SearchCannedResponses(ctx, accountID, "")
}

// SearchCannedResponses returns the canned responses whose short code or content contains
// search, case-insensitively, best matches first; an empty search lists them all.
func (c *Client) SearchCannedResponses(ctx context.Context, accountID int64, search string) ([]CannedResponse, error) {
	cl := call{method: http.MethodGet, path: accountPath(accountID, "/canned_responses"), idempotent: true}
	if search != "" {
		cl.query = url.Values{"search": {search}}
	}
	return listOf[CannedResponse](ctx, c, cl)
}

// CreateCannedResponse creates a canned response (any member). A taken short code is a 422
// naming "short_code". Not retried after an unknown outcome.
func (c *Client) CreateCannedResponse(ctx context.Context, accountID int64, fields CannedResponseFields) (*CannedResponse, error) {
	defer c.lookups.invalidate(accountID, CannedResponses.Kind) // the cached list is what Read sees
	return objectOf[CannedResponse](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/canned_responses"), body: cannedBody{fields}})
}

// UpdateCannedResponse changes the fields that are set.
func (c *Client) UpdateCannedResponse(ctx context.Context, accountID, id int64, fields CannedResponseFields) (*CannedResponse, error) {
	defer c.lookups.invalidate(accountID, CannedResponses.Kind) // the cached list is what Read sees
	return objectOf[CannedResponse](ctx, c, call{method: http.MethodPatch, path: accountPath(accountID, "/canned_responses/%d", id), body: cannedBody{fields}, idempotent: true})
}

// DeleteCannedResponse deletes a canned response; an unknown id is a 404.
func (c *Client) DeleteCannedResponse(ctx context.Context, accountID, id int64) error {
	defer c.lookups.invalidate(accountID, CannedResponses.Kind) // the cached list is what Read sees
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/canned_responses/%d", id), idempotent: true}, nil)
	return err
}
