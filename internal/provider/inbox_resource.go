package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var _ resource.ResourceWithValidateConfig = (*inboxResource)(nil)

// inboxDeletionPoll is how often destroy reads an inbox whose deletion Chatwoot runs in the
// background, until it answers 404.
const inboxDeletionPoll = 500 * time.Millisecond

// NewInboxResource is the chatwoot_inbox resource.
func NewInboxResource() resource.Resource {
	return &inboxResource{accountObjectResource{kind: objectKind{
		typeName: "inbox", idAttr: "inbox_id", noun: "inbox", idDescription: "The inbox's id.",
	}}}
}

type inboxResource struct{ accountObjectResource }

type inboxModel struct {
	ID          types.String `tfsdk:"id"`
	AccountID   types.Int64  `tfsdk:"account_id"`
	InboxID     types.Int64  `tfsdk:"inbox_id"`
	ChannelID   types.Int64  `tfsdk:"channel_id"`
	Name        types.String `tfsdk:"name"`
	ChannelType types.String `tfsdk:"channel_type"`
	inboxSettingsModel
	CSATConfig      types.Object `tfsdk:"csat_config"`
	API             types.Object `tfsdk:"api"`
	WebWidget       types.Object `tfsdk:"web_widget"`
	WebsiteToken    types.String `tfsdk:"website_token"`
	WebWidgetScript types.String `tfsdk:"web_widget_script"`
	InboxIdentifier types.String `tfsdk:"inbox_identifier"`
	HMACToken       types.String `tfsdk:"hmac_token"`
	Secret          types.String `tfsdk:"secret"`
	operationTimeouts
}

type workingHourModel struct {
	DayOfWeek    types.Int64 `tfsdk:"day_of_week"`
	ClosedAllDay types.Bool  `tfsdk:"closed_all_day"`
	OpenAllDay   types.Bool  `tfsdk:"open_all_day"`
	OpenHour     types.Int64 `tfsdk:"open_hour"`
	OpenMinutes  types.Int64 `tfsdk:"open_minutes"`
	CloseHour    types.Int64 `tfsdk:"close_hour"`
	CloseMinutes types.Int64 `tfsdk:"close_minutes"`
}

type csatConfigModel struct {
	DisplayType types.String `tfsdk:"display_type"`
	Message     types.String `tfsdk:"message"`
	ButtonText  types.String `tfsdk:"button_text"`
	Language    types.String `tfsdk:"language"`
	SurveyRules types.Object `tfsdk:"survey_rules"`
}

type csatSurveyRulesModel struct {
	Operator types.String `tfsdk:"operator"`
	Values   types.List   `tfsdk:"values"`
}

type apiChannelModel struct {
	WebhookURL           types.String `tfsdk:"webhook_url"`
	HMACMandatory        types.Bool   `tfsdk:"hmac_mandatory"`
	AdditionalAttributes types.String `tfsdk:"additional_attributes"`
}

type webWidgetModel struct {
	WebsiteURL           types.String `tfsdk:"website_url"`
	WidgetColor          types.String `tfsdk:"widget_color"`
	WelcomeTitle         types.String `tfsdk:"welcome_title"`
	WelcomeTagline       types.String `tfsdk:"welcome_tagline"`
	ReplyTime            types.String `tfsdk:"reply_time"`
	PreChatFormEnabled   types.Bool   `tfsdk:"pre_chat_form_enabled"`
	PreChatFormOptions   types.Object `tfsdk:"pre_chat_form_options"`
	ContinuityViaEmail   types.Bool   `tfsdk:"continuity_via_email"`
	HMACMandatory        types.Bool   `tfsdk:"hmac_mandatory"`
	AllowedDomains       types.String `tfsdk:"allowed_domains"`
	SelectedFeatureFlags types.Set    `tfsdk:"selected_feature_flags"`
}

type preChatFormModel struct {
	PreChatMessage types.String `tfsdk:"pre_chat_message"`
	PreChatFields  types.List   `tfsdk:"pre_chat_fields"`
}

type preChatFieldModel struct {
	Name        types.String `tfsdk:"name"`
	Label       types.String `tfsdk:"label"`
	Type        types.String `tfsdk:"type"`
	FieldType   types.String `tfsdk:"field_type"`
	Placeholder types.String `tfsdk:"placeholder"`
	Enabled     types.Bool   `tfsdk:"enabled"`
	Required    types.Bool   `tfsdk:"required"`
}

var (
	workingHourAttrTypes = map[string]attr.Type{
		"day_of_week": types.Int64Type, "closed_all_day": types.BoolType, "open_all_day": types.BoolType,
		"open_hour": types.Int64Type, "open_minutes": types.Int64Type, "close_hour": types.Int64Type, "close_minutes": types.Int64Type,
	}
	workingHourType         = types.ObjectType{AttrTypes: workingHourAttrTypes}
	csatSurveyRulesAttrType = map[string]attr.Type{"operator": types.StringType, "values": types.ListType{ElemType: types.StringType}}
	csatConfigAttrTypes     = map[string]attr.Type{
		"display_type": types.StringType, "message": types.StringType, "button_text": types.StringType, "language": types.StringType,
		"survey_rules": types.ObjectType{AttrTypes: csatSurveyRulesAttrType},
	}
	apiChannelAttrTypes = map[string]attr.Type{
		"webhook_url": types.StringType, "hmac_mandatory": types.BoolType, "additional_attributes": types.StringType,
	}
	preChatFieldAttrTypes = map[string]attr.Type{
		"name": types.StringType, "label": types.StringType, "type": types.StringType, "field_type": types.StringType,
		"placeholder": types.StringType, "enabled": types.BoolType, "required": types.BoolType,
	}
	preChatFormAttrTypes = map[string]attr.Type{
		"pre_chat_message": types.StringType, "pre_chat_fields": types.ListType{ElemType: types.ObjectType{AttrTypes: preChatFieldAttrTypes}},
	}
	webWidgetAttrTypes = map[string]attr.Type{
		"website_url": types.StringType, "widget_color": types.StringType, "welcome_title": types.StringType,
		"welcome_tagline": types.StringType, "reply_time": types.StringType, "pre_chat_form_enabled": types.BoolType,
		"pre_chat_form_options": types.ObjectType{AttrTypes: preChatFormAttrTypes}, "continuity_via_email": types.BoolType,
		"hmac_mandatory": types.BoolType, "allowed_domains": types.StringType, "selected_feature_flags": types.SetType{ElemType: types.StringType},
	}
)

