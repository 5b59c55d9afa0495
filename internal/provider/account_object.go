package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The resource kit. Every resource is one object of one Chatwoot account: its id is
// "<account_id>/<object id>", its identity the same two numbers. A resource declares what it is
// once, in an objectKind, embeds accountObjectResource built from it, and writes its CRUD methods
// with the steps below, so that each file still shows which requests each operation sends:
//
//	Create/Update: ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
//	               ... client calls ...
//	               r.save(ctx, created(req, resp), objectID{accountID, id}, &state)
//	Read:          client := r.client(&resp.Diagnostics); ... if !r.readFound(ctx, resp, id, err, op) { return }
//	               r.save(ctx, refreshed(req, resp), id, &state)
//	Delete:        ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
//	               err := client.Delete...(...); endDelete(&resp.Diagnostics, err, op)
//
// The embedded type supplies Metadata, IdentitySchema, Configure, ModifyPlan (account
// resolution) and ImportState; resources_registry_test.go checks that every registered resource
// has them, so a resource file asserts only the interfaces it implements itself (ValidateConfig).
// CONTRIBUTING.md walks through a whole resource.

// objectKind says, once, what a resource is.
type objectKind struct {
	typeName      string // "team": the resource is chatwoot_team
	idAttr        string // "team_id": the attribute that holds the object's own id
	noun          string // "team": what that id names, in messages ("Team 7 was not found")
	idDescription string // the identity's description of idAttr: "The team's id."
}

// resourceType is the resource's full type name: "chatwoot_team".
func (k objectKind) resourceType() string { return "chatwoot_" + k.typeName }

// objectID is one object of one account.
type objectID struct {
	accountID, id int64
}

// String is the resource id: "<account_id>/<id>".
func (o objectID) String() string { return compositeID(o.accountID, o.id) }

// parseObjectID reads an import id: "<account_id>/<id>", or "<id>" alone when the provider has a
// default account (defaultAccountID > 0). idAttr names the second part in errors.
func parseObjectID(raw string, defaultAccountID int64, idAttr string) (objectID, error) {
	accountID, id, err := parseAccountScopedID(raw, defaultAccountID, idAttr)
	return objectID{accountID, id}, err
}

// accountObjectResource is embedded by every resource. Build it with the resource's kind:
// &teamResource{accountObjectResource{kind: teamKind}}.
type accountObjectResource struct {
	kind objectKind
	data *providerData
}

func (r *accountObjectResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.kind.typeName
}

func (r *accountObjectResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"account_id":  identityschema.Int64Attribute{RequiredForImport: true, Description: "The Chatwoot account id."},
			r.kind.idAttr: identityschema.Int64Attribute{RequiredForImport: true, Description: r.kind.idDescription},
		},
	}
}

func (r *accountObjectResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, "Resource", &resp.Diagnostics)
}

// client is the configured Chatwoot client, or nil after adding an error.
func (r *accountObjectResource) client(diags *diag.Diagnostics) *chatwoot.Client {
	if r.data == nil || r.data.client == nil {
		diags.AddError("Chatwoot Provider Not Configured",
			"The provider has no Chatwoot client, so it cannot change anything. Check the provider block's base_url and api_access_token.")
		return nil
	}
	return r.data.client
}

// begin starts a create, update or delete: it bounds ctx by the duration the `timeouts` block
// sets for it (timeout is one of timeouts.Value's Create, Update or Delete; default 20m, retries
// and their waits included) and returns the client. Call cancel in any case, and stop when diags
// has an error.
func (r *accountObjectResource) begin(ctx context.Context, timeout func(context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	diags *diag.Diagnostics) (context.Context, context.CancelFunc, *chatwoot.Client) {
	d, tdiags := timeout(ctx, defaultOperationTimeout)
	diags.Append(tdiags...)
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, cancel, r.client(diags)
}

// ModifyPlan is the kit's plan step, planAccount. A resource with plan logic of its own defines
// ModifyPlan, calls r.planAccount first, and TestResources_resolveAccountInPlan checks that every
// registered resource does.
func (r *accountObjectResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.planAccount(ctx, req, resp)
}

// planToCheck is the start of a ModifyPlan that checks the plan against Chatwoot: it runs
// planAccount and reports whether there is a plan to check (not a destroy, no error so far) and a
// configured client to check it with.
func (r *accountObjectResource) planToCheck(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) bool {
	r.planAccount(ctx, req, resp)
	return !resp.Diagnostics.HasError() && !req.Plan.Raw.IsNull() && r.data != nil && r.data.client != nil
}

// planAccount fills account_id from the provider when the configuration omits it, and replaces
// the object when the resolved account differs from the one in state.
func (r *accountObjectResource) planAccount(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var cfgAccount types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("account_id"), &cfgAccount)...)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, unknown, ok := resolveAccountID(cfgAccount, r.data)
	if !ok {
		missingAccountDiagnostic(&resp.Diagnostics)
		return
	}
	planned := types.Int64Unknown()
	if !unknown {
		planned = types.Int64Value(accountID)
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("account_id"), planned)...)
	if req.State.Raw.IsNull() {
		return
	}
	var stateAccount types.Int64
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("account_id"), &stateAccount)...)
	if !planned.Equal(stateAccount) {
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("account_id"))
	}
}

