package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The settings chatwoot_inbox (the resource) manages, read by the chatwoot_inbox and
// chatwoot_inboxes data sources for inboxes of every channel. Secrets (hmac_token, secret) are
// left out: a lookup should not copy credentials into the state.

type inboxDetailsModel struct {
	ChannelKind types.String `tfsdk:"channel_kind"`
	ChannelID   types.Int64  `tfsdk:"channel_id"`
	inboxSettingsModel
	WebsiteURL      types.String `tfsdk:"website_url"`
	WebsiteToken    types.String `tfsdk:"website_token"`
	WidgetColor     types.String `tfsdk:"widget_color"`
	InboxIdentifier types.String `tfsdk:"inbox_identifier"`
	WebhookURL      types.String `tfsdk:"webhook_url"`
}

func inboxDetailAttributes() map[string]schema.Attribute {
	hour := func(d string) schema.Attribute { return computedDataInt64(d + " Null on a closed or all-day day.") }
	return map[string]schema.Attribute{
		"channel_kind":                  computedDataString("The channel as `chatwoot_inbox`'s `channel_type` names it: `api`, `web_widget`, `email`, `whatsapp`, …."),
		"channel_id":                    computedDataInt64("The id of the inbox's channel record."),
		"greeting_enabled":              computedDataBool("Whether Chatwoot sends `greeting_message` when a conversation starts."),
		"greeting_message":              computedDataString("The greeting; empty when there is none."),
		"enable_email_collect":          computedDataBool("Whether the widget asks a visitor for an e-mail address."),
		"allow_messages_after_resolved": computedDataBool("Whether a contact may write in a resolved conversation."),
		"lock_to_single_conversation":   computedDataBool("Whether a contact's new messages go to their existing conversation."),
		"sender_name_type":              computedDataString("`friendly` or `professional`."),
		"business_name":                 computedDataString("The business name; empty when there is none."),
		"timezone":                      computedDataString("The IANA time zone of the working hours."),
		"working_hours_enabled":         computedDataBool("Whether Chatwoot answers with `out_of_office_message` outside the working hours."),
		"out_of_office_message":         computedDataString("The reply outside working hours; empty when there is none."),
		"working_hours": schema.ListNestedAttribute{
			MarkdownDescription: "The week's opening hours, Sunday (`day_of_week` 0) first.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"day_of_week":    computedDataInt64("0 Sunday … 6 Saturday."),
				"closed_all_day": computedDataBool("Whether the inbox is closed all day."),
				"open_all_day":   computedDataBool("Whether the inbox is open all day."),
				"open_hour":      hour("The opening hour."),
				"open_minutes":   hour("The opening minute."),
				"close_hour":     hour("The closing hour."),
				"close_minutes":  hour("The closing minute."),
			}},
		},
		"csat_survey_enabled": computedDataBool("Whether Chatwoot sends a satisfaction survey when a conversation is resolved."),
		"website_url":         computedDataString("A web widget's website; empty for other channels."),
		"website_token":       computedDataString("A web widget's token; empty for other channels."),
		"widget_color":        computedDataString("A web widget's colour; empty for other channels."),
		"inbox_identifier":    computedDataString("An API inbox's identifier for Chatwoot's public client API; empty for other channels."),
		"webhook_url":         computedDataString("An API inbox's webhook URL; empty for other channels."),
	}
}

// inboxSettingsModel are the settings every inbox has, whatever its channel, in the resource and
// in the data sources alike.
type inboxSettingsModel struct {
	GreetingEnabled            types.Bool   `tfsdk:"greeting_enabled"`
	GreetingMessage            types.String `tfsdk:"greeting_message"`
	EnableEmailCollect         types.Bool   `tfsdk:"enable_email_collect"`
	AllowMessagesAfterResolved types.Bool   `tfsdk:"allow_messages_after_resolved"`
	LockToSingleConversation   types.Bool   `tfsdk:"lock_to_single_conversation"`
	SenderNameType             types.String `tfsdk:"sender_name_type"`
	BusinessName               types.String `tfsdk:"business_name"`
	Timezone                   types.String `tfsdk:"timezone"`
	WorkingHoursEnabled        types.Bool   `tfsdk:"working_hours_enabled"`
	OutOfOfficeMessage         types.String `tfsdk:"out_of_office_message"`
	WorkingHours               types.List   `tfsdk:"working_hours"`
	CSATSurveyEnabled          types.Bool   `tfsdk:"csat_survey_enabled"`
}

func inboxSettingsOf(in *chatwoot.Inbox, diags *diag.Diagnostics) inboxSettingsModel {
	return inboxSettingsModel{
		GreetingEnabled:            types.BoolValue(in.GreetingEnabled),
		GreetingMessage:            types.StringValue(in.GreetingMessage),
		EnableEmailCollect:         types.BoolValue(in.EnableEmailCollect),
		AllowMessagesAfterResolved: types.BoolValue(in.AllowMessagesAfterResolved),
		LockToSingleConversation:   types.BoolValue(in.LockToSingleConversation),
		SenderNameType:             types.StringValue(in.SenderNameType),
		BusinessName:               types.StringValue(in.BusinessName),
		Timezone:                   types.StringValue(in.Timezone),
		WorkingHoursEnabled:        types.BoolValue(in.WorkingHoursEnabled),
		OutOfOfficeMessage:         types.StringValue(in.OutOfOfficeMessage),
		WorkingHours:               workingHoursState(in.WorkingHours, diags),
		CSATSurveyEnabled:          types.BoolValue(in.CSATSurveyEnabled),
	}
}

func inboxDetailsOf(in *chatwoot.Inbox) inboxDetailsModel {
	var diags diag.Diagnostics // values of fixed types: building them cannot fail
	return inboxDetailsModel{
		ChannelKind:        types.StringValue(in.Kind()),
		ChannelID:          types.Int64Value(in.ChannelID),
		inboxSettingsModel: inboxSettingsOf(in, &diags),
		WebsiteURL:         types.StringValue(in.WebsiteURL),
		WebsiteToken:       types.StringValue(in.WebsiteToken),
		WidgetColor:        types.StringValue(in.WidgetColor),
		InboxIdentifier:    types.StringValue(in.InboxIdentifier),
		WebhookURL:         types.StringValue(in.WebhookURL),
	}
}
