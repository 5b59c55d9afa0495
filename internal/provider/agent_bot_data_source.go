package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var _ datasource.DataSourceWithConfigValidators = (*agentBotDataSource)(nil)

// NewAgentBotDataSource is the chatwoot_agent_bot data source.
func NewAgentBotDataSource() datasource.DataSource {
	return &agentBotDataSource{dataSourceProviderData{typeName: "agent_bot"}}
}

type agentBotDataSource struct{ dataSourceProviderData }

type agentBotDataSourceModel struct {
	AccountID   types.Int64  `tfsdk:"account_id"`
	ID          types.Int64  `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	BotType     types.String `tfsdk:"bot_type"`
	SystemBot   types.Bool   `tfsdk:"system_bot"`
}

func (d *agentBotDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one agent bot usable in an account by id or by name: one of the account's own bots or a " +
			"system (global) bot, which Chatwoot offers to every account. Any member of the account may read it.\n\n" +
			"Within one Terraform run, the account's bot list is fetched once and shared by every `chatwoot_agent_bot` data " +
			"source and by the existence checks of `chatwoot_conversation_assignment`.",
		Attributes: map[string]schema.Attribute{
			"account_id": dataSourceAccountIDAttribute(),
			"id": lookupIDAttribute("The bot's id, the value `chatwoot_conversation_assignment.agent_bot_id` takes. " +
				"Set exactly one of `id` and `name`."),
			"name": lookupKeyAttribute("The bot's name. Chatwoot does not require bot names to be unique, so an exact match wins; " +
				"without one, a match that ignores case is taken when it is the only one. Several matches are an error " +
				"that lists them with their ids. Set exactly one of `id` and `name`."),
			"description": schema.StringAttribute{
				MarkdownDescription: "The bot's description; empty when it has none.",
				Computed:            true,
			},
			"bot_type": schema.StringAttribute{
				MarkdownDescription: "The bot's type, `webhook` for the bots Chatwoot's API creates.",
				Computed:            true,
			},
			"system_bot": schema.BoolAttribute{
				MarkdownDescription: "Whether the bot is a system (global) bot that belongs to no account.",
				Computed:            true,
			},
		},
	}
}

func (d *agentBotDataSource) ConfigValidators(_ context.Context) []datasource.ConfigValidator {
	return lookupValidators("name")
}

func (d *agentBotDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg agentBotDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}

	bot := agentBotsByName.read(ctx, &resp.Diagnostics, client, accountID, cfg.ID, cfg.Name,
		fmt.Sprintf("Account %d has no agent bot with id %d, neither its own nor a system bot. Check the id, or look the bot up by name instead.",
			accountID, cfg.ID.ValueInt64()),
		fmt.Sprintf("Account %d has no agent bot named %q, neither its own nor a system bot.", accountID, cfg.Name.ValueString()))
	if bot == nil {
		return
	}

	resp.Diagnostics.Append(resp.State.Set(ctx, agentBotDataSourceModel{
		AccountID:   types.Int64Value(accountID),
		ID:          types.Int64Value(bot.ID),
		Name:        types.StringValue(bot.Name),
		Description: types.StringValue(bot.Description),
		BotType:     types.StringValue(bot.BotType),
		SystemBot:   types.BoolValue(bot.SystemBot || bot.AccountID == nil),
	})...)
}

// agentBotsByName looks bots up by id or name in the cached list of the bots an account may use.
var agentBotsByName = namedLookup[chatwoot.AgentBot]{
	list: chatwoot.AgentBots, attr: "name",
	id:  func(b *chatwoot.AgentBot) int64 { return b.ID },
	key: func(b *chatwoot.AgentBot) string { return b.Name },
}
