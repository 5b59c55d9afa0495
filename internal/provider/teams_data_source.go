package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewTeamsDataSource is the chatwoot_teams data source.
func NewTeamsDataSource() datasource.DataSource {
	item := teamAttributes()
	item["id"] = computedDataInt64("The team's id.")
	item["name"] = computedDataString("The team's name, downcased by Chatwoot.")
	return &listDataSource[chatwoot.Team, teamItemModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "teams"},
		description: "Lists the teams of an account, in Chatwoot's order. Any member of the account may read it.\n\n" +
			"It shares its single list call per Terraform run with `chatwoot_team` and the existence checks of " +
			"`chatwoot_conversation_assignment`.",
		listAttr: "teams", itemsDescription: "The teams.", itemAttributes: item,
		list: chatwoot.Teams, item: teamItem,
	}
}

type teamItemModel struct {
	ID              types.Int64  `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	AllowAutoAssign types.Bool   `tfsdk:"allow_auto_assign"`
}

func teamItem(t *chatwoot.Team) teamItemModel {
	return teamItemModel{
		ID:              types.Int64Value(t.ID),
		Name:            types.StringValue(t.Name),
		Description:     types.StringValue(t.Description),
		AllowAutoAssign: types.BoolValue(t.AllowAutoAssign),
	}
}
