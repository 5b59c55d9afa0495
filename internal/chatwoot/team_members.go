package chatwoot

import (
	"context"
	"net/http"
)

// Team members (DESIGN.md §6.3): GET lists them, PATCH replaces the whole set and answers with
// every member after the change. POST would answer with only the newly added ones, so the
// provider uses PATCH. Ids are sent as JSON integers: Chatwoot compares them as integers and
// mishandles strings. An id that is not a member of the account makes Chatwoot answer 401
// "Invalid User IDs" (AuthInvalidUserIDs) and change nothing.

// ListTeamMembers returns the agents of the team (any member of the account may read them).
func (c *Client) ListTeamMembers(ctx context.Context, accountID, teamID int64) ([]Agent, error) {
	return listOf[Agent](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/teams/%d/team_members", teamID), idempotent: true})
}

// SetTeamMembers makes userIDs the team's complete member set (administrators only); an empty
// slice removes everyone. It returns the members after the change.
func (c *Client) SetTeamMembers(ctx context.Context, accountID, teamID int64, userIDs []int64) ([]Agent, error) {
	return listOf[Agent](ctx, c, call{
		method:     http.MethodPatch,
		path:       accountPath(accountID, "/teams/%d/team_members", teamID),
		body:       userIDsBody{UserIDs: nonNilIDs(userIDs)},
		idempotent: true, // replaces a set
	})
}

type userIDsBody struct {
	InboxID int64   `json:"inbox_id,omitempty"`
	UserIDs []int64 `json:"user_ids"`
}

// nonNilIDs makes an empty set encode as [] rather than null, which Chatwoot answers with 500.
func nonNilIDs(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}

// MissingAgents returns the ids among userIDs that are not agents of the account, from the
// cached agent list, re-read once if some are missing so that agents created earlier in the same
// run are found.
func (c *Client) MissingAgents(ctx context.Context, accountID int64, userIDs []int64) ([]int64, error) {
	var out []int64
	_, err := Agents.lookup(ctx, c, accountID, func(agents []Agent) bool {
		known := make(map[int64]bool, len(agents))
		for _, a := range agents {
			known[a.ID] = true
		}
		out = nil
		for _, id := range userIDs {
			if !known[id] {
				out = append(out, id)
			}
		}
		return len(out) == 0
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
