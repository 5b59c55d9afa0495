package chatwoot_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// vocabEnv is a seeded mock with an administrator's and an agent's client.
type vocabEnv struct {
	mock  *chatwootmock.Server
	sc    *fixture.Scenario
	admin *chatwoot.Client
	agent *chatwoot.Client
	ctx   context.Context
	acct  int64
}

func newVocabEnv(t *testing.T, opts chatwootmock.Options) *vocabEnv {
	t.Helper()
	const platformToken = "vocab-platform-token"
	opts.PlatformToken = platformToken
	mock, baseURL := chatwootmock.StartTest(t, opts)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	seed := fixture.SeedOptions{Name: t.Name()}
	sc, err := fixture.New(baseURL, platformToken).Seed(ctx, seed)
	if err != nil {
		t.Fatalf("seeding: %v", err)
	}
	admin, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL, Token: sc.AdminToken})
	if err != nil {
		t.Fatal(err)
	}
	agent, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL, Token: sc.Agent1.AccessToken})
	if err != nil {
		t.Fatal(err)
	}
	return &vocabEnv{mock: mock, sc: sc, admin: admin, agent: agent, ctx: ctx, acct: sc.Account.ID}
}

// wantUnprocessable checks a 422 that names the field.
func wantUnprocessable(t *testing.T, err error, field string) {
	t.Helper()
	var apiErr *chatwoot.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 422 || !slices.Contains(apiErr.Attributes, field) {
		t.Fatalf("want a 422 naming %q, got %v", field, err)
	}
}

