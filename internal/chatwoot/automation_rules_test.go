package chatwoot

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// automationFake answers the automation rule endpoints exactly as DESIGN.md §6.6 describes Chatwoot
// v4.15.1: bare create, {"payload":…} for list/show/update, 500 for an unknown id, and 401
// "You are not authorized to do this action" for an agent's token.
type automationFake struct {
	mu       sync.Mutex
	rules    map[int64]json.RawMessage
	nextID   int64
	bodies   []map[string]json.RawMessage
	requests []string
	// agentToken is answered like an agent's token: Pundit's denial, 401.
	agentToken string
}

func newAutomationFake(t *testing.T) (*automationFake, *Client) {
	t.Helper()
	f := &automationFake{rules: map[int64]json.RawMessage{}, nextID: 1, agentToken: "agent-token"}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, newAutomationTestClient(t, srv.URL, "admin-token")
}

func newAutomationTestClient(t *testing.T, baseURL, token string) *Client {
	t.Helper()
	c, err := New(Config{BaseURL: baseURL, Token: token, MaxRetries: 2, Sleep: func(context.Context, time.Duration) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *automationFake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.Method+" "+r.URL.Path)
	w.Header().Set("Content-Type", "application/json")
	if r.Header.Get(TokenHeader) == f.agentToken {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"error":"You are not authorized to do this action"}`)
		return
	}
	const prefix = "/api/v1/accounts/1/automation_rules"
	rest, ok := strings.CutPrefix(r.URL.Path, prefix)
	if !ok {
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error":"Resource could not be found"}`)
		return
	}
	var body map[string]json.RawMessage
	if r.Body != nil {
		raw, _ := io.ReadAll(r.Body)
		if len(raw) > 0 {
			_ = json.Unmarshal(raw, &body)
			f.bodies = append(f.bodies, body)
		}
	}
	if rest == "" {
		switch r.Method {
		case http.MethodGet:
			list := make([]json.RawMessage, 0, len(f.rules))
			for id := int64(1); id < f.nextID; id++ {
				if rule, ok := f.rules[id]; ok {
					list = append(list, rule)
				}
			}
			writeAutomationJSON(w, map[string]any{"payload": list})
		case http.MethodPost:
			var conds []map[string]any
			_ = json.Unmarshal(body["conditions"], &conds)
			for _, c := range conds {
				if c["attribute_key"] == "bogus" {
					w.WriteHeader(http.StatusUnprocessableEntity)
					_, _ = io.WriteString(w, `{"error":{"conditions":["Automation conditions bogus not supported."]}}`)
					return
				}
			}
			id := f.nextID
			f.nextID++
			f.rules[id] = f.render(id, body)
			_, _ = w.Write(f.rules[id]) // bare, not wrapped
		}
		return
	}
	var id int64
	if err := json.Unmarshal([]byte(strings.TrimPrefix(rest, "/")), &id); err != nil {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	rule, exists := f.rules[id]
	if !exists {
		// find_by returns nil and the controller calls a method on it.
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, `{"status":500,"error":"Internal Server Error"}`)
		return
	}
	switch r.Method {
	case http.MethodGet:
		writeAutomationJSON(w, map[string]json.RawMessage{"payload": rule})
	case http.MethodPatch, http.MethodPut:
		var current map[string]json.RawMessage
		_ = json.Unmarshal(rule, &current)
		for k, v := range body {
			current[k] = v
		}
		f.rules[id] = f.render(id, current)
		writeAutomationJSON(w, map[string]json.RawMessage{"payload": f.rules[id]})
	case http.MethodDelete:
		delete(f.rules, id)
	}
}

func (f *automationFake) render(id int64, body map[string]json.RawMessage) json.RawMessage {
	out := map[string]json.RawMessage{}
	for _, k := range []string{"name", "description", "event_name", "active", "conditions", "actions"} {
		if v, ok := body[k]; ok {
			out[k] = v
		}
	}
	out["id"], _ = json.Marshal(id)
	out["account_id"] = json.RawMessage(`1`)
	out["created_on"] = json.RawMessage(`1760000000`)
	raw, _ := json.Marshal(out)
	return raw
}

