package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	actionschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	ephemeralschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// actionKit is embedded by every action, built with the action's name:
// &conversationAssignAction{actionKit{typeName: "conversation_assign"}} is chatwoot_conversation_assign.
// It supplies Metadata and Configure, and keeps what Configure handed over.
type actionKit struct {
	typeName string
	data     *providerData
}

func (a *actionKit) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + a.typeName
}

func (a *actionKit) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, "Action", &resp.Diagnostics)
}

// ephemeralKit is embedded by every ephemeral resource, as actionKit is by actions: built with
// the ephemeral resource's name, it supplies Metadata and Configure.
type ephemeralKit struct {
	typeName string
	data     *providerData
}

var _ ephemeral.EphemeralResourceWithConfigure = (*agentBotTokenEphemeral)(nil)

func (e *ephemeralKit) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + e.typeName
}

func (e *ephemeralKit) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.data = providerDataFrom(req.ProviderData, "Ephemeral Resource", &resp.Diagnostics)
}

// accountAndClient resolves an action's or ephemeral resource's account_id against the
// provider's and returns the client.
func accountAndClient(own types.Int64, data *providerData, diags *diag.Diagnostics) (int64, *chatwoot.Client) {
	if data == nil || data.client == nil {
		diags.AddError("Chatwoot Provider Not Configured",
			"The provider has no Chatwoot client. Check the provider block's base_url and api_access_token.")
		return 0, nil
	}
	accountID, _, ok := resolveAccountID(own, data)
	if !ok {
		missingAccountDiagnostic(diags)
		return 0, nil
	}
	return accountID, data.client
}

// sendProgress tells the CLI what the action did; a CLI that does not listen gets nothing.
func sendProgress(resp *action.InvokeResponse, format string, args ...any) {
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
	}
}

// actionIDAttribute is an id an action takes: a whole number of 1 or more, required or optional.
func actionIDAttribute(description string, required bool) actionschema.Int64Attribute {
	return actionschema.Int64Attribute{
		MarkdownDescription: description,
		Required:            required,
		Optional:            !required,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
}

// ephemeralIDAttribute is the required id an ephemeral resource reads the object of: a whole
// number of 1 or more.
func ephemeralIDAttribute(description string) ephemeralschema.Int64Attribute {
	return ephemeralschema.Int64Attribute{
		MarkdownDescription: description,
		Required:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
}

// objectAction is an action that sends one request about one object of the account: its schema
// is account_id and the object's id (idAttr), and send makes the call. doing, missing and done
// are formats taking the id: what was being done and which object Chatwoot did not find, for a
// failure's error, and the progress message after it succeeded.
type objectAction struct {
	actionKit
	description   string
	idAttr        string
	idDescription string
	send          func(ctx context.Context, client *chatwoot.Client, accountID, id int64) error
	doing         string
	missing       string
	done          string
}

func (a *objectAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = actionschema.Schema{
		MarkdownDescription: a.description,
		Attributes: map[string]actionschema.Attribute{
			"account_id": actionIDAttribute(accountIDDescription, false),
			a.idAttr:     actionIDAttribute(a.idDescription, true),
		},
	}
}

func (a *objectAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var own, id types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("account_id"), &own)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(a.idAttr), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, client := accountAndClient(own, a.data, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := a.send(ctx, client, accountID, id.ValueInt64()); err != nil {
		failed := operation{action: fmt.Sprintf(a.doing, id.ValueInt64()), accountID: accountID, notFound: fmt.Sprintf(a.missing, id.ValueInt64())}
		resp.Diagnostics.Append(clientErrorDiagnostic(failed, err))
		return
	}
	sendProgress(resp, a.done, id.ValueInt64())
}
