package chatwoot

import (
	"context"
	"net/http"
)

// Inbox members (DESIGN.md §6.5) name the inbox in the body, not the path, for POST, PATCH and
// DELETE. Chatwoot accepts any user of the installation, including users of other accounts,
// and then hides them from its answers, so callers check ids against the account first
// (MissingAgents).

// ListInboxMembers returns the agents of the inbox. Administrators may read any inbox; an agent
// only one they belong to (401 AuthForbidden otherwise).
func (c *Client) ListInboxMembers(ctx context.Context, accountID, inboxID int64) ([]Agent, error) {
	return payloadListOf[Agent](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/inbox_members/%d", inboxID), idempotent: true})
}

// SetInboxMembers makes userIDs the inbox's complete member set (administrators only); an empty
// slice removes everyone. It returns the members after the change.
func (c *Client) SetInboxMembers(ctx context.Context, accountID, inboxID int64, userIDs []int64) ([]Agent, error) {
	return payloadListOf[Agent](ctx, c, call{
		method:     http.MethodPatch,
		path:       accountPath(accountID, "/inbox_members"),
		body:       userIDsBody{InboxID: inboxID, UserIDs: nonNilIDs(userIDs)},
		idempotent: true, // replaces a set
	})
}