func optionalString(description, def string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description, Optional: true, Computed: true, Default: stringdefault.StaticString(def), Validators: validators,
	}
}

func optionalBool(description string, def bool) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: description, Optional: true, Computed: true, Default: booldefault.StaticBool(def)}
}

func computedString(description string, sensitive bool) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description, Computed: true, Sensitive: sensitive,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

func (r *inboxResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	hourAttr := func(what string, maxValue int64) schema.Int64Attribute {
		return schema.Int64Attribute{
			MarkdownDescription: what + " Required on an open day; ignored on a closed or all-day one.",
			Optional:            true,
			Validators:          []validator.Int64{int64validator.Between(0, maxValue)},
		}
	}
	defaultFlags := make([]attr.Value, 0, 3)
	for _, f := range []string{"attachments", "emoji_picker", "end_conversation"} {
		defaultFlags = append(defaultFlags, types.StringValue(f))
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Chatwoot inbox of the `api` or `web_widget` channel: where conversations arrive.\n\n" +
			"Other channels (email, WhatsApp, SMS, Telegram, LINE, Facebook…) need accounts at third parties and are " +
			"refused at plan time; create them in Chatwoot and read them with the data source `chatwoot_inbox`.\n\n" +
			"This resource does not touch the inbox's members or auto-assignment: `chatwoot_inbox_members` and " +
			"`chatwoot_inbox_auto_assignment` own them, and can be used on the same inbox. The bot that answers first is " +
			"attached with `chatwoot_inbox_agent_bot`.\n\n" +
			"Chatwoot deletes an inbox in the background: destroy waits, within the delete timeout, until the inbox is " +
			"gone. The server-made `hmac_token` and `secret` are kept in the state as sensitive values." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"inbox_id": computedIDAttribute("The inbox's id in Chatwoot, as `inbox_id` of `chatwoot_inbox_members`, " +
				"`chatwoot_inbox_auto_assignment` and `chatwoot_inbox_agent_bot` take it."),
			"channel_id": schema.Int64Attribute{
				MarkdownDescription: "The id of the inbox's channel record.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"name": requiredTextAttribute("The inbox's name; at most 255 characters. Names need not be unique.", 255),
			"channel_type": schema.StringAttribute{
				MarkdownDescription: "The channel: `api` (conversations come from your backend through Chatwoot's API) or " +
					"`web_widget` (the chat bubble on a website). Chatwoot cannot change an inbox's channel, so changing it " +
					"replaces the inbox. Other channels need third-party accounts and are refused at plan time.",
				Required:      true,
				Validators:    []validator.String{inboxChannelTypeValidator},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"greeting_enabled":     optionalBool("Whether Chatwoot sends `greeting_message` when a conversation starts. Defaults to `false`.", false),
			"greeting_message":     optionalTextAttribute("The greeting sent when `greeting_enabled`; at most 10,000 characters. Defaults to empty.", 10000),
			"enable_email_collect": optionalBool("Whether the widget asks a visitor for an e-mail address. Defaults to `true`.", true),
			"allow_messages_after_resolved": optionalBool("Whether a contact may write in a resolved conversation (the widget "+
				"hides its reply box when `false`). Defaults to `true`.", true),
			"lock_to_single_conversation": optionalBool("Whether a contact's new messages go to their existing conversation "+
				"instead of opening a new one. Defaults to `false`.", false),
			"sender_name_type": optionalString("How agents' names show in outgoing e-mail: `friendly` (the agent's name) or "+
				"`professional` (`business_name`). Defaults to `friendly`. Chatwoot fails on any other value, so it is checked at plan time.",
				"friendly", stringvalidator.OneOf("friendly", "professional")),
			"business_name": optionalTextAttribute("The business name used with `sender_name_type = \"professional\"`; at most 255 characters. "+
				"Defaults to empty.", 255),
			"timezone": optionalString("The IANA time zone of `working_hours` (case-sensitive, such as `Europe/Berlin`). Defaults to `UTC`.",
				"UTC", timezoneValidator),
			"working_hours_enabled": optionalBool("Whether Chatwoot answers with `out_of_office_message` outside `working_hours`. "+
				"Defaults to `false`.", false),
			"out_of_office_message": optionalTextAttribute("The reply outside working hours; at most 10,000 characters. Defaults to empty.", 10000),
			"working_hours": schema.ListNestedAttribute{
				MarkdownDescription: "The week's opening hours: all seven days, in order from `day_of_week` 0 (Sunday) to 6 (Saturday), " +
					"as Chatwoot lists them. Each day is closed (`closed_all_day`), open all day (`open_all_day`) or open from " +
					"`open_hour:open_minutes` to `close_hour:close_minutes` (closing after opening). Chatwoot answers an invalid day " +
					"with success and keeps its old hours, so every day is checked at plan time. Without this attribute the hours " +
					"Chatwoot holds (by default Monday to Friday, 9:00 to 17:00) are read but not managed.",
				Optional: true,
				Computed: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"day_of_week": schema.Int64Attribute{
						MarkdownDescription: "The day: 0 Sunday, 1 Monday … 6 Saturday.",
						Required:            true,
						Validators:          []validator.Int64{int64validator.Between(0, 6)},
					},
					"closed_all_day": optionalBool("Whether the inbox is closed all day. Defaults to `false`.", false),
					"open_all_day":   optionalBool("Whether the inbox is open all day. Defaults to `false`.", false),
					"open_hour":      hourAttr("The opening hour, 0 to 23.", 23),
					"open_minutes":   hourAttr("The opening minute, 0 to 59.", 59),
					"close_hour":     hourAttr("The closing hour, 0 to 23.", 23),
					"close_minutes":  hourAttr("The closing minute, 0 to 59.", 59),
				}},
				Validators:    []validator.List{listvalidator.SizeBetween(7, 7)},
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			"csat_survey_enabled": optionalBool("Whether Chatwoot sends a satisfaction survey when a conversation is resolved. "+
				"Defaults to `false`.", false),
			"csat_config": schema.SingleNestedAttribute{
				MarkdownDescription: "The satisfaction survey. Only the keys written here are managed: Chatwoot fills in defaults " +
					"for the others on update (an emoji survey, button \"Please rate us\", language `en`), and those are not drift. " +
					"Removing the attribute leaves the survey as it is.",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"display_type": schema.StringAttribute{MarkdownDescription: "`emoji` or `star`.", Optional: true,
						Validators: []validator.String{stringvalidator.OneOf("emoji", "star")}},
					"message":     schema.StringAttribute{MarkdownDescription: "The survey's message.", Optional: true},
					"button_text": schema.StringAttribute{MarkdownDescription: "The text of the survey's button.", Optional: true},
					"language":    schema.StringAttribute{MarkdownDescription: "The survey's language code, such as `en`.", Optional: true},
					"survey_rules": schema.SingleNestedAttribute{
						MarkdownDescription: "Send the survey only for conversations whose labels match.",
						Optional:            true,
						Attributes: map[string]schema.Attribute{
							"operator": schema.StringAttribute{MarkdownDescription: "`contains` or `does_not_contain`.", Optional: true,
								Validators: []validator.String{stringvalidator.OneOf("contains", "does_not_contain")}},
							"values": schema.ListAttribute{MarkdownDescription: "The labels.", Optional: true, ElementType: types.StringType},
						},
					},
				},
			},
			"api": schema.SingleNestedAttribute{
				MarkdownDescription: "The settings of an `api` inbox's channel. Read from Chatwoot when not written.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"webhook_url": optionalTextAttribute("Where Chatwoot posts the inbox's events, signed with `secret`; at most 2,048 "+
						"characters (Chatwoot does not check the form). Defaults to empty.", 2048),
					"hmac_mandatory": optionalBool("Whether contacts must be identified with an HMAC of `hmac_token`. Defaults to `false`.", false),
					"additional_attributes": optionalString("Further channel settings as a JSON object (`jsonencode({...})`), stored as "+
						"written. Defaults to `{}`.", "{}", jsonObjectValidator),
				},
			},
			"web_widget": schema.SingleNestedAttribute{
				MarkdownDescription: "The settings of a `web_widget` inbox's channel; required for that channel.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"website_url": schema.StringAttribute{
						MarkdownDescription: "The website the widget is on.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.RegexMatches(nonBlank, "must not be blank")},
					},
					"widget_color": optionalString("The widget's colour. Defaults to `#1f93ff`.", "#1f93ff",
						stringvalidator.RegexMatches(nonBlank, "must not be blank")),
					"welcome_title":   optionalString("The widget's welcome title. Defaults to empty.", ""),
					"welcome_tagline": optionalString("The widget's welcome tagline. Defaults to empty.", ""),
					"reply_time": optionalString("The reply time the widget promises: `in_a_few_minutes` (the default), "+
						"`in_a_few_hours` or `in_a_day`.", "in_a_few_minutes", stringvalidator.OneOf(chatwoot.WebWidgetReplyTimes...)),
					"pre_chat_form_enabled": optionalBool("Whether the widget shows the pre-chat form. Defaults to `false`.", false),
					"pre_chat_form_options": schema.SingleNestedAttribute{
						MarkdownDescription: "The pre-chat form. Chatwoot replaces a form without fields by its default one, so at " +
							"least one field is required. Without this attribute, Chatwoot's form is left as it is.",
						Optional: true,
						Attributes: map[string]schema.Attribute{
							"pre_chat_message": schema.StringAttribute{MarkdownDescription: "The form's message.", Required: true},
							"pre_chat_fields": schema.ListNestedAttribute{
								MarkdownDescription: "The form's fields, in order.",
								Required:            true,
								Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
								NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
									"name":        schema.StringAttribute{MarkdownDescription: "The field's key (`emailAddress`, `fullName`, `phoneNumber`, or a custom attribute's key).", Required: true},
									"label":       optionalString("The label shown. Defaults to empty.", ""),
									"type":        optionalString("The input type (`text`, `email`, `number`, `list`…). Defaults to `text`.", "text"),
									"field_type":  optionalString("`standard` or `custom` (a contact custom attribute). Defaults to `standard`.", "standard", stringvalidator.OneOf("standard", "custom")),
									"placeholder": optionalString("The placeholder shown. Defaults to empty.", ""),
									"enabled":     optionalBool("Whether the field is shown. Defaults to `true`.", true),
									"required":    optionalBool("Whether the field must be filled. Defaults to `false`.", false),
								}},
							},
						},
					},
					"continuity_via_email": optionalBool("Whether conversations continue by e-mail when the visitor leaves. Defaults to `true`.", true),
					"hmac_mandatory":       optionalBool("Whether visitors must be identified with an HMAC of `hmac_token`. Defaults to `false`.", false),
					"allowed_domains":      optionalString("The domains the widget may be embedded on, comma-separated. Defaults to empty (any).", ""),
					"selected_feature_flags": schema.SetAttribute{
						MarkdownDescription: "The widget's features, from `attachments`, `emoji_picker`, `end_conversation`, " +
							"`use_inbox_avatar_for_bot` and `allow_mobile_webview`. Defaults to the first three, as in Chatwoot.",
						Optional:    true,
						Computed:    true,
						ElementType: types.StringType,
						Default:     setdefault.StaticValue(types.SetValueMust(types.StringType, defaultFlags)),
						Validators:  []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(chatwoot.WebWidgetFeatureFlags...))},
					},
				},
			},
			"website_token":     computedString("The web widget's token, which the embedding script uses; empty for `api` inboxes.", false),
			"web_widget_script": computedString("The HTML snippet that embeds the widget; empty for `api` inboxes.", false),
			"inbox_identifier": computedString("The `api` inbox's identifier, which Chatwoot's public client API takes; "+
				"empty for web widgets.", false),
			"hmac_token": computedString("The token to sign contact identities with (`hmac_mandatory`). Sensitive.", true),
			"secret":     computedString("The secret that signs the `api` inbox's webhook deliveries; empty for web widgets. Sensitive.", true),
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *inboxResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg inboxModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !cfg.ChannelType.IsUnknown() && !cfg.ChannelType.IsNull() {
		kind := cfg.ChannelType.ValueString()
		if kind == chatwoot.ChannelAPI && !cfg.WebWidget.IsNull() && !cfg.WebWidget.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root("web_widget"), "Settings of Another Channel",
				"web_widget is set, but channel_type is \"api\". Use the api attribute for an API inbox, or set channel_type = \"web_widget\".")
		}
		if kind == chatwoot.ChannelWebWidget && !cfg.API.IsNull() && !cfg.API.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root("api"), "Settings of Another Channel",
				"api is set, but channel_type is \"web_widget\". Use the web_widget attribute for a website inbox, or set channel_type = \"api\".")
		}
		if kind == chatwoot.ChannelWebWidget && cfg.WebWidget.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("web_widget"), "Missing Web Widget Settings",
				"A web_widget inbox needs web_widget = { website_url = \"https://…\" }: Chatwoot requires the website's address.")
		}
	}
	if cfg.WorkingHours.IsNull() || cfg.WorkingHours.IsUnknown() {
		return
	}
	var days []workingHourModel
	resp.Diagnostics.Append(cfg.WorkingHours.ElementsAs(ctx, &days, false)...)
	for _, p := range workingHoursProblems(days) {
		resp.Diagnostics.AddAttributeError(workingHoursPath(p.index), "Invalid Working Hours",
			p.message+" Chatwoot would answer with success and silently keep the day's old hours, so it is refused before anything is sent.")
	}
}

