package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var (
	_ resource.ResourceWithConfigure   = (*inboxMembersResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*inboxMembersResource)(nil)
	_ resource.ResourceWithImportState = (*inboxMembersResource)(nil)
	_ resource.ResourceWithIdentity    = (*inboxMembersResource)(nil)
)

// NewInboxMembersResource is the chatwoot_inbox_members resource.
func NewInboxMembersResource() resource.Resource {
	return &inboxMembersResource{}
}

type inboxMembersResource struct {
	accountObjectResource
}

type inboxMembersModel struct {
	ID        types.String   `tfsdk:"id"`
	AccountID types.Int64    `tfsdk:"account_id"`
	InboxID   types.Int64    `tfsdk:"inbox_id"`
	UserIDs   types.Set      `tfsdk:"user_ids"`
	Timeouts  timeouts.Value `tfsdk:"timeouts"`
}

func (r *inboxMembersResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_inbox_members"
}

func (r *inboxMembersResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The complete set of agents in one Chatwoot inbox: who may see its conversations and who " +
			"its auto-assignment picks from. This resource is **authoritative**: members added in Chatwoot's UI or by other " +
			"tools show as drift in the next plan and are removed by apply. Use one `chatwoot_inbox_members` per inbox; the " +
			"inbox itself is not managed here.\n\n" +
			"Every id must be an agent (or administrator) of the account; the provider checks this before it sends " +
			"anything, because Chatwoot silently adds users of other accounts to an inbox (and then hides them).\n\n" +
			"Each apply sends the whole set in one request. Destroying the resource removes every member from the inbox." +
			adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":         compositeIDAttribute("inbox_id"),
			"account_id": accountIDResourceAttribute(),
			"inbox_id":   parentIDAttribute("The id of the inbox, for example from the `chatwoot_inbox` data source."),
			"user_ids":   memberUserIDsAttribute("inbox"),
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *inboxMembersResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = accountObjectIdentitySchema("inbox_id", "The inbox's id.")
}

func (r *inboxMembersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan inboxMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withOperationTimeout(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	r.apply(ctx, plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *inboxMembersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan inboxMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withOperationTimeout(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	r.apply(ctx, plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// apply replaces the inbox's members with the planned set in one PATCH.
func (r *inboxMembersResource) apply(ctx context.Context, plan inboxMembersModel, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	client := r.client(diags)
	if diags.HasError() {
		return
	}
	accountID, inboxID := plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64()
	ids := memberIDsFrom(ctx, plan.UserIDs, diags)
	if diags.HasError() || !checkAccountAgents(ctx, client, accountID, ids, "inbox", diags) {
		return
	}
	members, err := client.SetInboxMembers(ctx, accountID, inboxID, ids)
	if err != nil {
		diags.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("setting the members of inbox %d", inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID),
		}, err))
		return
	}
	plan.ID = types.StringValue(compositeID(accountID, inboxID))
	plan.UserIDs = memberSet(members)
	diags.Append(state.Set(ctx, plan)...)
	diags.Append(setAccountObjectIdentity(ctx, identity, "inbox_id", accountID, inboxID)...)
}

func (r *inboxMembersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state inboxMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, inboxID := state.AccountID.ValueInt64(), state.InboxID.ValueInt64()
	members, err := client.ListInboxMembers(ctx, accountID, inboxID)
	if chatwoot.IsNotFound(err) {
		removeVanished(ctx, resp, "chatwoot_inbox_members", fmt.Sprintf("Inbox %d", inboxID), "inbox_id", accountID, inboxID)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("reading the members of inbox %d", inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID),
		}, err))
		return
	}
	state.ID = types.StringValue(compositeID(accountID, inboxID))
	state.UserIDs = memberSet(members)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	resp.Diagnostics.Append(setAccountObjectIdentity(ctx, resp.Identity, "inbox_id", accountID, inboxID)...)
}

func (r *inboxMembersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state inboxMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withOperationTimeout(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	accountID, inboxID := state.AccountID.ValueInt64(), state.InboxID.ValueInt64()
	_, err := client.SetInboxMembers(ctx, accountID, inboxID, nil)
	if err != nil && !chatwoot.IsNotFound(err) { // a deleted inbox has no members left to remove
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("removing the members of inbox %d", inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID),
		}, err))
	}
}

func (r *inboxMembersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importAccountObject(ctx, req, resp, "inbox_id")
}
