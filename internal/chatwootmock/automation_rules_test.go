package chatwootmock

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func rule(conditions, actions string) string {
	return `{"name":"r","description":"d","event_name":"conversation_created","conditions":` + conditions + `,"actions":` + actions + `}`
}

func TestSection6_6_AutomationRuleEnvelopes(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "automation_rules")
	r := h.call("POST", path, sc.AdminToken, rule(`[{"attribute_key":"status","filter_operator":"equal_to","values":["open"],"query_operator":null}]`,
		`[{"action_name":"assign_team","action_params":[3]}]`))
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, r.body), ","); got != "id,account_id,name,description,event_name,conditions,actions,created_on,active" {
		t.Fatalf("create must be the bare rule: %s", r.body)
	}
	created := r.obj(t)
	if created["active"] != true || !strings.Contains(string(r.body), `"action_params":[3]`) {
		t.Fatalf("rule = %s", r.body)
	}
	id := num(created["id"])
	if p := asArr(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["payload"]); len(p) != 1 {
		t.Fatalf("index payload = %v", p)
	}
	if p := asObj(t, h.call("GET", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).obj(t)["payload"]); num(p["id"]) != id {
		t.Fatalf("show payload = %v", p)
	}
	r = h.call("PATCH", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, map[string]any{"active": false})
	if p := asObj(t, r.obj(t)["payload"]); p["active"] != false || p["conditions"] == nil {
		t.Fatalf("update = %s", r.body)
	}
	r = h.call("POST", fmt.Sprintf("%s/%d/clone", path, id), sc.AdminToken, nil)
	if p := asObj(t, r.obj(t)["payload"]); num(p["id"]) == id || p["name"] != "r" {
		t.Fatalf("clone = %s", r.body)
	}
	h.call("DELETE", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).expect(t, 200, "")
	for _, m := range []string{"GET", "PUT", "DELETE"} {
		h.call(m, path+"/999999", sc.AdminToken, map[string]any{"name": "x"}).expect(t, 500, `{"status":500,"error":"Internal Server Error"}`)
	}
	h.call("GET", path, sc.Agent1.AccessToken, nil).expect(t, 401, `{"error":"You are not authorized to do this action"}`)
	h.call("GET", path+"/999999", sc.Agent1.AccessToken, nil).expect(t, 401, "")
}

func TestSection6_6_AutomationRuleValidation(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "automation_rules")
	noop := `[{"action_name":"remove_assigned_team"}]`
	cases := []struct {
		name, body string
		status     int
		want       string
	}{
		{"unknown attribute", rule(`[{"attribute_key":"foo","filter_operator":"equal_to","values":[1]}]`, noop),
			422, `{"error":{"conditions":["Automation conditions foo not supported."]}}`},
		{"unknown action", rule(`[{"attribute_key":"status","filter_operator":"equal_to","values":["open"]}]`, `[{"action_name":"explode"}]`),
			422, `{"error":{"actions":["Automation actions explode not supported."]}}`},
		{"two nil query operators", rule(`[{"attribute_key":"status","filter_operator":"equal_to","values":["open"]},{"attribute_key":"inbox_id","filter_operator":"equal_to","values":[1],"query_operator":null}]`, noop),
			422, `{"error":{"conditions":["Automation conditions should have query operator."]}}`},
		{"bad query operator", rule(`[{"attribute_key":"status","filter_operator":"equal_to","values":["open"],"query_operator":"XOR"},{"attribute_key":"inbox_id","filter_operator":"equal_to","values":[1]}]`, noop),
			422, `{"error":{"conditions":["Query operator must be either \"AND\" or \"OR\""]}}`},
		{"conditions omitted", `{"name":"r","event_name":"conversation_created","actions":[]}`, 500, `{"status":500,"error":"Internal Server Error"}`},
		{"name omitted", `{"event_name":"conversation_created","conditions":[],"actions":[]}`, 500, ""},
		{"event name not validated", `{"name":"r","event_name":"whatever","conditions":[],"actions":[]}`, 200, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h.call("POST", path, sc.AdminToken, tc.body).expect(t, tc.status, tc.want)
		})
	}
}

