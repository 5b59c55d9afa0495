package export

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// inboxKind: one chatwoot_inbox per api or web_widget inbox, named after the inbox, from the inbox
// list alone. Other channels need third-party accounts the provider does not manage: they are
// refused, and what refers to them keeps the chatwoot_inbox data source. The server-made
// hmac_token and secret are never written. csat_config and the web widget's pre-chat form are
// managed only when configured: an import reads them as null, so writing them would plan a change
// after the import. They are left out, and left as they are.
var inboxKind = &Kind{
	Name:     "inbox",
	Resource: "chatwoot_inbox",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		objs, err := s.inboxIndex(ctx)
		if err != nil {
			return err
		}
		if s.Role != "administrator" {
			// Chatwoot lists to an agent only the inboxes they are a member of (DESIGN.md §6.4).
			s.Note(k, "the inboxes the token's user is not a member of", "Chatwoot lists only an agent's own inboxes to an agent's token, "+
				"so other inboxes, their members and their settings are not exported; export with an administrator's token to take them all")
		}
		return emitAll(s, k, "inbox_id", objs, func(id int64, in *chatwoot.Inbox) string { return named("inbox", in.Name, id) },
			func(id int64, in *chatwoot.Inbox) ([]Attr, error) {
				attrs, err := inboxAttrs(in)
				if err == nil && csatConfigured(in.CSATConfig) {
					s.Note(k, named("inbox", in.Name, id), "its satisfaction survey settings (csat_config) are not written: "+
						"chatwoot_inbox manages them only where configured, and leaving them out leaves them as they are")
				}
				return attrs, err
			})
	},
}

// inboxIndex is the inbox list indexed, with the names inboxNames gives.
func (s *Session) inboxIndex(ctx context.Context) (indexed[chatwoot.Inbox], error) {
	inboxes, err := s.inboxes(ctx)
	if err != nil {
		return indexed[chatwoot.Inbox]{}, err
	}
	return index(s, "inbox", inboxes, func(in *chatwoot.Inbox) int64 { return in.ID }, func(in *chatwoot.Inbox) string { return in.Name }), nil
}

func inboxAttrs(in *chatwoot.Inbox) ([]Attr, error) {
	channel := in.Kind()
	if channel != chatwoot.ChannelAPI && channel != chatwoot.ChannelWebWidget {
		return nil, refuseBecause("its channel is %s, a channel type the provider does not manage; what refers to it uses the chatwoot_inbox data source", channel)
	}
	if channel == chatwoot.ChannelWebWidget && in.WebsiteURL == "" {
		return nil, refuseBecause("the web widget has no website_url, which chatwoot_inbox requires")
	}
	a := attrList{{"name", String(in.Name)}, {"channel_type", String(channel)}}
	a.boolean("greeting_enabled", in.GreetingEnabled, false)
	a.str("greeting_message", in.GreetingMessage, "")
	a.boolean("enable_email_collect", in.EnableEmailCollect, true)
	a.boolean("allow_messages_after_resolved", in.AllowMessagesAfterResolved, true)
	a.boolean("lock_to_single_conversation", in.LockToSingleConversation, false)
	a.str("sender_name_type", in.SenderNameType, "friendly")
	a.str("business_name", in.BusinessName, "")
	a.str("timezone", in.Timezone, "UTC")
	a.boolean("working_hours_enabled", in.WorkingHoursEnabled, false)
	a.str("out_of_office_message", in.OutOfOfficeMessage, "")
	if !isChatwootDefaultWeek(in.WorkingHours) {
		a.add("working_hours", workingHoursObjects(in.WorkingHours))
	}
	a.boolean("csat_survey_enabled", in.CSATSurveyEnabled, false)
	if channel == chatwoot.ChannelAPI {
		if api := apiChannelAttrs(in); len(api) > 0 {
			a.add("api", Object(api))
		}
	} else {
		a.add("web_widget", Object(webWidgetAttrs(in)))
	}
	return a, nil
}

