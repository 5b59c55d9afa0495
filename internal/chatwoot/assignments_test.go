package chatwoot

import (
	"context"
	"errors"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func seededClient(t *testing.T) (*Client, *fixture.Scenario, *fixture.Client) {
	t.Helper()
	_, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: "platform"})
	fx := fixture.New(baseURL, "platform")
	sc, err := fx.Seed(context.Background(), fixture.SeedOptions{Conversations: 1})
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(Config{BaseURL: baseURL, Token: sc.AdminToken})
	if err != nil {
		t.Fatal(err)
	}
	return c, sc, fx
}

// Chatwoot answers an unknown agent or team with 200 null after clearing the assignment, and an
// unknown bot with 200 null after changing nothing; the client reports each as a mismatch.
func TestAssignReportsChatwootsSilentNull(t *testing.T) {
	t.Parallel()
	c, sc, fx := seededClient(t)
	ctx := context.Background()
	a, conv := sc.Account.ID, sc.Conversations[0].ID

	if err := c.AssignAgent(ctx, a, conv, sc.Agent1.ID); err != nil {
		t.Fatalf("assigning a real agent: %v", err)
	}
	var mismatch *AssignmentMismatchError
	if err := c.AssignAgent(ctx, a, conv, 424242); !errors.As(err, &mismatch) || mismatch.Got != 0 || mismatch.Kind != "agent" {
		t.Fatalf("unknown agent: got %v, want a mismatch with a null answer", err)
	}
	if err := c.AssignTeam(ctx, a, conv, 424242); !errors.As(err, &mismatch) || mismatch.Kind != "team" {
		t.Fatalf("unknown team: got %v", err)
	}
	if err := c.AssignAgentBot(ctx, a, conv, 424242); !errors.As(err, &mismatch) || mismatch.Kind != "agent bot" {
		t.Fatalf("unknown bot: got %v", err)
	}
	if err := c.AssignAgentBot(ctx, a, conv, sc.Bot.ID); err != nil {
		t.Fatalf("assigning a real bot: %v", err)
	}
	got, err := c.GetConversation(ctx, a, conv)
	if err != nil {
		t.Fatal(err)
	}
	if got.AgentBotID() != sc.Bot.ID || got.AssigneeID() != 0 {
		t.Fatalf("after the bot assignment: bot %d, agent %d", got.AgentBotID(), got.AssigneeID())
	}
	if err := c.UnassignAgent(ctx, a, conv); err != nil {
		t.Fatal(err)
	}
	cv, err := fx.GetConversation(ctx, sc.AdminToken, a, conv)
	if err != nil {
		t.Fatal(err)
	}
	if cv.AssigneeID != 0 {
		t.Fatalf("UnassignAgent left assignee %d (%s)", cv.AssigneeID, cv.AssigneeType)
	}
}

// Team and unassign requests send only their own key, so the team survives an agent unassign.
func TestUnassignKeepsTheOtherField(t *testing.T) {
	t.Parallel()
	c, sc, _ := seededClient(t)
	ctx := context.Background()
	a, conv := sc.Account.ID, sc.Conversations[0].ID
	for _, step := range []error{
		c.AssignTeam(ctx, a, conv, sc.Team.ID),
		c.AssignAgent(ctx, a, conv, sc.Agent1.ID),
		c.UnassignAgent(ctx, a, conv),
	} {
		if step != nil {
			t.Fatal(step)
		}
	}
	got, err := c.GetConversation(ctx, a, conv)
	if err != nil {
		t.Fatal(err)
	}
	if got.TeamID() != sc.Team.ID || got.AssigneeID() != 0 {
		t.Fatalf("team %d agent %d; want team %d and no agent", got.TeamID(), got.AssigneeID(), sc.Team.ID)
	}
	if err := c.UnassignTeam(ctx, a, conv); err != nil {
		t.Fatal(err)
	}
	if got, _ = c.GetConversation(ctx, a, conv); got.TeamID() != 0 {
		t.Fatalf("UnassignTeam left team %d", got.TeamID())
	}
}

// The conversation's meta keys are absent when unset, and id is the display id.
func TestGetConversationAbsentMetaMeansNone(t *testing.T) {
	t.Parallel()
	c, sc, _ := seededClient(t)
	got, err := c.GetConversation(context.Background(), sc.Account.ID, sc.Conversations[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != sc.Conversations[0].ID || got.AssigneeID() != 0 || got.AgentBotID() != 0 || got.TeamID() != 0 || got.InboxID != sc.Inbox.ID {
		t.Fatalf("got %+v", got)
	}
	if _, err := c.GetConversation(context.Background(), sc.Account.ID, 999); !IsNotFound(err) {
		t.Fatalf("missing conversation: %v, want a 404", err)
	}
}
