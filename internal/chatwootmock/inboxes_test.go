package chatwootmock

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func (h *harness) createInbox(sc *fixture.Scenario, body map[string]any) map[string]any {
	h.t.Helper()
	r := h.call("POST", acctPath(sc, "inboxes"), sc.AdminToken, body)
	r.expect(h.t, 200, "")
	return r.obj(h.t)
}

func (h *harness) addMember(sc *fixture.Scenario, inboxID, userID int64) {
	h.t.Helper()
	h.call("POST", acctPath(sc, "inbox_members"), sc.AdminToken, map[string]any{"inbox_id": inboxID, "user_ids": []int64{userID}}).
		expect(h.t, 200, "")
}

func widgetBody() map[string]any {
	return map[string]any{"name": "Site", "channel": map[string]any{"type": "web_widget", "website_url": "https://shop.example.test"}}
}

func TestInboxWebWidgetCreateDefaultsKeysAndTokens(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	r := h.call("POST", acctPath(sc, "inboxes"), sc.AdminToken, widgetBody())
	r.expect(t, 200, "")
	want := "id,avatar_url,channel_id,name,channel_type,greeting_enabled,greeting_message,working_hours_enabled," +
		"enable_email_collect,csat_survey_enabled,csat_config,enable_auto_assignment,auto_assignment_config," +
		"out_of_office_message,working_hours,timezone,callback_webhook_url,allow_messages_after_resolved," +
		"lock_to_single_conversation,sender_name_type,business_name,allowed_domains,widget_color,website_url," +
		"hmac_mandatory,welcome_title,welcome_tagline,web_widget_script,website_token,selected_feature_flags,reply_time," +
		"hmac_token,pre_chat_form_enabled,pre_chat_form_options,continuity_via_email,messaging_service_sid,phone_number,provider"
	if got := strings.Join(keysOf(t, r.body), ","); got != want {
		t.Fatalf("keys = %s", got)
	}
	in := r.obj(t)
	if in["channel_type"] != "Channel::WebWidget" || in["widget_color"] != "#1f93ff" || in["allowed_domains"] != "" ||
		in["reply_time"] != "in_a_few_minutes" || in["continuity_via_email"] != true || in["pre_chat_form_enabled"] != false ||
		fmt.Sprint(in["selected_feature_flags"]) != "[attachments emoji_picker end_conversation]" ||
		in["enable_email_collect"] != true || in["timezone"] != "UTC" || in["allow_messages_after_resolved"] != true {
		t.Fatalf("defaults = %s", r.body)
	}
	token := asStr(t, in["website_token"])
	if len(token) != 24 || !strings.Contains(asStr(t, in["web_widget_script"]), "websiteToken: '"+token+"'") {
		t.Fatalf("website token %q, script %v", token, in["web_widget_script"])
	}
	pre := asObj(t, in["pre_chat_form_options"])
	if pre["pre_chat_message"] != "Share your queries or comments here." || len(asArr(t, pre["pre_chat_fields"])) != 3 {
		t.Fatalf("pre-chat defaults = %v", pre)
	}
	id := num(in["id"])
	h.addMember(sc, id, sc.Agent1.ID)
	agentView := h.call("GET", acctPath(sc, "inboxes/%d", id), sc.Agent1.AccessToken, nil).obj(t)
	if _, ok := agentView["hmac_token"]; ok || agentView["website_token"] != token {
		t.Fatalf("agent view = %v", agentView)
	}
	h.call("POST", acctPath(sc, "inboxes"), sc.AdminToken, map[string]any{"name": "x", "channel": map[string]any{"type": "web_widget"}}).
		expect(t, 422, `{"message":"Website url can't be blank","attributes":["website_url"]}`)
	h.call("POST", acctPath(sc, "inboxes"), sc.AdminToken, map[string]any{"name": "x",
		"channel": map[string]any{"type": "web_widget", "website_url": "a.test", "widget_color": ""}}).
		expect(t, 422, `{"message":"Widget color can't be blank","attributes":["widget_color"]}`)
}

