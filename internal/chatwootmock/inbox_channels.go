package chatwootmock

import (
	"encoding/json"
	"strings"
	"time"
)

// inboxExt is the part of an inbox row the first mock did not model: which channel it has, the
// web widget channel's columns, the seven working_hours rows and a pending deletion.
type inboxExt struct {
	channelType string // "api", "web_widget", "email", "line", "sms"
	web         *webWidget
	other       map[string]any // the required attributes of email, line and sms channels
	hours       [7]workingHour
	// deleting says whether a DELETE has enqueued the inbox's deletion job (inbox_deletion.go).
	deleting bool
}

// ext returns the inbox's extension, made on first use for rows created before it existed.
func (i *inbox) x() *inboxExt {
	if i.ext == nil {
		i.ext = &inboxExt{channelType: "api", hours: defaultWorkingHours()}
	}
	return i.ext
}

// channelClasses maps the create type to the channel_type Chatwoot renders.
var channelClasses = map[string]string{"api": "Channel::Api", "web_widget": "Channel::WebWidget",
	"email": "Channel::Email", "line": "Channel::Line", "sms": "Channel::Sms", "telegram": "Channel::Telegram",
	"whatsapp": "Channel::Whatsapp"}

// channelEditable is each channel class's EDITABLE_ATTRS: the channel keys create and update read.
var channelEditable = map[string][]string{
	"api": {"webhook_url", "hmac_mandatory", "additional_attributes"},
	"web_widget": {"website_url", "widget_color", "welcome_title", "welcome_tagline", "reply_time",
		"pre_chat_form_enabled", "pre_chat_form_options", "continuity_via_email", "hmac_mandatory",
		"allowed_domains", "selected_feature_flags"},
	"email": {"email", "imap_enabled", "smtp_enabled"},
	"line":  {"line_channel_id", "line_channel_secret", "line_channel_token"},
	"sms":   {"phone_number", "provider_config"},
}

// otherRequired are the attributes email, line and sms channels cannot be created without.
var otherRequired = map[string][][2]string{
	"email": {{"email", "Email can't be blank"}},
	"line": {{"line_channel_id", "Line channel can't be blank"}, {"line_channel_secret", "Line channel secret can't be blank"},
		{"line_channel_token", "Line channel token can't be blank"}},
	"sms": {{"phone_number", "Phone number can't be blank"}},
}

// ---- web widget ----

type webWidget struct {
	websiteURL     any
	widgetColor    any
	welcomeTitle   any
	welcomeTagline any
	replyTime      string
	preChatEnabled bool
	preChatOptions map[string]any
	continuity     bool
	hmacMandatory  bool
	allowedDomains any
	flags          []string
	websiteToken   string
}

var replyTimes = []string{"in_a_few_minutes", "in_a_few_hours", "in_a_day"}

// widgetFlags is flag_shih_tzu's bit order of feature_flags.
var widgetFlags = []string{"attachments", "emoji_picker", "end_conversation", "use_inbox_avatar_for_bot", "allow_mobile_webview"}

func newWebWidget() *webWidget {
	return &webWidget{widgetColor: "#1f93ff", replyTime: "in_a_few_minutes", continuity: true, allowedDomains: "",
		flags: []string{"attachments", "emoji_picker", "end_conversation"}, websiteToken: newToken(),
		preChatOptions: defaultPreChatOptions()}
}

func defaultPreChatOptions() map[string]any {
	fld := func(label, name, typ string, required bool) map[string]any {
		return map[string]any{"field_type": "standard", "label": label, "name": name, "type": typ, "required": required, "enabled": false}
	}
	return map[string]any{"pre_chat_message": "Share your queries or comments here.", "pre_chat_fields": []any{
		fld("Email Id", "emailAddress", "email", true), fld("Full name", "fullName", "text", false),
		fld("Phone number", "phoneNumber", "text", false)}}
}

func (w webWidget) clone() *webWidget {
	w.flags = append([]string(nil), w.flags...)
	return &w
}

