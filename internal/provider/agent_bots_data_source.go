package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentBotsDataSource is the chatwoot_agent_bots data source.
func NewAgentBotsDataSource() datasource.DataSource {
	return &agentBotsDataSource{dataSourceProviderData{typeName: "agent_bots"}}
}

type agentBotsDataSource struct{ dataSourceProviderData }

type agentBotsDataSourceModel struct {
	AccountID types.Int64         `tfsdk:"account_id"`
	Bots      []agentBotItemModel `tfsdk:"bots"`
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

func (d *agentBotsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the agent bots an account may use: its own bots and the system (global) bots Chatwoot offers " +
			"to every account. Any member of the account may read it. Tokens are not listed; read one with the ephemeral " +
			"resource `chatwoot_agent_bot_token`.\n\n" +
			"It shares its single list call per Terraform run with `chatwoot_agent_bot`.",
		Attributes: map[string]schema.Attribute{
			"account_id": dataSourceAccountIDAttribute(),
			"bots": schema.ListNestedAttribute{
				MarkdownDescription: "The bots, in Chatwoot's order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id": schema.Int64Attribute{
						MarkdownDescription: "The bot's id, as `chatwoot_inbox_agent_bot.agent_bot_id` takes it.",
						Computed:            true,
					},
					"name":         computed("The bot's name."),
					"description":  computed("The bot's description; empty when it has none."),
					"bot_type":     computed("The bot's type (`webhook`)."),
					"outgoing_url": computed("Where Chatwoot posts the bot's events; empty for system bots, which do not show it."),
					"system_bot": schema.BoolAttribute{
						MarkdownDescription: "Whether the bot is a system (global) bot that belongs to no account.",
						Computed:            true,
					},
				}},
			},
		},
	}
}

func (d *agentBotsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg agentBotsDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	bots, ok := listItems(ctx, &resp.Diagnostics, client, chatwoot.AgentBots, accountID, func(b *chatwoot.AgentBot) agentBotItemModel {
		return agentBotItemModel{
			ID: types.Int64Value(b.ID), Name: types.StringValue(b.Name), Description: types.StringValue(b.Description),
			BotType: types.StringValue(b.BotType), OutgoingURL: types.StringValue(b.OutgoingURL), SystemBot: types.BoolValue(b.SystemBot),
		}
	})
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, agentBotsDataSourceModel{AccountID: types.Int64Value(accountID), Bots: bots})...)
}