func (r *inboxResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan inboxModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	in := chatwoot.InboxCreate{Fields: inboxFieldsOf(ctx, plan, nil, &resp.Diagnostics)}
	switch plan.ChannelType.ValueString() {
	case chatwoot.ChannelAPI:
		in.API = apiFieldsOf(ctx, plan.API, types.ObjectNull(apiChannelAttrTypes), &resp.Diagnostics)
		if in.API == nil {
			in.API = &chatwoot.APIChannelFields{}
		}
	default:
		in.WebWidget = webWidgetFieldsOf(ctx, plan.WebWidget, types.ObjectNull(webWidgetAttrTypes), &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	op := operation{action: fmt.Sprintf("creating inbox %q", plan.Name.ValueString()), accountID: accountID}
	inbox, err := client.CreateInbox(ctx, accountID, in)
	if err != nil {
		appendClientErrorOnAttribute(&resp.Diagnostics, op, err, "name", "timezone", "greeting_message", "business_name")
		return
	}
	id := objectID{accountID, inbox.ID}
	// Chatwoot ignores working hours on create and makes its default week: they are sent next.
	if days := workingHoursOf(ctx, plan.WorkingHours, &resp.Diagnostics); days != nil {
		updated, err := client.UpdateInbox(ctx, accountID, inbox.ID, chatwoot.InboxUpdate{WorkingHours: days})
		if updated != nil {
			inbox = updated
		}
		if err != nil {
			r.saveInbox(ctx, created(req, resp), id, plan, inbox)
			resp.Diagnostics.Append(workingHoursErrorDiagnostic(inbox.ID, accountID, err))
			return
		}
	}
	r.saveInbox(ctx, created(req, resp), id, plan, inbox)
}

func (r *inboxResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior inboxModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.InboxID.ValueInt64()}
	// An inbox whose deletion is pending reads unchanged, so it is simply what Chatwoot holds.
	inbox, err := client.GetInbox(ctx, id.accountID, id.id)
	if !r.readFound(ctx, resp, id, err, operation{
		action: fmt.Sprintf("reading inbox %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("inbox %d", id.id),
	}) {
		return
	}
	if kind := inbox.Kind(); kind != chatwoot.ChannelAPI && kind != chatwoot.ChannelWebWidget {
		resp.Diagnostics.AddError("Inbox Channel Not Managed",
			fmt.Sprintf("Inbox %d of account %d is a %q inbox. chatwoot_inbox manages api and web_widget inboxes only, because "+
				"the other channels need third-party accounts. Read it with the data source chatwoot_inbox instead.", id.id, id.accountID, kind))
		return
	}
	r.saveInbox(ctx, refreshed(req, resp), id, prior, inbox)
}

func (r *inboxResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior inboxModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.InboxID.ValueInt64()}
	u := chatwoot.InboxUpdate{Fields: inboxFieldsOf(ctx, plan, &prior, &resp.Diagnostics)}
	if !plan.WorkingHours.Equal(prior.WorkingHours) {
		u.WorkingHours = workingHoursOf(ctx, plan.WorkingHours, &resp.Diagnostics)
	}
	switch plan.ChannelType.ValueString() {
	case chatwoot.ChannelAPI:
		u.API = apiFieldsOf(ctx, plan.API, prior.API, &resp.Diagnostics)
	default:
		u.WebWidget = webWidgetFieldsOf(ctx, plan.WebWidget, prior.WebWidget, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if reflect.DeepEqual(u, chatwoot.InboxUpdate{}) {
		// Only timeouts changed.
		state := prior
		r.save(ctx, updated(req, resp), id, &state)
		return
	}
	op := operation{action: fmt.Sprintf("updating inbox %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("inbox %d", id.id)}
	inbox, err := client.UpdateInbox(ctx, id.accountID, id.id, u)
	var skipped *chatwoot.WorkingHoursNotAppliedError
	switch {
	case err == nil:
		r.saveInbox(ctx, updated(req, resp), id, plan, inbox)
	case errors.As(err, &skipped):
		r.saveInbox(ctx, updated(req, resp), id, plan, inbox)
		resp.Diagnostics.Append(workingHoursErrorDiagnostic(id.id, id.accountID, err))
	default:
		appendClientErrorOnAttribute(&resp.Diagnostics, op, err, "name", "timezone", "greeting_message", "business_name")
		// Chatwoot 4.15 may have saved part of a failed update: record what it holds now, so that
		// the state does not claim the plan was applied.
		if now, readErr := client.GetInbox(ctx, id.accountID, id.id); readErr == nil {
			r.saveInbox(ctx, updated(req, resp), id, prior, now)
		} else {
			resp.Diagnostics.Append(resp.State.Set(ctx, prior)...)
		}
	}
}

func (r *inboxResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state inboxModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, inboxID := state.AccountID.ValueInt64(), state.InboxID.ValueInt64()
	op := operation{action: fmt.Sprintf("deleting inbox %d", inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID)}
	if err := client.DeleteInbox(ctx, accountID, inboxID); err != nil {
		endDelete(&resp.Diagnostics, err, op)
		return
	}
	// Chatwoot deletes the inbox in a background job; until it has run, the inbox reads unchanged.
	if err := client.WaitForInboxDeletion(ctx, accountID, inboxID, inboxDeletionPoll); err != nil {
		resp.Diagnostics.AddError("Inbox Deletion Not Finished",
			fmt.Sprintf("Chatwoot accepted the deletion of inbox %d in account %d, but the inbox still existed when the delete "+
				"timeout ended: Chatwoot deletes inboxes (with their conversations) in a background job, which may be slow or "+
				"stopped. Check Chatwoot's background workers, or raise timeouts.delete, and run destroy again.\n\nOriginal error: %s",
				inboxID, accountID, err))
	}
}

func workingHoursErrorDiagnostic(inboxID, accountID int64, err error) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root("working_hours"), "Working Hours Not Applied",
		fmt.Sprintf("Chatwoot answered the update of inbox %d in account %d with success but did not store all the working hours "+
			"sent. The state holds what Chatwoot stores now. Check the days named below and apply again.\n\nOriginal error: %s",
			inboxID, accountID, err))
}

// inboxFieldsOf is what to send of the inbox's own settings: everything set on create (prior
// nil), only what changed on update. (Every setting has a default, so none is unknown at apply.)
func inboxFieldsOf(ctx context.Context, plan inboxModel, prior *inboxModel, diags *diag.Diagnostics) chatwoot.InboxFields {
	var old inboxModel // on create all null, so every value set is sent
	if prior != nil {
		old = *prior
	}
	var changed bool // unused: Update compares the whole request with an empty one
	f := chatwoot.InboxFields{
		Name:                       changedString(plan.Name, old.Name, &changed),
		GreetingEnabled:            changedBool(plan.GreetingEnabled, old.GreetingEnabled, &changed),
		GreetingMessage:            changedString(plan.GreetingMessage, old.GreetingMessage, &changed),
		EnableEmailCollect:         changedBool(plan.EnableEmailCollect, old.EnableEmailCollect, &changed),
		AllowMessagesAfterResolved: changedBool(plan.AllowMessagesAfterResolved, old.AllowMessagesAfterResolved, &changed),
		LockToSingleConversation:   changedBool(plan.LockToSingleConversation, old.LockToSingleConversation, &changed),
		SenderNameType:             changedString(plan.SenderNameType, old.SenderNameType, &changed),
		BusinessName:               changedString(plan.BusinessName, old.BusinessName, &changed),
		Timezone:                   changedString(plan.Timezone, old.Timezone, &changed),
		WorkingHoursEnabled:        changedBool(plan.WorkingHoursEnabled, old.WorkingHoursEnabled, &changed),
		OutOfOfficeMessage:         changedString(plan.OutOfOfficeMessage, old.OutOfOfficeMessage, &changed),
		CSATSurveyEnabled:          changedBool(plan.CSATSurveyEnabled, old.CSATSurveyEnabled, &changed),
	}
	// An empty csat_config leaves Chatwoot's as it is, so a removed one is not sent.
	if !plan.CSATConfig.IsNull() && (prior == nil || !plan.CSATConfig.Equal(prior.CSATConfig)) {
		f.CSATConfig = csatConfigOf(ctx, plan.CSATConfig, diags)
	}
	return f
}

func csatConfigOf(ctx context.Context, obj types.Object, diags *diag.Diagnostics) *chatwoot.CSATConfig {
	m, _ := objectModel[csatConfigModel](ctx, obj, diags)
	c := &chatwoot.CSATConfig{
		DisplayType: m.DisplayType.ValueStringPointer(), Message: m.Message.ValueStringPointer(),
		ButtonText: m.ButtonText.ValueStringPointer(), Language: m.Language.ValueStringPointer(),
	}
	if rules, ok := objectModel[csatSurveyRulesModel](ctx, m.SurveyRules, diags); ok {
		c.SurveyRules = &chatwoot.CSATSurveyRules{Operator: rules.Operator.ValueStringPointer()}
		if !rules.Values.IsNull() {
			c.SurveyRules.Values = []string{}
			diags.Append(rules.Values.ElementsAs(ctx, &c.SurveyRules.Values, false)...)
		}
	}
	return c
}

// workingHoursOf is all seven configured days, or nil when working_hours is not configured.
func workingHoursOf(ctx context.Context, list types.List, diags *diag.Diagnostics) []chatwoot.WorkingHour {
	if list.IsNull() || list.IsUnknown() {
		return nil
	}
	var days []workingHourModel
	diags.Append(list.ElementsAs(ctx, &days, false)...)
	out := make([]chatwoot.WorkingHour, 0, len(days))
	for _, d := range days {
		w, _ := d.toClient()
		out = append(out, w)
	}
	return out
}

// apiFieldsOf is what to send of an API channel: every field on create (prior null), the changed
// ones on update, nil for nothing.
func apiFieldsOf(ctx context.Context, plan, prior types.Object, diags *diag.Diagnostics) *chatwoot.APIChannelFields {
	p, known := objectModel[apiChannelModel](ctx, plan, diags)
	if !known {
		return nil
	}
	o, _ := objectModel[apiChannelModel](ctx, prior, diags) // all null on create
	changed := false
	f := chatwoot.APIChannelFields{
		WebhookURL:    changedString(p.WebhookURL, o.WebhookURL, &changed),
		HMACMandatory: changedBool(p.HMACMandatory, o.HMACMandatory, &changed),
	}
	if !jsonTextEqual(p.AdditionalAttributes.ValueString(), o.AdditionalAttributes.ValueString()) || o.AdditionalAttributes.IsNull() {
		var attrs map[string]any
		if err := json.Unmarshal([]byte(p.AdditionalAttributes.ValueString()), &attrs); err == nil {
			switch {
			case len(attrs) > 0:
				f.AdditionalAttributes, changed = attrs, true
			case !o.AdditionalAttributes.IsNull():
				// Back to {} on update; on create, {} is Chatwoot's default and needs no key.
				f.ClearAdditionalAttributes, changed = true, true
			}
		}
	}
	if !changed {
		return nil
	}
	return &f
}

func webWidgetFieldsOf(ctx context.Context, plan, prior types.Object, diags *diag.Diagnostics) *chatwoot.WebWidgetFields {
	p, known := objectModel[webWidgetModel](ctx, plan, diags)
	if !known {
		return nil
	}
	o, _ := objectModel[webWidgetModel](ctx, prior, diags) // all null on create
	changed := false
	f := chatwoot.WebWidgetFields{
		WebsiteURL:         changedString(p.WebsiteURL, o.WebsiteURL, &changed),
		WidgetColor:        changedString(p.WidgetColor, o.WidgetColor, &changed),
		WelcomeTitle:       changedString(p.WelcomeTitle, o.WelcomeTitle, &changed),
		WelcomeTagline:     changedString(p.WelcomeTagline, o.WelcomeTagline, &changed),
		ReplyTime:          changedString(p.ReplyTime, o.ReplyTime, &changed),
		AllowedDomains:     changedString(p.AllowedDomains, o.AllowedDomains, &changed),
		PreChatFormEnabled: changedBool(p.PreChatFormEnabled, o.PreChatFormEnabled, &changed),
		ContinuityViaEmail: changedBool(p.ContinuityViaEmail, o.ContinuityViaEmail, &changed),
		HMACMandatory:      changedBool(p.HMACMandatory, o.HMACMandatory, &changed),
	}
	if !p.SelectedFeatureFlags.Equal(o.SelectedFeatureFlags) && !p.SelectedFeatureFlags.IsUnknown() {
		flags := []string{}
		diags.Append(p.SelectedFeatureFlags.ElementsAs(ctx, &flags, false)...)
		sort.Strings(flags)
		f.SelectedFeatureFlags, changed = &flags, true
	}
	if form, ok := objectModel[preChatFormModel](ctx, p.PreChatFormOptions, diags); ok && !p.PreChatFormOptions.Equal(o.PreChatFormOptions) {
		var fields []preChatFieldModel
		diags.Append(form.PreChatFields.ElementsAs(ctx, &fields, false)...)
		opts := &chatwoot.PreChatFormOptions{PreChatMessage: form.PreChatMessage.ValueStringPointer(), PreChatFields: []chatwoot.PreChatField{}}
		for _, fl := range fields {
			opts.PreChatFields = append(opts.PreChatFields, chatwoot.PreChatField{
				Name: fl.Name.ValueString(), Label: fl.Label.ValueString(), Type: fl.Type.ValueString(), FieldType: fl.FieldType.ValueString(),
				Placeholder: fl.Placeholder.ValueString(), Enabled: fl.Enabled.ValueBool(), Required: fl.Required.ValueBool(),
			})
		}
		f.PreChatFormOptions, changed = opts, true
	}
	if !changed {
		return nil
	}
	return &f
}

// objectModel is the model of a nested object attribute; known is false, and the model zero (all
// its values null), when the object is null or unknown.
func objectModel[M any](ctx context.Context, obj types.Object, diags *diag.Diagnostics) (m M, known bool) {
	if obj.IsNull() || obj.IsUnknown() {
		return m, false
	}
	diags.Append(obj.As(ctx, &m, basetypes.ObjectAsOptions{})...)
	return m, true
}

func jsonTextEqual(a, b string) bool {
	var x, y any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return a == b
	}
	return reflect.DeepEqual(x, y)
}

// saveInbox ends a Create, Read or Update with the inbox as Chatwoot holds it. base is the plan
// or prior state: it decides which CSAT keys and whether the pre-chat form are managed, the order
// of the working days, and the JSON spelling of additional_attributes when it means the same.
func (r *inboxResource) saveInbox(ctx context.Context, to saveTarget, id objectID, base inboxModel, in *chatwoot.Inbox) {
	state := inboxState(ctx, id, base, in, to.diags)
	r.save(ctx, to, id, &state)
}

// inboxState is the state for what Chatwoot holds; base (the plan or the prior state) decides
// which optional parts are reported (see csatConfigState).
func inboxState(ctx context.Context, id objectID, base inboxModel, in *chatwoot.Inbox, diags *diag.Diagnostics) inboxModel {
	s := inboxModel{
		ID:                 types.StringValue(id.String()),
		AccountID:          types.Int64Value(id.accountID),
		InboxID:            types.Int64Value(in.ID),
		ChannelID:          types.Int64Value(in.ChannelID),
		Name:               types.StringValue(in.Name),
		ChannelType:        types.StringValue(in.Kind()),
		inboxSettingsModel: inboxSettingsOf(in, diags),
		CSATConfig:         csatConfigState(ctx, base.CSATConfig, in.CSATConfig, diags),
		API:                types.ObjectNull(apiChannelAttrTypes),
		WebWidget:          types.ObjectNull(webWidgetAttrTypes),
		WebsiteToken:       types.StringValue(in.WebsiteToken),
		WebWidgetScript:    types.StringValue(in.WebWidgetScript),
		InboxIdentifier:    types.StringValue(in.InboxIdentifier),
		HMACToken:          types.StringValue(in.HMACToken),
		Secret:             types.StringValue(in.Secret),
	}
	switch in.Kind() {
	case chatwoot.ChannelAPI:
		s.API = apiChannelState(ctx, base.API, in, diags)
	case chatwoot.ChannelWebWidget:
		s.WebWidget = webWidgetState(ctx, base.WebWidget, in, diags)
	}
	return s
}

// workingHoursState lists the days Chatwoot holds, Sunday first. Hours mean nothing on a closed
// day (Chatwoot keeps the old ones) or an all-day one (stored as 0:00-23:59), so they are null
// there, as they are written.
func workingHoursState(got []chatwoot.WorkingHour, diags *diag.Diagnostics) types.List {
	sorted := append([]chatwoot.WorkingHour(nil), got...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].DayOfWeek < sorted[b].DayOfWeek })
	n := func(v *int) types.Int64 {
		if v == nil {
			return types.Int64Null()
		}
		return types.Int64Value(int64(*v))
	}
	values := make([]attr.Value, 0, len(sorted))
	for _, w := range sorted {
		m := map[string]attr.Value{
			"day_of_week": types.Int64Value(int64(w.DayOfWeek)), "closed_all_day": types.BoolValue(w.ClosedAllDay),
			"open_all_day": types.BoolValue(w.OpenAllDay), "open_hour": types.Int64Null(), "open_minutes": types.Int64Null(),
			"close_hour": types.Int64Null(), "close_minutes": types.Int64Null(),
		}
		if !w.ClosedAllDay && !w.OpenAllDay {
			m["open_hour"], m["open_minutes"], m["close_hour"], m["close_minutes"] = n(w.OpenHour), n(w.OpenMinutes), n(w.CloseHour), n(w.CloseMinutes)
		}
		obj, d := types.ObjectValue(workingHourAttrTypes, m)
		diags.Append(d...)
		values = append(values, obj)
	}
	list, d := types.ListValue(workingHourType, values)
	diags.Append(d...)
	return list
}

