package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewInboxResetSecretAction is the action chatwoot_inbox_reset_secret.
func NewInboxResetSecretAction() action.Action {
	return &objectAction{
		actionKit: actionKit{typeName: "inbox_reset_secret"},
		description: "Gives an `api` inbox a new webhook signing `secret`; deliveries are signed with the new one at " +
			"once. `chatwoot_inbox` reads the new secret on its next refresh. Web widgets have no secret, and an inbox's " +
			"`hmac_token` cannot be rotated.\n\n" +
			"Needs Terraform 1.14 or later: `terraform apply -invoke=action.chatwoot_inbox_reset_secret.<name>`." + adminOnlyNote,
		idAttr:        "inbox_id",
		idDescription: "The `api` inbox's id (`chatwoot_inbox.x.inbox_id`).",
		send: func(ctx context.Context, client *chatwoot.Client, accountID, inboxID int64) error {
			_, err := client.ResetInboxSecret(ctx, accountID, inboxID)
			return err
		},
		doing:   "resetting the secret of inbox %d",
		missing: "inbox %d, or it is not an api inbox (only those have a secret)",
		done:    "Inbox %d has a new webhook secret.",
	}
}
