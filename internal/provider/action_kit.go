package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	actionschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// actionKit is embedded by every action, built with the action's name:
// &inboxResetSecretAction{actionKit{typeName: "inbox_reset_secret"}} is chatwoot_inbox_reset_secret.
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

// readConfig reads the action's configuration into cfg and returns the account to act in (own,
// cfg's account_id field, else the provider's) and the client. ok is false after adding an error.
func (a *actionKit) readConfig(ctx context.Context, req action.InvokeRequest, diags *diag.Diagnostics, cfg any, own *types.Int64) (accountID int64, client *chatwoot.Client, ok bool) {
	diags.Append(req.Config.Get(ctx, cfg)...)
	if diags.HasError() {
		return 0, nil, false
	}
	accountID, client = botAccountAndClient(*own, a.data, diags)
	return accountID, client, !diags.HasError()
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
