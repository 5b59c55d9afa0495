package chatwoot_test

import (
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// The cached policy lists are dropped by the client's own writes: a policy renamed, or a limit
// added, through the same client shows in the next lookup by id (which a stale list would
// answer without a re-read).
func TestPolicyLookups_invalidatedByTheClientsWrites(t *testing.T) {
	env := newV2Env(t, "4.17.0", chatwootmock.EditionEnterprise)
	c, ctx, a := env.admin, env.ctx, env.sc.Account.ID

	p, err := c.CreateAssignmentPolicy(ctx, a, chatwoot.AssignmentPolicyFields{Name: ptr("before")})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := chatwoot.AssignmentPolicies.Get(ctx, c, a, p.ID); err != nil || got.Name != "before" {
		t.Fatalf("lookup: %+v, %v", got, err)
	}
	if _, err := c.UpdateAssignmentPolicy(ctx, a, p.ID, chatwoot.AssignmentPolicyFields{Name: ptr("after")}); err != nil {
		t.Fatal(err)
	}
	if got, err := chatwoot.AssignmentPolicies.Get(ctx, c, a, p.ID); err != nil || got.Name != "after" {
		t.Errorf("lookup after the rename: %+v, %v; want the name \"after\"", got, err)
	}
	if _, err := c.SetInboxAssignmentPolicy(ctx, a, env.sc.Inbox.ID, p.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := chatwoot.AssignmentPolicies.Get(ctx, c, a, p.ID); err != nil || got.AssignedInboxCount != 1 {
		t.Errorf("lookup after binding: %+v, %v; want assigned_inbox_count 1", got, err)
	}

	cp, err := c.CreateCapacityPolicy(ctx, a, chatwoot.CapacityPolicyFields{Name: ptr("tier")})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := chatwoot.CapacityPolicies.Get(ctx, c, a, cp.ID); err != nil || len(got.InboxLimits) != 0 {
		t.Fatalf("lookup: %+v, %v", got, err)
	}
	if _, err := c.CreateInboxCapacityLimit(ctx, a, cp.ID, env.sc.Inbox.ID, 2); err != nil {
		t.Fatal(err)
	}
	if got, err := chatwoot.CapacityPolicies.Get(ctx, c, a, cp.ID); err != nil || len(got.InboxLimits) != 1 {
		t.Errorf("lookup after adding a limit: %+v, %v; want one limit", got, err)
	}
}
