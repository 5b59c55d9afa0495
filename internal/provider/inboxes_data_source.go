package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewInboxesDataSource is the chatwoot_inboxes data source.
func NewInboxesDataSource() datasource.DataSource {
	return &inboxesDataSource{dataSourceProviderData{typeName: "inboxes"}}
}

type inboxesDataSource struct{ dataSourceProviderData }

type inboxesDataSourceModel struct {
	AccountID types.Int64      `tfsdk:"account_id"`
	Inboxes   []inboxItemModel `tfsdk:"inboxes"`
}

type inboxItemModel struct {
	ID                   types.Int64                `tfsdk:"id"`
	Name                 types.String               `tfsdk:"name"`
	ChannelType          types.String               `tfsdk:"channel_type"`
	EnableAutoAssignment types.Bool                 `tfsdk:"enable_auto_assignment"`
	AutoAssignmentConfig *autoAssignmentConfigModel `tfsdk:"auto_assignment_config"`
	inboxDetailsModel
}

func (d *inboxesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	item := inboxAttributes()
	item["id"] = schema.Int64Attribute{MarkdownDescription: "The inbox's id.", Computed: true}
	item["name"] = schema.StringAttribute{MarkdownDescription: "The inbox's name.", Computed: true}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the inboxes of an account that the token may see, in Chatwoot's order (by name, ignoring case).\n\n" +
			"~> **Visibility:** " + inboxVisibilityNote + " With an agent's token this data source lists only those.\n\n" +
			"It shares its single list call per Terraform run with `chatwoot_inbox`.",
		Attributes: map[string]schema.Attribute{
			"account_id": dataSourceAccountIDAttribute(),
			"inboxes": schema.ListNestedAttribute{
				MarkdownDescription: "The inboxes the token may see.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: item},
			},
		},
	}
}

func (d *inboxesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg inboxesDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	inboxes, ok := listItems(ctx, &resp.Diagnostics, client, chatwoot.Inboxes, accountID, inboxItem)
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, inboxesDataSourceModel{AccountID: types.Int64Value(accountID), Inboxes: inboxes})...)
}

func inboxItem(in *chatwoot.Inbox) inboxItemModel {
	return inboxItemModel{
		ID:                   types.Int64Value(in.ID),
		Name:                 types.StringValue(in.Name),
		ChannelType:          types.StringValue(in.ChannelType),
		EnableAutoAssignment: types.BoolValue(in.EnableAutoAssignment),
		AutoAssignmentConfig: autoAssignmentConfig(in.AutoAssignmentConfig),
		inboxDetailsModel:    inboxDetailsOf(in),
	}
}
