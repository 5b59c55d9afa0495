package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentDataSource is the chatwoot_agent data source.
func NewAgentDataSource() datasource.DataSource {
	return &lookupDataSource[chatwoot.Agent, agentDataSourceModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "agent"},
		description: "Looks up one agent (a member of the account, administrators included) by user id or by email, " +
			"so that configurations never copy numeric ids out of the Chatwoot UI.\n\n" +
			"Any member of the account may read it. Within one Terraform run, the account's agent list is fetched once and " +
			"shared by every `chatwoot_agent` and `chatwoot_agents` data source and by the existence checks of " +
			"`chatwoot_conversation_assignment`.",
		attributes: agentAttributes(),
		idDescription: "The agent's user id, the value `chatwoot_conversation_assignment.assignee_id` takes. " +
			"Set exactly one of `id` and `email`.",
		keyAttr: "email",
		keyDescription: "The agent's email address. Chatwoot stores emails downcased, so the match ignores case. " +
			"Set exactly one of `id` and `email`.",
		find: func(ctx context.Context, diags *diag.Diagnostics, client *chatwoot.Client, accountID int64, id types.Int64, email types.String) *chatwoot.Agent {
			return agentsByEmail.read(ctx, diags, client, accountID, id, email,
				fmt.Sprintf("Account %d has no agent with user id %d. Check the id, or look the agent up by email instead.", accountID, id.ValueInt64()),
				fmt.Sprintf("Account %d has no agent with email %q (compared without regard to case). Check the address, and that "+
					"the user has been added to this account.", accountID, email.ValueString()))
		},
		state: func(_ context.Context, _ *diag.Diagnostics, accountID int64, agent *chatwoot.Agent) agentDataSourceModel {
			return agentDataSourceModel{AccountID: types.Int64Value(accountID), agentItemModel: agentItem(agent)}
		},
	}
}

type agentDataSourceModel struct {
	AccountID types.Int64 `tfsdk:"account_id"`
	agentItemModel
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

// agentsByEmail looks agents up by user id or email in the cached agent list.
var agentsByEmail = namedLookup[chatwoot.Agent]{
	list: chatwoot.Agents, attr: "email",
	id:  func(a *chatwoot.Agent) int64 { return a.ID },
	key: func(a *chatwoot.Agent) string { return a.Email },
}
