package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentsDataSource is the chatwoot_agents data source.
func NewAgentsDataSource() datasource.DataSource {
	item := agentAttributes()
	item["id"] = computedDataInt64("The agent's user id.")
	item["email"] = computedDataString("The agent's email address, downcased by Chatwoot.")
	return &listDataSource[chatwoot.Agent, agentItemModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "agents"},
		description: "Lists the agents of an account (every member, administrators included), in Chatwoot's order " +
			"(by name, ignoring case). Any member of the account may read it.\n\n" +
			"It shares its single list call per Terraform run with `chatwoot_agent` and the existence checks of " +
			"`chatwoot_conversation_assignment`.",
		listAttr: "agents", itemsDescription: "The agents.", itemAttributes: item,
		list: chatwoot.Agents, item: agentItem,
		filter: &listFilter[agentItemModel]{
			attr:        "role",
			description: "Keep only the members with this role: `agent` or `administrator`. Unset, all members are listed.",
			values:      []string{"agent", "administrator"},
			of:          func(a agentItemModel) types.String { return a.Role },
		},
	}
}

type agentItemModel struct {
	ID                 types.Int64  `tfsdk:"id"`
	Email              types.String `tfsdk:"email"`
	Name               types.String `tfsdk:"name"`
	AvailableName      types.String `tfsdk:"available_name"`
	Role               types.String `tfsdk:"role"`
	AvailabilityStatus types.String `tfsdk:"availability_status"`
	AutoOffline        types.Bool   `tfsdk:"auto_offline"`
	Confirmed          types.Bool   `tfsdk:"confirmed"`
}

func agentItem(a *chatwoot.Agent) agentItemModel {
	return agentItemModel{
		ID:                 types.Int64Value(a.ID),
		Email:              types.StringValue(a.Email),
		Name:               types.StringValue(a.Name),
		AvailableName:      types.StringValue(a.AvailableName),
		Role:               types.StringValue(a.Role),
		AvailabilityStatus: types.StringValue(a.AvailabilityStatus),
		AutoOffline:        types.BoolValue(a.AutoOffline),
		Confirmed:          types.BoolValue(a.Confirmed),
	}
}
