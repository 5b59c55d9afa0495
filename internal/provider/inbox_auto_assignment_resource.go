package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Chatwoot's defaults for a new inbox, which destroy restores.
const defaultEnableAutoAssignment = true

// NewInboxAutoAssignmentResource is the chatwoot_inbox_auto_assignment resource.
func NewInboxAutoAssignmentResource() resource.Resource {
	return &inboxAutoAssignmentResource{accountObjectResource{kind: objectKind{
		typeName: "inbox_auto_assignment", idAttr: "inbox_id", noun: "inbox", idDescription: "The inbox's id.",
	}}}
}

type inboxAutoAssignmentResource struct{ accountObjectResource }

type inboxAutoAssignmentModel struct {
	ID                   types.String `tfsdk:"id"`
	AccountID            types.Int64  `tfsdk:"account_id"`
	InboxID              types.Int64  `tfsdk:"inbox_id"`
	EnableAutoAssignment types.Bool   `tfsdk:"enable_auto_assignment"`
	MaxAssignmentLimit   types.Int64  `tfsdk:"max_assignment_limit"`
	operationTimeouts
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
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
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
					"unset means no limit. This is a feature of Chatwoot's Enterprise edition: on the community edition, " +
					"which would drop it, it is refused at plan time. Enterprise also ignores it while the account's " +
					"`assignment_v2` feature is on (new accounts have it): the plan then warns, and agent capacity policies " +
					"are the way to limit agents.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *inboxAutoAssignmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan inboxAutoAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	// Nothing is known about the inbox yet, so both settings are sent, in one request.
	if state, ok := r.send(ctx, client, plan, chatwoot.InboxAutoAssignmentUpdate{
		Enabled:               plan.EnableAutoAssignment.ValueBoolPointer(),
		SetMaxAssignmentLimit: true,
		MaxAssignmentLimit:    plan.MaxAssignmentLimit.ValueInt64Pointer(),
	}, "configuring", &resp.Diagnostics); ok {
		r.save(ctx, created(req, resp), objectID{plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64()}, &state)
	}
}

func (r *inboxAutoAssignmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior inboxAutoAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64()}
	update, changed := settingsChange(prior, plan)
	if !changed {
		r.save(ctx, updated(req, resp), id, &plan)
		return
	}
	if state, ok := r.send(ctx, client, plan, update, "updating", &resp.Diagnostics); ok {
		r.save(ctx, updated(req, resp), id, &state)
	}
}

// send applies the update and returns what Chatwoot holds afterwards, to be saved (ok is false
// when nothing was changed). A limit Chatwoot did not keep (its community edition ignores the
// limit without an error) is an error on the attribute, and the state still records what
// Chatwoot holds.
func (r *inboxAutoAssignmentResource) send(ctx context.Context, client *chatwoot.Client, plan inboxAutoAssignmentModel,
	update chatwoot.InboxAutoAssignmentUpdate, verb string, diags *diag.Diagnostics) (inboxAutoAssignmentModel, bool) {
	accountID, inboxID := plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64()
	got, err := client.UpdateInboxAutoAssignment(ctx, accountID, inboxID, update)
	if err != nil {
		// Chatwoot names the limit by the request field that carries it, auto_assignment_config.
		appendClientErrorOnFields(diags, operation{
			action: fmt.Sprintf("%s auto-assignment of inbox %d", verb, inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID),
		}, err, map[string]string{"auto_assignment_config": "max_assignment_limit", "enable_auto_assignment": "enable_auto_assignment"})
		return inboxAutoAssignmentModel{}, false
	}
	result := inboxAutoAssignmentState(accountID, inboxID, got)
	if update.SetMaxAssignmentLimit && !result.MaxAssignmentLimit.Equal(plan.MaxAssignmentLimit) {
		diags.AddAttributeError(path.Root("max_assignment_limit"), "Chatwoot Did Not Keep max_assignment_limit",
			fmt.Sprintf("Inbox %d in account %d was sent max_assignment_limit = %s, but Chatwoot now holds %s. The limit is a "+
				"feature of Chatwoot's Enterprise edition, which the community edition ignores without an error. Remove "+
				"max_assignment_limit from the configuration, or use an Enterprise installation.",
				inboxID, accountID, int64Text(plan.MaxAssignmentLimit), int64Text(result.MaxAssignmentLimit)))
	}
	return result, true
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
	if !r.readFound(ctx, resp, objectID{accountID, inboxID}, err, operation{
		action: fmt.Sprintf("reading inbox %d", inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID),
	}) {
		return
	}
	read := inboxAutoAssignmentState(accountID, inboxID, got)
	r.save(ctx, refreshed(req, resp), objectID{accountID, inboxID}, &read)
}

// Delete restores Chatwoot's defaults, sending only the settings that differ from them.
func (r *inboxAutoAssignmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state inboxAutoAssignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
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
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, inboxID := state.AccountID.ValueInt64(), state.InboxID.ValueInt64()
	_, err := client.UpdateInboxAutoAssignment(ctx, accountID, inboxID, update)
	endDeleteLeaving(&resp.Diagnostics, err, operation{ // a deleted inbox has nothing to restore
		action: fmt.Sprintf("restoring the default auto-assignment of inbox %d", inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID),
	}, "Inbox Auto-Assignment Set to Chatwoot's Defaults",
		fmt.Sprintf("Inbox %d of account %d now has Chatwoot's default auto-assignment (on, with no limit), which may not be what "+
			"it had before Terraform managed it: destroy does not restore earlier values. The inbox itself stays.", inboxID, accountID))
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
		ID:                   types.StringValue(objectID{accountID, inboxID}.String()),
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
