package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Platform resources (chatwoot_platform_*) manage what a Platform App owns: accounts, users and
// memberships. They are not objects of one account, so they do not embed the account kit; this
// file gives them the same steps in small typed helpers: begin (timeout and client), save (state
// and identity), removeGone (the kit's warning, worded for a platform object), and diagnostics.

// Diagnostics shared with diagnostics.go.
const (
	nonPermissibleSummary = "Chatwoot Platform App May Not Manage This Object"
	nonPermissibleAdvice  = "Chatwoot answered \"Non permissible resource\": a Platform App may manage only the accounts and users " +
		"it created itself through the Platform API. Accounts and users made in the Super Admin console, by sign-up, or by " +
		"another Platform App are refused, and Chatwoot offers no way to grant the right afterwards. Use the token of the " +
		"Platform App that created the object, or create the object with this provider. A user becomes manageable only when " +
		"this Platform App creates a user with the same e-mail, which Chatwoot answers with the existing user."
)

// missingTokenDiagnostic explains a request the client did not send because its token is not
// configured: which token, and how to set it.
func missingTokenDiagnostic(err error) (diag.Diagnostic, bool) {
	kind, ok := chatwoot.MissingTokenOf(err)
	if !ok {
		return nil, false
	}
	return missingTokenError(kind), true
}

func missingTokenError(kind chatwoot.TokenKind) diag.Diagnostic {
	if kind == chatwoot.TokenPlatform {
		return diag.NewErrorDiagnostic("Missing Chatwoot Platform Token",
			"The chatwoot_platform_* resources use Chatwoot's Platform API, which needs a Platform App's access token. Set "+
				"platform_token in the provider block, or set the "+EnvPlatformToken+" environment variable. A Chatwoot super "+
				"admin creates a Platform App in the Super Admin console (Platform Apps) and copies its access token.")
	}
	return diag.NewErrorDiagnostic("Missing Chatwoot API Access Token",
		"The resources and data sources of an account use Chatwoot's Application API, which needs a user's access token. Set "+
			"api_access_token in the provider block, or set the "+EnvAPIAccessToken+" environment variable. The token is shown "+
			"in Chatwoot under Profile Settings → Access Token.")
}

// platformErrorDiagnostic is clientErrorDiagnostic for a Platform API request: the same summaries,
// with the advice that fits a Platform App's token and objects outside any account.
func platformErrorDiagnostic(action string, err error) diag.Diagnostic {
	if d, ok := missingTokenDiagnostic(err); ok {
		return d
	}
	var apiErr *chatwoot.APIError
	if errors.As(err, &apiErr) {
		switch {
		case apiErr.StatusCode == http.StatusUnauthorized && apiErr.Auth == chatwoot.AuthNonPermissible:
			return diag.NewErrorDiagnostic(nonPermissibleSummary,
				fmt.Sprintf("Chatwoot refused %s. %s\n\nOriginal error: %s", action, nonPermissibleAdvice, err))
		case apiErr.StatusCode == http.StatusUnauthorized && (apiErr.Auth == chatwoot.AuthTokenInvalid || apiErr.Auth == chatwoot.AuthTokenMissing):
			return diag.NewErrorDiagnostic("Invalid Chatwoot Platform Token",
				fmt.Sprintf("Chatwoot refused %s: it does not know the platform token. Check platform_token (or %s): it is the "+
					"access token of a Platform App, shown in the Super Admin console under Platform Apps, not a user's token."+
					"\n\nOriginal error: %s", action, EnvPlatformToken, err))
		case apiErr.StatusCode == http.StatusNotFound:
			return diag.NewErrorDiagnostic("Chatwoot Object Not Found",
				fmt.Sprintf("Chatwoot has no such object for %s. Check the ids in the configuration.\n\nOriginal error: %s", action, err))
		}
	}
	return clientErrorDiagnostic(operation{action: action}, err)
}

