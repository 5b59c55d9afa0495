package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var (
	_ resource.ResourceWithConfigure   = (*inboxAutoAssignmentResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*inboxAutoAssignmentResource)(nil)
	_ resource.ResourceWithImportState = (*inboxAutoAssignmentResource)(nil)
	_ resource.ResourceWithIdentity    = (*inboxAutoAssignmentResource)(nil)
)

// Chatwoot's defaults for a new inbox, which destroy restores.
const defaultEnableAutoAssignment = true

// NewInboxAutoAssignmentResource is the chatwoot_inbox_auto_assignment resource.
func NewInboxAutoAssignmentResource() resource.Resource {
	return &inboxAutoAssignmentResource{}
}

type inboxAutoAssignmentResource struct {
	accountObjectResource
}

type inboxAutoAssignmentModel struct {
	ID                   types.String   `tfsdk:"id"`
	AccountID            types.Int64    `tfsdk:"account_id"`
	InboxID              types.Int64    `tfsdk:"inbox_id"`
	EnableAutoAssignment types.Bool     `tfsdk:"enable_auto_assignment"`
	MaxAssignmentLimit   types.Int64    `tfsdk:"max_assignment_limit"`
	Timeouts             timeouts.Value `tfsdk:"timeouts"`
}

func (r *inboxAutoAssignmentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_inbox_auto_assignment"
}

