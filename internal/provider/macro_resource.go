package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var _ resource.ResourceWithValidateConfig = (*macroResource)(nil)

// macroGlobal is the only visibility this resource manages: a personal macro is visible to its
// author alone, administrators included, so a provider running with another user's token could
// never read, update or delete it.
const macroGlobal = "global"

// NewMacroResource is the chatwoot_macro resource.
func NewMacroResource() resource.Resource {
	return &macroResource{accountObjectResource{kind: objectKind{
		typeName: "macro", idAttr: "macro_id", noun: "macro", idDescription: "The macro's id.",
	}}}
}

type macroResource struct{ accountObjectResource }

type macroModel struct {
	ID         types.String `tfsdk:"id"`
	AccountID  types.Int64  `tfsdk:"account_id"`
	MacroID    types.Int64  `tfsdk:"macro_id"`
	Name       types.String `tfsdk:"name"`
	Visibility types.String `tfsdk:"visibility"`
	Actions    types.List   `tfsdk:"actions"`
	operationTimeouts
}

type macroActionModel struct {
	ActionName types.String `tfsdk:"action_name"`
	Params     types.List   `tfsdk:"params"`
}

var macroActionType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"action_name": types.StringType,
	"params":      types.ListType{ElemType: types.StringType},
}}

// macroActionNames are the actions the schema offers: Chatwoot's macro vocabulary, of which
// send_attachment is refused with its reason by checkActionParams.
var macroActionNames = chatwoot.MacroActionNames

func (r *macroResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A global macro: a named list of actions an agent runs on a conversation with one click " +
			"(add a label, assign a team, send a message, resolve…).\n\n" +
			"Actions use the vocabulary of `chatwoot_automation_rule` and are checked the same way at plan time: Chatwoot " +
			"stores any parameters and ignores the ones it cannot use, silently. Ids are sent as JSON integers, and the agents, " +
			"teams and labels an action names are checked against the account before the macro is saved.\n\n" +
			"Only global macros are managed. A personal macro is visible to its author alone (administrators included), so a " +
			"provider running with anyone else's token could not read, update or delete it; `visibility = \"personal\"` is " +
			"refused at plan time, and import refuses a personal macro, or one with a `send_attachment` action, with the " +
			"reason." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"macro_id":   computedIDAttribute("The macro's id in Chatwoot."),
			"name":       requiredTextAttribute("The macro's name, as agents see it in the conversation's macro menu; at most 255 characters.", 255),
			"visibility": schema.StringAttribute{
				MarkdownDescription: "`global` (the default): every member of the account sees and may run the macro. " +
					"`personal` is refused: a personal macro is invisible to every token but its author's.",
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(macroGlobal),
				Validators: []validator.String{
					stringvalidator.OneOf(chatwoot.MacroVisibilities...),
				},
			},
			"actions": actionsAttribute("The actions, run in order when an agent runs the macro. Chatwoot runs each one on its own: "+
				"one that fails does not stop the rest.",
				"The action: "+automationCodeList(macroActionNames)+". `send_attachment` is not "+
					"supported (it needs an uploaded file).",
				macroActionNames,
				"The action's parameters, as strings (Terraform converts numbers); they may be other "+
					"resources' attributes, such as `chatwoot_team.billing.team_id`. Ids are sent to Chatwoot as JSON "+
					"integers. By action:\n"+
					"  - `assign_agent`: one agent's user id, `\"self\"` for the agent who runs the macro, `\"nil\"` to "+
					"unassign, or `\"last_responding_agent\"`;\n"+
					"  - `assign_team`: one team id, or `\"nil\"` to unassign;\n"+
					"  - `add_label`, `remove_label`: one or more label titles, each a label of the account (checked before the "+
					"macro is saved; refer to `chatwoot_label.<name>.title` so that Terraform creates the label first);\n"+
					actionParamsBullets()+
					"  - `remove_assigned_agent`, `remove_assigned_team`, `mute_conversation`, `snooze_conversation`, "+
					"`resolve_conversation`: none (omit `params`).",
				nil),
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *macroResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg macroModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.Visibility.ValueString() == "personal" {
		resp.Diagnostics.AddAttributeError(path.Root("visibility"), "Personal Macros Are Not Supported",
			"A personal macro is visible only to the user who created it: Chatwoot lets no one else, administrators included, "+
				"list, read, change or delete it. A provider working with another user's token could not keep such a macro in "+
				"line with the configuration, and an agent's token always creates personal macros. Remove visibility (global is "+
				"the default), or create the personal macro in Chatwoot's UI as the agent who will use it.")
	}
	validateMacroActions(ctx, cfg.Actions, &resp.Diagnostics)
}

