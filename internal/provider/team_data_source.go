package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewTeamDataSource is the chatwoot_team data source.
func NewTeamDataSource() datasource.DataSource {
	return &lookupDataSource[chatwoot.Team, teamDataSourceModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "team"},
		description: "Looks up one team of an account by id or by name. Any member of the account may read it.\n\n" +
			"Within one Terraform run, the account's team list is fetched once and shared by every `chatwoot_team` and " +
			"`chatwoot_teams` data source and by the existence checks of `chatwoot_conversation_assignment`.",
		attributes:    teamAttributes(),
		idDescription: "The team's id, the value `chatwoot_conversation_assignment.team_id` takes.",
		keyDescription: "The team's name. Chatwoot stores team names downcased (`Sales Team` becomes `sales team`), so " +
			"the match ignores case; the attribute then holds Chatwoot's downcased name.",
		lookup: namedLookup[chatwoot.Team]{
			list: chatwoot.Teams, attr: "name", listedBy: "chatwoot_teams",
			id:  func(t *chatwoot.Team) int64 { return t.ID },
			key: func(t *chatwoot.Team) string { return t.Name },
		},
		state: func(accountID int64, team *chatwoot.Team) teamDataSourceModel {
			return teamDataSourceModel{AccountID: types.Int64Value(accountID), teamItemModel: teamItem(team)}
		},
	}
}

type teamDataSourceModel struct {
	AccountID types.Int64 `tfsdk:"account_id"`
	teamItemModel
}

// teamAttributes are the computed attributes of a team, shared with chatwoot_teams.
func teamAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"description": computedDataString("The team's description; empty when it has none."),
		"allow_auto_assign": computedDataBool("Whether assigning a conversation to the team lets Chatwoot pick an online member of both " +
			"the team and the conversation's inbox as the agent."),
	}
}