func writeAutomationJSON(w http.ResponseWriter, v any) {
	_ = json.NewEncoder(w).Encode(v)
}

func sampleRuleInput() AutomationRuleInput {
	and := "AND"
	return AutomationRuleInput{
		Name:      "billing vip",
		EventName: "conversation_created",
		Active:    true,
		Conditions: []AutomationCondition{
			{AttributeKey: "inbox_id", FilterOperator: "equal_to", Values: []Param{IntParam(4)}, QueryOperator: &and},
			{AttributeKey: "status", FilterOperator: "equal_to", Values: []Param{StringParam("open")}},
		},
		Actions: []AutomationAction{
			{ActionName: "assign_team", ActionParams: []Param{IntParam(3)}},
			{ActionName: "assign_agent", ActionParams: []Param{StringParam("nil")}},
			{ActionName: "send_email_to_team", ActionParams: []Param{EmailToTeamParam("hi", []int64{3, 5})}},
			{ActionName: "remove_assigned_team"},
		},
	}
}

func TestAutomationRuleCRUD(t *testing.T) {
	f, c := newAutomationFake(t)
	ctx := context.Background()

	created, err := c.CreateAutomationRule(ctx, 1, sampleRuleInput())
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	if created.ID != 1 || created.Name != "billing vip" || !created.Active || created.CreatedOn == 0 {
		t.Fatalf("create decoded the bare rule wrongly: %+v", created)
	}

	// The wire format: ids are JSON integers, "nil" a string, send_email_to_team an object, the
	// last condition's query_operator null, and an action without params has no action_params.
	sent := f.bodies[0]
	wantConditions := `[{"attribute_key":"inbox_id","filter_operator":"equal_to","values":[4],"query_operator":"AND"},` +
		`{"attribute_key":"status","filter_operator":"equal_to","values":["open"],"query_operator":null}]`
	if got := string(sent["conditions"]); got != wantConditions {
		t.Errorf("conditions sent as\n%s\nwant\n%s", got, wantConditions)
	}
	wantActions := `[{"action_name":"assign_team","action_params":[3]},{"action_name":"assign_agent","action_params":["nil"]},` +
		`{"action_name":"send_email_to_team","action_params":[{"message":"hi","team_ids":[3,5]}]},{"action_name":"remove_assigned_team"}]`
	if got := string(sent["actions"]); got != wantActions {
		t.Errorf("actions sent as\n%s\nwant\n%s", got, wantActions)
	}

	got, err := c.GetAutomationRule(ctx, 1, created.ID)
	if err != nil {
		t.Fatalf("show: %v", err)
	}
	if p := got.Actions[0].ActionParams[0]; p.Int == nil || *p.Int != 3 {
		t.Errorf("assign_team param read back as %+v, want integer 3", p)
	}
	if p := got.Actions[2].ActionParams[0]; p.EmailToTeam == nil || p.EmailToTeam.Message != "hi" || len(p.EmailToTeam.TeamIDs) != 2 {
		t.Errorf("send_email_to_team param read back as %+v", p)
	}
	if got.Conditions[1].QueryOperator != nil {
		t.Errorf("last condition's query operator read back as %q, want none", *got.Conditions[1].QueryOperator)
	}

	in := sampleRuleInput()
	in.Active = false
	in.Name = "renamed"
	updated, err := c.UpdateAutomationRule(ctx, 1, created.ID, in)
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	if updated.Name != "renamed" || updated.Active {
		t.Errorf("update decoded the payload wrongly: %+v", updated)
	}

	rules, err := c.ListAutomationRules(ctx, 1)
	if err != nil || len(rules) != 1 {
		t.Fatalf("list: %v, %d rules", err, len(rules))
	}

	if err := c.DeleteAutomationRule(ctx, 1, created.ID); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := c.GetAutomationRule(ctx, 1, created.ID); !IsNotFound(err) {
		t.Fatalf("show after delete: want AutomationRuleNotFoundError, got %v", err)
	}
}

