package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentCapacityPolicyMembersResource is the chatwoot_agent_capacity_policy_members resource.
func NewAgentCapacityPolicyMembersResource() resource.Resource {
	return &capacityMembersResource{accountObjectResource{kind: objectKind{
		typeName: "agent_capacity_policy_members", idAttr: "policy_id", noun: "agent capacity policy", idDescription: "The capacity policy's id.",
	}}}
}

type capacityMembersResource struct{ accountObjectResource }

type capacityMembersModel struct {
	ID        types.String `tfsdk:"id"`
	AccountID types.Int64  `tfsdk:"account_id"`
	PolicyID  types.Int64  `tfsdk:"policy_id"`
	UserIDs   types.Set    `tfsdk:"user_ids"`
	operationTimeouts
}

func (r *capacityMembersResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The authoritative set of agents who hold an agent capacity policy: the policy's `inbox_limits` " +
			"apply to them.\n\nA user holds at most one capacity policy in an account: adding a user here moves them from any " +
			"other policy, silently. Two of these resources that list the same user would therefore take the user from each " +
			"other on every apply; within one configuration the plan refuses that (once both policies' ids are known, which for " +
			"a policy created in the same run is at apply, before any member is changed). When a refresh finds that a member " +
			"was moved to another policy (by another configuration or in the UI), it warns and names that policy; the next " +
			"apply moves the user back. Agents added to the policy in the UI are removed on the next apply. Destroy takes every " +
			"member off the policy and warns that the policy itself stays." +
			enterpriseOnlyNote + assignmentAdminNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"policy_id":  parentIDAttribute("The capacity policy (`chatwoot_agent_capacity_policy.<name>.policy_id`)."),
			"user_ids": schema.SetAttribute{
				MarkdownDescription: "The user ids of the agents who hold the policy, at least one. Agents not listed are taken " +
					"off it (they then have no capacity policy). Ids that are not agents of the account are refused before " +
					"anything is sent. The `chatwoot_agent` data source or resource gives an agent's `user_id`.",
				Required:    true,
				ElementType: types.Int64Type,
				Validators:  []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

// capacityMemberClaims records, for one Terraform command (one configured client), which capacity
// policy each planned member resource puts each user on, so that two resources of one
// configuration that list the same user are refused at plan time. Resources cannot see each
// other's configuration; they do share the provider's client, which Terraform configures once
// per command, so the claims are kept per client.
var capacityMemberClaims = struct {
	sync.Mutex
	byClient map[*chatwoot.Client]map[[2]int64]int64 // {account, user} -> policy
}{byClient: map[*chatwoot.Client]map[[2]int64]int64{}}

// claimMembers records the users of a policy and returns, for each user already claimed by
// another policy in this command, that policy.
func claimMembers(client *chatwoot.Client, accountID, policyID int64, userIDs []int64) map[int64]int64 {
	capacityMemberClaims.Lock()
	defer capacityMemberClaims.Unlock()
	claims := capacityMemberClaims.byClient[client]
	if claims == nil {
		claims = map[[2]int64]int64{}
		capacityMemberClaims.byClient[client] = claims
	}
	conflicts := map[int64]int64{}
	for _, u := range userIDs {
		key := [2]int64{accountID, u}
		if other, ok := claims[key]; ok && other != policyID {
			conflicts[u] = other
			continue
		}
		claims[key] = policyID
	}
	return conflicts
}

// ModifyPlan resolves the account, then refuses a user that another member resource of this
// configuration puts on another capacity policy, and the resource on a Community build.
func (r *capacityMembersResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !r.planToCheck(ctx, req, resp) {
		return
	}
	var plan capacityMembersModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || plan.AccountID.IsUnknown() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	if plan.PolicyID.IsUnknown() || plan.UserIDs.IsUnknown() {
		// A policy created in this run says itself when the server has no capacity policies,
		// so that a Community build gets one error.
		return
	}
	if req.State.Raw.IsNull() {
		if requireEnterprise(ctx, r.data.client, accountID, "agent capacity policies", &resp.Diagnostics); resp.Diagnostics.HasError() {
			return
		}
	}
	var users []int64
	resp.Diagnostics.Append(plan.UserIDs.ElementsAs(ctx, &users, true)...)
	sort.Slice(users, func(i, j int) bool { return users[i] < users[j] })
	conflicts := claimMembers(r.data.client, accountID, plan.PolicyID.ValueInt64(), users)
	for _, u := range users {
		if other, ok := conflicts[u]; ok {
			resp.Diagnostics.AddAttributeError(path.Root("user_ids"), "User on Two Capacity Policies",
				fmt.Sprintf("User %d is listed by the members of capacity policy %d and of capacity policy %d in account %d. A user "+
					"holds one capacity policy: each apply would move the user from one to the other. List the user in one "+
					"chatwoot_agent_capacity_policy_members only.", u, other, plan.PolicyID.ValueInt64(), accountID))
		}
	}
}

func (r *capacityMembersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan capacityMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	r.apply(ctx, client, plan, created(req, resp))
}

func (r *capacityMembersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan capacityMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	r.apply(ctx, client, plan, updated(req, resp))
}

// apply makes the policy's members the planned set: one POST per user to add, one DELETE per
// member to take off. Chatwoot's DELETE clears the user's policy whichever it is, so only users
// the fresh list shows on this policy are deleted.
func (r *capacityMembersResource) apply(ctx context.Context, client *chatwoot.Client, plan capacityMembersModel, to saveTarget) {
	id := objectID{plan.AccountID.ValueInt64(), plan.PolicyID.ValueInt64()}
	want := memberIDsFrom(ctx, plan.UserIDs, to.diags)
	if to.diags.HasError() || !checkAccountAgents(ctx, client, id.accountID, want, "capacity policy", to.diags) {
		return
	}
	current, err := client.ListCapacityPolicyMembers(ctx, id.accountID, id.id)
	if err != nil {
		to.diags.Append(r.clientError("reading", id, err))
		return
	}
	have := map[int64]bool{}
	for _, m := range current {
		have[m.ID] = true
	}
	wanted := map[int64]bool{}
	for _, u := range want {
		wanted[u] = true
		if !have[u] {
			if _, err := client.AddCapacityPolicyMember(ctx, id.accountID, id.id, u); err != nil {
				to.diags.Append(r.clientError(fmt.Sprintf("adding user %d to", u), id, err))
			}
		}
	}
	for _, m := range current {
		if !wanted[m.ID] {
			if err := client.RemoveCapacityPolicyMember(ctx, id.accountID, id.id, m.ID); err != nil && !chatwoot.IsNotFound(err) {
				to.diags.Append(r.clientError(fmt.Sprintf("taking user %d off", m.ID), id, err))
			}
		}
	}
	members, err := client.ListCapacityPolicyMembers(ctx, id.accountID, id.id)
	if err != nil {
		to.diags.Append(r.clientError("reading", id, err))
		return
	}
	state := capacityMembersState(id, members)
	r.save(ctx, to, id, &state)
}

func (r *capacityMembersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior capacityMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.PolicyID.ValueInt64()}
	members, err := client.ListCapacityPolicyMembers(ctx, id.accountID, id.id)
	if chatwoot.IsNotFound(err) && !chatwoot.IsRouteNotFound(err) {
		r.removeGone(ctx, resp, id)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(r.clientError("reading", id, err))
		return
	}
	r.warnMovedAway(ctx, client, id, memberIDsFrom(ctx, prior.UserIDs, &resp.Diagnostics), members, &resp.Diagnostics)
	state := capacityMembersState(id, members)
	r.save(ctx, refreshed(req, resp), id, &state)
}

// warnMovedAway names the policy each former member now holds: adding a user to another policy
// moves them silently, which is how two configurations fight over a user.
func (r *capacityMembersResource) warnMovedAway(ctx context.Context, client *chatwoot.Client, id objectID, before []int64,
	members []chatwoot.CapacityPolicyMember, diags *diag.Diagnostics) {
	now := map[int64]bool{}
	for _, m := range members {
		now[m.ID] = true
	}
	var gone []int64
	for _, u := range before {
		if !now[u] {
			gone = append(gone, u)
		}
	}
	if len(gone) == 0 {
		return
	}
	where := map[int64]int64{}
	if policies, err := chatwoot.CapacityPolicies.All(ctx, client, id.accountID); err == nil {
		for _, p := range policies {
			if p.ID == id.id || p.AssignedAgentCount == 0 {
				continue
			}
			if others, err := client.ListCapacityPolicyMembers(ctx, id.accountID, p.ID); err == nil {
				for _, m := range others {
					where[m.ID] = p.ID
				}
			}
		}
	}
	for _, u := range gone {
		now := "no capacity policy any more (taken off in Chatwoot)"
		if p, ok := where[u]; ok {
			now = fmt.Sprintf("capacity policy %d now: a user holds one capacity policy, and adding them to another moves them. "+
				"If another configuration lists the user for policy %d, the two configurations will keep moving the user; keep "+
				"the user in one of them", p, p)
		}
		diags.AddWarning("Capacity Policy Member Moved Away",
			fmt.Sprintf("User %d no longer holds capacity policy %d of account %d; they hold %s. The next apply puts the user back "+
				"on policy %d if the configuration still lists them.", u, id.id, id.accountID, now, id.id))
	}
}

func (r *capacityMembersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state capacityMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{state.AccountID.ValueInt64(), state.PolicyID.ValueInt64()}
	members, err := client.ListCapacityPolicyMembers(ctx, id.accountID, id.id)
	if chatwoot.IsNotFound(err) && !chatwoot.IsRouteNotFound(err) {
		return // a deleted policy has released its members
	}
	if err != nil {
		resp.Diagnostics.Append(r.clientError("reading", id, err))
		return
	}
	// Only this policy's members, so that a user moved to another policy keeps it.
	for _, m := range members {
		if err := client.RemoveCapacityPolicyMember(ctx, id.accountID, id.id, m.ID); err != nil && !chatwoot.IsNotFound(err) {
			resp.Diagnostics.Append(r.clientError(fmt.Sprintf("taking user %d off", m.ID), id, err))
		}
	}
	if len(members) > 0 && !resp.Diagnostics.HasError() {
		resp.Diagnostics.AddWarning("Capacity Policy Kept Without Members",
			fmt.Sprintf("Every member was taken off agent capacity policy %d of account %d. The policy itself stays, and its former "+
				"members stay agents of the account, no longer held to its limits.", id.id, id.accountID))
	}
}

func (r *capacityMembersResource) clientError(verb string, id objectID, err error) diag.Diagnostic {
	return capacityClientError(operation{
		action:    fmt.Sprintf("%s the members of capacity policy %d", strings.TrimSpace(verb), id.id),
		accountID: id.accountID, notFound: fmt.Sprintf("capacity policy %d", id.id),
	}, err)
}

func capacityMembersState(id objectID, members []chatwoot.CapacityPolicyMember) capacityMembersModel {
	ids := make([]int64, 0, len(members))
	for _, m := range members {
		ids = append(ids, m.ID)
	}
	set, _ := types.SetValueFrom(context.Background(), types.Int64Type, ids)
	return capacityMembersModel{
		ID:        types.StringValue(id.String()),
		AccountID: types.Int64Value(id.accountID),
		PolicyID:  types.Int64Value(id.id),
		UserIDs:   set,
	}
}
