package chatwootmock

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func TestSection5_2_ConversationShape(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 2})
	r := h.call("GET", acctPath(sc, "conversations/2"), sc.AdminToken, nil)
	r.expect(t, 200, "")
	cv := r.obj(t)
	if num(cv["id"]) != 2 {
		t.Fatalf("id = %v, want the display id 2", cv["id"])
	}
	for _, k := range []string{"assignee_id", "team_id"} {
		if _, ok := cv[k]; ok {
			t.Fatalf("top-level %s must not exist", k)
		}
	}
	if got := strings.Join(keysOf(t, mustRaw(t, r.body, "meta")), ","); got != "sender,channel,hmac_verified" {
		t.Fatalf("unassigned meta keys = %s", got)
	}
	for _, k := range []string{"agent_last_seen_at", "assignee_last_seen_at", "contact_last_seen_at", "first_reply_created_at"} {
		if v, ok := cv[k].(float64); !ok || v != 0 {
			t.Fatalf("%s = %v, want 0", k, cv[k])
		}
	}
	if cv["status"] != "open" || cv["snoozed_until"] != nil || cv["priority"] != nil || cv["channel"] != nil {
		t.Fatalf("conversation = %s", r.body)
	}
	if !strings.Contains(string(r.body), `"updated_at":`) || num(cv["created_at"]) == 0 {
		t.Fatalf("timestamps = %s", r.body)
	}
	// Display ids restart at 1 in every account.
	other := h.seed(fixture.SeedOptions{Conversations: 1})
	if other.Conversations[0].ID != 1 {
		t.Fatalf("second account display id = %d", other.Conversations[0].ID)
	}
}

func mustRaw(t *testing.T, body []byte, key string) []byte {
	t.Helper()
	i := strings.Index(string(body), `"`+key+`":`)
	if i < 0 {
		t.Fatalf("no %s in %s", key, body)
	}
	rest := body[i+len(key)+3:]
	depth := 0
	for j, ch := range rest {
		switch ch {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return rest[:j+1]
			}
		}
	}
	t.Fatalf("unterminated %s", key)
	return nil
}

func TestSection5_2_AssigneeHiddenWhenNotAMember(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	stranger, _ := h.fx.CreateUser(context.Background(), "Stranger", "stranger+hidden@example.test", "Password1!")
	r := h.call("POST", acctPath(sc, "conversations"), sc.AdminToken,
		map[string]any{"inbox_id": sc.Inbox.ID, "contact_id": sc.Contact.ID, "assignee_id": stranger.ID})
	r.expect(t, 200, "")
	if m := meta(t, r.obj(t)); m["assignee"] != nil || m["assignee_type"] != nil {
		t.Fatalf("assignee outside the account rendered: %v", m)
	}
}

func TestSection5_3_ShowPermission(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	ctx := context.Background()
	carol, _ := h.fx.CreateUser(ctx, "Carol", "carol+show@example.test", "Password1!")
	if err := h.fx.AddAccountUser(ctx, sc.Account.ID, carol.ID, "agent"); err != nil {
		t.Fatal(err)
	}
	path := acctPath(sc, "conversations/1")
	h.call("GET", path, carol.AccessToken, nil).expect(t, 401, `{"error":"You are not authorized to do this action"}`)
	h.call("GET", path, sc.Agent1.AccessToken, nil).expect(t, 200, "")
	h.call("GET", path, sc.Bot.AccessToken, nil).expect(t, 200, "")
	// Team membership also grants access.
	if err := h.fx.AddTeamMembers(ctx, sc.AdminToken, sc.Account.ID, sc.Team.ID, []int64{carol.ID}); err != nil {
		t.Fatal(err)
	}
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"team_id": sc.Team.ID}).expect(t, 200, "")
	h.call("GET", path, carol.AccessToken, nil).expect(t, 200, "")
	// A bot reading a conversation with a team hits Chatwoot's NoMethodError.
	h.call("GET", path, sc.Bot.AccessToken, nil).expect(t, 500, `{"status":500,"error":"Internal Server Error"}`)
}

func TestSection11_10_AssignmentV2IsAsynchronous(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{AgentsOnline: true, InboxAutoAssignment: true})
	r := h.call("POST", acctPath(sc, "conversations"), sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "contact_id": sc.Contact.ID})
	r.expect(t, 200, "")
	if _, ok := meta(t, r.obj(t))["assignee"]; ok {
		t.Fatal("assignment_v2: the create response must not show the assignee")
	}
	if a, ok := meta(t, h.conversation(sc, 1))["assignee"].(map[string]any); !ok || num(a["id"]) != sc.Agent1.ID {
		t.Fatalf("assignment_v2: not assigned after the request: %v", a)
	}
}

