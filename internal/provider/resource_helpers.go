package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

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

// Shared by the resources, each of which is one object of one account, with the id
// "<account_id>/<object id>" and an identity of the same two parts.

// accountObjectResource is embedded by every resource: it keeps what Configure handed over and
// resolves account_id at plan time.
type accountObjectResource struct {
	data *providerData
}

func (r *accountObjectResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, "Resource", &resp.Diagnostics)
}

func (r *accountObjectResource) client(diags *diag.Diagnostics) *chatwoot.Client {
	if r.data == nil || r.data.client == nil {
		diags.AddError("Chatwoot Provider Not Configured",
			"The provider has no Chatwoot client, so it cannot change anything. Check the provider block's base_url and api_access_token.")
		return nil
	}
	return r.data.client
}

// ModifyPlan fills account_id from the provider when the configuration omits it, and replaces
// the object when the resolved account differs from the one in state.
func (r *accountObjectResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
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

// importAccountObject reads "<account_id>/<id>", "<id>" with the provider's account_id, or an
// identity, and sets id, account_id and idAttr; Read fills in the rest. It reports whether the
// import succeeded.
func (r *accountObjectResource) importAccountObject(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, idAttr string) bool {
	var accountID, id int64
	if req.ID == "" && req.Identity != nil {
		var account, object types.Int64
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root("account_id"), &account)...)
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root(idAttr), &object)...)
		if resp.Diagnostics.HasError() {
			return false
		}
		accountID, id = account.ValueInt64(), object.ValueInt64()
		if accountID < 1 || id < 1 {
			resp.Diagnostics.AddError("Invalid Import Identity",
				fmt.Sprintf("account_id and %s must be whole numbers of 1 or more; got %d and %d.", idAttr, accountID, id))
			return false
		}
	} else {
		defaultAccount := int64(0)
		if r.data != nil {
			defaultAccount = r.data.defaultAccountID
		}
		var err error
		accountID, id, err = parseAccountScopedID(req.ID, defaultAccount, idAttr)
		if err != nil {
			resp.Diagnostics.AddError("Invalid Import ID", err.Error())
			return false
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), compositeID(accountID, id))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_id"), accountID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(idAttr), id)...)
	resp.Diagnostics.Append(setAccountObjectIdentity(ctx, resp.Identity, idAttr, accountID, id)...)
	return !resp.Diagnostics.HasError()
}

func compositeIDAttribute(idAttr string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "`<account_id>/<" + idAttr + ">`, the form `terraform import` takes.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

func accountIDResourceAttribute() schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: accountIDDescription + " Changing it replaces the resource.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
		// ModifyPlan fills it from the provider and asks for replacement when it changes.
		PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
	}
}

// parentIDAttribute is the required, replace-on-change id of the object a resource hangs off.
func parentIDAttribute(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description + " Changing it replaces the resource.",
		Required:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
		PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
	}
}

func accountObjectIdentitySchema(idAttr, idDescription string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"account_id": identityschema.Int64Attribute{RequiredForImport: true, Description: "The Chatwoot account id."},
			idAttr:       identityschema.Int64Attribute{RequiredForImport: true, Description: idDescription},
		},
	}
}

// setAccountObjectIdentity records the identity where the CLI supports identities (Terraform
// 1.12+, OpenTofu 1.12+); older CLIs send none and get none.
func setAccountObjectIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, idAttr string, accountID, id int64) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	var diags diag.Diagnostics
	diags.Append(identity.SetAttribute(ctx, path.Root("account_id"), accountID)...)
	diags.Append(identity.SetAttribute(ctx, path.Root(idAttr), id)...)
	return diags
}

// removeVanished drops an object that no longer exists in Chatwoot from the state, with a
// warning, so that the next plan creates it again. The identity is set all the same: the
// framework (v1.19) rejects a Read that returns no identity even when it removes the resource.
func removeVanished(ctx context.Context, resp *resource.ReadResponse, resourceType, what, idAttr string, accountID, id int64) {
	resp.Diagnostics.AddWarning("Chatwoot Object No Longer Exists",
		fmt.Sprintf("%s was not found in account %d, so %s is removed from the state and will be created again by the next apply. "+
			"If it should exist, check account_id and the ids in the configuration.", what, accountID, resourceType))
	resp.Diagnostics.Append(setAccountObjectIdentity(ctx, resp.Identity, idAttr, accountID, id)...)
	resp.State.RemoveResource(ctx)
}

// appendClientErrorOnAttribute is clientErrorDiagnostic, attached to the attribute Chatwoot's 422
// names when it is one of attrs (its field names match the schema's), so the CLI points at it.
func appendClientErrorOnAttribute(diags *diag.Diagnostics, op operation, err error, attrs ...string) {
	d := clientErrorDiagnostic(op, err)
	var apiErr *chatwoot.APIError
	if chatwoot.IsUnprocessable(err) && errors.As(err, &apiErr) {
		for _, field := range apiErr.Attributes {
			for _, attr := range attrs {
				if field == attr {
					diags.AddAttributeError(path.Root(attr), d.Summary(), d.Detail())
					return
				}
			}
		}
	}
	diags.Append(d)
}

var nonBlank = regexp.MustCompile(`\S`)

// lowercaseStringValidator refuses values Chatwoot would store downcased, showing the form to
// write instead, so that state and Chatwoot never disagree only in case.
type lowercaseStringValidator struct {
	what string // "team names"
}

var _ validator.String = lowercaseStringValidator{}

func (v lowercaseStringValidator) Description(_ context.Context) string {
	return "must be lowercase, as Chatwoot stores " + v.what
}

func (v lowercaseStringValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v lowercaseStringValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueString()
	if lower := strings.ToLower(value); lower != value {
		resp.Diagnostics.AddAttributeError(req.Path, "Value Must Be Lowercase",
			fmt.Sprintf("Chatwoot stores %s in lowercase, so %q would be saved as %q and show as a change on every plan. "+
				"Write %q instead.", v.what, value, lower, lower))
	}
}
