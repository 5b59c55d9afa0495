package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewPlatformUserTokenEphemeral is the chatwoot_platform_user_token ephemeral resource.
func NewPlatformUserTokenEphemeral() ephemeral.EphemeralResource {
	return &platformUserTokenEphemeral{ephemeralKit{typeName: "platform_user_token"}}
}

type platformUserTokenEphemeral struct{ ephemeralKit }

type platformUserTokenModel struct {
	UserID      types.Int64  `tfsdk:"user_id"`
	AccessToken types.String `tfsdk:"access_token"`
}

func (e *platformUserTokenEphemeral) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A user's Application API access token, read with the provider's `platform_token` (Terraform 1.10 " +
			"or later, OpenTofu 1.11 or later). Ephemeral: it is never stored in the state or the plan. Its use is a second " +
			"provider block that manages the routing of a new account (teams, agents, inboxes) as the account's " +
			"administrator, in the same configuration as the account:\n\n" +
			"```terraform\nprovider \"chatwoot\" {\n  alias            = \"tenant\"\n  api_access_token = ephemeral.chatwoot_platform_user_token.admin.access_token\n" +
			"  account_id       = chatwoot_platform_account.tenant.account_id\n}\n```\n\n" +
			"On the first apply the user does not exist yet, so the token (and the account id) are unknown while planning: " +
			"Terraform plans the tenant's resources with unknown values, and during the apply it reads the token once the " +
			"user exists and configures the second provider before it creates them. Give the ephemeral resource " +
			"`depends_on` the user's `chatwoot_platform_account_user`, so that the token is used only once the user is a " +
			"member, and so that destroy removes the tenant's resources before the membership.\n\n" +
			"Chatwoot hands back the user's current token; reading it does not rotate it. The Platform App must manage the user.",
		Attributes: map[string]schema.Attribute{
			"user_id": ephemeralIDAttribute("The user, such as `chatwoot_platform_user.x.user_id`."),
			"access_token": schema.StringAttribute{
				MarkdownDescription: "The user's access token, for a provider block's `api_access_token`.",
				Computed:            true,
				Sensitive:           true,
			},
		},
	}
}

func (e *platformUserTokenEphemeral) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var cfg platformUserTokenModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if e.data == nil || e.data.client == nil {
		resp.Diagnostics.AddError("Chatwoot Provider Not Configured",
			"The provider has no Chatwoot client, so it cannot read the token. Check the provider block's base_url and platform_token.")
		return
	}
	if !e.data.hasPlatformToken {
		resp.Diagnostics.Append(missingTokenError(chatwoot.TokenPlatform))
		return
	}
	userID := cfg.UserID.ValueInt64()
	token, err := e.data.client.PlatformUserToken(ctx, userID)
	if err != nil {
		resp.Diagnostics.Append(platformErrorDiagnostic(fmt.Sprintf("reading the access token of user %d", userID), err))
		return
	}
	cfg.AccessToken = types.StringValue(token)
	resp.Diagnostics.Append(resp.Result.Set(ctx, cfg)...)
}