// validateMacroActions checks each action's params with the shared vocabulary's macro rules.
func validateMacroActions(ctx context.Context, list types.List, diags *diag.Diagnostics) {
	if list.IsNull() || list.IsUnknown() {
		return
	}
	var actions []macroActionModel
	diags.Append(list.ElementsAs(ctx, &actions, false)...)
	if diags.HasError() {
		return
	}
	for i, a := range actions {
		if a.ActionName.IsUnknown() {
			continue
		}
		checkActionParams(ctx, "Macro", path.Root("actions").AtListIndex(i), a.ActionName.ValueString(), a.Params,
			chatwoot.MacroActionParams, diags)
	}
}

func (r *macroResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan macroModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	in, ok := checkedMacroInput(ctx, client, plan, &resp.Diagnostics)
	if !ok {
		return
	}
	m, err := client.CreateMacro(ctx, accountID, in)
	if err != nil {
		resp.Diagnostics.Append(macroErrorDiagnostic(operation{action: "creating macro " + strconv.Quote(in.Name), accountID: accountID}, err))
		return
	}
	if m.Visibility != macroGlobal {
		// Chatwoot makes every macro of an agent personal, whatever was asked: undo it rather than
		// keep a macro nobody else can see.
		delErr := client.DeleteMacro(ctx, accountID, m.ID)
		detail := fmt.Sprintf("Chatwoot saved macro %q (id %d) in account %d as %q rather than global, which it does for every "+
			"macro an agent creates, so the provider deleted it again. Use an administrator's access token.", in.Name, m.ID, accountID, m.Visibility)
		if delErr != nil {
			detail += fmt.Sprintf(" Deleting it failed, so remove macro %d in Chatwoot: %s", m.ID, delErr)
		}
		resp.Diagnostics.AddError("Chatwoot Administrator Required", detail)
		return
	}
	r.saveMacro(ctx, created(req, resp), objectID{accountID, m.ID}, m)
}

func (r *macroResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior macroModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.MacroID.ValueInt64()}
	// The account's list holds whole macros: one request refreshes them all. A miss is
	// confirmed with a show, which also finds a macro that someone saved without visibility.
	m, err := chatwoot.Macros.Get(ctx, client, id.accountID, id.id)
	if chatwoot.IsNotFound(err) {
		m, err = client.GetMacro(ctx, id.accountID, id.id)
	}
	if chatwoot.IsNotFound(err) {
		r.removeGone(ctx, resp, id)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(macroErrorDiagnostic(operation{action: fmt.Sprintf("reading macro %d", id.id), accountID: id.accountID}, err))
		return
	}
	r.saveMacro(ctx, refreshed(req, resp), id, m)
}

// Update sends the whole macro: Chatwoot sets visibility on every write and stores null when it
// is absent, which hides the macro from every list.
func (r *macroResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan macroModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{plan.AccountID.ValueInt64(), plan.MacroID.ValueInt64()}
	in, ok := checkedMacroInput(ctx, client, plan, &resp.Diagnostics)
	if !ok {
		return
	}
	m, err := client.UpdateMacro(ctx, id.accountID, id.id, in)
	if chatwoot.IsNotFound(err) {
		r.updateGone(&resp.Diagnostics, id, err)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(macroErrorDiagnostic(operation{action: fmt.Sprintf("updating macro %d", id.id), accountID: id.accountID}, err))
		return
	}
	r.saveMacro(ctx, updated(req, resp), id, m)
}

