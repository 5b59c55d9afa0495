package chatwoot

import (
	"context"
	"net/http"
)

// Adding and removing single members, for configurations where several owners each add their
// own people to a team or an inbox (the PATCH of SetTeamMembers and SetInboxMembers would
// replace everyone else's). POST skips users who are members already and DELETE ignores users
// who are not, so both are safe to repeat.

// AddTeamMembers adds the users to the team (administrators only), keeping everyone else.
// Chatwoot answers with the newly added users only; an id outside the account is a 401
// (AuthInvalidUserIDs) and changes nothing.
func (c *Client) AddTeamMembers(ctx context.Context, accountID, teamID int64, userIDs []int64) error {
	_, err := c.do(ctx, call{
		method:     http.MethodPost,
		path:       accountPath(accountID, "/teams/%d/team_members", teamID),
		body:       userIDsBody{UserIDs: nonNilIDs(userIDs)},
		idempotent: true, // adds to a set: repeating it changes nothing
	}, nil)
	return err
}

// RemoveTeamMembers removes the users from the team (administrators only), keeping everyone else.
func (c *Client) RemoveTeamMembers(ctx context.Context, accountID, teamID int64, userIDs []int64) error {
	_, err := c.do(ctx, call{
		method:     http.MethodDelete,
		path:       accountPath(accountID, "/teams/%d/team_members", teamID),
		body:       userIDsBody{UserIDs: nonNilIDs(userIDs)},
		idempotent: true,
	}, nil)
	return err
}

// AddInboxMembers adds the users to the inbox (administrators only), keeping everyone else.
// Chatwoot does not check that they belong to the account: check with MissingAgents first.
func (c *Client) AddInboxMembers(ctx context.Context, accountID, inboxID int64, userIDs []int64) error {
	_, err := c.do(ctx, call{
		method:     http.MethodPost,
		path:       accountPath(accountID, "/inbox_members"),
		body:       userIDsBody{InboxID: inboxID, UserIDs: nonNilIDs(userIDs)},
		idempotent: true, // adds to a set: repeating it changes nothing
	}, nil)
	return err
}

// RemoveInboxMembers removes the users from the inbox (administrators only), keeping everyone
// else; users who are not members are ignored.
func (c *Client) RemoveInboxMembers(ctx context.Context, accountID, inboxID int64, userIDs []int64) error {
	_, err := c.do(ctx, call{
		method:     http.MethodDelete,
		path:       accountPath(accountID, "/inbox_members"),
		body:       userIDsBody{InboxID: inboxID, UserIDs: nonNilIDs(userIDs)},
		idempotent: true,
	}, nil)
	return err
}