func TestInboxAPICreateSecretsForAdministratorsOnly(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	in := h.createInbox(sc, map[string]any{"name": "Backend", "channel": map[string]any{"type": "api",
		"webhook_url": "webhook.test", "hmac_mandatory": true, "additional_attributes": map[string]any{"k": "v"},
		"website_url": "dropped.test"}})
	if in["webhook_url"] != "webhook.test" || in["hmac_mandatory"] != true || asObj(t, in["additional_attributes"])["k"] != "v" ||
		in["website_url"] != nil || len(asStr(t, in["secret"])) != 24 || len(asStr(t, in["hmac_token"])) != 24 {
		t.Fatalf("api inbox = %v", in)
	}
	id := num(in["id"])
	h.addMember(sc, id, sc.Agent1.ID)
	agentView := h.call("GET", acctPath(sc, "inboxes/%d", id), sc.Agent1.AccessToken, nil).obj(t)
	_, hasSecret := agentView["secret"]
	_, hasHMAC := agentView["hmac_token"]
	if hasSecret || hasHMAC || agentView["inbox_identifier"] != in["inbox_identifier"] {
		t.Fatalf("agent view = %v", agentView)
	}
	for _, listed := range asArr(t, h.call("GET", acctPath(sc, "inboxes"), sc.Agent1.AccessToken, nil).obj(t)["payload"]) {
		if _, ok := asObj(t, listed)["secret"]; ok {
			t.Fatal("the list shows an agent the secret")
		}
	}
	h.call("POST", acctPath(sc, "inboxes"), sc.AdminToken, map[string]any{"name": "x",
		"channel": map[string]any{"type": "api", "additional_attributes": map[string]any{"agent_reply_time_window": 0}}}).
		expect(t, 422, `{"message":"Agent reply time window agent_reply_time_window must be greater than 0","attributes":["agent_reply_time_window"]}`)
}

func TestInboxCreateRefusals(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "inboxes")
	api := map[string]any{"type": "api"}
	for name, c := range map[string]struct {
		body   map[string]any
		status int
		want   string
	}{
		"agent":            {map[string]any{"name": "x", "channel": api}, 401, ""},
		"no channel":       {map[string]any{"name": "x"}, 500, `{"status":500,"error":"Internal Server Error"}`},
		"unknown type":     {map[string]any{"name": "x", "channel": map[string]any{"type": "pigeon"}}, 422, `{"message":"Channel must exist","attributes":["channel"]}`},
		"telegram offline": {map[string]any{"name": "x", "channel": map[string]any{"type": "telegram", "bot_token": "1:a"}}, 422, `{"message":"Bot token invalid token","attributes":["bot_token"]}`},
		"no name":          {map[string]any{"channel": api}, 422, `{"message":"Name can't be blank","attributes":["name"]}`},
		"timezone":         {map[string]any{"name": "x", "timezone": "Mars/Olympus", "channel": api}, 422, `{"message":"Timezone is not included in the list","attributes":["timezone"]}`},
		"sender name type": {map[string]any{"name": "x", "sender_name_type": "casual", "channel": api}, 500, ""},
		"reply time":       {map[string]any{"name": "x", "channel": map[string]any{"type": "web_widget", "website_url": "a", "reply_time": "soon"}}, 500, ""},
		"feature flag":     {map[string]any{"name": "x", "channel": map[string]any{"type": "web_widget", "website_url": "a", "selected_feature_flags": []string{"nope"}}}, 500, ""},
		"webhook url":      {map[string]any{"name": "x", "channel": map[string]any{"type": "api", "webhook_url": strings.Repeat("a", 2049)}}, 422, `{"message":"Webhook url is too long (maximum is 2048 characters)","attributes":["webhook_url"]}`},
	} {
		t.Run(name, func(t *testing.T) {
			token := sc.AdminToken
			if name == "agent" {
				token = sc.Agent1.AccessToken
			}
			h.call("POST", path, token, c.body).expect(t, c.status, c.want)
		})
	}
	if n := len(asArr(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["payload"])); n != 1 {
		t.Fatalf("refused creates left %d inboxes, want only the fixture's", n)
	}
	// The string "null" is null for top-level values.
	in := h.createInbox(sc, map[string]any{"name": "x", "greeting_message": "null", "channel": api})
	if in["greeting_message"] != nil {
		t.Fatalf("greeting_message = %v", in["greeting_message"])
	}
	// An email inbox needs no third party to be created, so data sources can meet one.
	mail := h.createInbox(sc, map[string]any{"name": "Mail", "channel": map[string]any{"type": "email", "email": "help@example.test"}})
	if mail["channel_type"] != "Channel::Email" || mail["email"] != "help@example.test" {
		t.Fatalf("email inbox = %v", mail)
	}
}

