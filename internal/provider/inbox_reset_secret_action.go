package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	actionschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// NewInboxResetSecretAction is the action chatwoot_inbox_reset_secret.
func NewInboxResetSecretAction() action.Action {
	return &inboxResetSecretAction{actionKit{typeName: "inbox_reset_secret"}}
}

type inboxResetSecretAction struct{ actionKit }

type inboxResetSecretModel struct {
	AccountID types.Int64 `tfsdk:"account_id"`
	InboxID   types.Int64 `tfsdk:"inbox_id"`
}

func (a *inboxResetSecretAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = actionschema.Schema{
		MarkdownDescription: "Gives an `api` inbox a new webhook signing `secret`; deliveries are signed with the new one at " +
			"once. `chatwoot_inbox` reads the new secret on its next refresh. Web widgets have no secret, and an inbox's " +
			"`hmac_token` cannot be rotated.\n\n" +
			"Needs Terraform 1.14 or later: `terraform apply -invoke=action.chatwoot_inbox_reset_secret.<name>`." + adminOnlyNote,
		Attributes: map[string]actionschema.Attribute{
			"account_id": actionIDAttribute(accountIDDescription, false),
			"inbox_id":   actionIDAttribute("The `api` inbox's id (`chatwoot_inbox.x.inbox_id`).", true),
		},
	}
}

func (a *inboxResetSecretAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg inboxResetSecretModel
	accountID, client, ok := a.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
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
	sendProgress(resp, "Inbox %d has a new webhook secret.", inboxID)
}
