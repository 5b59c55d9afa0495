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

// NewTeamDataSource is the chatwoot_team data source.
func NewTeamDataSource() datasource.DataSource {
	return &lookupDataSource[chatwoot.Team, teamDataSourceModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "team"},
		description: "Looks up one team of an account by id or by name. Any member of the account may read it.\n\n" +
			"Within one Terraform run, the account's team list is fetched once and shared by every `chatwoot_team` and " +
			"`chatwoot_teams` data source and by the existence checks of `chatwoot_conversation_assignment`.",
		attributes:    teamAttributes(),
		idDescription: "The team's id, the value `chatwoot_conversation_assignment.team_id` takes. Set exactly one of `id` and `name`.",
		keyAttr:       "name",
		keyDescription: "The team's name. Chatwoot stores team names downcased (`Sales Team` becomes `sales team`), so " +
			"the match ignores case; the attribute then holds Chatwoot's downcased name. Set exactly one of `id` and `name`.",
		find: func(ctx context.Context, diags *diag.Diagnostics, client *chatwoot.Client, accountID int64, id types.Int64, name types.String) *chatwoot.Team {
			return teamsByName.read(ctx, diags, client, accountID, id, name,
				fmt.Sprintf("Account %d has no team with id %d. Check the id, or look the team up by name instead.", accountID, id.ValueInt64()),
				fmt.Sprintf("Account %d has no team named %q (compared without regard to case, as Chatwoot stores team names "+
					"downcased). Check the name; the chatwoot_teams data source lists the account's teams.", accountID, name.ValueString()))
		},
		state: func(_ context.Context, _ *diag.Diagnostics, accountID int64, team *chatwoot.Team) teamDataSourceModel {
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
		"description": schema.StringAttribute{
			MarkdownDescription: "The team's description; empty when it has none.",
			Computed:            true,
		},
		"allow_auto_assign": schema.BoolAttribute{
			MarkdownDescription: "Whether assigning a conversation to the team lets Chatwoot pick an online member of both " +
				"the team and the conversation's inbox as the agent.",
			Computed: true,
		},
	}
}

// teamsByName looks teams up by id or name in the cached team list.
var teamsByName = namedLookup[chatwoot.Team]{
	list: chatwoot.Teams, attr: "name",
	id:  func(t *chatwoot.Team) int64 { return t.ID },
	key: func(t *chatwoot.Team) string { return t.Name },
}