func TestLabelClientRoundTrip(t *testing.T) {
	e := newVocabEnv(t, chatwootmock.Options{})
	l, err := e.admin.CreateLabel(e.ctx, e.acct, chatwoot.LabelFields{Title: ptr("VIP"), Description: ptr("big")})
	if err != nil {
		t.Fatal(err)
	}
	if l.Title != chatwoot.LabelTitle("VIP") || l.Color != chatwoot.DefaultLabelColor || l.ShowOnSidebar != nil || l.Description != "big" {
		t.Fatalf("created = %+v", l)
	}
	_, err = e.admin.CreateLabel(e.ctx, e.acct, chatwoot.LabelFields{Title: ptr("vip")})
	wantUnprocessable(t, err, "title")
	if l, err = e.admin.UpdateLabel(e.ctx, e.acct, l.ID, chatwoot.LabelFields{Color: ptr("#000000"), ShowOnSidebar: ptr(false)}); err != nil ||
		l.Color != "#000000" || l.ShowOnSidebar == nil || *l.ShowOnSidebar {
		t.Fatalf("updated = %+v, %v", l, err)
	}
	list, err := e.agent.ListLabels(e.ctx, e.acct)
	if err != nil || len(list) != 1 || list[0].ID != l.ID || list[0].Color != "#000000" || list[0].ShowOnSidebar == nil {
		t.Fatalf("list = %+v, %v", list, err)
	}
	if _, err := e.agent.GetLabel(e.ctx, e.acct, l.ID); !chatwoot.IsUnauthorized(err) {
		t.Fatalf("agents may not read one label: %v", err)
	}
	if err := e.admin.DeleteLabel(e.ctx, e.acct, l.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.GetLabel(e.ctx, e.acct, l.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("after delete: %v", err)
	}
}

func TestWebhookClientRoundTrip(t *testing.T) {
	e := newVocabEnv(t, chatwootmock.Options{})
	w, err := e.admin.CreateWebhook(e.ctx, e.acct, chatwoot.WebhookFields{URL: ptr("https://example.test/h"), InboxID: ptr(e.sc.Inbox.ID)})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(w.Subscriptions, chatwoot.DefaultWebhookSubscriptions) || w.Secret == "" || w.Inbox == nil || w.Inbox.ID != e.sc.Inbox.ID {
		t.Fatalf("created = %+v", w)
	}
	_, err = e.admin.CreateWebhook(e.ctx, e.acct, chatwoot.WebhookFields{URL: ptr("https://example.test/h")})
	wantUnprocessable(t, err, "url")
	_, err = e.admin.UpdateWebhook(e.ctx, e.acct, w.ID, chatwoot.WebhookFields{Subscriptions: []string{}})
	wantUnprocessable(t, err, "subscriptions")
	got, err := e.admin.UpdateWebhook(e.ctx, e.acct, w.ID, chatwoot.WebhookFields{Name: ptr("n"), ClearInbox: true,
		Subscriptions: chatwoot.WebhookEvents})
	if err != nil || got.Inbox != nil || got.Name != "n" || got.Secret != w.Secret || !slices.Equal(got.Subscriptions, chatwoot.WebhookEvents) {
		t.Fatalf("updated = %+v, %v", got, err)
	}
	list, err := e.admin.ListWebhooks(e.ctx, e.acct)
	if err != nil || len(list) != 1 || list[0].URL != "https://example.test/h" {
		t.Fatalf("list = %+v, %v", list, err)
	}
	if _, err := e.agent.ListWebhooks(e.ctx, e.acct); !chatwoot.IsUnauthorized(err) {
		t.Fatalf("agent list: %v", err)
	}
	if err := e.admin.DeleteWebhook(e.ctx, e.acct, w.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.admin.DeleteWebhook(e.ctx, e.acct, w.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("second delete: %v", err)
	}
}

func TestCannedResponseClientRoundTrip(t *testing.T) {
	e := newVocabEnv(t, chatwootmock.Options{})
	cr, err := e.agent.CreateCannedResponse(e.ctx, e.acct, chatwoot.CannedResponseFields{ShortCode: ptr("Thanks"), Content: ptr("Thank you!")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.agent.CreateCannedResponse(e.ctx, e.acct, chatwoot.CannedResponseFields{ShortCode: ptr("thanks"), Content: ptr("x")}); err != nil {
		t.Fatalf("short codes are case-sensitive: %v", err)
	}
	_, err = e.agent.CreateCannedResponse(e.ctx, e.acct, chatwoot.CannedResponseFields{ShortCode: ptr("Thanks"), Content: ptr("x")})
	wantUnprocessable(t, err, "short_code")
	if cr, err = e.admin.UpdateCannedResponse(e.ctx, e.acct, cr.ID, chatwoot.CannedResponseFields{Content: ptr("Cheers")}); err != nil || cr.Content != "Cheers" || cr.ShortCode != "Thanks" {
		t.Fatalf("updated = %+v, %v", cr, err)
	}
	found, err := e.admin.SearchCannedResponses(e.ctx, e.acct, "cheer")
	if err != nil || len(found) != 1 || found[0].ID != cr.ID {
		t.Fatalf("search = %+v, %v", found, err)
	}
	if all, err := e.admin.ListCannedResponses(e.ctx, e.acct); err != nil || len(all) != 2 {
		t.Fatalf("list = %+v, %v", all, err)
	}
	if err := e.agent.DeleteCannedResponse(e.ctx, e.acct, cr.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.agent.DeleteCannedResponse(e.ctx, e.acct, cr.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("second delete: %v", err)
	}
}

func TestCustomAttributeDefinitionClientRoundTrip(t *testing.T) {
	e := newVocabEnv(t, chatwootmock.Options{})
	d, err := e.admin.CreateCustomAttributeDefinition(e.ctx, e.acct, chatwoot.CustomAttributeDefinitionFields{
		AttributeDisplayName: ptr("Plan"), AttributeKey: ptr(" plan "), AttributeModel: ptr("contact_attribute"),
		AttributeDisplayType: ptr("list"), AttributeValues: &[]string{"free", "pro"}, RegexPattern: ptr("^[a-z]+$"), RegexCue: ptr("lowercase")})
	if err != nil {
		t.Fatal(err)
	}
	if d.AttributeKey != "plan" || d.AttributeModel != "contact_attribute" || !slices.Equal(d.AttributeValues, chatwoot.ScalarValues{"free", "pro"}) || d.RegexCue != "lowercase" {
		t.Fatalf("created = %+v", d)
	}
	if list, err := e.agent.ListCustomAttributeDefinitions(e.ctx, e.acct, "conversation_attribute"); err != nil || len(list) != 0 {
		t.Fatalf("conversation list = %+v, %v", list, err)
	}
	if got, err := e.agent.GetCustomAttributeDefinition(e.ctx, e.acct, d.ID); err != nil || got.AttributeKey != d.AttributeKey || got.RegexPattern != "^[a-z]+$" {
		t.Fatalf("get = %+v, %v", got, err)
	}
	if d, err = e.admin.UpdateCustomAttributeDefinition(e.ctx, e.acct, d.ID, chatwoot.CustomAttributeDefinitionFields{AttributeValues: &[]string{}}); err != nil || len(d.AttributeValues) != 0 {
		t.Fatalf("updated = %+v, %v", d, err)
	}
	if err := e.admin.DeleteCustomAttributeDefinition(e.ctx, e.acct, d.ID); err != nil {
		t.Fatalf("delete (204): %v", err)
	}
	if _, err := e.agent.GetCustomAttributeDefinition(e.ctx, e.acct, d.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("after delete: %v", err)
	}
}

func TestMacroClientRoundTripAndMissingIDs(t *testing.T) {
	e := newVocabEnv(t, chatwootmock.Options{})
	in := chatwoot.MacroInput{Name: "Escalate", Visibility: "global", Actions: []chatwoot.AutomationAction{
		{ActionName: "add_label", ActionParams: []chatwoot.Param{chatwoot.StringParam("vip")}},
		{ActionName: "assign_team", ActionParams: []chatwoot.Param{chatwoot.IntParam(e.sc.Team.ID)}},
		{ActionName: "resolve_conversation"},
	}}
	m, err := e.admin.CreateMacro(e.ctx, e.acct, in)
	if err != nil {
		t.Fatal(err)
	}
	if m.Visibility != "global" || m.CreatedBy == nil || m.CreatedBy.ID != e.sc.Admin.ID || len(m.Actions) != 3 ||
		m.Actions[1].ActionParams[0].Int == nil || *m.Actions[1].ActionParams[0].Int != e.sc.Team.ID {
		t.Fatalf("created = %+v", m)
	}
	mine, err := e.agent.CreateMacro(e.ctx, e.acct, chatwoot.MacroInput{Name: "Mine", Visibility: "global"})
	if err != nil || mine.Visibility != "personal" {
		t.Fatalf("an agent's macro is personal: %+v, %v", mine, err)
	}
	if list, err := e.admin.ListMacros(e.ctx, e.acct); err != nil || len(list) != 1 || list[0].ID != m.ID {
		t.Fatalf("the administrator does not see the agent's personal macro: %+v, %v", list, err)
	}
	if _, err := e.admin.GetMacro(e.ctx, e.acct, mine.ID); !chatwoot.IsUnauthorized(err) {
		t.Fatalf("get another's personal macro: %v", err)
	}
	in.Name = "Escalate now"
	if m, err = e.admin.UpdateMacro(e.ctx, e.acct, m.ID, in); err != nil || m.Name != "Escalate now" || m.Visibility != "global" {
		t.Fatalf("updated = %+v, %v", m, err)
	}
	_, err = e.admin.CreateMacro(e.ctx, e.acct, chatwoot.MacroInput{Name: "x", Visibility: "global",
		Actions: []chatwoot.AutomationAction{{ActionName: "open_conversation"}}})
	wantUnprocessable(t, err, "actions")
	if err := e.admin.DeleteMacro(e.ctx, e.acct, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.GetMacro(e.ctx, e.acct, m.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("get after delete: %v", err)
	}
	if _, err := e.admin.UpdateMacro(e.ctx, e.acct, m.ID, in); !chatwoot.IsNotFound(err) || !errors.As(err, new(*chatwoot.NotFoundError)) {
		t.Fatalf("update of a deleted macro (a 500 in Chatwoot, confirmed absent by a read): %v", err)
	}
	if err := e.admin.DeleteMacro(e.ctx, e.acct, m.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("delete of a deleted macro: %v", err)
	}
	// Another user's personal macro answers update with 401, not a missing error.
	if _, err := e.admin.UpdateMacro(e.ctx, e.acct, mine.ID, in); !chatwoot.IsUnauthorized(err) || chatwoot.IsNotFound(err) {
		t.Fatalf("update of another's personal macro: %v", err)
	}
}

func TestSLAPolicyClientRoundTripAndAsyncDelete(t *testing.T) {
	e := newVocabEnv(t, chatwootmock.Options{})
	p, err := e.admin.CreateSLAPolicy(e.ctx, e.acct, chatwoot.SLAPolicyInput{Name: "Gold", FirstResponseTimeThreshold: ptr(3600.0),
		ResolutionTimeThreshold: ptr(86400.0), OnlyDuringBusinessHours: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.FirstResponseTimeThreshold == nil || *p.FirstResponseTimeThreshold != 3600 || p.NextResponseTimeThreshold != nil || !p.OnlyDuringBusinessHours {
		t.Fatalf("created = %+v", p)
	}
	_, err = e.admin.CreateSLAPolicy(e.ctx, e.acct, chatwoot.SLAPolicyInput{Name: ""})
	wantUnprocessable(t, err, "name")
	if p, err = e.admin.UpdateSLAPolicy(e.ctx, e.acct, p.ID, chatwoot.SLAPolicyInput{Name: "Gold", Description: ptr("d")}); err != nil ||
		p.Description != "d" || p.FirstResponseTimeThreshold != nil {
		t.Fatalf("an update sends every field: %+v, %v", p, err)
	}
	if got, err := e.agent.GetSLAPolicy(e.ctx, e.acct, p.ID); err != nil || *got != *p {
		t.Fatalf("get = %+v, %v", got, err)
	}
	if err := e.admin.DeleteSLAPolicy(e.ctx, e.acct, p.ID); err != nil {
		t.Fatal(err)
	}
	if listed, err := e.admin.SLAPolicyListed(e.ctx, e.acct, p.ID); err != nil || !listed {
		t.Fatalf("the deletion job has not run yet: listed=%v, %v", listed, err)
	}
	if err := e.admin.WaitSLAPolicyDeleted(e.ctx, e.acct, p.ID, time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.GetSLAPolicy(e.ctx, e.acct, p.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("get after the job (a 500 in Chatwoot): %v", err)
	}
	if _, err := e.admin.UpdateSLAPolicy(e.ctx, e.acct, p.ID, chatwoot.SLAPolicyInput{Name: "x"}); !chatwoot.IsNotFound(err) {
		t.Fatalf("update after the job: %v", err)
	}
	if err := e.admin.DeleteSLAPolicy(e.ctx, e.acct, p.ID); err != nil {
		t.Fatalf("deleting an unknown id is a 200: %v", err)
	}
}

func TestSLAPoliciesOutsideEnterpriseOrWithoutTheFeature(t *testing.T) {
	community := newVocabEnv(t, chatwootmock.Options{Edition: chatwootmock.EditionCommunity})
	if _, err := community.admin.ListSLAPolicies(community.ctx, community.acct); !chatwoot.IsNotFound(err) {
		t.Fatalf("Community: %v", err)
	}
	noFeature := newVocabEnv(t, chatwootmock.Options{ChatwootVersion: "4.17.0"})
	if _, err := noFeature.admin.ListSLAPolicies(noFeature.ctx, noFeature.acct); chatwoot.AuthProblemOf(err) != chatwoot.AuthForbidden {
		t.Fatalf("4.17.0 without the sla feature: %v", err)
	}
}

// The shared vocabularies are exactly what the mock (and Chatwoot) accept.
func TestVocabulariesMatchWhatChatwootAccepts(t *testing.T) {
	e := newVocabEnv(t, chatwootmock.Options{})
	for _, name := range chatwoot.MacroActionNames {
		if !slices.Contains(chatwoot.AutomationActionNames, name) {
			t.Errorf("macro action %q is not an automation action", name)
		}
		if _, ok := chatwoot.MacroActionParams[name]; !ok && name != "send_attachment" {
			t.Errorf("macro action %q has no param rule", name)
		}
		if name == "send_attachment" {
			continue // needs an uploaded file
		}
		if _, err := e.admin.CreateMacro(e.ctx, e.acct, chatwoot.MacroInput{Name: name, Visibility: "global",
			Actions: []chatwoot.AutomationAction{{ActionName: name}}}); err != nil {
			t.Errorf("macro action %q refused: %v", name, err)
		}
	}
	for _, name := range chatwoot.AutomationActionNames {
		if slices.Contains(chatwoot.MacroActionNames, name) {
			continue
		}
		_, err := e.admin.CreateMacro(e.ctx, e.acct, chatwoot.MacroInput{Name: name, Visibility: "global",
			Actions: []chatwoot.AutomationAction{{ActionName: name}}})
		wantUnprocessable(t, err, "actions")
	}
	if problem := chatwoot.MacroActionParams["assign_agent"].Check(chatwoot.ParamSelf); problem != "" {
		t.Errorf("a macro may assign the executing user: %s", problem)
	}
	if problem := chatwoot.AutomationActionParams["assign_agent"].Check(chatwoot.ParamSelf); problem == "" {
		t.Error("automation rules have no self")
	}
	for i, ev := range chatwoot.WebhookEvents {
		if _, err := e.admin.CreateWebhook(e.ctx, e.acct, chatwoot.WebhookFields{URL: ptr(fmt.Sprintf("https://example.test/%d", i)),
			Subscriptions: []string{ev}}); err != nil {
			t.Errorf("event %q refused: %v", ev, err)
		}
	}
	_, err := e.admin.CreateWebhook(e.ctx, e.acct, chatwoot.WebhookFields{URL: ptr("https://example.test/x"), Subscriptions: []string{"conversation_opened"}})
	wantUnprocessable(t, err, "subscriptions")
	// No combination of a known display type and model fails.
	for _, model := range chatwoot.CustomAttributeModels {
		for _, typ := range chatwoot.CustomAttributeDisplayTypes {
			if _, err := e.admin.CreateCustomAttributeDefinition(e.ctx, e.acct, chatwoot.CustomAttributeDefinitionFields{
				AttributeDisplayName: ptr(typ), AttributeKey: ptr(typ + "_" + model), AttributeModel: ptr(model), AttributeDisplayType: ptr(typ)}); err != nil {
				t.Errorf("%s/%s: %v", model, typ, err)
			}
		}
		for _, key := range chatwoot.CustomAttributeStandardKeys[model] {
			if !chatwoot.CustomAttributeKeyReserved(model, key) {
				t.Fatalf("%s is reserved", key)
			}
			_, err := e.admin.CreateCustomAttributeDefinition(e.ctx, e.acct, chatwoot.CustomAttributeDefinitionFields{
				AttributeDisplayName: ptr(key), AttributeKey: ptr(key), AttributeModel: ptr(model)})
			wantUnprocessable(t, err, "attribute_key")
		}
	}
	if _, err := e.admin.CreateCustomAttributeDefinition(e.ctx, e.acct, chatwoot.CustomAttributeDefinitionFields{
		AttributeDisplayName: ptr("x"), AttributeKey: ptr("x"), AttributeDisplayType: ptr("dropdown")}); err == nil ||
		chatwoot.ValidCustomAttributeEnum(chatwoot.CustomAttributeDisplayTypes, "dropdown") {
		t.Fatalf("an unknown display type is a 500 and not in the set: %v", err)
	}
	for title, ok := range map[string]bool{"vip": true, "学中文_12": true, "a": false, "_lead": false, "has space": false, "VIP": true} {
		if chatwoot.LabelTitlePattern.MatchString(title) != ok {
			t.Errorf("title %q: want valid=%v", title, ok)
		}
	}
	if chatwoot.LabelTitle("VIP") != "vip" {
		t.Error("titles are stored downcased")
	}
	for colour, ok := range map[string]bool{"#1f93ff": true, "#ABCDEF": true, "#fff": false, "red": false, "1f93ff": false} {
		if chatwoot.LabelColorPattern.MatchString(colour) != ok {
			t.Errorf("colour %q: want valid=%v", colour, ok)
		}
	}
}
