package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The list data sources of the account's vocabulary: labels, canned responses, webhooks and
// custom attribute definitions. Each reads the same cached list its resource reads, so a
// configuration that has both still sends one request per kind and account.

// listDataSourceSchema is a data source of account_id and one computed list of items.
func listDataSourceSchema(description, listAttr, itemsDescription string, item map[string]schema.Attribute) schema.Schema {
	return schema.Schema{
		MarkdownDescription: description,
		Attributes: map[string]schema.Attribute{
			"account_id": dataSourceAccountIDAttribute(),
			listAttr: schema.ListNestedAttribute{
				MarkdownDescription: itemsDescription,
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: item},
			},
		},
	}
}

func computedDataString(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Computed: true}
}

// ---- chatwoot_labels

// NewLabelsDataSource is the chatwoot_labels data source.
func NewLabelsDataSource() datasource.DataSource {
	return &labelsDataSource{dataSourceProviderData{typeName: "labels"}}
}

type labelsDataSource struct{ dataSourceProviderData }

type labelsDataSourceModel struct {
	AccountID types.Int64      `tfsdk:"account_id"`
	Labels    []labelItemModel `tfsdk:"labels"`
}

type labelItemModel struct {
	ID            types.Int64  `tfsdk:"id"`
	Title         types.String `tfsdk:"title"`
	Description   types.String `tfsdk:"description"`
	Color         types.String `tfsdk:"color"`
	ShowOnSidebar types.Bool   `tfsdk:"show_on_sidebar"`
}

func (d *labelsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = listDataSourceSchema("Lists the labels of an account, ordered by title. Any member of the account may read "+
		"it. It shares its single list call per Terraform run with `chatwoot_label`.", "labels", "The labels.",
		map[string]schema.Attribute{
			"id":              schema.Int64Attribute{MarkdownDescription: "The label's id.", Computed: true},
			"title":           computedDataString("The title, in lowercase as Chatwoot stores it."),
			"description":     computedDataString("The description; empty when there is none."),
			"color":           computedDataString("The colour, as Chatwoot holds it (`#rrggbb` when set through the interface)."),
			"show_on_sidebar": schema.BoolAttribute{MarkdownDescription: "Whether the label is listed in the sidebar.", Computed: true},
		})
}

func (d *labelsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg labelsDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	items, ok := listItems(ctx, &resp.Diagnostics, client, chatwoot.Labels, accountID, func(l *chatwoot.Label) labelItemModel {
		return labelItemModel{
			ID: types.Int64Value(l.ID), Title: types.StringValue(l.Title), Description: types.StringValue(l.Description),
			Color: types.StringValue(l.Color), ShowOnSidebar: types.BoolValue(l.ShowOnSidebar != nil && *l.ShowOnSidebar),
		}
	})
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, labelsDataSourceModel{AccountID: types.Int64Value(accountID), Labels: items})...)
}

// ---- chatwoot_canned_responses

// NewCannedResponsesDataSource is the chatwoot_canned_responses data source.
func NewCannedResponsesDataSource() datasource.DataSource {
	return &cannedResponsesDataSource{dataSourceProviderData{typeName: "canned_responses"}}
}

type cannedResponsesDataSource struct{ dataSourceProviderData }

type cannedResponsesDataSourceModel struct {
	AccountID       types.Int64               `tfsdk:"account_id"`
	CannedResponses []cannedResponseItemModel `tfsdk:"canned_responses"`
}

type cannedResponseItemModel struct {
	ID        types.Int64  `tfsdk:"id"`
	ShortCode types.String `tfsdk:"short_code"`
	Content   types.String `tfsdk:"content"`
}

func (d *cannedResponsesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = listDataSourceSchema("Lists the canned responses of an account, in Chatwoot's order (which is none in "+
		"particular). Any member of the account may read it. It shares its single list call per Terraform run with "+
		"`chatwoot_canned_response`.", "canned_responses", "The canned responses.",
		map[string]schema.Attribute{
			"id":         schema.Int64Attribute{MarkdownDescription: "The canned response's id.", Computed: true},
			"short_code": computedDataString("The short code, as written (letter case counts)."),
			"content":    computedDataString("The reply's text."),
		})
}

func (d *cannedResponsesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg cannedResponsesDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	items, ok := listItems(ctx, &resp.Diagnostics, client, chatwoot.CannedResponses, accountID, func(r *chatwoot.CannedResponse) cannedResponseItemModel {
		return cannedResponseItemModel{ID: types.Int64Value(r.ID), ShortCode: types.StringValue(r.ShortCode), Content: types.StringValue(r.Content)}
	})
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, cannedResponsesDataSourceModel{AccountID: types.Int64Value(accountID), CannedResponses: items})...)
}

// ---- chatwoot_webhooks

// NewWebhooksDataSource is the chatwoot_webhooks data source.
func NewWebhooksDataSource() datasource.DataSource {
	return &webhooksDataSource{dataSourceProviderData{typeName: "webhooks"}}
}

type webhooksDataSource struct{ dataSourceProviderData }