func TestInboxWorkingHoursCreatedWithSevenRows(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	in := h.createInbox(sc, map[string]any{"name": "x", "channel": map[string]any{"type": "api"},
		"working_hours": []any{map[string]any{"day_of_week": 1, "closed_all_day": true}}})
	rows := asArr(t, in["working_hours"])
	if len(rows) != 7 {
		t.Fatalf("rows = %v", rows)
	}
	for day, raw := range rows {
		w := asObj(t, raw)
		weekend := day == 0 || day == 6
		if num(w["day_of_week"]) != int64(day) || w["closed_all_day"] != weekend || w["open_all_day"] != false {
			t.Fatalf("day %d = %v (working_hours on create is ignored)", day, w)
		}
		if weekend && w["open_hour"] != nil || !weekend && (num(w["open_hour"]) != 9 || num(w["close_hour"]) != 17) {
			t.Fatalf("day %d hours = %v", day, w)
		}
	}
}

func day(t *testing.T, in map[string]any, d int) map[string]any {
	t.Helper()
	return asObj(t, asArr(t, in["working_hours"])[d])
}

func TestInboxWorkingHoursUpdateSkipsInvalidDaysSilently(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "inboxes/%d", sc.Inbox.ID)
	for name, row := range map[string]map[string]any{
		"close before open":   {"day_of_week": 2, "open_hour": 18, "open_minutes": 0, "close_hour": 9, "close_minutes": 0},
		"close equals open":   {"day_of_week": 2, "open_hour": 9, "open_minutes": 30, "close_hour": 9, "close_minutes": 30},
		"hour out of range":   {"day_of_week": 2, "open_hour": 24, "close_hour": 23},
		"minute out of range": {"day_of_week": 2, "open_minutes": 60},
		"negative hour":       {"day_of_week": 2, "open_hour": -1},
		"closed and all day":  {"day_of_week": 2, "closed_all_day": true, "open_all_day": true},
	} {
		t.Run(name, func(t *testing.T) {
			r := h.call("PATCH", path, sc.AdminToken, map[string]any{"name": "renamed " + name, "working_hours": []any{
				row, map[string]any{"day_of_week": 3, "open_hour": 8}}})
			r.expect(t, 200, "")
			in := r.obj(t)
			tue, wed := day(t, in, 2), day(t, in, 3)
			if tue["closed_all_day"] != false || tue["open_all_day"] != false || num(tue["open_hour"]) != 9 || num(tue["close_hour"]) != 17 ||
				num(tue["open_minutes"]) != 0 || num(tue["close_minutes"]) != 0 {
				t.Fatalf("the invalid day changed: %v", tue)
			}
			if num(wed["open_hour"]) != 8 || in["name"] != "renamed "+name {
				t.Fatalf("the rest of the request was not saved: %v, %v", wed, in["name"])
			}
		})
	}
	// Valid forms: closed keeps the stored hours; all day sets 0:00–23:59; the form-encoded
	// spelling of a default Sunday with hours stays closed and gets the hours.
	r := h.call("PATCH", path, sc.AdminToken, map[string]any{"working_hours": []any{
		map[string]any{"day_of_week": 1, "closed_all_day": true},
		map[string]any{"day_of_week": 4, "open_all_day": true},
		map[string]any{"day_of_week": 0, "open_hour": 9, "open_minutes": 0, "close_hour": 17, "close_minutes": 0},
		map[string]any{"day_of_week": 5, "open_hour": "10", "close_hour": 16, "close_minutes": 45},
	}})
	r.expect(t, 200, "")
	in := r.obj(t)
	if mon := day(t, in, 1); mon["closed_all_day"] != true || num(mon["open_hour"]) != 9 {
		t.Fatalf("closed Monday = %v", mon)
	}
	if thu := day(t, in, 4); thu["open_all_day"] != true || num(thu["open_hour"]) != 0 || num(thu["close_hour"]) != 23 || num(thu["close_minutes"]) != 59 {
		t.Fatalf("all-day Thursday = %v", thu)
	}
	if sun := day(t, in, 0); sun["closed_all_day"] != true || num(sun["open_hour"]) != 9 {
		t.Fatalf("Sunday = %v", sun)
	}
	if fri := day(t, in, 5); num(fri["open_hour"]) != 10 || num(fri["close_minutes"]) != 45 {
		t.Fatalf("Friday = %v", fri)
	}
}