func (r *inboxAutoAssignmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "How an existing Chatwoot inbox hands out new conversations: whether it auto-assigns them " +
			"(round-robin over its online members) and how many open conversations one agent may hold. The inbox itself " +
			"is not managed here: creating this resource changes the settings of an inbox that already exists, and " +
			"destroying it restores Chatwoot's defaults (auto-assignment on, no limit).\n\n" +
			"Use one `chatwoot_inbox_auto_assignment` per inbox. Each read is one request for the inbox; an apply sends " +
			"only the settings that changed." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":         compositeIDAttribute("inbox_id"),
			"account_id": accountIDResourceAttribute(),
			"inbox_id":   parentIDAttribute("The id of the inbox, for example from the `chatwoot_inbox` data source."),
			"enable_auto_assignment": schema.BoolAttribute{
				MarkdownDescription: "Whether Chatwoot assigns new and reopened conversations of the inbox to its online " +
					"members. Defaults to `true`, as in Chatwoot.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(defaultEnableAutoAssignment),
			},
			"max_assignment_limit": schema.Int64Attribute{
				MarkdownDescription: "The most open conversations of this inbox that auto-assignment gives one agent; " +
					"unset means no limit. This is a feature of Chatwoot's Enterprise edition: the community edition " +
					"ignores it, which the provider reports as an error.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *inboxAutoAssignmentResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = accountObjectIdentitySchema("inbox_id", "The inbox's id.")
}

func (r *inboxAutoAssignmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan inboxAutoAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withOperationTimeout(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	// Nothing is known about the inbox yet, so both settings are sent, in one request.
	r.send(ctx, client, plan, chatwoot.InboxAutoAssignmentUpdate{
		Enabled:               plan.EnableAutoAssignment.ValueBoolPointer(),
		SetMaxAssignmentLimit: true,
		MaxAssignmentLimit:    plan.MaxAssignmentLimit.ValueInt64Pointer(),
	}, "configuring", &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(setAccountObjectIdentity(ctx, resp.Identity, "inbox_id", plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64())...)
}

func (r *inboxAutoAssignmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior inboxAutoAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withOperationTimeout(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	update, changed := settingsChange(prior, plan)
	if !changed {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	r.send(ctx, client, plan, update, "updating", &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(setAccountObjectIdentity(ctx, resp.Identity, "inbox_id", plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64())...)
}

// send applies the update and records what Chatwoot holds afterwards. A limit Chatwoot did not
// keep (its community edition ignores auto_assignment_config) is an error on the attribute.
func (r *inboxAutoAssignmentResource) send(ctx context.Context, client *chatwoot.Client, plan inboxAutoAssignmentModel,
	update chatwoot.InboxAutoAssignmentUpdate, verb string, state *tfsdk.State, diags *diag.Diagnostics) {
	accountID, inboxID := plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64()
	got, err := client.UpdateInboxAutoAssignment(ctx, accountID, inboxID, update)
	if err != nil {
		appendClientErrorOnAttribute(diags, operation{
			action: fmt.Sprintf("%s auto-assignment of inbox %d", verb, inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID),
		}, err, "auto_assignment_config")
		return
	}
	result := inboxAutoAssignmentState(accountID, inboxID, got)
	result.Timeouts = plan.Timeouts
	if update.SetMaxAssignmentLimit && !result.MaxAssignmentLimit.Equal(plan.MaxAssignmentLimit) {
		diags.AddAttributeError(path.Root("max_assignment_limit"), "Chatwoot Did Not Keep max_assignment_limit",
			fmt.Sprintf("Inbox %d in account %d was sent max_assignment_limit = %s, but Chatwoot now holds %s. The limit is a "+
				"feature of Chatwoot's Enterprise edition, which the community edition ignores without an error. Remove "+
				"max_assignment_limit from the configuration, or use an Enterprise installation.",
				inboxID, accountID, int64Text(plan.MaxAssignmentLimit), int64Text(result.MaxAssignmentLimit)))
	}
	diags.Append(state.Set(ctx, result)...)
}

func (r *inboxAutoAssignmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state inboxAutoAssignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, inboxID := state.AccountID.ValueInt64(), state.InboxID.ValueInt64()
	got, err := client.GetInboxAutoAssignment(ctx, accountID, inboxID)
	if chatwoot.IsNotFound(err) {
		removeVanished(ctx, resp, "chatwoot_inbox_auto_assignment", fmt.Sprintf("Inbox %d", inboxID), "inbox_id", accountID, inboxID)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("reading inbox %d", inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID),
		}, err))
		return
	}
	read := inboxAutoAssignmentState(accountID, inboxID, got)
	read.Timeouts = state.Timeouts
	resp.Diagnostics.Append(resp.State.Set(ctx, read)...)
	resp.Diagnostics.Append(setAccountObjectIdentity(ctx, resp.Identity, "inbox_id", accountID, inboxID)...)
}

// Delete restores Chatwoot's defaults, sending only the settings that differ from them.
func (r *inboxAutoAssignmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state inboxAutoAssignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	defaults := state
	defaults.EnableAutoAssignment = types.BoolValue(defaultEnableAutoAssignment)
	defaults.MaxAssignmentLimit = types.Int64Null()
	update, changed := settingsChange(state, defaults)
	if !changed {
		return
	}
	ctx, cancel := withOperationTimeout(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	accountID, inboxID := state.AccountID.ValueInt64(), state.InboxID.ValueInt64()
	_, err := client.UpdateInboxAutoAssignment(ctx, accountID, inboxID, update)
	if err != nil && !chatwoot.IsNotFound(err) { // a deleted inbox has nothing to restore
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("restoring the default auto-assignment of inbox %d", inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID),
		}, err))
	}
}

func (r *inboxAutoAssignmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importAccountObject(ctx, req, resp, "inbox_id")
}

// settingsChange is the update that turns from into to, sending only what differs.
func settingsChange(from, to inboxAutoAssignmentModel) (chatwoot.InboxAutoAssignmentUpdate, bool) {
	var u chatwoot.InboxAutoAssignmentUpdate
	changed := false
	if !to.EnableAutoAssignment.Equal(from.EnableAutoAssignment) {
		u.Enabled, changed = to.EnableAutoAssignment.ValueBoolPointer(), true
	}
	if !to.MaxAssignmentLimit.Equal(from.MaxAssignmentLimit) {
		u.SetMaxAssignmentLimit, u.MaxAssignmentLimit, changed = true, to.MaxAssignmentLimit.ValueInt64Pointer(), true
	}
	return u, changed
}

func inboxAutoAssignmentState(accountID, inboxID int64, s *chatwoot.InboxAutoAssignment) inboxAutoAssignmentModel {
	limit := types.Int64Null()
	if s.MaxAssignmentLimit != nil {
		limit = types.Int64Value(*s.MaxAssignmentLimit)
	}
	return inboxAutoAssignmentModel{
		ID:                   types.StringValue(compositeID(accountID, inboxID)),
		AccountID:            types.Int64Value(accountID),
		InboxID:              types.Int64Value(inboxID),
		EnableAutoAssignment: types.BoolValue(s.Enabled),
		MaxAssignmentLimit:   limit,
	}
}

func int64Text(v types.Int64) string {
	if v.IsNull() {
		return "no limit"
	}
	return fmt.Sprint(v.ValueInt64())
}
