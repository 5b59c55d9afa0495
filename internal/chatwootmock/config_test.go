package chatwootmock

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func TestSection6_1_Agents(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "agents")
	r := h.call("POST", path, sc.AdminToken, map[string]any{"email": "Dave@Example.test"})
	r.expect(t, 200, "")
	dave := r.obj(t)
	if dave["name"] != "dave" || dave["email"] != "dave@example.test" || dave["role"] != "agent" ||
		dave["auto_offline"] != true || dave["availability_status"] != "offline" || dave["confirmed"] != false {
		t.Fatalf("created agent = %s", r.body)
	}
	h.call("POST", path, sc.AdminToken, map[string]any{"email": "dave@example.test"}).
		expect(t, 422, `{"message":"User has already been taken","attributes":["user_id"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{}).expect(t, 422, `{"error":"param is missing or the value is empty: agent"}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"role": "agent"}).expect(t, 500, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"email": "bad"}).expect(t, 422, `{"message":"Email is invalid","attributes":["email"]}`)

	// Reuse by email: the existing name wins.
	other := h.seed(fixture.SeedOptions{})
	r = h.call("POST", acctPath(other, "agents"), other.AdminToken, map[string]any{"email": sc.Agent1.Email, "name": "Ignored"})
	if a := r.obj(t); num(a["id"]) != sc.Agent1.ID || a["name"] != "Alice" {
		t.Fatalf("reuse = %s", r.body)
	}

	r = h.call("PATCH", fmt.Sprintf("%s/%d", path, sc.Agent1.ID), sc.AdminToken, map[string]any{"availability": "busy", "auto_offline": false})
	if a := r.obj(t); a["availability_status"] != "busy" || a["auto_offline"] != false {
		t.Fatalf("update = %s", r.body)
	}
	h.call("PUT", fmt.Sprintf("%s/%d", path, sc.Agent1.ID), sc.AdminToken, map[string]any{"role": "owner"}).expect(t, 500, "")

	names := []string{}
	for _, a := range h.call("GET", path, sc.Agent2.AccessToken, nil).arr(t) {
		names = append(names, asStr(t, asObj(t, a)["name"]))
	}
	if strings.Join(names, ",") != "Admin,Alice,Bob,dave" {
		t.Fatalf("order = %v", names)
	}
	h.call("DELETE", fmt.Sprintf("%s/%d", path, num(dave["id"])), sc.AdminToken, nil).expect(t, 200, "")
	if n := len(h.call("GET", path, sc.AdminToken, nil).arr(t)); n != 3 {
		t.Fatalf("agents after delete = %d", n)
	}
}

func TestSection6_2_Teams(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "teams")
	r := h.call("POST", path, sc.AdminToken, map[string]any{"name": "Sales Team", "description": "d"})
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, r.body), ","); got != "id,name,description,allow_auto_assign,account_id,is_member" {
		t.Fatalf("keys = %s", got)
	}
	if tm := r.obj(t); tm["name"] != "sales team" || tm["allow_auto_assign"] != true || tm["is_member"] != false {
		t.Fatalf("team = %s", r.body)
	}
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "SALES TEAM"}).
		expect(t, 422, `{"message":"Name has already been taken","attributes":["name"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"name": ""}).
		expect(t, 422, `{"message":"Name must not be blank","attributes":["name"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"name": strings.Repeat("a", 256)}).
		expect(t, 422, `{"message":"Name is too long (maximum is 255 characters)","attributes":["name"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{}).expect(t, 422, `{"error":"param is missing or the value is empty: team"}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"unrelated": 1}).expect(t, 422, `{"error":"param is missing or the value is empty: team"}`)
	if tm := h.call("GET", fmt.Sprintf("%s/%d", path, sc.Team.ID), sc.Agent1.AccessToken, nil).obj(t); tm["is_member"] != true {
		t.Fatalf("is_member for a member = %v", tm)
	}
	other := h.seed(fixture.SeedOptions{})
	h.call("GET", fmt.Sprintf("%s/%d", path, other.Team.ID), sc.AdminToken, nil).expect(t, 404, `{"error":"Resource could not be found"}`)
}

func TestSection6_3_TeamMembers(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "teams/%d/team_members", sc.Team.ID)
	r := h.call("POST", path, sc.AdminToken, map[string]any{"user_ids": []int64{sc.Agent1.ID, sc.Admin.ID}})
	r.expect(t, 200, "")
	if added := r.arr(t); len(added) != 1 || num(asObj(t, added[0])["id"]) != sc.Admin.ID {
		t.Fatalf("POST must answer only the newly added: %s", r.body)
	}
	h.call("POST", path, sc.AdminToken, map[string]any{"user_ids": []int64{sc.Agent1.ID}}).expect(t, 200, "[]")
	other := h.seed(fixture.SeedOptions{})
	h.call("POST", path, sc.AdminToken, map[string]any{"user_ids": []int64{other.Admin.ID}}).
		expect(t, 401, `{"error":"Invalid User IDs"}`)
	h.call("PUT", path, sc.AdminToken, map[string]any{"user_ids": []int64{}}).expect(t, 404, "")
	h.call("POST", path, sc.AdminToken, map[string]any{}).expect(t, 500, "")
	r = h.call("PATCH", path, sc.AdminToken, map[string]any{"user_ids": []int64{sc.Agent2.ID}})
	if all := r.arr(t); len(all) != 1 || num(asObj(t, all[0])["id"]) != sc.Agent2.ID {
		t.Fatalf("PATCH = %s", r.body)
	}
	h.call("DELETE", path, sc.AdminToken, map[string]any{"user_ids": []int64{sc.Agent2.ID}}).expect(t, 200, "")
	h.call("GET", path, sc.Agent1.AccessToken, nil).expect(t, 200, "[]")
}

