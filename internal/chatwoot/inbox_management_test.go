package chatwoot_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

func (e *routingEnv) agentClient(t *testing.T) *chatwoot.Client {
	t.Helper()
	c, err := chatwoot.New(chatwoot.Config{BaseURL: e.baseURL(), Token: e.sc.Agent1.AccessToken})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (e *routingEnv) baseURL() string { return e.fixtures.BaseURL }

func TestWebWidgetInboxLifecycle(t *testing.T) {
	e := newRoutingEnv(t)
	a := e.sc.Account.ID
	flags := []string{"attachments"}
	in, err := e.admin.CreateInbox(e.ctx, a, chatwoot.InboxCreate{
		Fields: chatwoot.InboxFields{Name: ptr("Shop"), Timezone: ptr("Europe/Berlin"), GreetingEnabled: ptr(true), GreetingMessage: ptr("Hi")},
		WebWidget: &chatwoot.WebWidgetFields{WebsiteURL: ptr("https://shop.example.test"), WidgetColor: ptr("#009900"),
			ReplyTime: ptr("in_a_day"), SelectedFeatureFlags: &flags},
	})
	if err != nil {
		t.Fatal(err)
	}
	if in.Kind() != chatwoot.ChannelWebWidget || in.WebsiteToken == "" || !strings.Contains(in.WebWidgetScript, in.WebsiteToken) ||
		in.HMACToken == "" || in.Secret != "" || in.InboxIdentifier != "" || in.WidgetColor != "#009900" || in.ReplyTime != "in_a_day" ||
		!reflect.DeepEqual(in.SelectedFeatureFlags, flags) || in.Timezone != "Europe/Berlin" || !in.GreetingEnabled || in.GreetingMessage != "Hi" ||
		len(in.WorkingHours) != 7 || !in.CSATConfig.IsEmpty() || in.PreChatFormOptions == nil || len(in.PreChatFormOptions.PreChatFields) != 3 {
		t.Fatalf("created = %+v", in)
	}

	hours := []chatwoot.WorkingHour{
		{DayOfWeek: 1, OpenHour: ptr(8), OpenMinutes: ptr(30), CloseHour: ptr(16), CloseMinutes: ptr(0)},
		{DayOfWeek: 6, OpenAllDay: true},
		{DayOfWeek: 3, ClosedAllDay: true},
	}
	if err := chatwoot.ValidateWorkingHours(hours); err != nil {
		t.Fatal(err)
	}
	up, err := e.admin.UpdateInbox(e.ctx, a, in.ID, chatwoot.InboxUpdate{
		Fields:       chatwoot.InboxFields{WorkingHoursEnabled: ptr(true), CSATConfig: &chatwoot.CSATConfig{Message: ptr("Rate us")}},
		WorkingHours: hours,
		WebWidget:    &chatwoot.WebWidgetFields{WelcomeTitle: ptr("Welcome")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !up.WorkingHoursEnabled || up.WelcomeTitle != "Welcome" || *up.WorkingHours[1].OpenHour != 8 || !up.WorkingHours[6].OpenAllDay ||
		!up.WorkingHours[3].ClosedAllDay {
		t.Fatalf("updated = %+v", up)
	}
	// The server fills in the CSAT defaults; FillCSATDefaults predicts exactly what it stores.
	want := chatwoot.FillCSATDefaults(chatwoot.CSATConfig{Message: ptr("Rate us")})
	if g, w := mustJSON(t, up.CSATConfig), mustJSON(t, want); g != w {
		t.Fatalf("csat = %s, want %s", g, w)
	}

	// A day Chatwoot skips silently is reported, with the inbox as it is.
	bad := []chatwoot.WorkingHour{{DayOfWeek: 2, OpenHour: ptr(18), OpenMinutes: ptr(0), CloseHour: ptr(9), CloseMinutes: ptr(0)},
		{DayOfWeek: 4, OpenHour: ptr(10), OpenMinutes: ptr(0), CloseHour: ptr(12), CloseMinutes: ptr(0)}}
	got, err := e.admin.UpdateInbox(e.ctx, a, in.ID, chatwoot.InboxUpdate{WorkingHours: bad})
	var skipped *chatwoot.WorkingHoursNotAppliedError
	if !errors.As(err, &skipped) || !reflect.DeepEqual(skipped.Days, []int{2}) || got == nil || *got.WorkingHours[4].OpenHour != 10 {
		t.Fatalf("skipped day: %v, %+v", err, got)
	}
	if chatwoot.ValidateWorkingHours(bad) == nil {
		t.Fatal("the skipped day passes validation")
	}

	if _, err := e.admin.ResetInboxSecret(e.ctx, a, in.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("reset_secret of a web widget: %v; want 404", err)
	}

	// Deletion is asynchronous: the inbox still reads once, then it is gone.
	if err := e.admin.DeleteInbox(e.ctx, a, in.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.GetInbox(e.ctx, a, in.ID); err != nil {
		t.Fatalf("the inbox should still read while the job is pending: %v", err)
	}
	if err := e.admin.WaitForInboxDeletion(e.ctx, a, in.ID, time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if err := e.admin.DeleteInbox(e.ctx, a, in.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("deleting a gone inbox: %v; want 404", err)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

func TestAPIInboxSecretsAndReset(t *testing.T) {
	e := newRoutingEnv(t)
	a := e.sc.Account.ID
	in, err := e.admin.CreateInbox(e.ctx, a, chatwoot.InboxCreate{Fields: chatwoot.InboxFields{Name: ptr("Backend")},
		API: &chatwoot.APIChannelFields{WebhookURL: ptr("https://hooks.example.test/in"), HMACMandatory: ptr(true),
			AdditionalAttributes: map[string]any{"team": "core"}}})
	if err != nil {
		t.Fatal(err)
	}
	if in.Kind() != chatwoot.ChannelAPI || in.Secret == "" || in.HMACToken == "" || in.InboxIdentifier == "" || !in.HMACMandatory ||
		in.WebhookURL != "https://hooks.example.test/in" || in.AdditionalAttributes["team"] != "core" || in.WebsiteToken != "" {
		t.Fatalf("created = %+v", in)
	}
	reset, err := e.admin.ResetInboxSecret(e.ctx, a, in.ID)
	if err != nil || reset.Secret == in.Secret || reset.Secret == "" || reset.HMACToken != in.HMACToken {
		t.Fatalf("reset = %+v, %v", reset, err)
	}
	// An agent member sees the public identifier but no secret.
	if err := e.fixtures.AddInboxMembers(e.ctx, e.sc.AdminToken, a, in.ID, []int64{e.sc.Agent1.ID}); err != nil {
		t.Fatal(err)
	}
	seen, err := e.agentClient(t).GetInbox(e.ctx, a, in.ID)
	if err != nil || seen.Secret != "" || seen.HMACToken != "" || seen.InboxIdentifier != in.InboxIdentifier {
		t.Fatalf("agent view = %+v, %v", seen, err)
	}
	// The list carries the new attributes too.
	list, err := e.admin.ListInboxes(e.ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range list {
		if x.ID == in.ID && (x.WebhookURL != in.WebhookURL || x.Secret != reset.Secret || len(x.WorkingHours) != 7) {
			t.Fatalf("listed = %+v", x)
		}
	}
}

func TestInboxRequestsRefusedBeforeSending(t *testing.T) {
	e := newRoutingEnv(t)
	e.mock.ResetRequests()
	a := e.sc.Account.ID
	if _, err := e.admin.CreateInbox(e.ctx, a, chatwoot.InboxCreate{Fields: chatwoot.InboxFields{Name: ptr("x")}}); err == nil {
		t.Fatal("a create without a channel was accepted")
	}
	if _, err := e.admin.UpdateInbox(e.ctx, a, e.sc.Inbox.ID, chatwoot.InboxUpdate{API: &chatwoot.APIChannelFields{}, WebWidget: &chatwoot.WebWidgetFields{}}); err == nil {
		t.Fatal("an update with two channels was accepted")
	}
	if n := len(e.mock.Requests()); n != 0 {
		t.Fatalf("%d requests sent", n)
	}
	// An update never sends the channel type (Chatwoot answers it with a 500).
	if _, err := e.admin.UpdateInbox(e.ctx, a, e.sc.Inbox.ID, chatwoot.InboxUpdate{API: &chatwoot.APIChannelFields{HMACMandatory: ptr(true)}}); err != nil {
		t.Fatal(err)
	}
}

func TestWorkingHourValidate(t *testing.T) {
	h := func(oh, om, ch, cm int) chatwoot.WorkingHour {
		return chatwoot.WorkingHour{DayOfWeek: 1, OpenHour: &oh, OpenMinutes: &om, CloseHour: &ch, CloseMinutes: &cm}
	}
	invalid := map[string]chatwoot.WorkingHour{
		"day 7":                {DayOfWeek: 7, ClosedAllDay: true},
		"day -1":               {DayOfWeek: -1, ClosedAllDay: true},
		"closed and all day":   {DayOfWeek: 1, ClosedAllDay: true, OpenAllDay: true},
		"open without hours":   {DayOfWeek: 1},
		"open missing a value": {DayOfWeek: 1, OpenHour: ptr(9), OpenMinutes: ptr(0), CloseHour: ptr(17)},
		"close before open":    h(17, 0, 9, 0),
		"close equals open":    h(9, 0, 9, 0),
		"hour 24":              h(9, 0, 24, 0),
		"minute 60":            h(9, 60, 17, 0),
		"negative":             h(-1, 0, 17, 0),
	}
	for name, w := range invalid {
		if w.Validate() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	for name, w := range map[string]chatwoot.WorkingHour{
		"closed":   {DayOfWeek: 0, ClosedAllDay: true},
		"all day":  {DayOfWeek: 6, OpenAllDay: true},
		"open":     h(0, 0, 23, 59),
		"one min":  h(9, 0, 9, 1),
		"9 to 17 ": h(9, 0, 17, 0),
	} {
		if err := w.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if chatwoot.ValidateWorkingHours([]chatwoot.WorkingHour{{DayOfWeek: 1, ClosedAllDay: true}, {DayOfWeek: 1, OpenAllDay: true}}) == nil {
		t.Error("a day listed twice was accepted")
	}
}

func TestAgentBotLifecycleAndInboxBinding(t *testing.T) {
	e := newRoutingEnv(t)
	a, inbox := e.sc.Account.ID, e.sc.Inbox.ID
	bot, err := e.admin.CreateAgentBot(e.ctx, a, chatwoot.AgentBotFields{Name: ptr("Triage"), Description: ptr("first answer"),
		OutgoingURL: ptr("https://bot.example.test/hook"), BotType: ptr("webhook")})
	if err != nil {
		t.Fatal(err)
	}
	if bot.AccessToken == "" || bot.Secret == "" || bot.SystemBot || bot.AccountID == nil || *bot.AccountID != a || bot.OutgoingURL == "" {
		t.Fatalf("created = %+v", bot)
	}
	up, err := e.admin.UpdateAgentBot(e.ctx, a, bot.ID, chatwoot.AgentBotFields{Description: ptr("changed"), BotConfig: map[string]any{"k": "v"}})
	if err != nil || up.Description != "changed" || up.Name != "Triage" || up.BotConfig["k"] != "v" {
		t.Fatalf("updated = %+v, %v", up, err)
	}
	rotated, err := e.admin.ResetAgentBotAccessToken(e.ctx, a, bot.ID)
	if err != nil || rotated.AccessToken == bot.AccessToken || rotated.AccessToken == "" {
		t.Fatalf("token reset = %+v, %v", rotated, err)
	}
	resecret, err := e.admin.ResetAgentBotSecret(e.ctx, a, bot.ID)
	if err != nil || resecret.Secret == bot.Secret || resecret.AccessToken != rotated.AccessToken {
		t.Fatalf("secret reset = %+v, %v", resecret, err)
	}
	list, err := e.admin.ListAgentBots(e.ctx, a)
	if err != nil || len(list) != 2 {
		t.Fatalf("list = %+v, %v (the fixture bot and this one)", list, err)
	}

	if got, err := e.admin.GetInboxAgentBot(e.ctx, a, inbox); !isNoBinding(err) || got != nil {
		t.Fatalf("unbound = %+v, %v; want the not-found error of no binding", got, err)
	}
	if err := e.admin.SetInboxAgentBot(e.ctx, a, inbox, bot.ID); err != nil {
		t.Fatal(err)
	}
	got, err := e.admin.GetInboxAgentBot(e.ctx, a, inbox)
	if err != nil || got == nil || got.ID != bot.ID || got.AccessToken != rotated.AccessToken || got.Secret == "" {
		t.Fatalf("bound = %+v, %v", got, err)
	}
	global, err := e.fixtures.CreatePlatformAgentBot(e.ctx, "Global", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.admin.SetInboxAgentBot(e.ctx, a, inbox, global.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := e.admin.GetInboxAgentBot(e.ctx, a, inbox); err != nil || got.ID != global.ID || !got.SystemBot {
		t.Fatalf("global binding = %+v, %v", got, err)
	}
	if _, err := e.admin.UpdateAgentBot(e.ctx, a, global.ID, chatwoot.AgentBotFields{Name: ptr("x")}); !chatwoot.IsNotFound(err) {
		t.Fatalf("updating a global bot: %v; want 404", err)
	}
	if err := e.admin.SetInboxAgentBot(e.ctx, a, inbox, 999999); !chatwoot.IsNotFound(err) {
		t.Fatalf("an unknown bot: %v; want 404", err)
	}
	if err := e.admin.DetachInboxAgentBot(e.ctx, a, inbox); err != nil {
		t.Fatal(err)
	}
	if got, err := e.admin.GetInboxAgentBot(e.ctx, a, inbox); !isNoBinding(err) || got != nil {
		t.Fatalf("detached = %+v, %v; want the not-found error of no binding", got, err)
	}

	if err := e.admin.DeleteAgentBot(e.ctx, a, bot.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.GetAgentBot(e.ctx, a, bot.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("deleted bot: %v; want 404", err)
	}
}

// isNoBinding reports whether err says that the inbox has no bot, rather than that it is unknown.
func isNoBinding(err error) bool {
	var nf *chatwoot.NotFoundError
	return errors.As(err, &nf) && chatwoot.IsNotFound(err)
}
