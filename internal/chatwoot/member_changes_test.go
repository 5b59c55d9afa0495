package chatwoot_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Adding one member keeps the others, adding again changes nothing, and removing takes only that
// user away, for teams and inboxes alike.
func TestAddAndRemoveMembersKeepOthers(t *testing.T) {
	e := newRoutingEnv(t)
	a := e.sc.Account.ID
	for _, c := range []struct {
		name   string
		parent int64
		list   func(ctx context.Context, accountID, parentID int64) ([]chatwoot.Agent, error)
		add    func(ctx context.Context, accountID, parentID int64, userIDs []int64) error
		remove func(ctx context.Context, accountID, parentID int64, userIDs []int64) error
	}{
		{"team", e.sc.Team.ID, e.admin.ListTeamMembers, e.admin.AddTeamMembers, e.admin.RemoveTeamMembers},
		{"inbox", e.sc.Inbox.ID, e.admin.ListInboxMembers, e.admin.AddInboxMembers, e.admin.RemoveInboxMembers},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, err := c.list(e.ctx, a, c.parent)
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprint(agentIDs(before))
			for range 2 {
				if err := c.add(e.ctx, a, c.parent, []int64{e.sc.Admin.ID}); err != nil {
					t.Fatalf("adding: %v", err)
				}
			}
			during, _ := c.list(e.ctx, a, c.parent)
			if len(during) != len(before)+1 {
				t.Fatalf("members after adding the administrator twice: %v; before: %v", agentIDs(during), want)
			}
			if err := c.remove(e.ctx, a, c.parent, []int64{e.sc.Admin.ID}); err != nil {
				t.Fatalf("removing: %v", err)
			}
			after, _ := c.list(e.ctx, a, c.parent)
			if got := fmt.Sprint(agentIDs(after)); got != want {
				t.Fatalf("members after removing the administrator: %s; want %s", got, want)
			}
		})
	}
}

// An outsider is refused by the team (Invalid User IDs) and nothing is added.
func TestAddTeamMembersOutsiderIsInvalidUserIDs(t *testing.T) {
	e := newRoutingEnv(t)
	err := e.admin.AddTeamMembers(e.ctx, e.sc.Account.ID, e.sc.Team.ID, []int64{999999})
	if chatwoot.AuthProblemOf(err) != chatwoot.AuthInvalidUserIDs {
		t.Fatalf("err = %v; want 401 Invalid User IDs", err)
	}
}