func TestSection6_4_Inboxes(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "inboxes")
	r := h.call("POST", path, sc.AdminToken, map[string]any{"name": "Second", "channel": map[string]any{"type": "api"}})
	r.expect(t, 200, "")
	in := r.obj(t)
	if in["enable_auto_assignment"] != true || in["channel_type"] != "Channel::Api" || in["hmac_token"] == nil {
		t.Fatalf("inbox = %s", r.body)
	}
	second := num(in["id"])
	if p := asArr(t, h.call("GET", path, sc.Agent1.AccessToken, nil).obj(t)["payload"]); len(p) != 1 {
		t.Fatalf("agent sees %d inboxes, want only their own", len(p))
	}
	if p := asArr(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["payload"]); len(p) != 2 {
		t.Fatalf("admin sees %d inboxes", len(p))
	}
	agentView := h.call("GET", fmt.Sprintf("%s/%d", path, sc.Inbox.ID), sc.Agent1.AccessToken, nil).obj(t)
	if _, ok := agentView["hmac_token"]; ok {
		t.Fatal("secrets rendered to an agent")
	}
	h.call("GET", fmt.Sprintf("%s/%d", path, second), sc.Agent1.AccessToken, nil).expect(t, 401, "")
	h.call("PATCH", fmt.Sprintf("%s/%d", path, second), sc.AdminToken, map[string]any{"auto_assignment_config": map[string]any{"max_assignment_limit": 0}}).
		expect(t, 422, `{"message":"Auto assignment config max_assignment_limit must be greater than 0","attributes":["auto_assignment_config"]}`)
	r = h.call("PATCH", fmt.Sprintf("%s/%d", path, second), sc.AdminToken,
		map[string]any{"enable_auto_assignment": false, "auto_assignment_config": map[string]any{"max_assignment_limit": 3, "other": 1}})
	if in := r.obj(t); in["enable_auto_assignment"] != false || fmt.Sprint(in["auto_assignment_config"]) != "map[max_assignment_limit:3]" {
		t.Fatalf("update = %s", r.body)
	}
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "x"}).expect(t, 500, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "x", "channel": map[string]any{"type": "bogus"}}).
		expect(t, 422, `{"message":"Channel must exist","attributes":["channel"]}`)
	h.call("DELETE", fmt.Sprintf("%s/%d", path, second), sc.AdminToken, nil).
		expect(t, 200, `{"message":"Your inbox deletion request will be processed in some time."}`)
}

func TestSection6_5_InboxMembers(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "inbox_members")
	r := h.call("GET", fmt.Sprintf("%s/%d", path, sc.Inbox.ID), sc.Agent1.AccessToken, nil)
	if p := asArr(t, r.obj(t)["payload"]); len(p) != 2 {
		t.Fatalf("members = %s", r.body)
	}
	r = h.call("POST", path, sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "user_ids": []int64{sc.Admin.ID}})
	if p := asArr(t, r.obj(t)["payload"]); len(p) != 3 {
		t.Fatalf("POST must answer all members: %s", r.body)
	}
	h.call("POST", path, sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "user_ids": []any{999999}}).
		expect(t, 422, `{"message":"User must exist","attributes":["user"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"inbox_id": 999999, "user_ids": []any{1}}).expect(t, 404, "")
	other := h.seed(fixture.SeedOptions{})
	r = h.call("PATCH", path, sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "user_ids": []int64{sc.Agent1.ID, other.Admin.ID}})
	if p := asArr(t, r.obj(t)["payload"]); len(p) != 1 {
		t.Fatalf("foreign users are filtered from the payload: %s", r.body)
	}
	h.call("DELETE", path, sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "user_ids": []any{sc.Agent1.ID, 999999}}).expect(t, 200, "")
	h.call("GET", fmt.Sprintf("%s/%d", path, sc.Inbox.ID), sc.Agent1.AccessToken, nil).expect(t, 401, "")
}

func TestSection11_9_2_ContactCreateShape(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	r := h.call("POST", acctPath(sc, "contacts"), sc.Agent1.AccessToken, map[string]any{"name": "C", "email": "C@x.test", "inbox_id": sc.Inbox.ID})
	r.expect(t, 200, "")
	p := asObj(t, r.obj(t)["payload"])
	ct := asObj(t, p["contact"])
	if _, ok := ct["last_activity_at"]; ok || ct["email"] != "c@x.test" {
		t.Fatalf("contact = %v", ct)
	}
	ci := asObj(t, p["contact_inbox"])
	if ci["source_id"] == "" || asObj(t, ci["inbox"])["account_id"] == nil {
		t.Fatalf("contact_inbox = %v", ci)
	}
	r = h.call("POST", acctPath(sc, "contacts"), sc.AdminToken, map[string]any{})
	if ci := asObj(t, r.obj(t)["payload"])["contact_inbox"]; fmt.Sprint(ci) != "map[inbox:<nil> source_id:<nil>]" {
		t.Fatalf("contact_inbox without inbox = %v", ci)
	}
	h.call("POST", acctPath(sc, "contacts"), sc.AdminToken, map[string]any{"email": "c@x.test"}).
		expect(t, 422, `{"message":"Email has already been taken","attributes":["email"]}`)
	h.call("POST", acctPath(sc, "contacts"), sc.AdminToken, map[string]any{"email": "z@x.test", "inbox_id": 999999}).expect(t, 404, "")
	if n := len(asArr(t, h.call("GET", acctPath(sc, "contacts"), sc.AdminToken, nil).obj(t)["payload"])); n != 2 {
		t.Fatalf("resolved contacts = %d (the nameless one and the rolled-back one must not appear)", n)
	}
}