// csatConfigState reports, of Chatwoot's csat_config, the keys base sets: the defaults Chatwoot
// fills in for the others are not the configuration's, so they are not drift.
func csatConfigState(ctx context.Context, base types.Object, got chatwoot.CSATConfig, diags *diag.Diagnostics) types.Object {
	b, known := objectModel[csatConfigModel](ctx, base, diags)
	if !known {
		return types.ObjectNull(csatConfigAttrTypes)
	}
	pick := func(set types.String, v *string) types.String {
		if set.IsNull() {
			return types.StringNull()
		}
		return types.StringPointerValue(v)
	}
	rules := types.ObjectNull(csatSurveyRulesAttrType)
	if br, ok := objectModel[csatSurveyRulesModel](ctx, b.SurveyRules, diags); ok {
		var op *string
		var values []string
		if got.SurveyRules != nil {
			op, values = got.SurveyRules.Operator, got.SurveyRules.Values
		}
		valueList := types.ListNull(types.StringType)
		if !br.Values.IsNull() {
			if values == nil {
				values = []string{}
			}
			var d diag.Diagnostics
			valueList, d = types.ListValueFrom(ctx, types.StringType, values)
			diags.Append(d...)
		}
		var d diag.Diagnostics
		rules, d = types.ObjectValue(csatSurveyRulesAttrType, map[string]attr.Value{"operator": pick(br.Operator, op), "values": valueList})
		diags.Append(d...)
	}
	obj, d := types.ObjectValue(csatConfigAttrTypes, map[string]attr.Value{
		"display_type": pick(b.DisplayType, got.DisplayType), "message": pick(b.Message, got.Message),
		"button_text": pick(b.ButtonText, got.ButtonText), "language": pick(b.Language, got.Language), "survey_rules": rules,
	})
	diags.Append(d...)
	return obj
}

