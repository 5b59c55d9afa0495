package chatwoot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// Channel kinds a client can create without a third-party account.
const (
	ChannelAPI       = "api"
	ChannelWebWidget = "web_widget"
)

// channelKinds maps Chatwoot's channel_type to the type POST /inboxes takes.
var channelKinds = map[string]string{
	"Channel::Api": ChannelAPI, "Channel::WebWidget": ChannelWebWidget, "Channel::Email": "email",
	"Channel::Line": "line", "Channel::Telegram": "telegram", "Channel::Whatsapp": "whatsapp", "Channel::Sms": "sms",
	"Channel::TwilioSms": "twilio_sms", "Channel::FacebookPage": "facebook", "Channel::Instagram": "instagram",
	"Channel::TwitterProfile": "twitter", "Channel::Tiktok": "tiktok", "Channel::Voice": "voice",
}

// ChannelKind turns a channel_type ("Channel::WebWidget") into its short name ("web_widget");
// an unknown class is returned lowercased without its "Channel::" prefix.
func ChannelKind(channelType string) string {
	if k, ok := channelKinds[channelType]; ok {
		return k
	}
	return strings.ToLower(strings.TrimPrefix(channelType, "Channel::"))
}

// CSATConfig is an inbox's csat_config. Create stores it as sent; an update that carries a
// non-empty one stores it with every missing key filled in (FillCSATDefaults).
type CSATConfig struct {
	DisplayType *string          `json:"display_type,omitempty"`
	Message     *string          `json:"message,omitempty"`
	ButtonText  *string          `json:"button_text,omitempty"`
	Language    *string          `json:"language,omitempty"`
	SurveyRules *CSATSurveyRules `json:"survey_rules,omitempty"`
	// Template (WhatsApp message templates) survives an update only when the update carries it.
	Template map[string]any `json:"template,omitempty"`
}

// CSATSurveyRules limits the survey to conversations whose labels match.
type CSATSurveyRules struct {
	Operator *string  `json:"operator,omitempty"`
	Values   []string `json:"values,omitempty"`
}

// IsEmpty reports whether the config has no key at all ({}), Chatwoot's default.
func (c CSATConfig) IsEmpty() bool {
	return c.DisplayType == nil && c.Message == nil && c.ButtonText == nil && c.Language == nil &&
		c.SurveyRules == nil && len(c.Template) == 0
}

// CSAT defaults Chatwoot fills in on update.
const (
	CSATDefaultDisplayType = "emoji"
	CSATDefaultMessage     = ""
	CSATDefaultButtonText  = "Please rate us"
	CSATDefaultLanguage    = "en"
	CSATDefaultOperator    = "contains"
)

// FillCSATDefaults returns what Chatwoot stores when an update sends c: every key not set gets its
// default; survey_rules always has an operator and values (none: an empty list).
func FillCSATDefaults(c CSATConfig) CSATConfig {
	or := func(p *string, def string) *string {
		if p != nil {
			v := *p
			return &v
		}
		return &def
	}
	rules := CSATSurveyRules{Operator: or(nil, CSATDefaultOperator), Values: []string{}}
	if c.SurveyRules != nil {
		rules.Operator = or(c.SurveyRules.Operator, CSATDefaultOperator)
		if c.SurveyRules.Values != nil {
			rules.Values = append([]string{}, c.SurveyRules.Values...)
		}
	}
	return CSATConfig{DisplayType: or(c.DisplayType, CSATDefaultDisplayType), Message: or(c.Message, CSATDefaultMessage),
		ButtonText: or(c.ButtonText, CSATDefaultButtonText), Language: or(c.Language, CSATDefaultLanguage),
		SurveyRules: &rules, Template: c.Template}
}

// WorkingHour is one day of an inbox's working_hours (DayOfWeek 0 = Sunday … 6 = Saturday). A
// day is closed (ClosedAllDay), open all day (OpenAllDay; Chatwoot stores 0:00–23:59), or open
// from OpenHour:OpenMinutes to CloseHour:CloseMinutes. A closed day keeps its stored hours, so
// hours read back on a closed day mean nothing.
type WorkingHour struct {
	DayOfWeek    int  `json:"day_of_week"`
	ClosedAllDay bool `json:"closed_all_day"`
	OpenAllDay   bool `json:"open_all_day"`
	OpenHour     *int `json:"open_hour,omitempty"`
	OpenMinutes  *int `json:"open_minutes,omitempty"`
	CloseHour    *int `json:"close_hour,omitempty"`
	CloseMinutes *int `json:"close_minutes,omitempty"`
}

