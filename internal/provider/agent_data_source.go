package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
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
		attributes:     agentAttributes(),
		idDescription:  "The agent's user id, the value `chatwoot_conversation_assignment.assignee_id` takes.",
		keyDescription: "The agent's email address. Chatwoot stores emails downcased, so the match ignores case.",
		lookup: namedLookup[chatwoot.Agent]{
			list: chatwoot.Agents, attr: "email",
			id:     func(a *chatwoot.Agent) int64 { return a.ID },
			key:    func(a *chatwoot.Agent) string { return a.Email },
			idName: "user id", check: "the address, and that the user has been added to this account", listedBy: "chatwoot_agents",
		},
		state: func(accountID int64, agent *chatwoot.Agent) agentDataSourceModel {
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
		"name":           computedDataString("The agent's full name."),
		"available_name": computedDataString("The name shown to customers: the display name if the agent set one, otherwise `name`."),
		"role":           computedDataString("The agent's role in the account: `agent` or `administrator`."),
		"availability_status": computedDataString("The agent's effective availability: `online`, `busy` or `offline`. When `auto_offline` is " +
			"true and the agent has no open Chatwoot session, Chatwoot reports `offline` whatever the agent chose."),
		"auto_offline": computedDataBool("Whether Chatwoot marks the agent offline when they close the app. Only agents with " +
			"`auto_offline = false` and `availability_status = \"online\"` are picked by auto-assignment through the API."),
		"confirmed": computedDataBool("Whether the agent has confirmed their email address. Automation rules assign only confirmed agents."),
	}
}