func TestSection11_10_LegacyAssignmentIsSynchronous(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{AgentsOnline: true, InboxAutoAssignment: true, Features: map[string]bool{"assignment_v2": false}})
	var got []int64
	for i := 0; i < 3; i++ {
		r := h.call("POST", acctPath(sc, "conversations"), sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "contact_id": sc.Contact.ID})
		r.expect(t, 200, "")
		a, ok := meta(t, r.obj(t))["assignee"].(map[string]any)
		if !ok {
			t.Fatalf("legacy: create response lacks the assignee: %s", r.body)
		}
		got = append(got, num(a["id"]))
	}
	if want := []int64{sc.Agent1.ID, sc.Agent2.ID, sc.Agent1.ID}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("round robin = %v, want %v", got, want)
	}
}

func TestSection11_9_3_CreateConversationRules(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	base := map[string]any{"inbox_id": sc.Inbox.ID, "contact_id": sc.Contact.ID}
	h.call("POST", acctPath(sc, "conversations"), sc.AdminToken, map[string]any{}).expect(t, 404, `{"error":"Resource could not be found"}`)
	h.call("POST", acctPath(sc, "conversations"), sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "contact_id": 999999}).expect(t, 404, "")
	h.call("POST", acctPath(sc, "conversations"), sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "contact_id": sc.Contact.ID, "status": "bogus"}).expect(t, 500, "")
	r := h.call("POST", acctPath(sc, "conversations"), sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "contact_id": sc.Contact.ID, "status": "pending"})
	if r.obj(t)["status"] != "pending" {
		t.Fatalf("status = %s", r.body)
	}
	r = h.call("POST", acctPath(sc, "conversations"), sc.AdminToken, map[string]any{"source_id": sc.Contact.SourceID})
	if num(r.obj(t)["id"]) != 2 {
		t.Fatalf("source-only create = %s", r.body)
	}
	second, err := h.fx.CreateContact(context.Background(), sc.AdminToken, sc.Account.ID, sc.Inbox.ID, "Other", "other+src@example.test")
	if err != nil {
		t.Fatal(err)
	}
	h.call("POST", acctPath(sc, "conversations"), sc.AdminToken,
		map[string]any{"inbox_id": sc.Inbox.ID, "contact_id": second.ID, "source_id": sc.Contact.SourceID}).
		expect(t, 422, `{"error":"source_id should be unique"}`)
	_ = base
}

func TestSection11_9_4_ListPagingAndFilters(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 30})
	h.call("POST", assignPath(sc, 3), sc.AdminToken, map[string]any{"assignee_id": sc.Agent1.ID}).expect(t, 200, "")
	h.call("POST", acctPath(sc, "conversations/4/toggle_status"), sc.AdminToken, map[string]any{"status": "resolved"}).expect(t, 200, "")

	list := func(token, query string) (map[string]any, []any) {
		r := h.call("GET", acctPath(sc, "conversations")+query, token, nil)
		r.expect(t, 200, "")
		data := asObj(t, r.obj(t)["data"])
		return asObj(t, data["meta"]), asArr(t, data["payload"])
	}
	m, p := list(sc.AdminToken, "")
	if len(p) != 25 || num(m["all_count"]) != 29 || num(m["assigned_count"]) != 1 || num(m["unassigned_count"]) != 28 || num(m["mine_count"]) != 0 {
		t.Fatalf("page 1: meta %v, %d items", m, len(p))
	}
	if _, p = list(sc.AdminToken, "?page=2"); len(p) != 4 {
		t.Fatalf("page 2 = %d items", len(p))
	}
	if m, p = list(sc.Agent1.AccessToken, "?assignee_type=me"); len(p) != 1 || num(m["mine_count"]) != 1 || num(m["all_count"]) != 29 {
		t.Fatalf("mine: meta %v, %d items", m, len(p))
	}
	if _, p = list(sc.AdminToken, "?status=resolved"); len(p) != 1 || num(asObj(t, p[0])["id"]) != 4 {
		t.Fatalf("resolved = %v", p)
	}
	if _, p = list(sc.AdminToken, "?status=all&inbox_id=999999"); len(p) != 0 {
		t.Fatalf("foreign inbox filter = %d items", len(p))
	}
	h.call("GET", acctPath(sc, "conversations?team_id=999999"), sc.AdminToken, nil).expect(t, 404, "")
}