func (r *macroResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state macroModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, macroID := state.AccountID.ValueInt64(), state.MacroID.ValueInt64()
	if err := client.DeleteMacro(ctx, accountID, macroID); err != nil && !chatwoot.IsNotFound(err) {
		resp.Diagnostics.Append(macroErrorDiagnostic(operation{action: fmt.Sprintf("deleting macro %d", macroID), accountID: accountID}, err))
	}
}

// checkedMacroInput is the request for the plan, once the agents, teams and labels its actions
// name are known to exist. ok is false after adding an error.
func checkedMacroInput(ctx context.Context, client *chatwoot.Client, plan macroModel, diags *diag.Diagnostics) (chatwoot.MacroInput, bool) {
	in := chatwoot.MacroInput{Name: plan.Name.ValueString(), Visibility: plan.Visibility.ValueString()}
	var actions []macroActionModel
	diags.Append(plan.Actions.ElementsAs(ctx, &actions, false)...)
	// Unknown at plan time, the params are known now: check them as ValidateConfig would have.
	validateMacroActions(ctx, plan.Actions, diags)
	if diags.HasError() {
		return in, false
	}
	for _, a := range actions {
		name := a.ActionName.ValueString()
		in.Actions = append(in.Actions, chatwoot.AutomationAction{ActionName: name, ActionParams: actionParamsInput(ctx, name, a.Params, diags)})
	}
	if !diags.HasError() {
		checkActionReferences(ctx, client, "macro", plan.AccountID.ValueInt64(), in.Actions, diags)
	}
	return in, !diags.HasError()
}

// saveMacro ends a Create, Read or Update with the macro as Chatwoot holds it.
func (r *macroResource) saveMacro(ctx context.Context, to saveTarget, id objectID, m *chatwoot.Macro) {
	state := macroState(ctx, id.accountID, m, to.diags)
	r.save(ctx, to, id, &state)
}

// macroState converts what Chatwoot holds into state. An id stored as a JSON string (which
// Chatwoot ignores) is shown quoted, so that the plan shows the difference, with a warning.
func macroState(ctx context.Context, accountID int64, m *chatwoot.Macro, diags *diag.Diagnostics) macroModel {
	state := macroModel{
		ID:         types.StringValue(objectID{accountID, m.ID}.String()),
		AccountID:  types.Int64Value(accountID),
		MacroID:    types.Int64Value(m.ID),
		Name:       types.StringValue(m.Name),
		Visibility: types.StringValue(m.Visibility),
	}
	actions := make([]macroActionModel, 0, len(m.Actions))
	for i, a := range m.Actions {
		actions = append(actions, macroActionModel{ActionName: types.StringValue(a.ActionName), Params: actionParamsState(ctx, "macro", m.ID, i, a, diags)})
	}
	var d diag.Diagnostics
	state.Actions, d = types.ListValueFrom(ctx, macroActionType, actions)
	diags.Append(d...)
	return state
}

// macroErrorDiagnostic is clientErrorDiagnostic with the two failures this resource explains
// better: a refusal of the token's role, and a 422 naming the actions.
func macroErrorDiagnostic(op operation, err error) diag.Diagnostic {
	if chatwoot.AuthProblemOf(err) == chatwoot.AuthForbidden {
		return diag.NewErrorDiagnostic("Chatwoot Administrator Required",
			fmt.Sprintf("Chatwoot refused %s in account %d. Only administrators may change or delete global macros (an agent may "+
				"not, even one they created), and a personal macro can be read only by its author. Use an administrator's "+
				"access token in the provider block.\n\nOriginal error: %s", op.action, op.accountID, err))
	}
	d := clientErrorDiagnostic(op, err)
	var apiErr *chatwoot.APIError
	if errors.As(err, &apiErr) && chatwoot.IsUnprocessable(err) && slices.Contains(apiErr.Attributes, "actions") {
		return diag.WithPath(path.Root("actions"), d)
	}
	return d
}