// appendPlatformErrorOnAttribute is platformErrorDiagnostic attached to the attribute a 422 names.
func appendPlatformErrorOnAttribute(diags *diag.Diagnostics, action string, err error, attrs ...string) {
	d := platformErrorDiagnostic(action, err)
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

// platformObject is embedded by the platform resources: Configure, the client (which must hold
// a platform token), the operation timeout, and the ending of each operation.
type platformObject struct {
	typeName string // "platform_account"
	noun     string // "account", in messages
	data     *providerData
}

func (r *platformObject) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.typeName
}

func (r *platformObject) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, "Resource", &resp.Diagnostics)
}

// client is the configured client, or nil after adding an error: also when it has no platform
// token, so that nothing is sent.
func (r *platformObject) client(diags *diag.Diagnostics) *chatwoot.Client {
	if r.data == nil || r.data.client == nil {
		diags.AddError("Chatwoot Provider Not Configured",
			"The provider has no Chatwoot client, so it cannot change anything. Check the provider block's base_url and platform_token.")
		return nil
	}
	if !r.data.hasPlatformToken {
		diags.Append(missingTokenError(chatwoot.TokenPlatform))
		return nil
	}
	return r.data.client
}

// checkPlatformToken fails a plan early when the provider is configured without a platform token.
func (r *platformObject) checkPlatformToken(diags *diag.Diagnostics) {
	if r.data != nil && r.data.client != nil && !r.data.hasPlatformToken {
		diags.Append(missingTokenError(chatwoot.TokenPlatform))
	}
}

// begin is the kit's begin for a platform object: ctx bounded by the timeouts block, and the client.
func (r *platformObject) begin(ctx context.Context, timeout func(context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	diags *diag.Diagnostics) (context.Context, context.CancelFunc, *chatwoot.Client) {
	d, tdiags := timeout(ctx, defaultOperationTimeout)
	diags.Append(tdiags...)
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, cancel, r.client(diags)
}

// platformIdentity is one identity attribute and its value.
type platformIdentity struct {
	attr  string
	value int64
}

// save stores state (a pointer to the model; the timeouts block comes from the request) and the
// identity, as the kit's save does.
func (r *platformObject) save(ctx context.Context, to saveTarget, state resourceModel, identity ...platformIdentity) {
	to.setState(ctx, state)
	to.diags.Append(setPlatformIdentity(ctx, to.identity, identity)...)
}

// importByID is the import of a platform object that one id names (idAttr: "account_id",
// "user_id"): "<id>" or an identity. It sets id, idAttr and the identity; Read fills in the rest.
// example is an id for the error message ("3").
func (r *platformObject) importByID(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, idAttr, example string) {
	var id int64
	if req.ID == "" && req.Identity != nil {
		var v types.Int64
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root(idAttr), &v)...)
		id = v.ValueInt64()
	} else {
		var err error
		if id, err = parsePositiveID(req.ID); err != nil {
			resp.Diagnostics.AddError("Invalid Import ID", fmt.Sprintf("Expected the %s id, a whole number of 1 or more, such as \"%s\": %s.", r.noun, example, err))
			return
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if id < 1 {
		resp.Diagnostics.AddError("Invalid Import Identity", fmt.Sprintf("%s must be a whole number of 1 or more; got %d.", idAttr, id))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.FormatInt(id, 10))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(idAttr), id)...)
	resp.Diagnostics.Append(setPlatformIdentity(ctx, resp.Identity, []platformIdentity{{idAttr, id}})...)
}

// idIdentitySchema is the identity of a platform object that one id names.
func idIdentitySchema(idAttr, description string) identityschema.Schema {
	return identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		idAttr: identityschema.Int64Attribute{RequiredForImport: true, Description: description},
	}}
}

func setPlatformIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, ids []platformIdentity) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	var diags diag.Diagnostics
	for _, id := range ids {
		diags.Append(identity.SetAttribute(ctx, path.Root(id.attr), id.value)...)
	}
	return diags
}

