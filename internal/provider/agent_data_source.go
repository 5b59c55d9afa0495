package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var _ datasource.DataSourceWithConfigValidators = (*agentDataSource)(nil)

// NewAgentDataSource is the chatwoot_agent data source.
func NewAgentDataSource() datasource.DataSource {
	return &agentDataSource{dataSourceProviderData{typeName: "agent"}}
}

type agentDataSource struct{ dataSourceProviderData }

type agentDataSourceModel struct {
	AccountID          types.Int64  `tfsdk:"account_id"`
	ID                 types.Int64  `tfsdk:"id"`
	Email              types.String `tfsdk:"email"`
	Name               types.String `tfsdk:"name"`
	AvailableName      types.String `tfsdk:"available_name"`
	Role               types.String `tfsdk:"role"`
	AvailabilityStatus types.String `tfsdk:"availability_status"`
	AutoOffline        types.Bool   `tfsdk:"auto_offline"`
	Confirmed          types.Bool   `tfsdk:"confirmed"`
}

func (d *agentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := agentAttributes()
	attrs["account_id"] = dataSourceAccountIDAttribute()
	attrs["id"] = lookupIDAttribute("The agent's user id, the value `chatwoot_conversation_assignment.assignee_id` takes. " +
		"Set exactly one of `id` and `email`.")
	attrs["email"] = lookupKeyAttribute("The agent's email address. Chatwoot stores emails downcased, so the match ignores case. " +
		"Set exactly one of `id` and `email`.")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one agent (a member of the account, administrators included) by user id or by email, " +
			"so that configurations never copy numeric ids out of the Chatwoot UI.\n\n" +
			"Any member of the account may read it. Within one Terraform run, the account's agent list is fetched once and " +
			"shared by every `chatwoot_agent` and `chatwoot_agents` data source and by the existence checks of " +
			"`chatwoot_conversation_assignment`.",
		Attributes: attrs,
	}
}

// agentAttributes are the computed attributes of an agent, shared with chatwoot_agents.
func agentAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"name": schema.StringAttribute{
			MarkdownDescription: "The agent's full name.",
			Computed:            true,
		},
		"available_name": schema.StringAttribute{
			MarkdownDescription: "The name shown to customers: the display name if the agent set one, otherwise `name`.",
			Computed:            true,
		},
		"role": schema.StringAttribute{
			MarkdownDescription: "The agent's role in the account: `agent` or `administrator`.",
			Computed:            true,
		},
		"availability_status": schema.StringAttribute{
			MarkdownDescription: "The agent's effective availability: `online`, `busy` or `offline`. When `auto_offline` is " +
				"true and the agent has no open Chatwoot session, Chatwoot reports `offline` whatever the agent chose.",
			Computed: true,
		},
		"auto_offline": schema.BoolAttribute{
			MarkdownDescription: "Whether Chatwoot marks the agent offline when they close the app. Only agents with " +
				"`auto_offline = false` and `availability_status = \"online\"` are picked by auto-assignment through the API.",
			Computed: true,
		},
		"confirmed": schema.BoolAttribute{
			MarkdownDescription: "Whether the agent has confirmed their email address. Automation rules assign only confirmed agents.",
			Computed:            true,
		},
	}
}

func (d *agentDataSource) ConfigValidators(_ context.Context) []datasource.ConfigValidator {
	return lookupValidators("email")
}

func (d *agentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg agentDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}

	agent := agentsByEmail.read(ctx, &resp.Diagnostics, client, accountID, cfg.ID, cfg.Email,
		fmt.Sprintf("Account %d has no agent with user id %d. Check the id, or look the agent up by email instead.", accountID, cfg.ID.ValueInt64()),
		fmt.Sprintf("Account %d has no agent with email %q (compared without regard to case). Check the address, and that "+
			"the user has been added to this account.", accountID, cfg.Email.ValueString()))
	if agent == nil {
		return
	}

	state := agentDataSourceModel{
		AccountID:          types.Int64Value(accountID),
		ID:                 types.Int64Value(agent.ID),
		Email:              types.StringValue(agent.Email),
		Name:               types.StringValue(agent.Name),
		AvailableName:      types.StringValue(agent.AvailableName),
		Role:               types.StringValue(agent.Role),
		AvailabilityStatus: types.StringValue(agent.AvailabilityStatus),
		AutoOffline:        types.BoolValue(agent.AutoOffline),
		Confirmed:          types.BoolValue(agent.Confirmed),
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// agentsByEmail looks agents up by user id or email in the cached agent list.
var agentsByEmail = namedLookup[chatwoot.Agent]{
	list: chatwoot.Agents, attr: "email",
	id:  func(a *chatwoot.Agent) int64 { return a.ID },
	key: func(a *chatwoot.Agent) string { return a.Email },
}
