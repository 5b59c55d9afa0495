package export

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestExportInbox_writesApiAndWebWidgetInboxesAndRefusesOtherChannels(t *testing.T) {
	a := newAccount(t)
	plain := a.inbox(t, "Website")
	backend := a.inbox(t, "Backend")
	a.do(t, http.MethodPatch, fmt.Sprintf("inboxes/%d", backend), map[string]any{
		"greeting_enabled": true, "greeting_message": "Hello!", "enable_email_collect": false, "lock_to_single_conversation": true,
		"channel": map[string]any{"webhook_url": "https://hooks.acme.test/cw", "additional_attributes": map[string]any{"team": "core", "tier": 2}},
	})
	a.webWidget(t, "Chat", map[string]any{"website_url": "https://acme.test", "widget_color": "#000000", "welcome_title": "Hi",
		"pre_chat_form_enabled": true, "continuity_via_email": false, "selected_feature_flags": []any{"emoji_picker", "attachments", "allow_mobile_webview"}})
	mail := idOf(t, a.do(t, http.MethodPost, "inboxes", map[string]any{"name": "Mail", "channel": map[string]any{"type": "email", "email": "mail@acme.test"}}))

	dir, res := a.export(t, "inbox", "inbox_auto_assignment")
	if res.ByKind["inbox"] != 3 || res.Refused != 1 {
		t.Fatalf("result %+v, want 3 inboxes and the e-mail inbox refused", res)
	}
	wantFile(t, dir, "inbox.tf", `resource "chatwoot_inbox" "website" {
  name         = "Website"
  channel_type = "api"
}

resource "chatwoot_inbox" "backend" {
  name                        = "Backend"
  channel_type                = "api"
  greeting_enabled            = true
  greeting_message            = "Hello!"
  enable_email_collect        = false
  lock_to_single_conversation = true
  api = {
    webhook_url           = "https://hooks.acme.test/cw"
    additional_attributes = "{\"team\":\"core\",\"tier\":2}"
  }
}

resource "chatwoot_inbox" "chat" {
  name         = "Chat"
  channel_type = "web_widget"
  web_widget = {
    website_url            = "https://acme.test"
    widget_color           = "#000000"
    welcome_title          = "Hi"
    pre_chat_form_enabled  = true
    continuity_via_email   = false
    selected_feature_flags = ["allow_mobile_webview", "attachments", "emoji_picker"]
  }
}
`)
	// What refers to an exported inbox refers to the resource; to the refused one, the data source.
	auto := readFile(t, dir, "inbox_auto_assignment.tf")
	for _, want := range []string{"inbox_id = chatwoot_inbox.website.inbox_id", "inbox_id = data.chatwoot_inbox.mail.id"} {
		if !strings.Contains(auto, want) {
			t.Errorf("inbox_auto_assignment.tf lacks %q:\n%s", want, auto)
		}
	}
	wantFile(t, dir, "data.tf", `data "chatwoot_inbox" "mail" {
  name = "Mail"
}
`)
	if want := fmt.Sprintf(`inbox "Mail" (inbox %d): its channel is email, a channel type the provider does not manage`, mail); !strings.Contains(readFile(t, dir, "EXPORT.md"), want) {
		t.Errorf("EXPORT.md lacks %q", want)
	}
	// The server-made secrets are never written.
	shown := a.do(t, http.MethodGet, fmt.Sprintf("inboxes/%d", plain), nil)
	for _, key := range []string{"hmac_token", "secret", "inbox_identifier"} {
		secret, _ := shown[key].(string)
		if secret == "" {
			t.Fatalf("the mock shows no %s", key)
		}
		for _, name := range []string{"inbox.tf", "data.tf", "imports.tf", "EXPORT.md"} {
			if strings.Contains(readFile(t, dir, name), secret) {
				t.Errorf("%s holds the inbox's %s", name, key)
			}
		}
	}
}

func TestExportInbox_writesHoursOtherThanChatwootsWeekAndNotesTheSurveySettings(t *testing.T) {
	a := newAccount(t)
	id := a.inbox(t, "Night Desk")
	// The UI sends every key of every day.
	days := []any{map[string]any{"day_of_week": 0, "closed_all_day": false, "open_all_day": true}}
	for d := 1; d <= 5; d++ {
		days = append(days, map[string]any{"day_of_week": d, "closed_all_day": false, "open_all_day": false, "open_hour": 9, "open_minutes": 0, "close_hour": 17, "close_minutes": 0})
	}
	days = append(days, map[string]any{"day_of_week": 6, "closed_all_day": false, "open_all_day": false, "open_hour": 20, "open_minutes": 15, "close_hour": 23, "close_minutes": 59})
	a.do(t, http.MethodPatch, fmt.Sprintf("inboxes/%d", id), map[string]any{"timezone": "Asia/Tokyo", "working_hours": days,
		"csat_survey_enabled": true, "csat_config": map[string]any{"display_type": "star"}})

	dir, _ := a.export(t, "inbox")
	wantFile(t, dir, "inbox.tf", `resource "chatwoot_inbox" "night_desk" {
  name         = "Night Desk"
  channel_type = "api"
  timezone     = "Asia/Tokyo"
  working_hours = [
    {
      day_of_week  = 0
      open_all_day = true
    },
    {
      day_of_week   = 1
      open_hour     = 9
      open_minutes  = 0
      close_hour    = 17
      close_minutes = 0
    },
    {
      day_of_week   = 2
      open_hour     = 9
      open_minutes  = 0
      close_hour    = 17
      close_minutes = 0
    },
    {
      day_of_week   = 3
      open_hour     = 9
      open_minutes  = 0
      close_hour    = 17
      close_minutes = 0
    },
    {
      day_of_week   = 4
      open_hour     = 9
      open_minutes  = 0
      close_hour    = 17
      close_minutes = 0
    },
    {
      day_of_week   = 5
      open_hour     = 9
      open_minutes  = 0
      close_hour    = 17
      close_minutes = 0
    },
    {
      day_of_week   = 6
      open_hour     = 20
      open_minutes  = 15
      close_hour    = 23
      close_minutes = 59
    },
  ]
  csat_survey_enabled = true
}
`)
	if want := fmt.Sprintf(`inbox "Night Desk" (inbox %d): its satisfaction survey settings (csat_config) are not written`, id); !strings.Contains(readFile(t, dir, "EXPORT.md"), want) {
		t.Errorf("EXPORT.md lacks %q", want)
	}
}