// ImportState is the kit's import, importObject.
func (r *accountObjectResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importObject(ctx, req, resp)
}

// importObject reads "<account_id>/<id>", "<id>" with the provider's account_id, or an identity,
// and sets id, account_id, the kind's id attribute and the identity; Read fills in the rest. It
// reports whether the import succeeded, for a resource that adds to it.
func (r *accountObjectResource) importObject(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) bool {
	idAttr := r.kind.idAttr
	var id objectID
	if req.ID == "" && req.Identity != nil {
		var account, object types.Int64
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root("account_id"), &account)...)
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root(idAttr), &object)...)
		if resp.Diagnostics.HasError() {
			return false
		}
		id = objectID{account.ValueInt64(), object.ValueInt64()}
		if id.accountID < 1 || id.id < 1 {
			resp.Diagnostics.AddError("Invalid Import Identity",
				fmt.Sprintf("account_id and %s must be whole numbers of 1 or more; got %d and %d.", idAttr, id.accountID, id.id))
			return false
		}
	} else {
		defaultAccount := int64(0)
		if r.data != nil {
			defaultAccount = r.data.defaultAccountID
		}
		var err error
		id, err = parseObjectID(req.ID, defaultAccount, idAttr)
		if err != nil {
			resp.Diagnostics.AddError("Invalid Import ID", err.Error())
			return false
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id.String())...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_id"), id.accountID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(idAttr), id.id)...)
	resp.Diagnostics.Append(r.setIdentity(ctx, resp.Identity, id)...)
	return !resp.Diagnostics.HasError()
}

// saveTarget is where an operation's result goes: the state, the identity and the private state
// of a Create, Read or Update response (created, refreshed, updated), and the request's plan or
// prior state, whose `timeouts` block save carries over.
type saveTarget struct {
	state    *tfsdk.State
	identity *tfsdk.ResourceIdentity
	private  interface {
		SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
	}
	diags    *diag.Diagnostics
	timeouts interface {
		GetAttribute(ctx context.Context, p path.Path, target interface{}) diag.Diagnostics
	}
}

func created(req resource.CreateRequest, resp *resource.CreateResponse) saveTarget {
	return saveTarget{&resp.State, resp.Identity, resp.Private, &resp.Diagnostics, req.Plan}
}

func refreshed(req resource.ReadRequest, resp *resource.ReadResponse) saveTarget {
	return saveTarget{&resp.State, resp.Identity, resp.Private, &resp.Diagnostics, req.State}
}

func updated(req resource.UpdateRequest, resp *resource.UpdateResponse) saveTarget {
	return saveTarget{&resp.State, resp.Identity, resp.Private, &resp.Diagnostics, req.Plan}
}