func TestInboxWorkingHoursUpdateRaises(t *testing.T) {
	for _, version := range []string{"4.15.1", "4.16.0"} {
		t.Run(version, func(t *testing.T) {
			h := newHarnessWith(t, Options{ChatwootVersion: version})
			sc := h.seed(fixture.SeedOptions{})
			path := acctPath(sc, "inboxes/%d", sc.Inbox.ID)
			for name, row := range map[string]map[string]any{
				"day 7":             {"day_of_week": 7, "closed_all_day": true},
				"day -1":            {"day_of_week": -1},
				"no day":            {"closed_all_day": true},
				"reopen a bare day": {"day_of_week": 0, "closed_all_day": false},
				"null hour":         {"day_of_week": 2, "open_hour": nil},
			} {
				h.call("PATCH", path, sc.AdminToken, map[string]any{"name": "n " + name, "working_hours": []any{
					map[string]any{"day_of_week": 3, "open_hour": 7}, row}}).expect(t, 500, "")
				in := h.call("GET", path, sc.AdminToken, nil).obj(t)
				if num(day(t, in, 3)["open_hour"]) != 9 {
					t.Fatalf("%s: the days of the failed list were kept", name)
				}
				// 4.15.1 saved the inbox attributes before the working hours; 4.16.0 rolls back.
				if saved := in["name"] == "n "+name; saved != (version == "4.15.1") {
					t.Fatalf("%s: name = %v", name, in["name"])
				}
			}
		})
	}
}

func TestInboxCSATCreateStoresAsSentUpdateFillsDefaults(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	in := h.createInbox(sc, map[string]any{"name": "x", "csat_survey_enabled": true, "channel": map[string]any{"type": "api"},
		"csat_config": map[string]any{"display_type": "star", "bogus": 1}})
	if fmt.Sprint(in["csat_config"]) != "map[display_type:star]" || in["csat_survey_enabled"] != true {
		t.Fatalf("create csat = %v", in["csat_config"])
	}
	path := acctPath(sc, "inboxes/%d", num(in["id"]))
	r := h.call("PATCH", path, sc.AdminToken, map[string]any{"csat_config": map[string]any{"message": "Rate us",
		"survey_rules": map[string]any{"values": []string{"support"}},
		"template":     map[string]any{"name": "csat", "language": "en", "secret": "dropped"}}})
	r.expect(t, 200, "")
	got := asObj(t, r.obj(t)["csat_config"])
	if fmt.Sprint(got) != "map[button_text:Please rate us display_type:emoji language:en message:Rate us "+
		"survey_rules:map[operator:contains values:[support]] template:map[language:en name:csat]]" {
		t.Fatalf("update csat = %v", got)
	}
	// {} and absence leave it; an update without template drops the template.
	h.call("PATCH", path, sc.AdminToken, map[string]any{"csat_config": map[string]any{}}).expect(t, 200, "")
	if c := asObj(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["csat_config"]); c["template"] == nil {
		t.Fatalf("{} changed the config: %v", c)
	}
	r = h.call("PATCH", path, sc.AdminToken, map[string]any{"csat_config": map[string]any{"display_type": "star"}})
	if c := asObj(t, r.obj(t)["csat_config"]); c["template"] != nil || c["display_type"] != "star" || c["message"] != "" {
		t.Fatalf("csat after an update without template = %v", c)
	}
}

