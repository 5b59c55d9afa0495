package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewTeamsDataSource is the chatwoot_teams data source.
func NewTeamsDataSource() datasource.DataSource {
	return &teamsDataSource{dataSourceProviderData{typeName: "teams"}}
}

type teamsDataSource struct{ dataSourceProviderData }

type teamsDataSourceModel struct {
	AccountID types.Int64     `tfsdk:"account_id"`
	Teams     []teamItemModel `tfsdk:"teams"`
}

type teamItemModel struct {
	ID              types.Int64  `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	AllowAutoAssign types.Bool   `tfsdk:"allow_auto_assign"`
}

func (d *teamsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	item := teamAttributes()
	item["id"] = schema.Int64Attribute{MarkdownDescription: "The team's id.", Computed: true}
	item["name"] = schema.StringAttribute{MarkdownDescription: "The team's name, downcased by Chatwoot.", Computed: true}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the teams of an account, in Chatwoot's order. Any member of the account may read it.\n\n" +
			"It shares its single list call per Terraform run with `chatwoot_team` and the existence checks of " +
			"`chatwoot_conversation_assignment`.",
		Attributes: map[string]schema.Attribute{
			"account_id": dataSourceAccountIDAttribute(),
			"teams": schema.ListNestedAttribute{
				MarkdownDescription: "The teams.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: item},
			},
		},
	}
}

func (d *teamsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg teamsDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	teams, ok := listItems(ctx, &resp.Diagnostics, client, chatwoot.Teams, accountID, teamItem)
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, teamsDataSourceModel{AccountID: types.Int64Value(accountID), Teams: teams})...)
}

func teamItem(t *chatwoot.Team) teamItemModel {
	return teamItemModel{
		ID:              types.Int64Value(t.ID),
		Name:            types.StringValue(t.Name),
		Description:     types.StringValue(t.Description),
		AllowAutoAssign: types.BoolValue(t.AllowAutoAssign),
	}
}
