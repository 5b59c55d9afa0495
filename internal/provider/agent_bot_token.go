package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	ephemeralschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// An agent bot's access token is a credential: chatwoot_agent_bot keeps it out of the state, the
// ephemeral resource here reads it when a configuration hands it on (to a secret store, a bot's
// runtime), and the action rotates it.

// NewAgentBotTokenEphemeralResource is the ephemeral resource chatwoot_agent_bot_token.
func NewAgentBotTokenEphemeralResource() ephemeral.EphemeralResource {
	return &agentBotTokenEphemeral{ephemeralKit{typeName: "agent_bot_token"}}
}

type agentBotTokenEphemeral struct{ ephemeralKit }

type agentBotTokenModel struct {
	AccountID   types.Int64  `tfsdk:"account_id"`
	BotID       types.Int64  `tfsdk:"bot_id"`
	AccessToken types.String `tfsdk:"access_token"`
	Secret      types.String `tfsdk:"secret"`
}

func (e *agentBotTokenEphemeral) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = ephemeralschema.Schema{
		MarkdownDescription: "The access token (and webhook signing secret) of an account's agent bot, read when Terraform " +
			"needs it and never written to the plan or the state. Pass it to something that keeps secrets, such as a secret " +
			"manager's ephemeral or write-only arguments, for the bot's runtime to use.\n\n" +
			"Needs Terraform 1.10 or OpenTofu 1.11 or later. Chatwoot 4.16 and later show the token to administrators only; " +
			"rotate it with the action `chatwoot_agent_bot_reset_token`.",
		Attributes: map[string]ephemeralschema.Attribute{
			"account_id": ephemeralschema.Int64Attribute{
				MarkdownDescription: accountIDDescription,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"bot_id": ephemeralIDAttribute("The bot's id (`chatwoot_agent_bot.x.bot_id`). Global bots have no token here."),
			"access_token": ephemeralschema.StringAttribute{
				MarkdownDescription: "The bot's access token, for Chatwoot's API as the bot.",
				Computed:            true,
				Sensitive:           true,
			},
			"secret": ephemeralschema.StringAttribute{
				MarkdownDescription: "The secret that signs Chatwoot's deliveries to the bot's `outgoing_url`.",
				Computed:            true,
				Sensitive:           true,
			},
		},
	}
}

func (e *agentBotTokenEphemeral) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var cfg agentBotTokenModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, client := accountAndClient(cfg.AccountID, e.data, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	botID := cfg.BotID.ValueInt64()
	bot, err := client.GetAgentBot(ctx, accountID, botID)
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("reading the token of agent bot %d", botID), accountID: accountID, notFound: fmt.Sprintf("agent bot %d", botID),
		}, err))
		return
	}
	if bot.AccessToken == "" {
		resp.Diagnostics.AddError("Agent Bot Token Not Shown",
			fmt.Sprintf("Chatwoot did not show the access token of agent bot %d in account %d. Global (system) bots have none "+
				"here, and Chatwoot 4.16 and later show tokens to administrators only: use an administrator's access token.", botID, accountID))
		return
	}
	cfg.AccountID = types.Int64Value(accountID)
	cfg.AccessToken = types.StringValue(bot.AccessToken)
	cfg.Secret = types.StringValue(bot.Secret)
	resp.Diagnostics.Append(resp.Result.Set(ctx, cfg)...)
}

// NewAgentBotResetTokenAction is the action chatwoot_agent_bot_reset_token.
func NewAgentBotResetTokenAction() action.Action {
	return &objectAction{
		actionKit: actionKit{typeName: "agent_bot_reset_token"},
		description: "Gives an account's agent bot a new access token; the old one stops working at once. The new " +
			"token is not shown: read it with the ephemeral resource `chatwoot_agent_bot_token`.\n\n" +
			"Needs Terraform 1.14 or later. Run it with `terraform apply -invoke=action.chatwoot_agent_bot_reset_token.<name>`, " +
			"or from a resource's `action_trigger`." + adminOnlyNote,
		idAttr:        "bot_id",
		idDescription: "The bot's id (`chatwoot_agent_bot.x.bot_id`); global bots cannot be reset.",
		send: func(ctx context.Context, client *chatwoot.Client, accountID, botID int64) error {
			_, err := client.ResetAgentBotAccessToken(ctx, accountID, botID)
			return err
		},
		doing:   "resetting the access token of agent bot %d",
		missing: "agent bot %d (global bots cannot be reset)",
		done:    "Agent bot %d has a new access token.",
	}
}
