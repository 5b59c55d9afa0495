package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentBotDataSource is the chatwoot_agent_bot data source.
func NewAgentBotDataSource() datasource.DataSource {
	return &lookupDataSource[chatwoot.AgentBot, agentBotDataSourceModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "agent_bot"},
		description: "Looks up one agent bot usable in an account by id or by name: one of the account's own bots or a " +
			"system (global) bot, which Chatwoot offers to every account. Any member of the account may read it.\n\n" +
			"Within one Terraform run, the account's bot list is fetched once and shared by every `chatwoot_agent_bot` data " +
			"source and by the existence checks of `chatwoot_conversation_assignment`.",
		attributes: map[string]schema.Attribute{
			"description": computedDataString("The bot's description; empty when it has none."),
			"bot_type":    computedDataString("The bot's type, `webhook` for the bots Chatwoot's API creates."),
			"system_bot":  computedDataBool("Whether the bot is a system (global) bot that belongs to no account."),
		},
		idDescription: "The bot's id, the value `chatwoot_conversation_assignment.agent_bot_id` takes.",
		keyDescription: "The bot's name. Chatwoot does not require bot names to be unique, so an exact match wins; " +
			"without one, a match that ignores case is taken when it is the only one. Several matches are an error " +
			"that lists them with their ids.",
		lookup: namedLookup[chatwoot.AgentBot]{
			list: chatwoot.AgentBots, attr: "name",
			id:    func(b *chatwoot.AgentBot) int64 { return b.ID },
			key:   func(b *chatwoot.AgentBot) string { return b.Name },
			scope: "neither its own nor a system bot", listedBy: "chatwoot_agent_bots",
		},
		state: func(accountID int64, bot *chatwoot.AgentBot) agentBotDataSourceModel {
			return agentBotDataSourceModel{
				AccountID:   types.Int64Value(accountID),
				ID:          types.Int64Value(bot.ID),
				Name:        types.StringValue(bot.Name),
				Description: types.StringValue(bot.Description),
				BotType:     types.StringValue(bot.BotType),
				SystemBot:   types.BoolValue(bot.SystemBot || bot.AccountID == nil),
			}
		},
	}
}

type agentBotDataSourceModel struct {
	AccountID   types.Int64  `tfsdk:"account_id"`
	ID          types.Int64  `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	BotType     types.String `tfsdk:"bot_type"`
	SystemBot   types.Bool   `tfsdk:"system_bot"`
}
