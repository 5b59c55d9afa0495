package chatwootmock

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func macroIDs(t *testing.T, r reply) []int64 {
	t.Helper()
	r.expect(t, 200, "")
	var ids []int64
	for _, m := range asArr(t, r.obj(t)["payload"]) {
		ids = append(ids, num(asObj(t, m)["id"]))
	}
	return ids
}

func TestMacroVisibilityGlobalForAllPersonalForTheAuthorOnly(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "macros")
	create := func(token string, body map[string]any) map[string]any {
		t.Helper()
		r := h.call("POST", path, token, body)
		r.expect(t, 200, "")
		return asObj(t, r.obj(t)["payload"])
	}
	actions := []any{map[string]any{"action_name": "add_label", "action_params": []string{"vip"}, "extra": 1}}
	global := create(sc.AdminToken, map[string]any{"name": "G", "visibility": "global", "actions": actions})
	adminOwn := create(sc.AdminToken, map[string]any{"name": "P", "visibility": "personal", "actions": []any{}})
	agentOwn := create(sc.Agent1.AccessToken, map[string]any{"name": "A", "visibility": "global", "actions": []any{}})
	noVis := create(sc.AdminToken, map[string]any{"name": "N", "actions": []any{}})
	if agentOwn["visibility"] != "personal" || noVis["visibility"] != nil || num(asObj(t, global["created_by"])["id"]) != sc.Admin.ID {
		t.Fatalf("agents always get personal; an administrator sending none gets null; created_by is the caller: %v %v %v", agentOwn, noVis, global)
	}
	if fmt.Sprint(asArr(t, global["actions"])[0]) != "map[action_name:add_label action_params:[vip] extra:1]" {
		t.Fatalf("the raw actions are stored: %v", global["actions"])
	}
	gid, pid, aid, nid := num(global["id"]), num(adminOwn["id"]), num(agentOwn["id"]), num(noVis["id"])
	if got := fmt.Sprint(macroIDs(t, h.call("GET", path, sc.AdminToken, nil))); got != fmt.Sprint([]int64{gid, pid}) {
		t.Fatalf("administrator's list = %s", got)
	}
	if got := fmt.Sprint(macroIDs(t, h.call("GET", path, sc.Agent1.AccessToken, nil))); got != fmt.Sprint([]int64{gid, aid}) {
		t.Fatalf("agent's list = %s", got)
	}
	one := func(id int64) string { return fmt.Sprintf("%s/%d", path, id) }
	h.call("GET", one(aid), sc.AdminToken, nil).expect(t, 401, `{"error":"You are not authorized to do this action"}`)
	h.call("GET", one(gid), sc.Agent2.AccessToken, nil).expect(t, 200, "")
	h.call("GET", one(nid), sc.AdminToken, nil).expect(t, 200, "")
	h.call("GET", path+"/999999", sc.AdminToken, nil).expect(t, 404, "")
	h.call("PATCH", one(gid), sc.Agent1.AccessToken, map[string]any{"name": "x"}).expect(t, 401, "")
	h.call("PATCH", one(aid), sc.AdminToken, map[string]any{"name": "x"}).expect(t, 401, "")
	h.call("DELETE", one(aid), sc.AdminToken, nil).expect(t, 401, "")
	r := h.call("PATCH", one(gid), sc.AdminToken, map[string]any{"name": "G2"})
	if m := asObj(t, r.obj(t)["payload"]); m["visibility"] != nil || m["name"] != "G2" {
		t.Fatalf("an update without visibility nulls it: %s", r.body)
	}
	if got := macroIDs(t, h.call("GET", path, sc.Agent1.AccessToken, nil)); fmt.Sprint(got) != fmt.Sprint([]int64{aid}) {
		t.Fatalf("a null-visibility macro drops out of the list: %v", got)
	}
	h.call("DELETE", one(aid), sc.Agent1.AccessToken, nil).expect(t, 200, "")
}

func TestMacroErrorsAndMissingIDs(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "macros")
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "x", "visibility": "global",
		"actions": []any{map[string]any{"action_name": "update_last_seen"}}}).
		expect(t, 422, `{"error":{"actions":["Macro execution actions update_last_seen not supported."]}}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "x", "visibility": "global",
		"actions": []any{map[string]any{"action_name": "send_email_to_team"}}}).expect(t, 422, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"visibility": "global", "actions": []any{}}).expect(t, 500, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "x", "visibility": "global"}).expect(t, 500, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "x", "visibility": "team", "actions": []any{}}).expect(t, 500, "")
	r := h.call("POST", path, sc.AdminToken, map[string]any{"name": "ok", "visibility": "global", "actions": []any{}})
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, rawPayload(t, r.body)), ","); got != "id,name,visibility,created_by,updated_by,account_id,actions" {
		t.Fatalf("keys = %s", got)
	}
	one := fmt.Sprintf("%s/%d", path, num(asObj(t, r.obj(t)["payload"])["id"]))
	h.call("PATCH", one, sc.AdminToken, map[string]any{"visibility": "team"}).expect(t, 422, `{"error":{}}`)
	h.call("PATCH", one, sc.AdminToken, `{"name":null,"visibility":"global"}`).expect(t, 422, `{"error":{}}`)
	h.call("PATCH", one, sc.AdminToken, map[string]any{"visibility": "global", "actions": []any{map[string]any{"action_name": "nope"}}}).
		expect(t, 422, `{"error":{"actions":["Macro execution actions nope not supported."]}}`)
	h.call("PATCH", path+"/999999", sc.AdminToken, map[string]any{"name": "x"}).expect(t, 500, "")
	h.call("DELETE", path+"/999999", sc.AdminToken, nil).expect(t, 500, "")
	h.call("POST", path+"/999999/execute", sc.AdminToken, map[string]any{"conversation_ids": []int{1}}).expect(t, 200, "")
}

func TestMacroExecuteRunsTheActionsAfterTheAnswer(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	r := h.call("POST", acctPath(sc, "macros"), sc.AdminToken, map[string]any{"name": "close", "visibility": "global",
		"actions": []any{map[string]any{"action_name": "add_label", "action_params": []string{"vip"}},
			map[string]any{"action_name": "resolve_conversation"}}})
	id := num(asObj(t, r.obj(t)["payload"])["id"])
	h.call("POST", acctPath(sc, "macros/%d/execute", id), sc.Agent1.AccessToken, map[string]any{"conversation_ids": []int64{1, 999}}).expect(t, 200, "")
	cv := h.conversation(sc, 1)
	if cv["status"] != "resolved" || fmt.Sprint(cv["labels"]) != "[vip]" {
		t.Fatalf("conversation = %v %v", cv["status"], cv["labels"])
	}
}

// rawPayload is the raw JSON of the "payload" key.
func rawPayload(t *testing.T, body []byte) []byte {
	t.Helper()
	var env struct {
		Payload json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		t.Fatal(err)
	}
	return env.Payload
}