func TestInboxChannelTypeImmutable(t *testing.T) {
	for _, version := range []string{"4.15.1", "4.16.0"} {
		t.Run(version, func(t *testing.T) {
			h := newHarnessWith(t, Options{ChatwootVersion: version})
			sc := h.seed(fixture.SeedOptions{})
			path := acctPath(sc, "inboxes/%d", sc.Inbox.ID)
			h.call("PATCH", path, sc.AdminToken, map[string]any{"name": "moved", "channel": map[string]any{"type": "web_widget"}}).
				expect(t, 500, "")
			in := h.call("GET", path, sc.AdminToken, nil).obj(t)
			if in["channel_type"] != "Channel::Api" || (in["name"] == "moved") != (version == "4.15.1") {
				t.Fatalf("after a type change: %v, %v", in["channel_type"], in["name"])
			}
			// Attributes of another channel type are dropped, and do not trigger a channel update.
			r := h.call("PATCH", path, sc.AdminToken, map[string]any{"channel": map[string]any{"selected_feature_flags": []string{"nope"}}})
			r.expect(t, 200, "")
			if r.obj(t)["selected_feature_flags"] != nil {
				t.Fatalf("api inbox = %s", r.body)
			}
		})
	}
}

func TestInboxWebWidgetUpdate(t *testing.T) {
	for _, version := range []string{"4.15.1", "4.16.0"} {
		t.Run(version, func(t *testing.T) {
			h := newHarnessWith(t, Options{ChatwootVersion: version})
			sc := h.seed(fixture.SeedOptions{})
			in := h.createInbox(sc, widgetBody())
			path := acctPath(sc, "inboxes/%d", num(in["id"]))
			r := h.call("PATCH", path, sc.AdminToken, map[string]any{"channel": map[string]any{
				"selected_feature_flags": []string{"allow_mobile_webview", "attachments"}, "reply_time": "in_a_day",
				"welcome_title": "Hi", "allowed_domains": "a.test,b.test", "webhook_url": "dropped",
				"pre_chat_form_options": map[string]any{"pre_chat_message": "lost without fields"}}})
			r.expect(t, 200, "")
			got := r.obj(t)
			if fmt.Sprint(got["selected_feature_flags"]) != "[attachments allow_mobile_webview]" || got["reply_time"] != "in_a_day" ||
				got["welcome_title"] != "Hi" || got["allowed_domains"] != "a.test,b.test" ||
				asObj(t, got["pre_chat_form_options"])["pre_chat_message"] != "Share your queries or comments here." {
				t.Fatalf("widget = %s", r.body)
			}
			fields := []any{map[string]any{"name": "emailAddress", "type": "email", "required": true, "enabled": true, "label": "Email", "field_type": "standard"}}
			r = h.call("PATCH", path, sc.AdminToken, map[string]any{"channel": map[string]any{"selected_feature_flags": []string{},
				"pre_chat_form_options": map[string]any{"pre_chat_message": "kept", "pre_chat_fields": fields}}})
			got = r.obj(t)
			if len(asArr(t, got["selected_feature_flags"])) != 0 || asObj(t, got["pre_chat_form_options"])["pre_chat_message"] != "kept" {
				t.Fatalf("widget = %s", r.body)
			}
			h.call("PATCH", path, sc.AdminToken, map[string]any{"name": "renamed", "channel": map[string]any{"website_url": ""}}).
				expect(t, 422, `{"message":"Website url can't be blank","attributes":["website_url"]}`)
			if saved := h.call("GET", path, sc.AdminToken, nil).obj(t)["name"] == "renamed"; saved != (version == "4.15.1") {
				t.Fatalf("name saved = %v", saved)
			}
		})
	}
}