// Chatwoot answers an unknown rule id with 500; the client confirms absence with the list and
// must not retry the 500.
func TestAutomationRuleUnknownIDIsConfirmedByList(t *testing.T) {
	f, c := newAutomationFake(t)
	ctx := context.Background()

	_, err := c.GetAutomationRule(ctx, 1, 99)
	if !IsNotFound(err) {
		t.Fatalf("want AutomationRuleNotFoundError, got %v", err)
	}
	if !strings.Contains(err.Error(), "HTTP 500") {
		t.Errorf("the error should carry Chatwoot's 500: %v", err)
	}
	want := []string{"GET /api/v1/accounts/1/automation_rules/99", "GET /api/v1/accounts/1/automation_rules"}
	if strings.Join(f.requests, ",") != strings.Join(want, ",") {
		t.Errorf("requests %v, want %v", f.requests, want)
	}
	if err := c.DeleteAutomationRule(ctx, 1, 99); !IsNotFound(err) {
		t.Errorf("delete of an unknown rule: want AutomationRuleNotFoundError, got %v", err)
	}
	if _, err := c.UpdateAutomationRule(ctx, 1, 99, sampleRuleInput()); !IsNotFound(err) {
		t.Errorf("update of an unknown rule: want AutomationRuleNotFoundError, got %v", err)
	}
}

// A 500 for a rule that is still in the list is a real server error and stays one.
func TestAutomationRuleServerErrorForExistingRule(t *testing.T) {
	var listed bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/automation_rules") {
			listed = true
			_, _ = io.WriteString(w, `{"payload":[{"id":7,"name":"x","event_name":"conversation_created","conditions":[],"actions":[]}]}`)
			return
		}
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, `{"status":500,"error":"Internal Server Error"}`)
	}))
	defer srv.Close()
	c := newAutomationTestClient(t, srv.URL, "admin-token")
	_, err := c.GetAutomationRule(context.Background(), 1, 7)
	if IsNotFound(err) || !listed {
		t.Fatalf("want the 500 itself after checking the list, got %v (listed=%v)", err, listed)
	}
	if e, ok := asAPIError(err); !ok || e.StatusCode != http.StatusInternalServerError {
		t.Fatalf("want an APIError 500, got %v", err)
	}
}

func TestAutomationRuleValidationErrorHashForm(t *testing.T) {
	_, c := newAutomationFake(t)
	in := sampleRuleInput()
	in.Conditions[0].AttributeKey = "bogus"
	_, err := c.CreateAutomationRule(context.Background(), 1, in)
	e, ok := asAPIError(err)
	if !ok || e.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("want 422, got %v", err)
	}
	if e.Message != "Automation conditions bogus not supported." || len(e.Attributes) != 1 || e.Attributes[0] != "conditions" {
		t.Errorf("422 decoded as message %q attributes %v", e.Message, e.Attributes)
	}
}

func TestAutomationRuleAgentTokenIsForbidden(t *testing.T) {
	f, _ := newAutomationFake(t)
	srv := httptest.NewServer(f)
	defer srv.Close()
	agent := newAutomationTestClient(t, srv.URL, f.agentToken)
	_, err := agent.ListAutomationRules(context.Background(), 1)
	if AuthProblemOf(err) != AuthForbidden {
		t.Fatalf("want AuthForbidden, got %v", err)
	}
	// A 401 on show is not a reason to list: it is returned as it is.
	_, err = agent.GetAutomationRule(context.Background(), 1, 1)
	if AuthProblemOf(err) != AuthForbidden || IsNotFound(err) {
		t.Fatalf("want AuthForbidden on show, got %v", err)
	}
}

