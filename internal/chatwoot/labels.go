package chatwoot

import (
	"context"
	"net/http"
)

// Label is one of the account's labels. Chatwoot stores titles downcased; ShowOnSidebar is nil
// until it is set.
type Label struct {
	ID            int64  `json:"id"`
	Title         string `json:"title"`
	Description   string `json:"description"`
	Color         string `json:"color"`
	ShowOnSidebar *bool  `json:"show_on_sidebar"`
}

// LabelFields are the writable fields of a label. A nil field is not sent. Never send a null
// colour: Chatwoot answers it with a 500.
type LabelFields struct {
	Title         *string `json:"title,omitempty"`
	Description   *string `json:"description,omitempty"`
	Color         *string `json:"color,omitempty"`
	ShowOnSidebar *bool   `json:"show_on_sidebar,omitempty"`
}

type labelBody struct {
	Label LabelFields `json:"label"`
}

// ListLabels returns every label of the account, ordered by title (any member).
func (c *Client) ListLabels(ctx context.Context, accountID int64) ([]Label, error) {
	return payloadListOf[Label](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/labels"), idempotent: true})
}

// GetLabel reads one label (administrators only; agents get 401).
func (c *Client) GetLabel(ctx context.Context, accountID, labelID int64) (*Label, error) {
	return objectOf[Label](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/labels/%d", labelID), idempotent: true})
}

// CreateLabel creates a label (administrators only). A taken title, in any case, is a 422
// naming "title". Not retried after an unknown outcome.
func (c *Client) CreateLabel(ctx context.Context, accountID int64, fields LabelFields) (*Label, error) {
	defer c.lookups.invalidate(accountID, Labels.Kind) // the cached list is what Read sees
	return objectOf[Label](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/labels"), body: labelBody{fields}})
}

// UpdateLabel changes the fields that are set (administrators only). A rename reaches the
// conversations and contacts tagged with the old title later, in a Chatwoot job.
func (c *Client) UpdateLabel(ctx context.Context, accountID, labelID int64, fields LabelFields) (*Label, error) {
	defer c.lookups.invalidate(accountID, Labels.Kind) // the cached list is what Read sees
	return objectOf[Label](ctx, c, call{method: http.MethodPatch, path: accountPath(accountID, "/labels/%d", labelID), body: labelBody{fields}, idempotent: true})
}

// DeleteLabel deletes a label (administrators only). The row goes at once; the tags on
// conversations and contacts go later.
func (c *Client) DeleteLabel(ctx context.Context, accountID, labelID int64) error {
	defer c.lookups.invalidate(accountID, Labels.Kind) // the cached list is what Read sees
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/labels/%d", labelID), idempotent: true}, nil)
	return err
}
