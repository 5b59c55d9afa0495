package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

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

var (
	_ resource.ResourceWithConfigure   = (*teamMembersResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*teamMembersResource)(nil)
	_ resource.ResourceWithImportState = (*teamMembersResource)(nil)
	_ resource.ResourceWithIdentity    = (*teamMembersResource)(nil)
)

// NewTeamMembersResource is the chatwoot_team_members resource.
func NewTeamMembersResource() resource.Resource {
	return &teamMembersResource{}
}

type teamMembersResource struct {
	accountObjectResource
}

type teamMembersModel struct {
	ID        types.String   `tfsdk:"id"`
	AccountID types.Int64    `tfsdk:"account_id"`
	TeamID    types.Int64    `tfsdk:"team_id"`
	UserIDs   types.Set      `tfsdk:"user_ids"`
	Timeouts  timeouts.Value `tfsdk:"timeouts"`
}

func (r *teamMembersResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_team_members"
}

func (r *teamMembersResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The complete set of agents in one Chatwoot team. This resource is **authoritative**: " +
			"members added in Chatwoot's UI or by other tools show as drift in the next plan and are removed by apply. " +
			"Use one `chatwoot_team_members` per team.\n\n" +
			"Every id must be an agent (or administrator) of the account; the provider checks this before it sends " +
			"anything, because Chatwoot answers an outsider's id with a bare \"Invalid User IDs\".\n\n" +
			"Each apply sends the whole set in one request. Destroying the resource removes every member from the team " +
			"(the team itself stays)." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":         compositeIDAttribute("team_id"),
			"account_id": accountIDResourceAttribute(),
			"team_id":    parentIDAttribute("The id of the team, for example `chatwoot_team.billing.team_id`."),
			"user_ids":   memberUserIDsAttribute("team"),
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *teamMembersResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = accountObjectIdentitySchema("team_id", "The team's id.")
}

func (r *teamMembersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan teamMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withOperationTimeout(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	r.apply(ctx, plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *teamMembersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan teamMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withOperationTimeout(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	r.apply(ctx, plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// apply replaces the team's members with the planned set in one PATCH.
func (r *teamMembersResource) apply(ctx context.Context, plan teamMembersModel, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	client := r.client(diags)
	if diags.HasError() {
		return
	}
	accountID, teamID := plan.AccountID.ValueInt64(), plan.TeamID.ValueInt64()
	ids := memberIDsFrom(ctx, plan.UserIDs, diags)
	if diags.HasError() || !checkAccountAgents(ctx, client, accountID, ids, "team", diags) {
		return
	}
	members, err := client.SetTeamMembers(ctx, accountID, teamID, ids)
	if err != nil {
		diags.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("setting the members of team %d", teamID), accountID: accountID, notFound: fmt.Sprintf("team %d", teamID),
		}, err))
		return
	}
	plan.ID = types.StringValue(compositeID(accountID, teamID))
	plan.UserIDs = memberSet(members)
	diags.Append(state.Set(ctx, plan)...)
	diags.Append(setAccountObjectIdentity(ctx, identity, "team_id", accountID, teamID)...)
}

func (r *teamMembersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state teamMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, teamID := state.AccountID.ValueInt64(), state.TeamID.ValueInt64()
	members, err := client.ListTeamMembers(ctx, accountID, teamID)
	if chatwoot.IsNotFound(err) {
		removeVanished(ctx, resp, "chatwoot_team_members", fmt.Sprintf("Team %d", teamID), "team_id", accountID, teamID)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("reading the members of team %d", teamID), accountID: accountID, notFound: fmt.Sprintf("team %d", teamID),
		}, err))
		return
	}
	state.ID = types.StringValue(compositeID(accountID, teamID))
	state.UserIDs = memberSet(members)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	resp.Diagnostics.Append(setAccountObjectIdentity(ctx, resp.Identity, "team_id", accountID, teamID)...)
}

func (r *teamMembersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state teamMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withOperationTimeout(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	accountID, teamID := state.AccountID.ValueInt64(), state.TeamID.ValueInt64()
	_, err := client.SetTeamMembers(ctx, accountID, teamID, nil)
	if err != nil && !chatwoot.IsNotFound(err) { // a deleted team has no members left to remove
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("removing the members of team %d", teamID), accountID: accountID, notFound: fmt.Sprintf("team %d", teamID),
		}, err))
	}
}

func (r *teamMembersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importAccountObject(ctx, req, resp, "team_id")
}

// ---- Shared by chatwoot_team_members and chatwoot_inbox_members.

func memberUserIDsAttribute(container string) schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: fmt.Sprintf("The user ids of every agent in the %[1]s, at least one. Agents not listed are removed "+
			"from the %[1]s. The `chatwoot_agent` data source or resource gives an agent's `user_id`.", container),
		Required:    true,
		ElementType: types.Int64Type,
		Validators: []validator.Set{
			setvalidator.SizeAtLeast(1),
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

func memberSet(members []chatwoot.Agent) types.Set {
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
