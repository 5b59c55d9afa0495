package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The list data sources of the account's vocabulary: labels, canned responses, webhooks and
// custom attribute definitions. Each reads the same cached list its resource reads, so a
// configuration that has both still sends one request per kind and account.

// ---- chatwoot_labels

// NewLabelsDataSource is the chatwoot_labels data source.
func NewLabelsDataSource() datasource.DataSource {
	return &listDataSource[chatwoot.Label, labelItemModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "labels"},
		description: "Lists the labels of an account, ordered by title. Any member of the account may read " +
			"it. It shares its single list call per Terraform run with `chatwoot_label`.",
		listAttr: "labels", itemsDescription: "The labels.",
		itemAttributes: map[string]schema.Attribute{
			"id":              computedDataInt64("The label's id."),
			"title":           computedDataString("The title, in lowercase as Chatwoot stores it."),
			"description":     computedDataString("The description; empty when there is none."),
			"color":           computedDataString("The colour, as Chatwoot holds it (`#rrggbb` when set through the interface)."),
			"show_on_sidebar": computedDataBool("Whether the label is listed in the sidebar."),
		},
		list: chatwoot.Labels,
		item: func(l *chatwoot.Label) labelItemModel {
			return labelItemModel{
				ID: types.Int64Value(l.ID), Title: types.StringValue(l.Title), Description: types.StringValue(l.Description),
				Color: types.StringValue(l.Color), ShowOnSidebar: types.BoolValue(l.ShowOnSidebar != nil && *l.ShowOnSidebar),
			}
		},
	}
}

type labelItemModel struct {
	ID            types.Int64  `tfsdk:"id"`
	Title         types.String `tfsdk:"title"`
	Description   types.String `tfsdk:"description"`
	Color         types.String `tfsdk:"color"`
	ShowOnSidebar types.Bool   `tfsdk:"show_on_sidebar"`
}

// ---- chatwoot_canned_responses

// NewCannedResponsesDataSource is the chatwoot_canned_responses data source.
func NewCannedResponsesDataSource() datasource.DataSource {
	return &listDataSource[chatwoot.CannedResponse, cannedResponseItemModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "canned_responses"},
		description: "Lists the canned responses of an account, in Chatwoot's order (which is none in " +
			"particular). Any member of the account may read it. It shares its single list call per Terraform run with " +
			"`chatwoot_canned_response`.",
		listAttr: "canned_responses", itemsDescription: "The canned responses.",
		itemAttributes: map[string]schema.Attribute{
			"id":         computedDataInt64("The canned response's id."),
			"short_code": computedDataString("The short code, as written (letter case counts)."),
			"content":    computedDataString("The reply's text."),
		},
		list: chatwoot.CannedResponses,
		item: func(r *chatwoot.CannedResponse) cannedResponseItemModel {
			return cannedResponseItemModel{ID: types.Int64Value(r.ID), ShortCode: types.StringValue(r.ShortCode), Content: types.StringValue(r.Content)}
		},
	}
}

type cannedResponseItemModel struct {
	ID        types.Int64  `tfsdk:"id"`
	ShortCode types.String `tfsdk:"short_code"`
	Content   types.String `tfsdk:"content"`
}

// ---- chatwoot_webhooks

// NewWebhooksDataSource is the chatwoot_webhooks data source.
func NewWebhooksDataSource() datasource.DataSource {
	return &listDataSource[chatwoot.Webhook, webhookItemModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "webhooks"},
		description: "Lists the webhooks of an account. Only administrators may read it (Chatwoot refuses " +
			"agents). The webhooks' signing secrets are left out: `chatwoot_webhook` holds the secret of a webhook it manages. " +
			"It shares its single list call per Terraform run with `chatwoot_webhook`.",
		listAttr: "webhooks", itemsDescription: "The webhooks.",
		itemAttributes: map[string]schema.Attribute{
			"id":   computedDataInt64("The webhook's id."),
			"name": computedDataString("The webhook's name; null when it has none."),
			"url":  computedDataString("Where Chatwoot sends the events."),
			"subscriptions": schema.SetAttribute{
				MarkdownDescription: "The events Chatwoot sends.", ElementType: types.StringType, Computed: true,
			},
			"inbox_id": computedDataInt64("The inbox the webhook is limited to; null for every inbox (or an inbox that no longer exists)."),
		},
		list: chatwoot.Webhooks,
		item: func(w *chatwoot.Webhook) webhookItemModel {
			item := webhookItemModel{
				ID: types.Int64Value(w.ID), Name: stringOrNull(w.Name), URL: types.StringValue(w.URL),
				Subscriptions: stringSet(w.Subscriptions), InboxID: types.Int64Null(),
			}
			if w.Inbox != nil {
				item.InboxID = types.Int64Value(w.Inbox.ID)
			}
			return item
		},
	}
}

