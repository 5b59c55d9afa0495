package chatwoot

import (
	"context"
	"net/http"
)

// Adding and removing single members, for configurations where several owners each add their
// own people to a team or an inbox (the PATCH of SetTeamMembers and SetInboxMembers would
// replace everyone else's).

// AddTeamMembers adds the users to the team (administrators only), keeping everyone else.
// Chatwoot answers with the newly added users only; an id outside the account is a 401
// (AuthInvalidUserIDs) and changes nothing.
func (c *Client) AddTeamMembers(ctx context.Context, accountID, teamID int64, userIDs []int64) error {
	return c.changeMembers(ctx, http.MethodPost, accountPath(accountID, "/teams/%d/team_members", teamID), userIDsBody{UserIDs: nonNilIDs(userIDs)})
}

// RemoveTeamMembers removes the users from the team (administrators only), keeping everyone else.
func (c *Client) RemoveTeamMembers(ctx context.Context, accountID, teamID int64, userIDs []int64) error {
	return c.changeMembers(ctx, http.MethodDelete, accountPath(accountID, "/teams/%d/team_members", teamID), userIDsBody{UserIDs: nonNilIDs(userIDs)})
}

// AddInboxMembers adds the users to the inbox (administrators only), keeping everyone else.
// Chatwoot does not check that they belong to the account: check with MissingAgents first.
func (c *Client) AddInboxMembers(ctx context.Context, accountID, inboxID int64, userIDs []int64) error {
	return c.changeMembers(ctx, http.MethodPost, accountPath(accountID, "/inbox_members"), userIDsBody{InboxID: inboxID, UserIDs: nonNilIDs(userIDs)})
}

// RemoveInboxMembers removes the users from the inbox (administrators only), keeping everyone
// else; users who are not members are ignored.
func (c *Client) RemoveInboxMembers(ctx context.Context, accountID, inboxID int64, userIDs []int64) error {
	return c.changeMembers(ctx, http.MethodDelete, accountPath(accountID, "/inbox_members"), userIDsBody{InboxID: inboxID, UserIDs: nonNilIDs(userIDs)})
}

// changeMembers sends one POST (add) or DELETE (remove) of user ids. POST skips users who are
// members already and DELETE ignores users who are not, so both are safe to repeat.
func (c *Client) changeMembers(ctx context.Context, method, path string, body userIDsBody) error {
	_, err := c.do(ctx, call{method: method, path: path, body: body, idempotent: true}, nil)
	return err
}