func TestInboxDeleteIsAsynchronous(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	path := acctPath(sc, "inboxes/%d", sc.Inbox.ID)
	h.call("POST", acctPath(sc, "webhooks"), sc.AdminToken, map[string]any{"url": "https://hook.example.test", "inbox_id": sc.Inbox.ID}).
		expect(t, 200, "")
	h.call("DELETE", path, sc.Agent1.AccessToken, nil).expect(t, 401, "")
	h.call("DELETE", path, sc.AdminToken, nil).expect(t, 200, `{"message":"Your inbox deletion request will be processed in some time."}`)
	// The first request after the DELETE still sees the inbox, unchanged.
	h.call("GET", path, sc.AdminToken, nil).expect(t, 200, "")
	h.call("GET", path, sc.AdminToken, nil).expect(t, 404, `{"error":"Resource could not be found"}`)
	if n := len(asArr(t, h.call("GET", acctPath(sc, "inboxes"), sc.AdminToken, nil).obj(t)["payload"])); n != 0 {
		t.Fatalf("%d inboxes listed after the job", n)
	}
	h.call("GET", acctPath(sc, "conversations/%d", sc.Conversations[0].ID), sc.AdminToken, nil).expect(t, 404, "")
	hooks := asArr(t, asObj(t, h.call("GET", acctPath(sc, "webhooks"), sc.AdminToken, nil).obj(t)["payload"])["webhooks"])
	if len(hooks) != 0 {
		t.Fatalf("the inbox's webhook survived: %v", hooks)
	}
	h.call("DELETE", path, sc.AdminToken, nil).expect(t, 404, "")
}

func TestInboxDeleteDelayIsCountedInRequests(t *testing.T) {
	for delay, visible := range map[int]int{3: 3, -1: 0} {
		t.Run(fmt.Sprint(delay), func(t *testing.T) {
			h := newHarnessWith(t, Options{InboxDeletionDelay: delay})
			sc := h.seed(fixture.SeedOptions{})
			path := acctPath(sc, "inboxes/%d", sc.Inbox.ID)
			h.call("DELETE", path, sc.AdminToken, nil).expect(t, 200, "")
			for i := 0; i < visible; i++ {
				// Any request counts; a repeated DELETE answers the same and does not postpone the job.
				h.call("DELETE", path, sc.AdminToken, nil).expect(t, 200, "")
			}
			h.call("GET", path, sc.AdminToken, nil).expect(t, 404, "")
		})
	}
}

func TestInboxResetSecretOnlyForAPIInboxes(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	before := h.call("GET", acctPath(sc, "inboxes/%d", sc.Inbox.ID), sc.AdminToken, nil).obj(t)
	r := h.call("POST", acctPath(sc, "inboxes/%d/reset_secret", sc.Inbox.ID), sc.AdminToken, nil)
	r.expect(t, 200, "")
	after := r.obj(t)
	if after["secret"] == before["secret"] || after["hmac_token"] != before["hmac_token"] || after["inbox_identifier"] != before["inbox_identifier"] {
		t.Fatalf("reset: before %v, after %v", before["secret"], after["secret"])
	}
	h.call("POST", acctPath(sc, "inboxes/%d/reset_secret", sc.Inbox.ID), sc.Agent1.AccessToken, nil).expect(t, 401, "")
	widget := h.createInbox(sc, widgetBody())
	r = h.call("POST", acctPath(sc, "inboxes/%d/reset_secret", num(widget["id"])), sc.AdminToken, nil)
	r.expect(t, 404, "")
	if len(r.body) != 0 {
		t.Fatalf("body = %q, want none", r.body)
	}
}