// apiChannelAttrs writes additional_attributes as the resource reads it on import: Go's
// encoding of the object, which jsonencode() does not always match.
func apiChannelAttrs(in *chatwoot.Inbox) attrList {
	var a attrList
	a.str("webhook_url", in.WebhookURL, "")
	a.boolean("hmac_mandatory", in.HMACMandatory, false)
	if len(in.AdditionalAttributes) > 0 {
		raw, _ := json.Marshal(in.AdditionalAttributes)
		a.add("additional_attributes", String(string(raw)))
	}
	return a
}

var defaultWidgetFlags = []string{"attachments", "emoji_picker", "end_conversation"}

func webWidgetAttrs(in *chatwoot.Inbox) attrList {
	a := attrList{{"website_url", String(in.WebsiteURL)}}
	a.str("widget_color", in.WidgetColor, "#1f93ff")
	a.str("welcome_title", in.WelcomeTitle, "")
	a.str("welcome_tagline", in.WelcomeTagline, "")
	a.str("reply_time", in.ReplyTime, "in_a_few_minutes")
	a.boolean("pre_chat_form_enabled", in.PreChatFormEnabled, false)
	a.boolean("continuity_via_email", in.ContinuityViaEmail, true)
	a.boolean("hmac_mandatory", in.HMACMandatory, false)
	a.str("allowed_domains", in.AllowedDomains, "")
	flags := slices.Sorted(slices.Values(in.SelectedFeatureFlags))
	if !slices.Equal(flags, defaultWidgetFlags) {
		list := List{}
		for _, f := range flags {
			list = append(list, String(f))
		}
		a.add("selected_feature_flags", list)
	}
	return a
}

// isChatwootDefaultWeek reports the week Chatwoot gives a new inbox: Monday to Friday 9:00 to
// 17:00, closed at the weekend. Other hours are written, all seven days, as the resource takes them.
func isChatwootDefaultWeek(days []chatwoot.WorkingHour) bool {
	if len(days) != 7 {
		return false
	}
	is := func(p *int, v int) bool { return p != nil && *p == v }
	for _, d := range days {
		weekend := d.DayOfWeek == 0 || d.DayOfWeek == 6
		nineToFive := is(d.OpenHour, 9) && is(d.OpenMinutes, 0) && is(d.CloseHour, 17) && is(d.CloseMinutes, 0)
		if d.OpenAllDay || d.ClosedAllDay != weekend || (!weekend && !nineToFive) {
			return false
		}
	}
	return true
}

// workingHoursObjects lists the days Sunday first, with the hours only on a day that is open
// for part of it (the resource reads them as null elsewhere).
func workingHoursObjects(days []chatwoot.WorkingHour) Objects {
	sorted := slices.Clone(days)
	slices.SortStableFunc(sorted, func(x, y chatwoot.WorkingHour) int { return x.DayOfWeek - y.DayOfWeek })
	out := make(Objects, 0, len(sorted))
	for _, d := range sorted {
		day := attrList{{"day_of_week", Int(int64(d.DayOfWeek))}}
		day.boolean("closed_all_day", d.ClosedAllDay, false)
		day.boolean("open_all_day", d.OpenAllDay, false)
		if !d.ClosedAllDay && !d.OpenAllDay {
			for _, h := range []struct {
				name string
				v    *int
			}{{"open_hour", d.OpenHour}, {"open_minutes", d.OpenMinutes}, {"close_hour", d.CloseHour}, {"close_minutes", d.CloseMinutes}} {
				if h.v != nil {
					day.add(h.name, Int(int64(*h.v)))
				}
			}
		}
		out = append(out, Object(day))
	}
	return out
}

func csatConfigured(c chatwoot.CSATConfig) bool {
	return c.DisplayType != nil || c.Message != nil || c.ButtonText != nil || c.Language != nil || c.SurveyRules != nil || len(c.Template) > 0
}
