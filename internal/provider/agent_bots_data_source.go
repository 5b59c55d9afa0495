package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentBotsDataSource is the chatwoot_agent_bots data source.
func NewAgentBotsDataSource() datasource.DataSource {
	return &listDataSource[chatwoot.AgentBot, agentBotItemModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "agent_bots"},
		description: "Lists the agent bots an account may use: its own bots and the system (global) bots Chatwoot offers " +
			"to every account. Any member of the account may read it. Tokens are not listed; read one with the ephemeral " +
			"resource `chatwoot_agent_bot_token`.\n\n" +
			"It shares its single list call per Terraform run with `chatwoot_agent_bot`.",
		listAttr: "bots", itemsDescription: "The bots, in Chatwoot's order.",
		itemAttributes: map[string]schema.Attribute{
			"id":           computedDataInt64("The bot's id, as `chatwoot_inbox_agent_bot.agent_bot_id` takes it."),
			"name":         computedDataString("The bot's name."),
			"description":  computedDataString("The bot's description; empty when it has none."),
			"bot_type":     computedDataString("The bot's type (`webhook`)."),
			"outgoing_url": computedDataString("Where Chatwoot posts the bot's events; empty for system bots, which do not show it."),
			"system_bot":   computedDataBool("Whether the bot is a system (global) bot that belongs to no account."),
		},
		list: chatwoot.AgentBots,
		item: func(b *chatwoot.AgentBot) agentBotItemModel {
			return agentBotItemModel{
				ID: types.Int64Value(b.ID), Name: types.StringValue(b.Name), Description: types.StringValue(b.Description),
				BotType: types.StringValue(b.BotType), OutgoingURL: types.StringValue(b.OutgoingURL), SystemBot: types.BoolValue(b.SystemBot),
			}
		},
	}
}

// agentBotItemModel has no token or secret: a list should not copy credentials into the state
// (chatwoot_agent_bot_token reads a token when it is needed).
type agentBotItemModel struct {
	ID          types.Int64  `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	BotType     types.String `tfsdk:"bot_type"`
	OutgoingURL types.String `tfsdk:"outgoing_url"`
	SystemBot   types.Bool   `tfsdk:"system_bot"`
}
