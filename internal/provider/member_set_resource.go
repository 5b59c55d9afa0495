package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The logic of chatwoot_team_members and chatwoot_inbox_members: the authoritative set of agents
// in one parent object, sent whole on every apply and emptied on destroy. What each resource
// says and which endpoints it calls is its memberSet, in team_members_resource.go and
// inbox_members_resource.go.

var _ resource.ResourceWithIdentity = (*memberSetResource)(nil)

// memberSet is what one member-set resource is about, besides its objectKind (whose noun is the
// container, "team", and whose idAttr is the container's id, "team_id").
type memberSet struct {
	parentDescription string // the parent attribute's description, without " Changing it replaces the resource."
	description       string // the resource's description
	// The client's calls for the container, e.g. (*chatwoot.Client).ListTeamMembers.
	listMembers func(c *chatwoot.Client, ctx context.Context, accountID, parentID int64) ([]chatwoot.Agent, error)
	setMembers  func(c *chatwoot.Client, ctx context.Context, accountID, parentID int64, userIDs []int64) ([]chatwoot.Agent, error)
}

type memberSetResource struct {
	accountObjectResource
	memberSet
}

// memberSetValues are the attributes of a plan or state the logic works with. They are read by
// path, because the parent's attribute is named after the container.
type memberSetValues struct {
	accountID, parentID int64
	userIDs             types.Set
	timeouts            timeouts.Value
}

// attributeGetter is a tfsdk.Plan or a tfsdk.State.
type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

func (r *memberSetResource) values(ctx context.Context, from attributeGetter, diags *diag.Diagnostics) memberSetValues {
	var v memberSetValues
	var accountID, parentID types.Int64
	diags.Append(from.GetAttribute(ctx, path.Root("account_id"), &accountID)...)
	diags.Append(from.GetAttribute(ctx, path.Root(r.kind.idAttr), &parentID)...)
	diags.Append(from.GetAttribute(ctx, path.Root("user_ids"), &v.userIDs)...)
	diags.Append(from.GetAttribute(ctx, path.Root("timeouts"), &v.timeouts)...)
	v.accountID, v.parentID = accountID.ValueInt64(), parentID.ValueInt64()
	return v
}

func (r *memberSetResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: r.description,
		Attributes: map[string]schema.Attribute{
			"id":          r.idAttribute(),
			"account_id":  r.accountIDAttribute(),
			r.kind.idAttr: parentIDAttribute(r.parentDescription),
			"user_ids":    memberUserIDsAttribute(r.kind.noun),
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *memberSetResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan := r.values(ctx, req.Plan, &resp.Diagnostics)
	r.apply(ctx, req.Plan, plan, plan.timeouts.Create, created(req, resp))
}

func (r *memberSetResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan := r.values(ctx, req.Plan, &resp.Diagnostics)
	r.apply(ctx, req.Plan, plan, plan.timeouts.Update, updated(req, resp))
}

// apply is Create and Update: it replaces the container's members with the planned set in one
// PATCH, within the operation's timeout, and saves the plan with the id and the members Chatwoot
// answered with.
func (r *memberSetResource) apply(ctx context.Context, planned tfsdk.Plan, plan memberSetValues,
	timeout func(context.Context, time.Duration) (time.Duration, diag.Diagnostics), to saveTarget) {
	ctx, cancel, client := r.begin(ctx, timeout, to.diags)
	defer cancel()
	if to.diags.HasError() {
		return
	}
	ids := memberIDsFrom(ctx, plan.userIDs, to.diags)
	if to.diags.HasError() || !checkAccountAgents(ctx, client, plan.accountID, ids, r.kind.noun, to.diags) {
		return
	}
	members, err := r.setMembers(client, ctx, plan.accountID, plan.parentID, ids)
	if err != nil {
		to.diags.Append(clientErrorDiagnostic(r.membersOperation("setting", plan.accountID, plan.parentID), err))
		return
	}
	state := tfsdk.State(planned)
	r.recordMembers(ctx, &state, plan.accountID, plan.parentID, members, to.diags)
	r.saveFilled(ctx, to, objectID{plan.accountID, plan.parentID}, state)
}

func (r *memberSetResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state := r.values(ctx, req.State, &resp.Diagnostics)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	members, err := r.listMembers(client, ctx, state.accountID, state.parentID)
	if chatwoot.IsNotFound(err) {
		r.removeGone(ctx, resp, objectID{state.accountID, state.parentID})
		return
	}
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(r.membersOperation("reading", state.accountID, state.parentID), err))
		return
	}
	read := resp.State
	r.recordMembers(ctx, &read, state.accountID, state.parentID, members, &resp.Diagnostics)
	r.saveFilled(ctx, refreshed(req, resp), objectID{state.accountID, state.parentID}, read)
}

