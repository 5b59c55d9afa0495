package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*teamsDataSource)(nil)

// NewTeamsDataSource is the chatwoot_teams data source.
func NewTeamsDataSource() datasource.DataSource {
	return &teamsDataSource{}
}

type teamsDataSource struct {
	dataSourceProviderData
}

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

func (d *teamsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_teams"
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
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, accountID, ok := d.clientAndAccount(cfg.AccountID, &resp.Diagnostics)
	if !ok {
		return
	}
	teams, err := client.CachedTeams(ctx, accountID)
	if err != nil {
		listLoadError(&resp.Diagnostics, "team", accountID, err)
		return
	}
	state := teamsDataSourceModel{AccountID: types.Int64Value(accountID), Teams: make([]teamItemModel, 0, len(teams))}
	for _, t := range teams {
		state.Teams = append(state.Teams, teamItemModel{
			ID:              types.Int64Value(t.ID),
			Name:            types.StringValue(t.Name),
			Description:     types.StringValue(t.Description),
			AllowAutoAssign: types.BoolValue(t.AllowAutoAssign),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}