func apiChannelState(ctx context.Context, base types.Object, in *chatwoot.Inbox, diags *diag.Diagnostics) types.Object {
	attrs := in.AdditionalAttributes
	if attrs == nil {
		attrs = map[string]any{}
	}
	raw, _ := json.Marshal(attrs)
	text := string(raw)
	if b, ok := objectModel[apiChannelModel](ctx, base, diags); ok && !b.AdditionalAttributes.IsUnknown() &&
		jsonTextEqual(b.AdditionalAttributes.ValueString(), text) {
		text = b.AdditionalAttributes.ValueString() // the same object, spelled as written
	}
	obj, d := types.ObjectValue(apiChannelAttrTypes, map[string]attr.Value{
		"webhook_url": types.StringValue(in.WebhookURL), "hmac_mandatory": types.BoolValue(in.HMACMandatory),
		"additional_attributes": types.StringValue(text),
	})
	diags.Append(d...)
	return obj
}

func webWidgetState(ctx context.Context, base types.Object, in *chatwoot.Inbox, diags *diag.Diagnostics) types.Object {
	form := types.ObjectNull(preChatFormAttrTypes)
	// Chatwoot always has a form (its default one); it is managed only when written.
	if b, ok := objectModel[webWidgetModel](ctx, base, diags); ok && !b.PreChatFormOptions.IsNull() && in.PreChatFormOptions != nil {
		form = preChatFormState(in.PreChatFormOptions, diags)
	}
	flags := in.SelectedFeatureFlags
	if flags == nil {
		flags = []string{}
	}
	flagSet, d := types.SetValueFrom(ctx, types.StringType, flags)
	diags.Append(d...)
	obj, d := types.ObjectValue(webWidgetAttrTypes, map[string]attr.Value{
		"website_url": types.StringValue(in.WebsiteURL), "widget_color": types.StringValue(in.WidgetColor),
		"welcome_title": types.StringValue(in.WelcomeTitle), "welcome_tagline": types.StringValue(in.WelcomeTagline),
		"reply_time": types.StringValue(in.ReplyTime), "pre_chat_form_enabled": types.BoolValue(in.PreChatFormEnabled),
		"pre_chat_form_options": form, "continuity_via_email": types.BoolValue(in.ContinuityViaEmail),
		"hmac_mandatory": types.BoolValue(in.HMACMandatory), "allowed_domains": types.StringValue(in.AllowedDomains),
		"selected_feature_flags": flagSet,
	})
	diags.Append(d...)
	return obj
}