// recordMembers writes the id and the members Chatwoot holds into state.
func (r *memberSetResource) recordMembers(ctx context.Context, state *tfsdk.State, accountID, parentID int64,
	members []chatwoot.Agent, diags *diag.Diagnostics) {
	diags.Append(state.SetAttribute(ctx, path.Root("id"), objectID{accountID, parentID}.String())...)
	diags.Append(state.SetAttribute(ctx, path.Root("user_ids"), userIDSet(members))...)
}

func (r *memberSetResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state := r.values(ctx, req.State, &resp.Diagnostics)
	ctx, cancel, client := r.begin(ctx, state.timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	_, err := r.setMembers(client, ctx, state.accountID, state.parentID, nil)
	// A deleted team or inbox has no members left to remove.
	endDelete(&resp.Diagnostics, err, r.membersOperation("removing", state.accountID, state.parentID))
	if err == nil {
		resp.Diagnostics.AddWarning(titleCase(r.kind.noun)+" Kept Without Members",
			fmt.Sprintf("Every member was removed from %s %d of account %d. The %s itself stays, and its former members stay "+
				"agents of the account.", r.kind.noun, state.parentID, state.accountID, r.kind.noun))
	}
}

// membersOperation names a call on the container's member list: "<verb> the members of team 7".
func (r *memberSetResource) membersOperation(verb string, accountID, parentID int64) operation {
	return memberOperation(verb+" the members of", r.kind.noun, accountID, parentID)
}

func memberUserIDsAttribute(container string) schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: fmt.Sprintf("The user ids of every agent in the %[1]s; `[]` for none. Agents not listed are removed "+
			"from the %[1]s. The `chatwoot_agent` data source or resource gives an agent's `user_id`.", container),
		Required:    true,
		ElementType: types.Int64Type,
		Validators: []validator.Set{
			setvalidator.ValueInt64sAre(int64validator.AtLeast(1)),
		},
	}
}

func memberIDsFrom(ctx context.Context, set types.Set, diags *diag.Diagnostics) []int64 {
	var ids []int64
	diags.Append(set.ElementsAs(ctx, &ids, false)...)
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func userIDSet(members []chatwoot.Agent) types.Set {
	values := make([]int64, 0, len(members))
	for _, m := range members {
		values = append(values, m.ID)
	}
	set, _ := types.SetValueFrom(context.Background(), types.Int64Type, values)
	return set
}

// checkAccountAgents makes sure every id is an agent of the account before a member set is sent:
// Chatwoot answers outsiders with a bare 401 for teams, and silently adds them to inboxes.
func checkAccountAgents(ctx context.Context, client *chatwoot.Client, accountID int64, ids []int64, container string, diags *diag.Diagnostics) bool {
	missing, err := client.MissingAgents(ctx, accountID, ids)
	if err != nil {
		diags.Append(clientErrorDiagnostic(operation{action: "listing the agents of the account to check user_ids", accountID: accountID}, err))
		return false
	}
	if len(missing) == 0 {
		return true
	}
	names := make([]string, len(missing))
	for i, id := range missing {
		names[i] = fmt.Sprint(id)
	}
	diags.AddAttributeError(path.Root("user_ids"), "Users Not in the Chatwoot Account",
		fmt.Sprintf("Account %d has no agent with the user id %s, so the %s's members were not changed. Only agents and "+
			"administrators of the account can be members; add the user with chatwoot_agent first, or remove the id.",
			accountID, strings.Join(names, ", "), container))
	return false
}