// Validate checks a day the way Chatwoot does, so that a plan can refuse what Chatwoot would
// silently skip (invalid hours; answered 200) or fail on (a day outside 0–6, or an open day
// without all four values; answered 500).
func (w WorkingHour) Validate() error {
	if w.DayOfWeek < 0 || w.DayOfWeek > 6 {
		return fmt.Errorf("day_of_week must be 0 (Sunday) to 6 (Saturday), not %d", w.DayOfWeek)
	}
	switch {
	case w.ClosedAllDay && w.OpenAllDay:
		return errors.New("a day cannot be closed all day and open all day at once")
	case w.ClosedAllDay, w.OpenAllDay:
		return nil
	}
	if w.OpenHour == nil || w.OpenMinutes == nil || w.CloseHour == nil || w.CloseMinutes == nil {
		return errors.New("an open day needs open_hour, open_minutes, close_hour and close_minutes")
	}
	for _, v := range []struct {
		name string
		val  int
		max  int
	}{{"open_hour", *w.OpenHour, 23}, {"close_hour", *w.CloseHour, 23}, {"open_minutes", *w.OpenMinutes, 59}, {"close_minutes", *w.CloseMinutes, 59}} {
		if v.val < 0 || v.val > v.max {
			return fmt.Errorf("%s must be between 0 and %d, not %d", v.name, v.max, v.val)
		}
	}
	if *w.CloseHour*60+*w.CloseMinutes <= *w.OpenHour*60+*w.OpenMinutes {
		return fmt.Errorf("the closing time %02d:%02d must be after the opening time %02d:%02d",
			*w.CloseHour, *w.CloseMinutes, *w.OpenHour, *w.OpenMinutes)
	}
	return nil
}

// ValidateWorkingHours checks every day and that no day appears twice.
func ValidateWorkingHours(days []WorkingHour) error {
	seen := map[int]bool{}
	for _, w := range days {
		if err := w.Validate(); err != nil {
			return fmt.Errorf("working hours, day %d: %w", w.DayOfWeek, err)
		}
		if seen[w.DayOfWeek] {
			return fmt.Errorf("working hours: day %d appears twice", w.DayOfWeek)
		}
		seen[w.DayOfWeek] = true
	}
	return nil
}

// appliedIn reports whether Chatwoot holds the day as it was sent.
func (w WorkingHour) appliedIn(got WorkingHour) bool {
	if got.ClosedAllDay != w.ClosedAllDay || got.OpenAllDay != w.OpenAllDay {
		return false
	}
	if w.ClosedAllDay || w.OpenAllDay {
		return true
	}
	eq := func(a, b *int) bool { return a != nil && b != nil && *a == *b }
	return eq(w.OpenHour, got.OpenHour) && eq(w.OpenMinutes, got.OpenMinutes) && eq(w.CloseHour, got.CloseHour) &&
		eq(w.CloseMinutes, got.CloseMinutes)
}

// WorkingHoursNotAppliedError says Chatwoot answered 200 but did not store some of the days sent:
// it skips a day that fails its validation without an error.
type WorkingHoursNotAppliedError struct {
	Days []int
}

func (e *WorkingHoursNotAppliedError) Error() string {
	return fmt.Sprintf("Chatwoot did not apply the working hours of day(s) %v (it skips invalid days silently)", e.Days)
}

// PreChatFormOptions is a web widget's pre-chat form. Chatwoot replaces options without fields by
// its default form, so a message sent without fields is lost.
type PreChatFormOptions struct {
	PreChatMessage *string        `json:"pre_chat_message,omitempty"`
	RequireEmail   *bool          `json:"require_email,omitempty"`
	PreChatFields  []PreChatField `json:"pre_chat_fields"`
}

