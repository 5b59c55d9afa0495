package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var _ datasource.DataSourceWithConfigValidators = (*teamDataSource)(nil)

// NewTeamDataSource is the chatwoot_team data source.
func NewTeamDataSource() datasource.DataSource {
	return &teamDataSource{dataSourceProviderData{typeName: "team"}}
}

type teamDataSource struct{ dataSourceProviderData }

type teamDataSourceModel struct {
	AccountID       types.Int64  `tfsdk:"account_id"`
	ID              types.Int64  `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	AllowAutoAssign types.Bool   `tfsdk:"allow_auto_assign"`
}

func (d *teamDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := teamAttributes()
	attrs["account_id"] = dataSourceAccountIDAttribute()
	attrs["id"] = lookupIDAttribute("The team's id, the value `chatwoot_conversation_assignment.team_id` takes. Set exactly one of `id` and `name`.")
	attrs["name"] = lookupKeyAttribute("The team's name. Chatwoot stores team names downcased (`Sales Team` becomes `sales team`), so " +
		"the match ignores case; the attribute then holds Chatwoot's downcased name. Set exactly one of `id` and `name`.")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one team of an account by id or by name. Any member of the account may read it.\n\n" +
			"Within one Terraform run, the account's team list is fetched once and shared by every `chatwoot_team` and " +
			"`chatwoot_teams` data source and by the existence checks of `chatwoot_conversation_assignment`.",
		Attributes: attrs,
	}
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

func (d *teamDataSource) ConfigValidators(_ context.Context) []datasource.ConfigValidator {
	return lookupValidators("name")
}

func (d *teamDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg teamDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}

	team := teamsByName.read(ctx, &resp.Diagnostics, client, accountID, cfg.ID, cfg.Name,
		fmt.Sprintf("Account %d has no team with id %d. Check the id, or look the team up by name instead.", accountID, cfg.ID.ValueInt64()),
		fmt.Sprintf("Account %d has no team named %q (compared without regard to case, as Chatwoot stores team names "+
			"downcased). Check the name; the chatwoot_teams data source lists the account's teams.", accountID, cfg.Name.ValueString()))
	if team == nil {
		return
	}

	resp.Diagnostics.Append(resp.State.Set(ctx, teamDataSourceModel{
		AccountID:       types.Int64Value(accountID),
		ID:              types.Int64Value(team.ID),
		Name:            types.StringValue(team.Name),
		Description:     types.StringValue(team.Description),
		AllowAutoAssign: types.BoolValue(team.AllowAutoAssign),
	})...)
}

// teamsByName looks teams up by id or name in the cached team list.
var teamsByName = namedLookup[chatwoot.Team]{
	list: chatwoot.Teams, attr: "name",
	id:  func(t *chatwoot.Team) int64 { return t.ID },
	key: func(t *chatwoot.Team) string { return t.Name },
}