// operationTimeouts is the `timeouts` block, embedded in every resource's model. The kit's save
// fills it from the request (the plan of a create or update, the prior state of a read), so that
// no operation copies it by hand and none can forget to.
type operationTimeouts struct {
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (t *operationTimeouts) setTimeouts(v timeouts.Value) { t.Timeouts = v }

// resourceModel is a pointer to a resource's model, which embeds operationTimeouts.
type resourceModel interface {
	setTimeouts(timeouts.Value)
}

// setState stores the model, with the request's timeouts block, in the response's state.
func (to saveTarget) setState(ctx context.Context, state resourceModel) {
	var t timeouts.Value
	to.diags.Append(to.timeouts.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	state.setTimeouts(t)
	to.diags.Append(to.state.Set(ctx, state)...)
}

// privateKey is one private-state key to write; a nil value removes the key.
type privateKey struct {
	key   string
	value []byte
}

// save is the one ending of a Create, Read or Update: it stores state (a pointer to the resource's
// model; the timeouts block comes from the request), the identity of id, and the private keys
// given. Nothing else may write to the response's state.
func (r *accountObjectResource) save(ctx context.Context, to saveTarget, id objectID, state resourceModel, private ...privateKey) {
	to.setState(ctx, state)
	for _, p := range private {
		to.diags.Append(to.private.SetKey(ctx, p.key, p.value)...)
	}
	to.diags.Append(r.setIdentity(ctx, to.identity, id)...)
}

// saveFilled is save for a resource whose attribute names vary, and which so fills a tfsdk.State
// itself, timeouts included.
func (r *accountObjectResource) saveFilled(ctx context.Context, to saveTarget, id objectID, state tfsdk.State) {
	to.state.Raw = state.Raw
	to.diags.Append(r.setIdentity(ctx, to.identity, id)...)
}

// removeGone ends a Read whose object Chatwoot no longer has: it removes the resource from the
// state with a warning that fits both a configuration that still has it (the next plan creates
// it) and one that no longer does (nothing more happens). The identity is set all the same: the
// framework (v1.19) rejects a Read that returns none, even one that removes the resource.
func (r *accountObjectResource) removeGone(ctx context.Context, resp *resource.ReadResponse, id objectID) {
	resp.Diagnostics.AddWarning("Chatwoot "+titleCase(r.kind.noun)+" No Longer Exists",
		fmt.Sprintf("%s %d was not found in account %d, so %s %s is removed from the Terraform state. If the configuration "+
			"still has it, the next plan proposes to create it again; if it was removed from the configuration, nothing more "+
			"happens. If it should exist, check account_id and %s.",
			strings.ToUpper(r.kind.noun[:1])+r.kind.noun[1:], id.id, id.accountID, r.kind.resourceType(), id, r.kind.idAttr))
	resp.Diagnostics.Append(r.setIdentity(ctx, resp.Identity, id)...)
	resp.State.RemoveResource(ctx)
}

// updateGone reports an update that found the object deleted since Terraform last read it: the
// next apply's refresh removes it from the state and its plan creates it anew.
func (r *accountObjectResource) updateGone(diags *diag.Diagnostics, id objectID, err error) {
	diags.AddError("Chatwoot "+titleCase(r.kind.noun)+" No Longer Exists",
		fmt.Sprintf("%s %d was deleted from account %d after Terraform last read it, so it could not be updated. Run "+
			"terraform apply again: the refresh removes it from the state and the plan creates it anew.\n\nOriginal error: %s",
			strings.ToUpper(r.kind.noun[:1])+r.kind.noun[1:], id.id, id.accountID, err))
}

// setIdentity records the identity where the CLI supports identities (Terraform 1.12+, OpenTofu
// 1.12+); older CLIs send none and get none.
func (r *accountObjectResource) setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id objectID) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	var diags diag.Diagnostics
	diags.Append(identity.SetAttribute(ctx, path.Root("account_id"), id.accountID)...)
	diags.Append(identity.SetAttribute(ctx, path.Root(r.kind.idAttr), id.id)...)
	return diags
}

// idAttribute is the computed "id" attribute: "<account_id>/<id attribute>".
func (r *accountObjectResource) idAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "`<account_id>/<" + r.kind.idAttr + ">`, the form `terraform import` takes.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// accountIDAttribute is the "account_id" attribute; changing it replaces the object.
func (r *accountObjectResource) accountIDAttribute() schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: accountIDDescription + " Changing it replaces the resource.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
		// planAccount fills it from the provider and asks for replacement when it changes.
		PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
	}
}

// computedIDAttribute is the object's own id when Chatwoot assigns it on create ("team_id").
func computedIDAttribute(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description,
		Computed:            true,
		PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
	}
}

// parentIDAttribute is the required, replace-on-change id of an object that exists before the
// resource does (the team of chatwoot_team_members, the conversation of an assignment).
func parentIDAttribute(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description + " Changing it replaces the resource.",
		Required:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
		PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
	}
}

// readFound ends the request of a Read for the object id: when Chatwoot no longer has it, the
// resource is removed (removeGone); another error is reported as op's. It reports whether the Read
// goes on to save what it read:
//
//	bot, err := client.GetAgentBot(ctx, id.accountID, id.id)
//	if !r.readFound(ctx, resp, id, err, operation{...}) {
//		return
//	}
func (r *accountObjectResource) readFound(ctx context.Context, resp *resource.ReadResponse, id objectID, err error, op operation) bool {
	if chatwoot.IsNotFound(err) {
		r.removeGone(ctx, resp, id)
		return false
	}
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(op, err))
		return false
	}
	return true
}

// endDelete ends a Delete with the error of its request, if any: an object Chatwoot no longer
// has is as deleted as one it deletes now.
func endDelete(diags *diag.Diagnostics, err error, op operation) {
	if err != nil && !chatwoot.IsNotFound(err) {
		diags.Append(clientErrorDiagnostic(op, err))
	}
}

// changedString, changedBool and changedInt64 build the fields of an update that sends only what
// changed: the planned value when it differs from the prior one (and then *changed becomes true),
// else nil, which the request leaves out.
func changedString(plan, prior types.String, changed *bool) *string {
	if plan.Equal(prior) {
		return nil
	}
	*changed = true
	return plan.ValueStringPointer()
}

func changedBool(plan, prior types.Bool, changed *bool) *bool {
	if plan.Equal(prior) {
		return nil
	}
	*changed = true
	return plan.ValueBoolPointer()
}

func changedInt64(plan, prior types.Int64, changed *bool) *int64 {
	if plan.Equal(prior) {
		return nil
	}
	*changed = true
	return plan.ValueInt64Pointer()
}