// PreChatField is one field of the pre-chat form.
type PreChatField struct {
	FieldType    string   `json:"field_type,omitempty"` // "standard" or "custom"
	Label        string   `json:"label,omitempty"`
	Placeholder  string   `json:"placeholder,omitempty"`
	Name         string   `json:"name"`
	Type         string   `json:"type,omitempty"`
	Enabled      bool     `json:"enabled"`
	Required     bool     `json:"required"`
	Locale       string   `json:"locale,omitempty"`
	Values       []string `json:"values,omitempty"`
	RegexPattern string   `json:"regex_pattern,omitempty"`
	RegexCue     string   `json:"regex_cue,omitempty"`
}

// InboxFields are the inbox's own settings. A nil field is not sent. Auto-assignment is left out
// on purpose: UpdateInboxAutoAssignment owns it, so two resources never write the same keys.
type InboxFields struct {
	Name                       *string     `json:"name,omitempty"`
	GreetingEnabled            *bool       `json:"greeting_enabled,omitempty"`
	GreetingMessage            *string     `json:"greeting_message,omitempty"`
	EnableEmailCollect         *bool       `json:"enable_email_collect,omitempty"`
	CSATSurveyEnabled          *bool       `json:"csat_survey_enabled,omitempty"`
	CSATConfig                 *CSATConfig `json:"csat_config,omitempty"`
	WorkingHoursEnabled        *bool       `json:"working_hours_enabled,omitempty"`
	OutOfOfficeMessage         *string     `json:"out_of_office_message,omitempty"`
	Timezone                   *string     `json:"timezone,omitempty"`
	AllowMessagesAfterResolved *bool       `json:"allow_messages_after_resolved,omitempty"`
	LockToSingleConversation   *bool       `json:"lock_to_single_conversation,omitempty"`
	SenderNameType             *string     `json:"sender_name_type,omitempty"` // "friendly" or "professional"
	BusinessName               *string     `json:"business_name,omitempty"`
}

// APIChannelFields are an API channel's settings; nil fields are not sent.
type APIChannelFields struct {
	WebhookURL           *string        `json:"webhook_url,omitempty"`
	HMACMandatory        *bool          `json:"hmac_mandatory,omitempty"`
	AdditionalAttributes map[string]any `json:"additional_attributes,omitempty"`
	// ClearAdditionalAttributes sends additional_attributes as {}, which Chatwoot stores as sent:
	// an empty map alone would not be sent at all.
	ClearAdditionalAttributes bool `json:"-"`
}

// WebWidgetFields are a web widget channel's settings; nil fields are not sent. WebsiteURL is
// required on create. SelectedFeatureFlags replaces the whole set (an empty list clears it).
type WebWidgetFields struct {
	WebsiteURL           *string             `json:"website_url,omitempty"`
	WidgetColor          *string             `json:"widget_color,omitempty"`
	WelcomeTitle         *string             `json:"welcome_title,omitempty"`
	WelcomeTagline       *string             `json:"welcome_tagline,omitempty"`
	ReplyTime            *string             `json:"reply_time,omitempty"` // in_a_few_minutes, in_a_few_hours, in_a_day
	PreChatFormEnabled   *bool               `json:"pre_chat_form_enabled,omitempty"`
	PreChatFormOptions   *PreChatFormOptions `json:"pre_chat_form_options,omitempty"`
	ContinuityViaEmail   *bool               `json:"continuity_via_email,omitempty"`
	HMACMandatory        *bool               `json:"hmac_mandatory,omitempty"`
	AllowedDomains       *string             `json:"allowed_domains,omitempty"`
	SelectedFeatureFlags *[]string           `json:"selected_feature_flags,omitempty"`
}

// WebWidgetFeatureFlags are the names selected_feature_flags accepts (any other is a 500).
var WebWidgetFeatureFlags = []string{"attachments", "emoji_picker", "end_conversation", "use_inbox_avatar_for_bot", "allow_mobile_webview"}

// WebWidgetReplyTimes are the values reply_time accepts (any other is a 500).
var WebWidgetReplyTimes = []string{"in_a_few_minutes", "in_a_few_hours", "in_a_day"}