func TestInboxAgentBotBinding(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	other := h.seed(fixture.SeedOptions{})
	global := h.call("POST", "/platform/api/v1/agent_bots", testPlatformToken, map[string]any{"name": "G"}).obj(t)
	path := acctPath(sc, "inboxes/%d/agent_bot", sc.Inbox.ID)
	set := acctPath(sc, "inboxes/%d/set_agent_bot", sc.Inbox.ID)

	h.call("GET", path, sc.AdminToken, nil).expect(t, 200, `{}`)
	h.call("POST", set, sc.AdminToken, map[string]any{"agent_bot": sc.Bot.ID}).expect(t, 200, "")
	r := h.call("GET", path, sc.Agent1.AccessToken, nil) // a member agent reads it, token included (4.15.1)
	r.expect(t, 200, "")
	bot := asObj(t, r.obj(t)["agent_bot"])
	tok := asObj(t, bot["access_token"])
	if num(bot["id"]) != sc.Bot.ID || tok["token"] != sc.Bot.AccessToken || tok["owner_type"] != "AgentBot" || num(tok["owner_id"]) != sc.Bot.ID {
		t.Fatalf("binding = %s", r.body)
	}
	if _, ok := bot["secret"]; ok {
		t.Fatal("an agent sees the bot's secret")
	}
	if _, ok := asObj(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["agent_bot"])["secret"]; !ok {
		t.Fatal("an administrator does not see the bot's secret")
	}

	for name, v := range map[string]any{"unknown": 999999, "zero": 0, "empty": "", "foreign": other.Bot.ID} {
		t.Run(name, func(t *testing.T) {
			h.call("POST", set, sc.AdminToken, map[string]any{"agent_bot": v}).expect(t, 404, `{"error":"Resource could not be found"}`)
		})
	}
	// The bot lookup runs before the role check; a non-member agent fails at the inbox.
	h.call("POST", set, sc.Agent1.AccessToken, map[string]any{"agent_bot": 999999}).expect(t, 404, "")
	h.call("POST", set, sc.Agent1.AccessToken, map[string]any{"agent_bot": sc.Bot.ID}).expect(t, 401, "")
	second := h.createInbox(sc, widgetBody())
	h.call("POST", acctPath(sc, "inboxes/%d/set_agent_bot", num(second["id"])), sc.Agent1.AccessToken, map[string]any{"agent_bot": 999999}).
		expect(t, 401, "")
	h.call("GET", acctPath(sc, "inboxes/%d/agent_bot", num(second["id"])), sc.Agent1.AccessToken, nil).expect(t, 401, "")
	h.call("GET", acctPath(sc, "inboxes/999999/agent_bot"), sc.AdminToken, nil).expect(t, 404, "")

	// One bot per inbox: a global bot re-points the binding; its JSON has no outgoing_url.
	h.call("POST", set, sc.AdminToken, map[string]any{"agent_bot": num(global["id"])}).expect(t, 200, "")
	g := asObj(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["agent_bot"])
	if _, ok := g["outgoing_url"]; ok || num(g["id"]) != num(global["id"]) || g["system_bot"] != true {
		t.Fatalf("global binding = %v", g)
	}
	for _, detach := range []any{nil, false, "missing"} {
		h.call("POST", set, sc.AdminToken, map[string]any{"agent_bot": sc.Bot.ID}).expect(t, 200, "")
		body := map[string]any{"agent_bot": detach}
		if detach == "missing" {
			body = map[string]any{}
		}
		h.call("POST", set, sc.AdminToken, body).expect(t, 200, "")
		h.call("GET", path, sc.AdminToken, nil).expect(t, 200, `{}`)
	}
}

func TestInboxAgentBotBindingHidesTokenFromAgentsFrom4_16(t *testing.T) {
	h := newHarnessWith(t, Options{ChatwootVersion: "4.16.1"})
	sc := h.seed(fixture.SeedOptions{})
	h.call("POST", acctPath(sc, "inboxes/%d/set_agent_bot", sc.Inbox.ID), sc.AdminToken, map[string]any{"agent_bot": sc.Bot.ID}).expect(t, 200, "")
	path := acctPath(sc, "inboxes/%d/agent_bot", sc.Inbox.ID)
	if _, ok := asObj(t, h.call("GET", path, sc.Agent1.AccessToken, nil).obj(t)["agent_bot"])["access_token"]; ok {
		t.Fatal("an agent sees the token")
	}
	if _, ok := asObj(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["agent_bot"])["access_token"]; !ok {
		t.Fatal("an administrator does not see the token")
	}
}

