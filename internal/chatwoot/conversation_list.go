package chatwoot

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// conversationListPage is one page of GET /conversations: payload and, in meta, the count of
// every conversation that matches.
type conversationListPage struct {
	Data struct {
		Meta struct {
			AllCount int `json:"all_count"`
		} `json:"meta"`
		Payload []Conversation `json:"payload"`
	} `json:"data"`
}

// ListConversations returns every conversation of the account with the status ("open",
// "resolved", "pending", "snoozed" or "all") that the token's user may see, reading the pages
// Chatwoot serves (25 conversations each) until it has all_count of them or a page is empty.
func (c *Client) ListConversations(ctx context.Context, accountID int64, status string) ([]Conversation, error) {
	var all []Conversation
	for page := 1; ; page++ {
		q := url.Values{"status": {status}, "assignee_type": {"all"}, "page": {strconv.Itoa(page)}}
		var body conversationListPage
		if _, err := c.do(ctx, call{method: http.MethodGet, path: accountPath(accountID, "/conversations"), query: q, idempotent: true}, &body); err != nil {
			return nil, err
		}
		all = append(all, body.Data.Payload...)
		if len(body.Data.Payload) == 0 || len(all) >= body.Data.Meta.AllCount {
			return all, nil
		}
	}
}
