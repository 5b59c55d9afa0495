package chatwootmock

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func labelsPath(sc *fixture.Scenario, id int64) string {
	return acctPath(sc, "conversations/%d/labels", id)
}

// labelsOf reads {"payload":[…]} as strings.
func labelsOf(t *testing.T, r reply) []string {
	t.Helper()
	r.expect(t, 200, "")
	out := []string{}
	for _, v := range asArr(t, r.obj(t)["payload"]) {
		out = append(out, asStr(t, v))
	}
	return out
}

// conversationLabels reads the conversation partial's "labels" (DESIGN.md §5.2).
func (h *harness) conversationLabels(sc *fixture.Scenario, id int64) []string {
	h.t.Helper()
	out := []string{}
	for _, v := range asArr(h.t, h.conversation(sc, id)["labels"]) {
		out = append(out, asStr(h.t, v))
	}
	return out
}

func TestSection6_7_ConversationLabelsReplaceTheList(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 2})
	path := labelsPath(sc, 1)

	h.call("GET", path, sc.AdminToken, nil).expect(t, 200, `{"payload":[]}`)
	// Labels are tags: no Label record is needed, and the case is kept.
	h.call("POST", path, sc.AdminToken, map[string]any{"labels": []string{"vip", "Billing"}}).
		expect(t, 200, `{"payload":["vip","Billing"]}`)
	h.call("GET", path, sc.Agent1.AccessToken, nil).expect(t, 200, `{"payload":["vip","Billing"]}`)
	if got := h.conversationLabels(sc, 1); fmt.Sprint(got) != "[vip Billing]" {
		t.Fatalf("conversation labels = %v", got)
	}
	if got := h.conversationLabels(sc, 2); len(got) != 0 {
		t.Fatalf("other conversation labels = %v", got)
	}

	// POST replaces the whole list (update_labels), it does not add to it.
	h.call("POST", path, sc.AdminToken, map[string]any{"labels": []string{"urgent"}}).expect(t, 200, `{"payload":["urgent"]}`)
	if got := h.conversationLabels(sc, 1); fmt.Sprint(got) != "[urgent]" {
		t.Fatalf("after replace = %v", got)
	}

	// acts_as_taggable_on's parser: commas split, names are stripped, blanks and
	// case-insensitive duplicates are dropped (the first spelling wins).
	h.call("POST", path, sc.AdminToken, map[string]any{"labels": []any{" a , b", "A", "", nil, "c", 7}}).
		expect(t, 200, `{"payload":["a","b","c","7"]}`)

	// A missing or null list, a scalar, or an array holding objects (dropped by
	// params.permit(labels: [])) clears the labels.
	for _, body := range []string{`{}`, `{"labels":null}`, `{"labels":"x,y"}`, `{"labels":[{"x":1}]}`, `{"labels":[]}`} {
		h.call("POST", path, sc.AdminToken, map[string]any{"labels": []string{"keep"}}).expect(t, 200, "")
		h.call("POST", path, sc.AdminToken, body).expect(t, 200, `{"payload":[]}`)
		if got := h.conversationLabels(sc, 1); len(got) != 0 {
			t.Fatalf("%s left %v", body, got)
		}
	}

	// Form-encoded labels[] work too.
	r := h.callWith("POST", path+"?labels[]=one&labels[]=two", nil, map[string]string{"api_access_token": sc.AdminToken})
	if got := labelsOf(t, r); fmt.Sprint(got) != "[one two]" {
		t.Fatalf("query labels = %v", got)
	}
}

// The labels endpoints share the conversation lookup and ConversationPolicy#show? (DESIGN.md §4.1, §5.3), and
// AgentBot tokens may call both (DESIGN.md §1.1).
func TestSection5_3_ConversationLabelsPermission(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	ctx := context.Background()
	carol, err := h.fx.CreateUser(ctx, "Carol", "carol+labels@example.test", "Password1!")
	if err != nil {
		t.Fatal(err)
	}
	if err := h.fx.AddAccountUser(ctx, sc.Account.ID, carol.ID, "agent"); err != nil {
		t.Fatal(err)
	}
	path := labelsPath(sc, 1)
	body := map[string]any{"labels": []string{"x"}}

	for _, m := range []string{"GET", "POST"} {
		h.call(m, labelsPath(sc, 999), sc.AdminToken, body).expect(t, 404, `{"error":"Resource could not be found"}`)
		h.call(m, acctPath(sc, "conversations/abc/labels"), sc.AdminToken, body).expect(t, 404, "")
		h.call(m, path, carol.AccessToken, body).expect(t, 401, `{"error":"You are not authorized to do this action"}`)
		h.call(m, path, "", body).expect(t, 401, `{"errors":["You need to sign in or sign up before continuing."]}`)
		h.call(m, path, testPlatformToken, body).expect(t, 401, `{"error":"Access to this endpoint is not authorized for bots"}`)
		h.call(m, path, sc.Agent1.AccessToken, body).expect(t, 200, "")
		h.call(m, path, sc.Bot.AccessToken, body).expect(t, 200, "")
	}
	// A missing conversation is 404 even for an agent who could see nothing.
	h.call("GET", labelsPath(sc, 999), carol.AccessToken, nil).expect(t, 404, "")

	// Team membership grants access as for show.
	if err := h.fx.AddTeamMembers(ctx, sc.AdminToken, sc.Account.ID, sc.Team.ID, []int64{carol.ID}); err != nil {
		t.Fatal(err)
	}
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"team_id": sc.Team.ID}).expect(t, 200, "")
	h.call("POST", path, carol.AccessToken, map[string]any{"labels": []string{"team"}}).expect(t, 200, `{"payload":["team"]}`)
	// Unlike show, a bot reads the labels of a conversation with a team: no team partial is rendered.
	h.call("GET", path, sc.Bot.AccessToken, nil).expect(t, 200, `{"payload":["team"]}`)

	// The conversations index is not on the bot allow-list.
	h.call("GET", acctPath(sc, "conversations"), sc.Bot.AccessToken, nil).
		expect(t, 401, `{"error":"Access to this endpoint is not authorized for bots"}`)
}