func TestSection6_6_AutomationRuntimeAssignsTeamAndAgent(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	ctx := context.Background()
	path := acctPath(sc, "automation_rules")
	inbox := fmt.Sprint(sc.Inbox.ID)
	h.call("POST", path, sc.AdminToken, rule(
		`[{"attribute_key":"inbox_id","filter_operator":"equal_to","values":[`+inbox+`],"query_operator":"AND"},{"attribute_key":"status","filter_operator":"equal_to","values":["open"]}]`,
		fmt.Sprintf(`[{"action_name":"assign_team","action_params":[%d]},{"action_name":"assign_agent","action_params":[%d]}]`, sc.Team.ID, sc.Agent2.ID))).
		expect(t, 200, "")
	// Agents created through the Platform API are confirmed; a string id would do nothing.
	h.call("POST", path, sc.AdminToken, rule(
		`[{"attribute_key":"status","filter_operator":"not_equal_to","values":["open"]}]`,
		`[{"action_name":"remove_assigned_team"}]`)).expect(t, 200, "")

	cv, err := h.fx.CreateConversation(ctx, sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cv.TeamID != 0 || cv.AssigneeID != 0 {
		t.Fatalf("rules are asynchronous; the create response already shows %+v", cv)
	}
	got, err := h.fx.GetConversation(ctx, sc.AdminToken, sc.Account.ID, cv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.TeamID != sc.Team.ID || got.AssigneeID != sc.Agent2.ID {
		t.Fatalf("after rules: %+v", got)
	}
}

func TestSection6_6_AutomationStringIdsDoNothing(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	ctx := context.Background()
	h.call("POST", acctPath(sc, "automation_rules"), sc.AdminToken, rule(
		`[{"attribute_key":"status","filter_operator":"equal_to","values":["open"]}]`,
		fmt.Sprintf(`[{"action_name":"assign_team","action_params":["%d"]},{"action_name":"assign_agent","action_params":["%d"]}]`, sc.Team.ID, sc.Agent1.ID))).
		expect(t, 200, "")
	cv, _ := h.fx.CreateConversation(ctx, sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID)
	got, _ := h.fx.GetConversation(ctx, sc.AdminToken, sc.Account.ID, cv.ID)
	if got.TeamID != 0 || got.AssigneeID != 0 {
		t.Fatalf("string ids must not assign: %+v", got)
	}
}

func TestSection6_6_AutomationAgentMustBeInboxMemberOrAdmin(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	ctx := context.Background()
	carol, _ := h.fx.CreateUser(ctx, "Carol", "carol+rule@example.test", "Password1!")
	if err := h.fx.AddAccountUser(ctx, sc.Account.ID, carol.ID, "agent"); err != nil {
		t.Fatal(err)
	}
	h.call("POST", acctPath(sc, "automation_rules"), sc.AdminToken, rule(
		`[{"attribute_key":"status","filter_operator":"equal_to","values":["open"]}]`,
		fmt.Sprintf(`[{"action_name":"assign_agent","action_params":[%d]}]`, carol.ID))).expect(t, 200, "")
	cv, _ := h.fx.CreateConversation(ctx, sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID)
	if got, _ := h.fx.GetConversation(ctx, sc.AdminToken, sc.Account.ID, cv.ID); got.AssigneeID != 0 {
		t.Fatalf("non-member assigned: %+v", got)
	}
}

func TestSection6_6_AutomationOrBindsLooserThanAnd(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	ctx := context.Background()
	// status = resolved AND inbox = X OR inbox = X  → true for an open conversation in X.
	inbox := fmt.Sprint(sc.Inbox.ID)
	h.call("POST", acctPath(sc, "automation_rules"), sc.AdminToken, rule(
		`[{"attribute_key":"status","filter_operator":"equal_to","values":["resolved"],"query_operator":"and"},`+
			`{"attribute_key":"inbox_id","filter_operator":"equal_to","values":["`+inbox+`"],"query_operator":"OR"},`+
			`{"attribute_key":"inbox_id","filter_operator":"equal_to","values":[`+inbox+`]}]`,
		fmt.Sprintf(`[{"action_name":"assign_team","action_params":[%d]}]`, sc.Team.ID))).expect(t, 200, "")
	cv, _ := h.fx.CreateConversation(ctx, sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID)
	if got, _ := h.fx.GetConversation(ctx, sc.AdminToken, sc.Account.ID, cv.ID); got.TeamID != sc.Team.ID {
		t.Fatalf("OR group did not match: %+v", got)
	}
}

func TestSection6_6_AutomationDeactivatesAfterTwoEvaluationFailures(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	ctx := context.Background()
	path := acctPath(sc, "automation_rules")
	r := h.call("POST", path, sc.AdminToken, rule(
		`[{"attribute_key":"status","filter_operator":"contains","values":["open"]}]`,
		fmt.Sprintf(`[{"action_name":"assign_team","action_params":[%d]}]`, sc.Team.ID)))
	r.expect(t, 200, "")
	id := num(r.obj(t)["id"])
	active := func() any {
		return asObj(t, h.call("GET", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).obj(t)["payload"])["active"]
	}
	for i, want := range []any{true, false} {
		if _, err := h.fx.CreateConversation(ctx, sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID); err != nil {
			t.Fatal(err)
		}
		if got := active(); got != want {
			t.Fatalf("after failure %d: active = %v, want %v", i+1, got, want)
		}
	}
	if got, _ := h.fx.GetConversation(ctx, sc.AdminToken, sc.Account.ID, 1); got.TeamID != 0 {
		t.Fatal("an invalid rule must not act")
	}
}