// applyWebWidget assigns the permitted web widget keys of channel and runs the model's checks;
// it changes w only when everything passes.
func applyWebWidget(w *webWidget, channel map[string]any) error {
	next := w.clone()
	for key, v := range channel {
		switch key {
		case "website_url":
			next.websiteURL = nullableStr(v)
		case "widget_color":
			next.widgetColor = nullableStr(v)
		case "welcome_title":
			next.welcomeTitle = nullableStr(v)
		case "welcome_tagline":
			next.welcomeTagline = nullableStr(v)
		case "allowed_domains":
			next.allowedDomains = nullableStr(v)
		case "reply_time":
			rt, _ := strVal(v)
			if n, isNum := v.(json.Number); isNum {
				if i, err := n.Int64(); err == nil && i >= 0 && int(i) < len(replyTimes) {
					rt = replyTimes[i]
				}
			}
			if !contains(replyTimes, rt) {
				return internalError() // the enum raises ArgumentError
			}
			next.replyTime = rt
		case "pre_chat_form_enabled":
			next.preChatEnabled, _ = castBool(v)
		case "continuity_via_email":
			next.continuity, _ = castBool(v)
		case "hmac_mandatory":
			next.hmacMandatory, _ = castBool(v)
		case "pre_chat_form_options":
			if m, ok := v.(map[string]any); ok {
				next.preChatOptions = permitPreChat(m)
			}
		case "selected_feature_flags":
			list, ok := v.([]any)
			if !ok {
				continue // only an array is permitted
			}
			flags := []string{}
			for _, f := range list {
				name, _ := strVal(f)
				if !contains(widgetFlags, name) {
					return internalError() // flag_shih_tzu raises on an unknown flag
				}
				if !contains(flags, name) {
					flags = append(flags, name)
				}
			}
			// Rendered in bit order, whatever order was sent.
			ordered := []string{}
			for _, f := range widgetFlags {
				if contains(flags, f) {
					ordered = append(ordered, f)
				}
			}
			next.flags = ordered
		}
	}
	// validate_pre_chat_options runs before every save.
	if !present(next.preChatOptions["pre_chat_fields"]) {
		next.preChatOptions = defaultPreChatOptions()
	}
	v := &validation{}
	if !present(next.websiteURL) {
		v.add("website_url", "Website url can't be blank")
	}
	if !present(next.widgetColor) {
		v.add("widget_color", "Widget color can't be blank")
	}
	if err := v.err(); err != nil {
		return err
	}
	*w = *next
	return nil
}

var preChatFieldKeys = []string{"field_type", "label", "placeholder", "name", "enabled", "type", "required", "locale",
	"values", "regex_pattern", "regex_cue"}

func permitPreChat(m map[string]any) map[string]any {
	out := map[string]any{}
	for _, k := range []string{"pre_chat_message", "require_email"} {
		if v, ok := m[k]; ok && scalar(v) {
			out[k] = v
		}
	}
	if list, ok := m["pre_chat_fields"].([]any); ok {
		fields := []any{}
		for _, f := range list {
			fm, isMap := f.(map[string]any)
			if !isMap {
				continue
			}
			pf := map[string]any{}
			for _, k := range preChatFieldKeys {
				if v, ok := fm[k]; ok && (scalar(v) || (k == "values" && scalarList(v))) {
					pf[k] = v
				}
			}
			fields = append(fields, pf)
		}
		out["pre_chat_fields"] = fields
	}
	return out
}

// scalar is what strong parameters let through for a plain permitted key.
func scalar(v any) bool {
	switch v.(type) {
	case nil, string, bool, json.Number, float64:
		return true
	}
	return false
}

func scalarList(v any) bool {
	list, ok := v.([]any)
	if !ok {
		return false
	}
	for _, x := range list {
		if !scalar(x) {
			return false
		}
	}
	return true
}

// webWidgetScript is the embed snippet Chatwoot renders with FRONTEND_URL and the website token.
func webWidgetScript(frontend, token string) string {
	return `<script>
  (function(d,t) {
    var BASE_URL="` + frontend + `";
    var g=d.createElement(t),s=d.getElementsByTagName(t)[0];
    g.src=BASE_URL+"/packs/js/sdk.js";
    g.defer = true;
    g.async = true;
    s.parentNode.insertBefore(g,s);
    g.onload=function(){
      window.chatwootSDK.run({
        websiteToken: '` + token + `',
        baseUrl: BASE_URL
      })
    }
  })(document,"script");
</script>
`
}

// ---- CSAT ----

var csatScalarKeys = []string{"display_type", "message", "button_text", "language"}
var csatTemplateKeys = []string{"name", "template_id", "friendly_name", "content_sid", "approval_sid", "created_at", "language", "status"}

// permitCSAT keeps the csat_config keys the controller permits.
func permitCSAT(v any) map[string]any {
	m, _ := v.(map[string]any)
	out := map[string]any{}
	for _, k := range csatScalarKeys {
		if x, ok := m[k]; ok && scalar(x) {
			out[k] = x
		}
	}
	if sr, ok := m["survey_rules"].(map[string]any); ok {
		rules := map[string]any{}
		if op, ok := sr["operator"]; ok && scalar(op) {
			rules["operator"] = op
		}
		if vals, ok := sr["values"]; ok && scalarList(vals) {
			rules["values"] = vals
		}
		out["survey_rules"] = rules
	}
	if tp, ok := m["template"].(map[string]any); ok {
		t := map[string]any{}
		for _, k := range csatTemplateKeys {
			if x, ok := tp[k]; ok && scalar(x) {
				t[k] = x
			}
		}
		out["template"] = t
	}
	return out
}

