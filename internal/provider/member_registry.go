package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A team or inbox is managed either by its authoritative member set (chatwoot_team_members,
// chatwoot_inbox_members), which removes everyone it does not list, or by single memberships
// (chatwoot_team_member, chatwoot_inbox_member), which leave everyone else alone. Both at once
// fight: every apply of the set removes the single members, and every apply of a single member
// adds them back. So each plan records, for its provider configuration, which containers are
// claimed by which kind, and the second claim of the other kind is refused.
//
// Limits, which the resources' docs repeat:
//   - Only what one plan sees is compared: resources of another configuration (another state,
//     another provider alias) and resources left out by -target are not.
//   - A container id unknown at plan time (a team created in the same run) is compared when
//     Terraform plans the resource again during apply, with the id known: the refusal then
//     comes from the apply, and whichever member resource Terraform applied first may already
//     have made its change.

// memberContainer is one team or inbox of one account.
type memberContainer struct {
	accountID int64
	noun      string // "team", "inbox"
	id        int64
}

// memberClaims are the claims on one container within one plan.
type memberClaims struct {
	authoritative bool
	users         map[int64]bool // single memberships, by user id
}

// memberRegistry holds the claims of one configured provider (one provider block in one
// Terraform run): Terraform configures the provider for every run, so claims never outlive it.
type memberRegistry struct {
	mu     sync.Mutex
	claims map[memberContainer]*memberClaims
}

var memberRegistries sync.Map // *providerData -> *memberRegistry

func memberRegistryOf(data *providerData) *memberRegistry {
	v, _ := memberRegistries.LoadOrStore(data, &memberRegistry{claims: map[memberContainer]*memberClaims{}})
	reg, _ := v.(*memberRegistry)
	return reg
}

func (m *memberRegistry) entry(c memberContainer) *memberClaims {
	e := m.claims[c]
	if e == nil {
		e = &memberClaims{users: map[int64]bool{}}
		m.claims[c] = e
	}
	return e
}

// claimSet records the authoritative set and returns the single members already claimed on it.
// Recording again (the same resource planned twice) is harmless.
func (m *memberRegistry) claimSet(c memberContainer) []int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	e := m.entry(c)
	e.authoritative = true
	users := make([]int64, 0, len(e.users))
	for u := range e.users {
		users = append(users, u)
	}
	sort.Slice(users, func(i, j int) bool { return users[i] < users[j] })
	return users
}

// claimMember records a single membership and reports whether the container's set is claimed.
func (m *memberRegistry) claimMember(c memberContainer, userID int64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	e := m.entry(c)
	e.users[userID] = true
	return e.authoritative
}

// memberConflictError is the refusal, the same from either side.
func memberConflictError(diags *diag.Diagnostics, at path.Path, c memberContainer, userIDs []int64) {
	ids := make([]string, len(userIDs))
	for i, id := range userIDs {
		ids[i] = fmt.Sprint(id)
	}
	diags.AddAttributeError(at, "Both Member Resources on One "+titleCase(c.noun),
		fmt.Sprintf("%s %d of account %d is managed by chatwoot_%[4]s_members, which sets the complete member list and removes "+
			"anyone it does not list, and also by chatwoot_%[4]s_member for user %[5]s. Each apply would undo the other. Use one "+
			"kind per %[4]s: chatwoot_%[4]s_members when one configuration owns the whole member list, or one chatwoot_%[4]s_member "+
			"per user when several configurations add their own people.",
			titleCase(c.noun), c.id, c.accountID, c.noun, strings.Join(ids, ", ")))
}

// plannedContainer reads the account and container id of a plan that creates or keeps the
// resource; ok is false for a destroy, a missing provider, or ids not known yet.
func plannedContainer(ctx context.Context, data *providerData, plan *resource.ModifyPlanResponse, idAttr, noun string) (memberContainer, bool) {
	if data == nil || plan.Plan.Raw.IsNull() || plan.Diagnostics.HasError() {
		return memberContainer{}, false
	}
	var account, parent types.Int64
	plan.Diagnostics.Append(plan.Plan.GetAttribute(ctx, path.Root("account_id"), &account)...)
	plan.Diagnostics.Append(plan.Plan.GetAttribute(ctx, path.Root(idAttr), &parent)...)
	if plan.Diagnostics.HasError() || account.IsUnknown() || account.IsNull() || parent.IsUnknown() || parent.IsNull() {
		return memberContainer{}, false
	}
	return memberContainer{accountID: account.ValueInt64(), noun: noun, id: parent.ValueInt64()}, true
}

// ModifyPlan of chatwoot_team_members and chatwoot_inbox_members: the kit's account resolution,
// the existence of the team or inbox and the users, then the claim on the container.
func (r *memberSetResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.planAccount(ctx, req, resp)
	if resp.Diagnostics.HasError() {
		return
	}
	r.planExistence(ctx, req, resp)
	c, ok := plannedContainer(ctx, r.data, resp, r.kind.idAttr, r.kind.noun)
	if !ok {
		return
	}
	if users := memberRegistryOf(r.data).claimSet(c); len(users) > 0 {
		memberConflictError(&resp.Diagnostics, path.Root(r.kind.idAttr), c, users)
	}
}