func TestParamJSONRoundTrip(t *testing.T) {
	cases := []struct {
		in       string
		wantText string
		check    func(Param) bool
	}{
		{`5`, "5", func(p Param) bool { return p.Int != nil && *p.Int == 5 }},
		{`5.0`, "5", func(p Param) bool { return p.Int != nil && *p.Int == 5 }},
		{`"5"`, "5", func(p Param) bool { return p.Str != nil && *p.Str == "5" }},
		{`"nil"`, "nil", func(p Param) bool { return p.Str != nil }},
		{`{"message":"m","team_ids":[1,"2"]}`, `{"message":"m","team_ids":[1,"2"]}`, func(p Param) bool { return p.Raw != nil }},
		{`{"team_ids":[1],"message":"m"}`, `{"message":"m","team_ids":[1]}`, func(p Param) bool { return p.EmailToTeam != nil }},
		{`true`, "true", func(p Param) bool { return p.Raw != nil }},
		{`1.5`, "1.5", func(p Param) bool { return p.Raw != nil }},
	}
	for _, tc := range cases {
		var p Param
		if err := json.Unmarshal([]byte(tc.in), &p); err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		if !tc.check(p) {
			t.Errorf("%s decoded as %+v", tc.in, p)
		}
		if p.String() != tc.wantText {
			t.Errorf("%s: String() = %q, want %q", tc.in, p.String(), tc.wantText)
		}
	}
}

// The same round trip against the project's mock: envelopes, integer ids, 500 for an unknown id
// confirmed by the list, and an agent's 401.
func TestAutomationRulesAgainstMock(t *testing.T) {
	t.Parallel()
	c, sc, fx := seededClient(t)
	ctx := context.Background()
	a := sc.Account.ID
	in := sampleRuleInput()
	in.Conditions[0].Values = []Param{IntParam(sc.Inbox.ID)}
	in.Actions[0].ActionParams = []Param{IntParam(sc.Team.ID)}

	created, err := c.CreateAutomationRule(ctx, a, in)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	got, err := c.GetAutomationRule(ctx, a, created.ID)
	if err != nil {
		t.Fatalf("show: %v", err)
	}
	if p := got.Actions[0].ActionParams[0]; p.Int == nil || *p.Int != sc.Team.ID {
		t.Errorf("assign_team param read back as %+v, want integer %d", p, sc.Team.ID)
	}
	in.Active = false
	if updated, err := c.UpdateAutomationRule(ctx, a, created.ID, in); err != nil || updated.Active {
		t.Fatalf("update: %v (%+v)", err, updated)
	}
	if rules, err := c.ListAutomationRules(ctx, a); err != nil || len(rules) != 1 {
		t.Fatalf("list: %v, %d rules", err, len(rules))
	}

	agent, err := New(Config{BaseURL: fx.BaseURL, Token: sc.Agent1.AccessToken})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := agent.GetAutomationRule(ctx, a, created.ID); AuthProblemOf(err) != AuthForbidden {
		t.Errorf("agent show: want AuthForbidden, got %v", err)
	}

	bad := in
	bad.Conditions = []AutomationCondition{{AttributeKey: "bogus", FilterOperator: "equal_to", Values: []Param{StringParam("x")}}}
	_, err = c.CreateAutomationRule(ctx, a, bad)
	if e, ok := asAPIError(err); !ok || e.StatusCode != http.StatusUnprocessableEntity || len(e.Attributes) == 0 || e.Attributes[0] != "conditions" {
		t.Errorf("unknown attribute key: want 422 on conditions, got %v", err)
	}

	if err := c.DeleteAutomationRule(ctx, a, created.ID); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := c.GetAutomationRule(ctx, a, created.ID); !IsNotFound(err) {
		t.Errorf("show after delete: want AutomationRuleNotFoundError, got %v", err)
	}
	if err := c.DeleteAutomationRule(ctx, a, created.ID); !IsNotFound(err) {
		t.Errorf("second delete: want AutomationRuleNotFoundError, got %v", err)
	}
}