func TestAgentBotResetTokenAndSecret(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	global := h.call("POST", "/platform/api/v1/agent_bots", testPlatformToken, map[string]any{"name": "G"}).obj(t)
	r := h.call("POST", acctPath(sc, "agent_bots/%d/reset_access_token", sc.Bot.ID), sc.AdminToken, nil)
	r.expect(t, 200, "")
	fresh := asStr(t, r.obj(t)["access_token"])
	if fresh == sc.Bot.AccessToken {
		t.Fatal("token unchanged")
	}
	h.call("GET", acctPath(sc, "conversations/1"), sc.Bot.AccessToken, nil).expect(t, 401, `{"error":"Invalid Access Token"}`)
	before := asStr(t, r.obj(t)["secret"])
	r = h.call("POST", acctPath(sc, "agent_bots/%d/reset_secret", sc.Bot.ID), sc.AdminToken, nil)
	r.expect(t, 200, "")
	if s := asStr(t, r.obj(t)["secret"]); s == before || r.obj(t)["access_token"] != fresh {
		t.Fatalf("reset_secret = %s", r.body)
	}
	for _, route := range []string{"reset_access_token", "reset_secret"} {
		h.call("POST", acctPath(sc, "agent_bots/%d/%s", num(global["id"]), route), sc.AdminToken, nil).expect(t, 404, "")
		h.call("POST", acctPath(sc, "agent_bots/999999/%s", route), sc.Agent1.AccessToken, nil).expect(t, 401, "")
	}
	h.call("DELETE", acctPath(sc, "agent_bots/%d/avatar", sc.Bot.ID), sc.AdminToken, nil).expect(t, 200, "")
}

func TestInboxLimitOrderAcrossVersions(t *testing.T) {
	for _, c := range []struct {
		version, edition string
		agent, admin     int
	}{
		{"4.15.1", EditionEnterprise, 402, 402}, // the limit runs before the role check
		{"4.16.0", EditionEnterprise, 401, 402}, // a model callback after it
		{"4.16.0", EditionCommunity, 401, 200},  // no inbox limit on community from 4.16.0
	} {
		t.Run(c.version+"-"+c.edition, func(t *testing.T) {
			h := newHarnessWith(t, Options{ChatwootVersion: c.version, Edition: c.edition})
			sc := h.seed(fixture.SeedOptions{})
			h.call("PATCH", fmt.Sprintf("/platform/api/v1/accounts/%d", sc.Account.ID), testPlatformToken,
				map[string]any{"limits": map[string]any{"inboxes": 1}}).expect(t, 200, "")
			body := map[string]any{"name": "x", "channel": map[string]any{"type": "api"}}
			h.call("POST", acctPath(sc, "inboxes"), sc.Agent1.AccessToken, body).expect(t, c.agent, "")
			h.call("POST", acctPath(sc, "inboxes"), sc.AdminToken, body).expect(t, c.admin, "")
		})
	}
}

func TestInboxAgentBotBindingAfterBotDeletion(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	bot := h.call("POST", acctPath(sc, "agent_bots"), sc.AdminToken, map[string]any{"name": "Short-lived"}).obj(t)
	h.call("POST", acctPath(sc, "inboxes/%d/set_agent_bot", sc.Inbox.ID), sc.AdminToken, map[string]any{"agent_bot": num(bot["id"])}).
		expect(t, 200, "")
	h.call("DELETE", acctPath(sc, "agent_bots/%d", num(bot["id"])), sc.AdminToken, nil).expect(t, 200, "")
	h.call("GET", acctPath(sc, "inboxes/%d/agent_bot", sc.Inbox.ID), sc.AdminToken, nil).expect(t, 200, `{}`)
}

func TestInboxOtherChannelTypes(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "inboxes")
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "x", "channel": map[string]any{"type": "line"}}).
		expect(t, 422, `{"message":"Line channel can't be blank, Line channel secret can't be blank, Line channel token can't be blank",`+
			`"attributes":["line_channel_id","line_channel_secret","line_channel_token"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "x", "channel": map[string]any{"type": "whatsapp", "phone_number": "+1"}}).
		expect(t, 422, `{"message":"Provider config Invalid Credentials","attributes":["provider_config"]}`)
	sms := h.createInbox(sc, map[string]any{"name": "Texts", "channel": map[string]any{"type": "sms", "phone_number": "+15550100"}})
	if sms["channel_type"] != "Channel::Sms" || sms["phone_number"] != "+15550100" || sms["website_token"] != nil {
		t.Fatalf("sms inbox = %v", sms)
	}
	h.call("POST", acctPath(sc, "inboxes/%d/reset_secret", num(sms["id"])), sc.AdminToken, nil).expect(t, 404, "")
}