func preChatFormState(opts *chatwoot.PreChatFormOptions, diags *diag.Diagnostics) types.Object {
	fields := make([]attr.Value, 0, len(opts.PreChatFields))
	for _, f := range opts.PreChatFields {
		typ := f.Type
		if typ == "" {
			typ = "text"
		}
		fieldType := f.FieldType
		if fieldType == "" {
			fieldType = "standard"
		}
		obj, d := types.ObjectValue(preChatFieldAttrTypes, map[string]attr.Value{
			"name": types.StringValue(f.Name), "label": types.StringValue(f.Label), "type": types.StringValue(typ),
			"field_type": types.StringValue(fieldType), "placeholder": types.StringValue(f.Placeholder),
			"enabled": types.BoolValue(f.Enabled), "required": types.BoolValue(f.Required),
		})
		diags.Append(d...)
		fields = append(fields, obj)
	}
	list, d := types.ListValue(types.ObjectType{AttrTypes: preChatFieldAttrTypes}, fields)
	diags.Append(d...)
	msg := ""
	if opts.PreChatMessage != nil {
		msg = *opts.PreChatMessage
	}
	obj, d := types.ObjectValue(preChatFormAttrTypes, map[string]attr.Value{"pre_chat_message": types.StringValue(msg), "pre_chat_fields": list})
	diags.Append(d...)
	return obj
}
