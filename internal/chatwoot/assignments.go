package chatwoot

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Chatwoot's assignment endpoint dispatches on which keys the body has, not on their values
// (DESIGN.md §4.2): if `assignee_id` is present at all, `team_id` is ignored. So every method here
// sends exactly one of the two keys, and a caller that sets both a team and an agent makes two
// requests, team first, because a team change can clear or auto-pick the agent (DESIGN.md §4.5).
//
// Chatwoot also answers an unknown, foreign or zero id with 200 `null` after clearing the
// assignment (DESIGN.md §4.3, §4.4). The Assign* methods therefore compare the echoed object with what was
// sent and return an *AssignmentMismatchError when Chatwoot did something else.

// AssignmentMismatchError is a 200 answer from the assignment endpoint that shows Chatwoot did not
// assign what was asked: `null` (the id was unknown to Chatwoot) or another object.
type AssignmentMismatchError struct {
	AccountID, ConversationID int64
	Kind                      string // "agent", "agent bot" or "team"
	Sent                      int64
	Got                       int64 // 0 for a `null` answer
}

func (e *AssignmentMismatchError) Error() string {
	if e.Got == 0 {
		return fmt.Sprintf("Chatwoot answered null to assigning %s %d to conversation %d in account %d: it does not know that %s, and has cleared the conversation's %s instead",
			e.Kind, e.Sent, e.ConversationID, e.AccountID, e.Kind, e.Kind)
	}
	return fmt.Sprintf("Chatwoot assigned %s %d instead of %d to conversation %d in account %d", e.Kind, e.Got, e.Sent, e.ConversationID, e.AccountID)
}

type assignmentEcho struct {
	ID int64 `json:"id"`
}

func (c *Client) postAssignment(ctx context.Context, accountID, conversationID int64, body map[string]any) (int64, error) {
	var echo assignmentEcho
	raw, err := c.do(ctx, call{
		method:     http.MethodPost,
		path:       accountPath(accountID, "/conversations/%d/assignments", conversationID),
		body:       body,
		idempotent: true, // sets a value; repeating it changes nothing more
	}, &echo)
	if err != nil {
		return 0, err
	}
	if isJSONNull(raw) {
		return 0, nil
	}
	return echo.ID, nil
}

func (c *Client) checkEcho(kind string, accountID, conversationID, sent, got int64) error {
	if got != sent {
		return &AssignmentMismatchError{AccountID: accountID, ConversationID: conversationID, Kind: kind, Sent: sent, Got: got}
	}
	return nil
}

// AssignAgent assigns the user agentID (>= 1) to the conversation. It clears any bot assignee
// and leaves the team alone.
func (c *Client) AssignAgent(ctx context.Context, accountID, conversationID, agentID int64) error {
	got, err := c.postAssignment(ctx, accountID, conversationID, map[string]any{"assignee_id": agentID})
	if err != nil {
		return err
	}
	return c.checkEcho("agent", accountID, conversationID, agentID, got)
}

// AssignAgentBot assigns the agent bot botID (>= 1). Chatwoot ignores an unknown bot id and
// changes nothing, which is reported as a mismatch too.
func (c *Client) AssignAgentBot(ctx context.Context, accountID, conversationID, botID int64) error {
	got, err := c.postAssignment(ctx, accountID, conversationID, map[string]any{
		"assignee_id":   botID,
		"assignee_type": AssigneeTypeAgentBot,
	})
	if err != nil {
		return err
	}
	return c.checkEcho("agent bot", accountID, conversationID, botID, got)
}

// UnassignAgent clears the conversation's assignee, agent or bot. `{"assignee_id": null}` is an
// unassign in Chatwoot, not a no-op.
func (c *Client) UnassignAgent(ctx context.Context, accountID, conversationID int64) error {
	_, err := c.postAssignment(ctx, accountID, conversationID, map[string]any{"assignee_id": json.RawMessage("null")})
	return err
}

// AssignTeam sets the conversation's team (teamID >= 1). Chatwoot may then clear the agent (if
// not a team member) or auto-pick one (DESIGN.md §4.5); the answer shows only the team.
func (c *Client) AssignTeam(ctx context.Context, accountID, conversationID, teamID int64) error {
	got, err := c.postAssignment(ctx, accountID, conversationID, map[string]any{"team_id": teamID})
	if err != nil {
		return err
	}
	return c.checkEcho("team", accountID, conversationID, teamID, got)
}

// UnassignTeam clears the conversation's team. Chatwoot's own specs clear with team_id 0.
func (c *Client) UnassignTeam(ctx context.Context, accountID, conversationID int64) error {
	_, err := c.postAssignment(ctx, accountID, conversationID, map[string]any{"team_id": 0})
	return err
}