// InboxCreate is a new inbox: its name and settings and exactly one channel. Chatwoot ignores
// working hours on create; send them with UpdateInbox afterwards.
type InboxCreate struct {
	Fields    InboxFields
	API       *APIChannelFields
	WebWidget *WebWidgetFields
}

// InboxUpdate names what to change. WorkingHours, when not nil, lists the days to change. The
// channel fields must match the inbox's channel; the channel type itself can never change.
type InboxUpdate struct {
	Fields       InboxFields
	WorkingHours []WorkingHour
	API          *APIChannelFields
	WebWidget    *WebWidgetFields
}

type inboxBody struct {
	InboxFields
	WorkingHours []WorkingHour  `json:"working_hours,omitempty"`
	Channel      map[string]any `json:"channel,omitempty"`
}

// channelBody renders channel fields as a JSON object, adding the type on create only: an update
// that names the type fails with a 500.
func channelBody(api *APIChannelFields, widget *WebWidgetFields, createType string) (map[string]any, error) {
	var src any
	switch {
	case api != nil && widget != nil:
		return nil, errors.New("an inbox has one channel: set either the API or the web widget fields")
	case api != nil:
		src = api
	case widget != nil:
		src = widget
	default:
		if createType == "" {
			return nil, nil
		}
	}
	out := map[string]any{}
	if src != nil {
		raw, err := json.Marshal(src)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(raw, &out); err != nil {
			return nil, err
		}
	}
	if api != nil && api.ClearAdditionalAttributes {
		out["additional_attributes"] = map[string]any{}
	}
	if createType != "" {
		out["type"] = createType
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// CreateInbox creates an API or web widget inbox (administrators only). It is not retried after
// an unknown outcome. The answer carries the server-made tokens (website_token or
// inbox_identifier, hmac_token, and the API channel's secret) and the seven default working days.
func (c *Client) CreateInbox(ctx context.Context, accountID int64, in InboxCreate) (*Inbox, error) {
	kind := ChannelAPI
	switch {
	case in.API == nil && in.WebWidget == nil:
		return nil, errors.New("creating an inbox: set the API or the web widget channel fields")
	case in.WebWidget != nil:
		kind = ChannelWebWidget
	}
	ch, err := channelBody(in.API, in.WebWidget, kind)
	if err != nil {
		return nil, err
	}
	defer c.lookups.invalidate(accountID, Inboxes.Kind)
	return objectOf[Inbox](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/inboxes"),
		body: inboxBody{InboxFields: in.Fields, Channel: ch}})
}

// UpdateInbox changes what u names (administrators only) and returns the inbox as Chatwoot holds
// it afterwards. When working hours were sent and Chatwoot skipped some days, it returns the
// inbox together with a *WorkingHoursNotAppliedError. On Chatwoot 4.15.1 a failed update may
// have saved the inbox's own fields: read the inbox again after an error.
func (c *Client) UpdateInbox(ctx context.Context, accountID, inboxID int64, u InboxUpdate) (*Inbox, error) {
	ch, err := channelBody(u.API, u.WebWidget, "")
	if err != nil {
		return nil, err
	}
	defer c.lookups.invalidate(accountID, Inboxes.Kind)
	inbox, err := objectOf[Inbox](ctx, c, call{method: http.MethodPatch, path: accountPath(accountID, "/inboxes/%d", inboxID),
		body: inboxBody{InboxFields: u.Fields, WorkingHours: u.WorkingHours, Channel: ch}, idempotent: true})
	if err != nil {
		return nil, err
	}
	if missed := notApplied(u.WorkingHours, inbox.WorkingHours); len(missed) > 0 {
		return inbox, &WorkingHoursNotAppliedError{Days: missed}
	}
	return inbox, nil
}

func notApplied(sent, got []WorkingHour) []int {
	byDay := map[int]WorkingHour{}
	for _, w := range got {
		byDay[w.DayOfWeek] = w
	}
	var missed []int
	for _, w := range sent {
		if g, ok := byDay[w.DayOfWeek]; !ok || !w.appliedIn(g) {
			missed = append(missed, w.DayOfWeek)
		}
	}
	sort.Ints(missed)
	return missed
}

// DeleteInbox asks Chatwoot to delete an inbox (administrators only). Chatwoot deletes it in a
// background job: until then the inbox reads and lists unchanged. Use WaitForInboxDeletion.
// A repeated DELETE is harmless; an inbox already gone is a 404 (IsNotFound).
func (c *Client) DeleteInbox(ctx context.Context, accountID, inboxID int64) error {
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/inboxes/%d", inboxID), idempotent: true}, nil)
	c.lookups.invalidate(accountID, Inboxes.Kind)
	return err
}

// WaitForInboxDeletion reads the inbox every poll until Chatwoot answers 404, or ctx ends. An
// inbox that still reads is the deletion job not having run yet, not a failure.
func (c *Client) WaitForInboxDeletion(ctx context.Context, accountID, inboxID int64, poll time.Duration) error {
	for {
		_, err := c.GetInbox(ctx, accountID, inboxID)
		switch {
		case IsNotFound(err):
			c.lookups.invalidate(accountID, Inboxes.Kind)
			return nil
		case err != nil:
			return err
		}
		if err := sleepContext(ctx, poll); err != nil {
			return fmt.Errorf("inbox %d still exists; Chatwoot's deletion job has not run yet: %w", inboxID, err)
		}
	}
}

// ResetInboxSecret gives an API inbox a new webhook secret and returns the inbox (administrators
// only). Other channels have no secret: Chatwoot answers 404.
func (c *Client) ResetInboxSecret(ctx context.Context, accountID, inboxID int64) (*Inbox, error) {
	// Repeating it after an unknown outcome just rotates once more.
	return objectOf[Inbox](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/inboxes/%d/reset_secret", inboxID), idempotent: true})
}

// inboxAgentBotJSON is the binding read: the bot model, whose access_token is an AccessToken
// record ({"token": …}) rather than the string /agent_bots shows.
type inboxAgentBotJSON struct {
	AgentBot *struct {
		AgentBot
		AccessToken json.RawMessage `json:"access_token"`
	} `json:"agent_bot"`
}

// GetInboxAgentBot returns the bot bound to an inbox (an account or a global bot). With none
// bound (Chatwoot answers 200 {}) it returns a *NotFoundError, and for an unknown inbox Chatwoot's
// 404: both satisfy IsNotFound. AccessToken is filled when Chatwoot shows it (4.15.1: every reader; from 4.16.0:
// administrators).
func (c *Client) GetInboxAgentBot(ctx context.Context, accountID, inboxID int64) (*AgentBot, error) {
	body, err := objectOf[inboxAgentBotJSON](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/inboxes/%d/agent_bot", inboxID), idempotent: true})
	if err != nil {
		return nil, err
	}
	if body.AgentBot == nil {
		return nil, &NotFoundError{Kind: "agent bot bound to inbox", AccountID: accountID, ID: inboxID}
	}
	bot := body.AgentBot.AgentBot
	var record struct {
		Token string `json:"token"`
	}
	if json.Unmarshal(body.AgentBot.AccessToken, &record) == nil && record.Token != "" {
		bot.AccessToken = record.Token
	} else {
		_ = json.Unmarshal(body.AgentBot.AccessToken, &bot.AccessToken)
	}
	return &bot, nil
}

// SetInboxAgentBot binds the bot to the inbox, replacing any other (one bot per inbox). A bot
// that is neither the account's nor global is a 404.
func (c *Client) SetInboxAgentBot(ctx context.Context, accountID, inboxID, botID int64) error {
	_, err := c.do(ctx, call{method: http.MethodPost, path: accountPath(accountID, "/inboxes/%d/set_agent_bot", inboxID),
		body: map[string]any{"agent_bot": botID}, idempotent: true}, nil)
	return err
}

// DetachInboxAgentBot removes the inbox's bot, if any.
func (c *Client) DetachInboxAgentBot(ctx context.Context, accountID, inboxID int64) error {
	_, err := c.do(ctx, call{method: http.MethodPost, path: accountPath(accountID, "/inboxes/%d/set_agent_bot", inboxID),
		body: map[string]any{"agent_bot": nil}, idempotent: true}, nil)
	return err
}