type webhooksDataSourceModel struct {
	AccountID types.Int64        `tfsdk:"account_id"`
	Webhooks  []webhookItemModel `tfsdk:"webhooks"`
}

type webhookItemModel struct {
	ID            types.Int64  `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	URL           types.String `tfsdk:"url"`
	Subscriptions types.Set    `tfsdk:"subscriptions"`
	InboxID       types.Int64  `tfsdk:"inbox_id"`
}

func (d *webhooksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = listDataSourceSchema("Lists the webhooks of an account. Only administrators may read it (Chatwoot refuses "+
		"agents). The webhooks' signing secrets are left out: `chatwoot_webhook` holds the secret of a webhook it manages. "+
		"It shares its single list call per Terraform run with `chatwoot_webhook`.", "webhooks", "The webhooks.",
		map[string]schema.Attribute{
			"id":   schema.Int64Attribute{MarkdownDescription: "The webhook's id.", Computed: true},
			"name": computedDataString("The webhook's name; null when it has none."),
			"url":  computedDataString("Where Chatwoot sends the events."),
			"subscriptions": schema.SetAttribute{
				MarkdownDescription: "The events Chatwoot sends.", ElementType: types.StringType, Computed: true,
			},
			"inbox_id": schema.Int64Attribute{
				MarkdownDescription: "The inbox the webhook is limited to; null for every inbox (or an inbox that no longer exists).",
				Computed:            true,
			},
		})
}

func (d *webhooksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg webhooksDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	items, ok := listItems(ctx, &resp.Diagnostics, client, chatwoot.Webhooks, accountID, func(w *chatwoot.Webhook) webhookItemModel {
		item := webhookItemModel{
			ID: types.Int64Value(w.ID), Name: stringOrNull(w.Name), URL: types.StringValue(w.URL),
			Subscriptions: stringSet(w.Subscriptions), InboxID: types.Int64Null(),
		}
		if w.Inbox != nil {
			item.InboxID = types.Int64Value(w.Inbox.ID)
		}
		return item
	})
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, webhooksDataSourceModel{AccountID: types.Int64Value(accountID), Webhooks: items})...)
}

// ---- chatwoot_custom_attribute_definitions

// NewCustomAttributeDefinitionsDataSource is the chatwoot_custom_attribute_definitions data source.
func NewCustomAttributeDefinitionsDataSource() datasource.DataSource {
	return &customAttributeDefinitionsDataSource{dataSourceProviderData{typeName: "custom_attribute_definitions"}}
}

type customAttributeDefinitionsDataSource struct{ dataSourceProviderData }

type customAttributeDefinitionsDataSourceModel struct {
	AccountID      types.Int64                `tfsdk:"account_id"`
	AttributeModel types.String               `tfsdk:"attribute_model"`
	Definitions    []customAttributeItemModel `tfsdk:"custom_attribute_definitions"`
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

func (d *customAttributeDefinitionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	s := listDataSourceSchema("Lists the custom attribute definitions of an account, of every model or of one. Any member "+
		"of the account may read it. It shares its single list call per Terraform run with "+
		"`chatwoot_custom_attribute_definition`.", "custom_attribute_definitions", "The definitions.",
		map[string]schema.Attribute{
			"id":                     schema.Int64Attribute{MarkdownDescription: "The definition's id.", Computed: true},
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
		})
	s.Attributes["attribute_model"] = schema.StringAttribute{
		MarkdownDescription: "Only the definitions of this model: " + markdownList(chatwoot.CustomAttributeModels) +
			". Without it, every model's.",
		Optional:   true,
		Validators: []validator.String{stringvalidator.OneOf(chatwoot.CustomAttributeModels...)},
	}
	resp.Schema = s
}

func (d *customAttributeDefinitionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg customAttributeDefinitionsDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	// The cached list holds every model; the filter is applied here so the resources' refresh
	// and this data source share one request.
	all, ok := listItems(ctx, &resp.Diagnostics, client, chatwoot.CustomAttributeDefinitions, accountID,
		func(x *chatwoot.CustomAttributeDefinition) customAttributeItemModel {
			state := customAttributeState(accountID, x)
			return customAttributeItemModel{
				ID: state.DefinitionID, AttributeDisplayName: state.AttributeDisplayName, AttributeKey: state.AttributeKey,
				AttributeModel: state.AttributeModel, AttributeDisplayType: state.AttributeDisplayType,
				AttributeDescription: state.AttributeDescription, AttributeValues: state.AttributeValues,
				RegexPattern: state.RegexPattern, RegexCue: state.RegexCue,
			}
		})
	if !ok {
		return
	}
	items := make([]customAttributeItemModel, 0, len(all))
	for _, item := range all {
		if cfg.AttributeModel.IsNull() || item.AttributeModel.Equal(cfg.AttributeModel) {
			items = append(items, item)
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, customAttributeDefinitionsDataSourceModel{
		AccountID: types.Int64Value(accountID), AttributeModel: cfg.AttributeModel, Definitions: items,
	})...)
}