// Changing the labels dispatches conversation_updated (label_list is in the whitelist), so a rule
// on that event sees them.
func TestSection6_6_ConversationLabelsDispatchConversationUpdated(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	h.call("POST", acctPath(sc, "automation_rules"), sc.AdminToken,
		fmt.Sprintf(`{"name":"vip","event_name":"conversation_updated","conditions":[{"attribute_key":"labels","filter_operator":"equal_to","values":["vip"]}],"actions":[{"action_name":"assign_team","action_params":[%d]}]}`, sc.Team.ID)).
		expect(t, 200, "")
	h.call("POST", labelsPath(sc, 1), sc.AdminToken, map[string]any{"labels": []string{"vip"}}).expect(t, 200, "")
	team, ok := meta(t, h.conversation(sc, 1))["team"].(map[string]any)
	if !ok || num(team["id"]) != sc.Team.ID {
		t.Fatalf("rule on conversation_updated did not run after labelling: team %v", team)
	}
}

func TestSection11_9_4_ListFiltersByLabels(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 4})
	set := func(id int64, labels ...string) {
		h.call("POST", labelsPath(sc, id), sc.AdminToken, map[string]any{"labels": labels}).expect(t, 200, "")
	}
	set(1, "vip")
	set(2, "billing", "VIP-2")
	set(3, "Billing")
	h.call("POST", assignPath(sc, 2), sc.AdminToken, map[string]any{"assignee_id": sc.Agent1.ID}).expect(t, 200, "")
	h.call("POST", acctPath(sc, "conversations/3/toggle_status"), sc.AdminToken, map[string]any{"status": "resolved"}).expect(t, 200, "")

	list := func(query string) (map[string]any, []int64) {
		t.Helper()
		r := h.call("GET", acctPath(sc, "conversations")+query, sc.AdminToken, nil)
		r.expect(t, 200, "")
		data := asObj(t, r.obj(t)["data"])
		var ids []int64
		for _, cv := range asArr(t, data["payload"]) {
			ids = append(ids, num(asObj(t, cv)["id"]))
		}
		return asObj(t, data["meta"]), ids
	}
	counts := func(m map[string]any) string {
		return fmt.Sprintf("all=%d assigned=%d unassigned=%d", num(m["all_count"]), num(m["assigned_count"]), num(m["unassigned_count"]))
	}
	cases := []struct {
		query, ids, counts string
	}{
		// Any match, case-insensitively; status still defaults to open.
		{"?labels[]=vip&labels[]=billing", "[2 1]", "all=2 assigned=1 unassigned=1"},
		{"?labels[]=BILLING&status=all", "[3 2]", "all=2 assigned=1 unassigned=1"},
		// Counts respect the labels and ignore assignee_type.
		{"?labels[]=vip&labels[]=billing&assignee_type=unassigned", "[1]", "all=2 assigned=1 unassigned=1"},
		// tagged_with also takes a comma-separated string.
		{"?labels=vip,%20vip-2", "[2 1]", "all=2 assigned=1 unassigned=1"},
		{"?labels[]=nothing", "[]", "all=0 assigned=0 unassigned=0"},
		// labels[]= is present but parses to no names: tagged_with matches nothing.
		{"?labels[]=", "[]", "all=0 assigned=0 unassigned=0"},
		// No labels key: no filter.
		{"", "[4 2 1]", "all=3 assigned=1 unassigned=2"},
	}
	for _, tc := range cases {
		t.Run(strings.TrimPrefix(tc.query, "?"), func(t *testing.T) {
			m, ids := list(tc.query)
			if got := fmt.Sprint(ids); got != tc.ids {
				t.Fatalf("ids = %s, want %s", got, tc.ids)
			}
			if got := counts(m); got != tc.counts {
				t.Fatalf("counts = %s, want %s", got, tc.counts)
			}
		})
	}
}
