package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	actionschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ action.ActionWithConfigure = (*inboxResetSecretAction)(nil)

// NewInboxResetSecretAction is the action chatwoot_inbox_reset_secret.
func NewInboxResetSecretAction() action.Action { return &inboxResetSecretAction{} }

type inboxResetSecretAction struct {
	data *providerData
}

type inboxResetSecretModel struct {
	AccountID types.Int64 `tfsdk:"account_id"`
	InboxID   types.Int64 `tfsdk:"inbox_id"`
}

func (a *inboxResetSecretAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_inbox_reset_secret"
}

func (a *inboxResetSecretAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = actionschema.Schema{
		MarkdownDescription: "Gives an `api` inbox a new webhook signing `secret`; deliveries are signed with the new one at " +
			"once. `chatwoot_inbox` reads the new secret on its next refresh. Web widgets have no secret, and an inbox's " +
			"`hmac_token` cannot be rotated.\n\n" +
			"Needs Terraform 1.14 or later: `terraform apply -invoke=action.chatwoot_inbox_reset_secret.<name>`." + adminOnlyNote,
		Attributes: map[string]actionschema.Attribute{
			"account_id": actionschema.Int64Attribute{
				MarkdownDescription: accountIDDescription,
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"inbox_id": actionschema.Int64Attribute{
				MarkdownDescription: "The `api` inbox's id (`chatwoot_inbox.x.inbox_id`).",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
		},
	}
}

func (a *inboxResetSecretAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, "Action", &resp.Diagnostics)
}

func (a *inboxResetSecretAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg inboxResetSecretModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, client := botAccountAndClient(cfg.AccountID, a.data, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	inboxID := cfg.InboxID.ValueInt64()
	if _, err := client.ResetInboxSecret(ctx, accountID, inboxID); err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("resetting the secret of inbox %d", inboxID), accountID: accountID,
			notFound: fmt.Sprintf("inbox %d, or it is not an api inbox (only those have a secret)", inboxID),
		}, err))
		return
	}
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf("Inbox %d has a new webhook secret.", inboxID)})
	}
}