// removeGone ends a Read whose object Chatwoot no longer has, with the kit's warning.
func (r *platformObject) removeGone(ctx context.Context, resp *resource.ReadResponse, what string, identity ...platformIdentity) {
	resp.Diagnostics.AddWarning("Chatwoot "+titleCase(r.noun)+" No Longer Exists",
		fmt.Sprintf("%s was not found, so chatwoot_%s is removed from the Terraform state. If the configuration still has it, "+
			"the next plan proposes to create it again; if it was removed from the configuration, nothing more happens.",
			what, r.typeName))
	resp.Diagnostics.Append(setPlatformIdentity(ctx, resp.Identity, identity)...)
	resp.State.RemoveResource(ctx)
}

// ---- JSON-valued attributes ----

// jsonObjectValidator accepts a JSON object (the output of jsonencode({...})).
var jsonObjectValidator = stringCheck{
	description: "must be a JSON object, such as jsonencode({ plan = \"gold\" })",
	check: func(value string, req validator.StringRequest, resp *validator.StringResponse) {
		if _, err := decodeJSONObject(value); err != nil {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid JSON Object",
				fmt.Sprintf("%s must be a JSON object, written with jsonencode({ ... }).\n\nOriginal error: %s", req.Path, err))
		}
	},
}

func decodeJSONObject(s string) (map[string]any, error) {
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, errors.New("null is not an object")
	}
	return m, nil
}

// jsonObjectState is the state value of a JSON object attribute: the prior string when it means
// the same object (so that jsonencode's formatting is not drift), otherwise a canonical encoding.
func jsonObjectState(prior types.String, read map[string]any) types.String {
	if read == nil {
		read = map[string]any{}
	}
	if !prior.IsNull() && !prior.IsUnknown() {
		if m, err := decodeJSONObject(prior.ValueString()); err == nil && jsonEqual(m, read) {
			return prior
		}
	}
	b, err := json.Marshal(read)
	if err != nil {
		return types.StringValue("{}")
	}
	return types.StringValue(string(b))
}

// jsonEqual compares decoded JSON values; numbers compare by value.
func jsonEqual(a, b any) bool {
	ab, err1 := json.Marshal(a)
	bb, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		return false
	}
	var x, y any
	if json.Unmarshal(ab, &x) != nil || json.Unmarshal(bb, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

// boolMap is a map(bool) attribute as Go; nil when null.
func boolMap(ctx context.Context, m types.Map, diags *diag.Diagnostics) (map[string]bool, bool) {
	if m.IsNull() || m.IsUnknown() {
		return nil, true
	}
	out := map[string]bool{}
	d := m.ElementsAs(ctx, &out, false)
	diags.Append(d...)
	return out, !d.HasError()
}

// numberMap is a map(number) attribute as a JSON object; nil when null.
func numberMap(ctx context.Context, m types.Map, diags *diag.Diagnostics) (map[string]any, bool) {
	if m.IsNull() || m.IsUnknown() {
		return nil, true
	}
	var floats map[string]float64
	d := m.ElementsAs(ctx, &floats, false)
	diags.Append(d...)
	out := make(map[string]any, len(floats))
	for k, v := range floats {
		out[k] = v
	}
	return out, !d.HasError()
}

// jsonObjectOf decodes a JSON object attribute; nil when null.
func jsonObjectOf(s types.String, diags *diag.Diagnostics) (map[string]any, bool) {
	if s.IsNull() || s.IsUnknown() {
		return nil, true
	}
	m, err := decodeJSONObject(s.ValueString())
	if err != nil {
		diags.AddError("Invalid JSON Object", "custom_attributes must be a JSON object, written with jsonencode({ ... }).\n\nOriginal error: "+err.Error())
		return nil, false
	}
	return m, true
}