// formatCSAT is the update's default filling: every permitted key not sent gets its default, and
// a template survives only when the request carries one.
func formatCSAT(m map[string]any) map[string]any {
	pick := func(k string, def any) any {
		if v, ok := m[k]; ok && v != nil {
			return v
		}
		return def
	}
	sr, _ := m["survey_rules"].(map[string]any)
	op, vals := any("contains"), any([]any{})
	if v, ok := sr["operator"]; ok && v != nil {
		op = v
	}
	if v, ok := sr["values"]; ok && v != nil {
		vals = v
	}
	out := map[string]any{"display_type": pick("display_type", "emoji"), "message": pick("message", ""),
		"survey_rules": map[string]any{"operator": op, "values": vals}, "button_text": pick("button_text", "Please rate us"),
		"language": pick("language", "en")}
	if present(m["template"]) {
		out["template"] = m["template"]
	}
	return out
}

// ---- working hours ----

type workingHour struct {
	closedAllDay bool
	openAllDay   bool
	openHour     *int64
	openMinutes  *int64
	closeHour    *int64
	closeMinutes *int64
}

func ptr(n int64) *int64 { return &n }

// defaultWorkingHours are the seven rows every new inbox gets: weekdays 9–17, weekends closed.
func defaultWorkingHours() [7]workingHour {
	var out [7]workingHour
	for day := range out {
		if day == 0 || day == 6 {
			out[day] = workingHour{closedAllDay: true}
			continue
		}
		out[day] = workingHour{openHour: ptr(9), openMinutes: ptr(0), closeHour: ptr(17), closeMinutes: ptr(0)}
	}
	return out
}

func intOrNil(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func workingHoursJSON(rows [7]workingHour) []any {
	out := []any{}
	for day, w := range rows {
		out = append(out, obj{{"day_of_week", day}, {"closed_all_day", w.closedAllDay}, {"open_hour", intOrNil(w.openHour)},
			{"open_minutes", intOrNil(w.openMinutes)}, {"close_hour", intOrNil(w.closeHour)},
			{"close_minutes", intOrNil(w.closeMinutes)}, {"open_all_day", w.openAllDay}})
	}
	return out
}

// castHour is an integer column's cast: numbers and numeric strings, anything else nil.
func castHour(v any) *int64 {
	if v == nil {
		return nil
	}
	if s, ok := v.(string); ok && strings.TrimSpace(s) == "" {
		return nil
	}
	n, ok := castInt(v)
	if !ok {
		return nil
	}
	return &n
}

// applyWorkingHours is update_working_hours: each listed day is matched by day_of_week and saved
// with a non-raising update, so a day that fails validation is skipped and the rest are saved.
// A day with no row, or hours that are missing where the model compares them, raises: then the
// whole list is rolled back and the answer is 500.
func applyWorkingHours(rows [7]workingHour, list []any) ([7]workingHour, error) {
	next := rows
	for _, raw := range list {
		m, _ := raw.(map[string]any)
		day, ok := castInt(m["day_of_week"])
		if !ok || day < 0 || day > 6 {
			return rows, internalError() // find_by returns nil
		}
		w := next[day]
		if v, ok := m["closed_all_day"]; ok {
			w.closedAllDay, _ = castBool(v)
		}
		if v, ok := m["open_all_day"]; ok {
			w.openAllDay, _ = castBool(v)
		}
		for key, dst := range map[string]**int64{"open_hour": &w.openHour, "open_minutes": &w.openMinutes,
			"close_hour": &w.closeHour, "close_minutes": &w.closeMinutes} {
			if v, ok := m[key]; ok {
				*dst = castHour(v)
			}
		}
		if w.openAllDay {
			w.openHour, w.openMinutes, w.closeHour, w.closeMinutes = ptr(0), ptr(0), ptr(23), ptr(59)
		}
		valid, err := validWorkingHour(w)
		if err != nil {
			return rows, err
		}
		if valid {
			next[day] = w
		}
	}
	return next, nil
}

// validWorkingHour runs WorkingHour's validations; the closing-time comparison dereferences the
// hours, so a missing one on a day that is not closed raises instead of failing validation.
func validWorkingHour(w workingHour) (bool, error) {
	if w.openAllDay && w.closedAllDay {
		return false, nil
	}
	if w.closedAllDay {
		return true, nil
	}
	if w.openHour == nil || w.openMinutes == nil || w.closeHour == nil || w.closeMinutes == nil {
		return false, internalError()
	}
	inRange := func(p *int64, upper int64) bool { return *p >= 0 && *p <= upper }
	if !inRange(w.openHour, 23) || !inRange(w.closeHour, 23) || !inRange(w.openMinutes, 59) || !inRange(w.closeMinutes, 59) {
		return false, nil
	}
	open := time.Duration(*w.openHour)*time.Hour + time.Duration(*w.openMinutes)*time.Minute
	closing := time.Duration(*w.closeHour)*time.Hour + time.Duration(*w.closeMinutes)*time.Minute
	return closing > open, nil
}
