package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewInboxesDataSource is the chatwoot_inboxes data source.
func NewInboxesDataSource() datasource.DataSource {
	item := inboxAttributes()
	item["id"] = computedDataInt64("The inbox's id.")
	item["name"] = computedDataString("The inbox's name.")
	return &listDataSource[chatwoot.Inbox, inboxItemModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "inboxes"},
		description: "Lists the inboxes of an account that the token may see, in Chatwoot's order (by name, ignoring case).\n\n" +
			"~> **Visibility:** " + inboxVisibilityNote + " With an agent's token this data source lists only those.\n\n" +
			"It shares its single list call per Terraform run with `chatwoot_inbox`.",
		listAttr: "inboxes", itemsDescription: "The inboxes the token may see.", itemAttributes: item,
		list: chatwoot.Inboxes, item: inboxItem,
	}
}

type inboxItemModel struct {
	ID                   types.Int64                `tfsdk:"id"`
	Name                 types.String               `tfsdk:"name"`
	ChannelType          types.String               `tfsdk:"channel_type"`
	EnableAutoAssignment types.Bool                 `tfsdk:"enable_auto_assignment"`
	AutoAssignmentConfig *autoAssignmentConfigModel `tfsdk:"auto_assignment_config"`
	inboxDetailsModel
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