type webhookItemModel struct {
	ID            types.Int64  `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	URL           types.String `tfsdk:"url"`
	Subscriptions types.Set    `tfsdk:"subscriptions"`
	InboxID       types.Int64  `tfsdk:"inbox_id"`
}

// ---- chatwoot_custom_attribute_definitions

// NewCustomAttributeDefinitionsDataSource is the chatwoot_custom_attribute_definitions data source.
func NewCustomAttributeDefinitionsDataSource() datasource.DataSource {
	return &listDataSource[chatwoot.CustomAttributeDefinition, customAttributeItemModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "custom_attribute_definitions"},
		description: "Lists the custom attribute definitions of an account, of every model or of one. Any member " +
			"of the account may read it. It shares its single list call per Terraform run with " +
			"`chatwoot_custom_attribute_definition`.",
		listAttr: "custom_attribute_definitions", itemsDescription: "The definitions.",
		itemAttributes: map[string]schema.Attribute{
			"id":                     computedDataInt64("The definition's id."),
			"attribute_display_name": computedDataString("The name agents see."),
			"attribute_key":          computedDataString("The key values are stored under."),
			"attribute_model":        computedDataString("`conversation_attribute`, `contact_attribute` or `company_attribute`."),
			"attribute_display_type": computedDataString("How agents enter the value (`text`, `list`…)."),
			"attribute_description":  computedDataString("The description; empty when there is none."),
			"attribute_values": schema.ListAttribute{
				MarkdownDescription: "The choices of a `list` attribute.", ElementType: types.StringType, Computed: true,
			},
			"regex_pattern": computedDataString("The pattern values are checked against; null when there is none."),
			"regex_cue":     computedDataString("The hint shown when a value does not match; null when there is none."),
		},
		list: chatwoot.CustomAttributeDefinitions,
		item: func(x *chatwoot.CustomAttributeDefinition) customAttributeItemModel {
			state := customAttributeState(0, x) // the item has no account fields
			return customAttributeItemModel{
				ID: state.DefinitionID, AttributeDisplayName: state.AttributeDisplayName, AttributeKey: state.AttributeKey,
				AttributeModel: state.AttributeModel, AttributeDisplayType: state.AttributeDisplayType,
				AttributeDescription: state.AttributeDescription, AttributeValues: state.AttributeValues,
				RegexPattern: state.RegexPattern, RegexCue: state.RegexCue,
			}
		},
		filter: &listFilter[customAttributeItemModel]{
			attr: "attribute_model",
			description: "Only the definitions of this model: " + markdownList(chatwoot.CustomAttributeModels) +
				". Without it, every model's.",
			values: chatwoot.CustomAttributeModels,
			of:     func(item customAttributeItemModel) types.String { return item.AttributeModel },
		},
	}
}

type customAttributeItemModel struct {
	ID                   types.Int64  `tfsdk:"id"`
	AttributeDisplayName types.String `tfsdk:"attribute_display_name"`
	AttributeKey         types.String `tfsdk:"attribute_key"`
	AttributeModel       types.String `tfsdk:"attribute_model"`
	AttributeDisplayType types.String `tfsdk:"attribute_display_type"`
	AttributeDescription types.String `tfsdk:"attribute_description"`
	AttributeValues      types.List   `tfsdk:"attribute_values"`
	RegexPattern         types.String `tfsdk:"regex_pattern"`
	RegexCue             types.String `tfsdk:"regex_cue"`
}
