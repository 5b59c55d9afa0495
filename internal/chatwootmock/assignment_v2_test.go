package chatwootmock

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// Conformance tests for Assignment V2: assignment policies, inbox bindings, agent capacity
// policies and the V2 bulk run. Names follow the topics of the Chatwoot behaviour they prove.

func newHarnessAt(t *testing.T, version, edition string) *harness {
	t.Helper()
	srv, base := StartTest(t, Options{PlatformToken: testPlatformToken, ChatwootVersion: version, Edition: edition})
	return &harness{t: t, srv: srv, base: base, fx: fixture.New(base, testPlatformToken)}
}

func (h *harness) createPolicy(sc *fixture.Scenario, body map[string]any) map[string]any {
	h.t.Helper()
	r := h.call("POST", acctPath(sc, "assignment_policies"), sc.AdminToken, map[string]any{"assignment_policy": body})
	r.expect(h.t, 200, "")
	return r.obj(h.t)
}

func (h *harness) bind(sc *fixture.Scenario, inboxID int64, policy map[string]any) {
	h.t.Helper()
	h.call("POST", acctPath(sc, "inboxes/%d/assignment_policy", inboxID), sc.AdminToken,
		map[string]any{"assignment_policy_id": num(policy["id"])}).expect(h.t, 200, "")
}

func (h *harness) openConversations(sc *fixture.Scenario, n int) []int64 {
	h.t.Helper()
	var ids []int64
	for i := 0; i < n; i++ {
		cv, err := h.fx.CreateConversation(context.Background(), sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID)
		if err != nil {
			h.t.Fatal(err)
		}
		ids = append(ids, cv.ID)
	}
	return ids
}

// assignee reads a conversation's human assignee id (0 = none).
func (h *harness) assignee(sc *fixture.Scenario, id int64) int64 {
	h.t.Helper()
	a, ok := meta(h.t, h.conversation(sc, id))["assignee"].(map[string]any)
	if !ok {
		return 0
	}
	return num(a["id"])
}

// holdings counts, per assignee id (0 = unassigned), the given conversations.
func (h *harness) holdings(sc *fixture.Scenario, ids []int64) map[int64]int {
	h.t.Helper()
	out := map[int64]int{}
	for _, id := range ids {
		out[h.assignee(sc, id)]++
	}
	return out
}

// setOnline makes agents available to auto-assignment from now on.
func (h *harness) setOnline(sc *fixture.Scenario, userIDs ...int64) {
	h.t.Helper()
	fields := map[string]any{"availability": "online", "auto_offline": false}
	for _, id := range userIDs {
		if err := h.fx.UpdateAgent(context.Background(), sc.AdminToken, sc.Account.ID, id, fields); err != nil {
			h.t.Fatal(err)
		}
	}
}

func (h *harness) periodicJob() map[string]any {
	h.t.Helper()
	r := h.call("POST", "/__mock/jobs/periodic_assignment", testPlatformToken, nil)
	r.expect(h.t, 200, "")
	return r.obj(h.t)
}

func (h *harness) advanceClock(seconds int) {
	h.t.Helper()
	h.call("POST", "/__mock/clock/advance", testPlatformToken, map[string]any{"seconds": seconds}).expect(h.t, 200, "")
}

// capacityPolicy creates a capacity policy limiting the scenario's inbox to limit, held by members.
func (h *harness) capacityPolicy(sc *fixture.Scenario, limit int, members ...int64) {
	h.t.Helper()
	r := h.call("POST", acctPath(sc, "agent_capacity_policies"), sc.AdminToken, map[string]any{"name": "Cap"})
	r.expect(h.t, 200, "")
	p := r.obj(h.t)
	id := num(p["id"])
	h.call("POST", acctPath(sc, "agent_capacity_policies/%d/inbox_limits", id), sc.AdminToken,
		map[string]any{"inbox_id": sc.Inbox.ID, "conversation_limit": limit}).expect(h.t, 200, "")
	for _, u := range members {
		h.call("POST", acctPath(sc, "agent_capacity_policies/%d/users", id), sc.AdminToken, map[string]any{"user_id": u}).expect(h.t, 200, "")
	}
}

func TestAssignmentPolicy_MinimalCreateRendersDefaultsInOrder(t *testing.T) {
	h := newHarnessAt(t, "4.16.0", "")
	sc := h.seed(fixture.SeedOptions{})
	r := h.call("POST", acctPath(sc, "assignment_policies"), sc.AdminToken, map[string]any{"assignment_policy": map[string]any{"name": "Minimal Policy"}})
	r.expect(t, 200, "")
	want := "id,name,description,assignment_order,conversation_priority,fair_distribution_limit,fair_distribution_window,exclude_older_than_hours,enabled,assigned_inbox_count,created_at,updated_at"
	if got := strings.Join(keysOf(t, r.body), ","); got != want {
		t.Fatalf("keys = %s\nwant   %s", got, want)
	}
	p := r.obj(t)
	if p["description"] != nil || p["assignment_order"] != "round_robin" || p["conversation_priority"] != "earliest_created" ||
		num(p["fair_distribution_limit"]) != 100 || num(p["fair_distribution_window"]) != 3600 ||
		num(p["exclude_older_than_hours"]) != 168 || p["enabled"] != true || num(p["assigned_inbox_count"]) != 0 {
		t.Fatalf("defaults: %s", r.body)
	}
	if _, isNum := p["created_at"].(float64); !isNum {
		t.Fatalf("created_at must be an epoch integer: %v", p["created_at"])
	}
	// Top-level keys are wrapped: the unnested form is equivalent.
	r = h.call("POST", acctPath(sc, "assignment_policies"), sc.AdminToken, map[string]any{"name": "Flat", "conversation_priority": "longest_waiting"})
	r.expect(t, 200, "")
	if r.obj(t)["conversation_priority"] != "longest_waiting" {
		t.Fatalf("wrapped create: %s", r.body)
	}
	list := h.call("GET", acctPath(sc, "assignment_policies"), sc.AdminToken, nil)
	list.expect(t, 200, "")
	if a := list.arr(t); len(a) != 2 || asObj(t, a[0])["name"] != "Minimal Policy" {
		t.Fatalf("index is a bare array in id order: %s", list.body)
	}
}

func TestAssignmentPolicy_AgeThresholdArrivesIn4_16(t *testing.T) {
	h := newHarness(t) // 4.15.1
	sc := h.seed(fixture.SeedOptions{})
	p := h.createPolicy(sc, map[string]any{"name": "Old", "exclude_older_than_hours": 0})
	if _, ok := p["exclude_older_than_hours"]; ok {
		t.Fatalf("4.15.1 renders no exclude_older_than_hours: %v", p)
	}
	// Not permitted, so not even validated; and a body of only that key is a missing wrapper.
	h.call("PATCH", acctPath(sc, "assignment_policies/%d", num(p["id"])), sc.AdminToken,
		map[string]any{"exclude_older_than_hours": 5}).expect(t, 422, `{"error":"param is missing or the value is empty: assignment_policy"}`)
}

func TestAssignmentPolicy_Validations(t *testing.T) {
	h := newHarnessAt(t, "4.17.0", "")
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "assignment_policies")
	post := func(body map[string]any) reply {
		return h.call("POST", path, sc.AdminToken, map[string]any{"assignment_policy": body})
	}
	post(map[string]any{"name": "", "fair_distribution_limit": 0}).expect(t, 422,
		`{"message":"Name can't be blank, Fair distribution limit must be greater than 0","attributes":["name","fair_distribution_limit"]}`)
	post(map[string]any{"name": "W", "fair_distribution_window": -1}).expect(t, 422,
		`{"message":"Fair distribution window must be greater than 0","attributes":["fair_distribution_window"]}`)
	post(map[string]any{"name": "N", "fair_distribution_limit": "many"}).expect(t, 422,
		`{"message":"Fair distribution limit is not a number","attributes":["fair_distribution_limit"]}`)
	post(map[string]any{"name": "X", "exclude_older_than_hours": 1.5}).expect(t, 422,
		`{"message":"Exclude older than hours must be an integer","attributes":["exclude_older_than_hours"]}`)
	post(map[string]any{"name": "X", "exclude_older_than_hours": 0}).expect(t, 422,
		`{"message":"Exclude older than hours must be greater than 0","attributes":["exclude_older_than_hours"]}`)
	post(map[string]any{"name": strings.Repeat("n", 256)}).expect(t, 422,
		`{"message":"Name is too long (maximum is 255 characters)","attributes":["name"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{}).expect(t, 422, `{"error":"param is missing or the value is empty: assignment_policy"}`)

	// null means no age limit.
	p := h.createPolicy(sc, map[string]any{"name": "Default", "exclude_older_than_hours": nil})
	if v, ok := p["exclude_older_than_hours"]; !ok || v != nil {
		t.Fatalf("exclude_older_than_hours null: %v", p)
	}
	// Names are unique per account and compared case-sensitively.
	post(map[string]any{"name": "Default"}).expect(t, 422, `{"message":"Name has already been taken","attributes":["name"]}`)
	post(map[string]any{"name": "default"}).expect(t, 200, "")
	h.call("PATCH", acctPath(sc, "assignment_policies/%d", num(p["id"])), sc.AdminToken,
		map[string]any{"name": "default"}).expect(t, 422, `{"message":"Name has already been taken","attributes":["name"]}`)
	// Updates are partial.
	r := h.call("PUT", acctPath(sc, "assignment_policies/%d", num(p["id"])), sc.AdminToken, map[string]any{"enabled": false})
	r.expect(t, 200, "")
	if got := r.obj(t); got["name"] != "Default" || got["enabled"] != false || got["exclude_older_than_hours"] != nil {
		t.Fatalf("partial update: %s", r.body)
	}
}

func TestAssignmentPolicy_InvalidEnumsAre500sAndSaveNothing(t *testing.T) {
	for _, edition := range []string{EditionCommunity, EditionEnterprise} {
		t.Run(edition, func(t *testing.T) {
			h := newHarnessAt(t, "", edition)
			sc := h.seed(fixture.SeedOptions{})
			path := acctPath(sc, "assignment_policies")
			const ise = `{"status":500,"error":"Internal Server Error"}`
			bad := []map[string]any{
				{"name": "a", "assignment_order": "fifo"},
				{"name": "b", "assignment_order": "0"},
				{"name": "c", "assignment_order": nil},
				{"name": "d", "conversation_priority": "newest"},
				{"name": "e", "conversation_priority": nil},
				{"name": "f", "enabled": nil},
				{"name": "", "assignment_order": "fifo"}, // the cast fails before validation
			}
			if edition == EditionCommunity {
				bad = append(bad, map[string]any{"name": "g", "assignment_order": "balanced"}, map[string]any{"name": "h", "assignment_order": 1})
			}
			for _, body := range bad {
				h.call("POST", path, sc.AdminToken, map[string]any{"assignment_policy": body}).expect(t, 500, ise)
			}
			list := h.call("GET", path, sc.AdminToken, nil)
			if n := len(list.arr(t)); n != 0 {
				t.Fatalf("a 500 saved %d policies", n)
			}
			p := h.createPolicy(sc, map[string]any{"name": "ints", "assignment_order": 0, "conversation_priority": 1})
			if p["assignment_order"] != "round_robin" || p["conversation_priority"] != "longest_waiting" {
				t.Fatalf("integer enum values: %v", p)
			}
			r := h.call("PATCH", acctPath(sc, "assignment_policies/%d", num(p["id"])), sc.AdminToken, map[string]any{"assignment_order": "balanced"})
			if edition == EditionCommunity {
				r.expect(t, 500, ise)
				if got := h.call("GET", acctPath(sc, "assignment_policies/%d", num(p["id"])), sc.AdminToken, nil).obj(t); got["assignment_order"] != "round_robin" {
					t.Fatalf("a failed update changed the policy: %v", got)
				}
			} else {
				r.expect(t, 200, "")
				if r.obj(t)["assignment_order"] != "balanced" {
					t.Fatalf("enterprise balanced: %s", r.body)
				}
			}
		})
	}
}

func TestAssignmentPolicy_AdministratorOnlyAfterLookup(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	p := h.createPolicy(sc, map[string]any{"name": "P"})
	agent := sc.Agent1.AccessToken
	notFound := `{"error":"Resource could not be found"}`
	denied := `{"error":"You are not authorized to do this action"}`
	h.call("GET", acctPath(sc, "assignment_policies/999999"), agent, nil).expect(t, 404, notFound)
	h.call("GET", acctPath(sc, "assignment_policies/%d", num(p["id"])), agent, nil).expect(t, 401, denied)
	h.call("DELETE", acctPath(sc, "assignment_policies/999999"), agent, nil).expect(t, 404, notFound)
	h.call("GET", acctPath(sc, "assignment_policies"), agent, nil).expect(t, 401, denied)
	h.call("POST", acctPath(sc, "assignment_policies"), agent, map[string]any{"name": "x"}).expect(t, 401, denied)
	h.call("GET", acctPath(sc, "assignment_policies/%d/inboxes", num(p["id"])), agent, nil).expect(t, 401, denied)
	h.call("GET", acctPath(sc, "assignment_policies/new"), sc.AdminToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
	// A policy of another account is as good as missing.
	other := h.seed(fixture.SeedOptions{})
	h.call("GET", acctPath(other, "assignment_policies/%d", num(p["id"])), other.AdminToken, nil).expect(t, 404, notFound)
}

func TestInboxBinding_PostReplacesAndDeleteOfPolicyCascades(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	ctx := context.Background()
	second, err := h.fx.CreateInbox(ctx, sc.AdminToken, sc.Account.ID, "Second", false)
	if err != nil {
		t.Fatal(err)
	}
	p1 := h.createPolicy(sc, map[string]any{"name": "One"})
	p2 := h.createPolicy(sc, map[string]any{"name": "Two"})
	bindingPath := acctPath(sc, "inboxes/%d/assignment_policy", sc.Inbox.ID)
	notBound := `{"error":"Assignment policy not found"}`

	h.call("GET", bindingPath, sc.AdminToken, nil).expect(t, 404, notBound)
	h.call("DELETE", bindingPath, sc.AdminToken, nil).expect(t, 404, notBound)
	r := h.call("POST", bindingPath, sc.AdminToken, map[string]any{"assignment_policy_id": num(p1["id"])})
	r.expect(t, 200, "")
	if got := r.obj(t); num(got["id"]) != num(p1["id"]) || num(got["assigned_inbox_count"]) != 1 {
		t.Fatalf("bind response is the bound policy counting the new binding: %s", r.body)
	}
	// Another policy replaces the binding; the same one again is accepted.
	h.call("POST", bindingPath, sc.AdminToken, map[string]any{"assignment_policy_id": num(p2["id"])}).expect(t, 200, "")
	h.call("POST", bindingPath, sc.AdminToken, map[string]any{"assignment_policy_id": num(p2["id"])}).expect(t, 200, "")
	h.bind(sc, second.ID, p2)
	if got := h.call("GET", bindingPath, sc.AdminToken, nil).obj(t); num(got["id"]) != num(p2["id"]) || num(got["assigned_inbox_count"]) != 2 {
		t.Fatalf("after replace: %v", got)
	}
	if got := h.call("GET", acctPath(sc, "assignment_policies/%d", num(p1["id"])), sc.AdminToken, nil).obj(t); num(got["assigned_inbox_count"]) != 0 {
		t.Fatalf("replaced policy still counts the inbox: %v", got)
	}
	inboxes := h.call("GET", acctPath(sc, "assignment_policies/%d/inboxes", num(p2["id"])), sc.AdminToken, nil)
	inboxes.expect(t, 200, "")
	items := asArr(t, inboxes.obj(t)["inboxes"])
	if len(items) != 2 || num(asObj(t, items[0])["id"]) != sc.Inbox.ID || asObj(t, items[0])["channel_type"] != "Channel::Api" {
		t.Fatalf("policy inboxes: %s", inboxes.body)
	}
	h.call("GET", acctPath(sc, "assignment_policies/%d/inboxes", num(p1["id"])), sc.AdminToken, nil).expect(t, 200, `{"inboxes":[]}`)

	// Deleting the policy unbinds every inbox in the same request; the inboxes stay.
	h.call("DELETE", acctPath(sc, "assignment_policies/%d", num(p2["id"])), sc.AdminToken, nil).expect(t, 200, "")
	h.call("GET", acctPath(sc, "assignment_policies/%d", num(p2["id"])), sc.AdminToken, nil).expect(t, 404, `{"error":"Resource could not be found"}`)
	h.call("GET", bindingPath, sc.AdminToken, nil).expect(t, 404, notBound)
	h.call("GET", acctPath(sc, "inboxes/%d/assignment_policy", second.ID), sc.AdminToken, nil).expect(t, 404, notBound)
	h.call("GET", acctPath(sc, "inboxes/%d", second.ID), sc.AdminToken, nil).expect(t, 200, "")

	h.bind(sc, sc.Inbox.ID, p1)
	h.call("DELETE", bindingPath, sc.AdminToken, nil).expect(t, 200, "")
	h.call("GET", bindingPath, sc.AdminToken, nil).expect(t, 404, notBound)
}

func TestInboxBinding_LookupOrderAndItsBodies(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	p := h.createPolicy(sc, map[string]any{"name": "P"})
	notFound := `{"error":"Resource could not be found"}`
	denied := `{"error":"You are not authorized to do this action"}`
	agent := sc.Agent1.AccessToken // a member of the inbox
	bindingPath := acctPath(sc, "inboxes/%d/assignment_policy", sc.Inbox.ID)
	h.call("GET", acctPath(sc, "inboxes/999999/assignment_policy"), sc.AdminToken, nil).expect(t, 404, notFound)
	h.call("POST", acctPath(sc, "inboxes/999999/assignment_policy"), agent, map[string]any{"assignment_policy_id": num(p["id"])}).expect(t, 404, notFound)
	h.call("POST", bindingPath, sc.AdminToken, map[string]any{"assignment_policy_id": 999999}).expect(t, 404, notFound)
	h.call("POST", bindingPath, agent, map[string]any{}).expect(t, 404, notFound)
	h.call("POST", bindingPath, agent, map[string]any{"assignment_policy_id": num(p["id"])}).expect(t, 401, denied)
	// The "not bound" answer comes after authorization.
	h.call("GET", bindingPath, agent, nil).expect(t, 401, denied)
	h.call("DELETE", bindingPath, agent, nil).expect(t, 401, denied)
	h.call("PATCH", bindingPath, sc.AdminToken, map[string]any{"assignment_policy_id": num(p["id"])}).expect(t, 404, `{"status":404,"error":"Not Found"}`)
}

func TestCapacityPolicy_CommunityBuildHasNoRoutes(t *testing.T) {
	h := newHarnessAt(t, "", EditionCommunity)
	sc := h.seed(fixture.SeedOptions{})
	const rails404 = `{"status":404,"error":"Not Found"}`
	h.call("GET", acctPath(sc, "agent_capacity_policies"), "", nil).expect(t, 404, rails404)
	h.call("POST", acctPath(sc, "agent_capacity_policies"), sc.AdminToken, map[string]any{"name": "x"}).expect(t, 404, rails404)
	h.call("DELETE", acctPath(sc, "agent_capacity_policies/1/inbox_limits/1"), sc.AdminToken, nil).expect(t, 404, rails404)
	// Assignment policies exist on both builds.
	h.createPolicy(sc, map[string]any{"name": "ok"})
}

func TestCapacityPolicy_CRUDAndJSON(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "agent_capacity_policies")
	agent := sc.Agent1.AccessToken
	denied := `{"error":"You are not authorized to do this action"}`
	// Authorization runs before the lookup here.
	h.call("GET", path+"/999999", agent, nil).expect(t, 401, denied)
	h.call("GET", path+"/999999", sc.AdminToken, nil).expect(t, 404, `{"error":"Resource could not be found"}`)
	h.call("POST", path, sc.AdminToken, map[string]any{}).expect(t, 422, `{"error":"param is missing or the value is empty: agent_capacity_policy"}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"agent_capacity_policy": map[string]any{"name": ""}}).expect(t, 422,
		`{"message":"Name can't be blank","attributes":["name"]}`)

	rules := map[string]any{"excluded_labels": []any{"urgent", "spam"}, "exclude_older_than_hours": 24, "other": 1}
	r := h.call("POST", path, sc.AdminToken, map[string]any{"agent_capacity_policy": map[string]any{"name": "Limited", "exclusion_rules": rules}})
	r.expect(t, 200, "")
	want := "id,name,description,exclusion_rules,created_at,updated_at,account_id,assigned_agent_count,inbox_capacity_limits"
	if got := strings.Join(keysOf(t, r.body), ","); got != want {
		t.Fatalf("keys = %s\nwant   %s", got, want)
	}
	p := r.obj(t)
	id := num(p["id"])
	er := asObj(t, p["exclusion_rules"])
	if len(er) != 2 || num(er["exclude_older_than_hours"]) != 24 || fmt.Sprint(er["excluded_labels"]) != "[urgent spam]" ||
		num(p["account_id"]) != sc.Account.ID || num(p["assigned_agent_count"]) != 0 || len(asArr(t, p["inbox_capacity_limits"])) != 0 {
		t.Fatalf("policy JSON: %s", r.body)
	}
	// Names are not unique; exclusion_rules defaults to {} and an update replaces it whole.
	r = h.call("POST", path, sc.AdminToken, map[string]any{"name": "Limited"})
	r.expect(t, 200, "")
	if got := asObj(t, r.obj(t)["exclusion_rules"]); len(got) != 0 {
		t.Fatalf("default exclusion_rules: %s", r.body)
	}
	r = h.call("PATCH", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, map[string]any{"exclusion_rules": map[string]any{"excluded_labels": []any{"vip"}}})
	r.expect(t, 200, "")
	if got := asObj(t, r.obj(t)["exclusion_rules"]); len(got) != 1 || fmt.Sprint(got["excluded_labels"]) != "[vip]" || r.obj(t)["name"] != "Limited" {
		t.Fatalf("update replaces exclusion_rules: %s", r.body)
	}
	if n := len(h.call("GET", path, sc.AdminToken, nil).arr(t)); n != 2 {
		t.Fatalf("index: %d policies", n)
	}

	// Delete releases members and removes limits in the same request.
	h.call("POST", fmt.Sprintf("%s/%d/inbox_limits", path, id), sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "conversation_limit": 3}).expect(t, 200, "")
	h.call("POST", fmt.Sprintf("%s/%d/users", path, id), sc.AdminToken, map[string]any{"user_id": sc.Agent1.ID}).expect(t, 200, "")
	h.call("DELETE", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).expect(t, 200, "")
	h.call("GET", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).expect(t, 404, "")
	users := h.call("GET", fmt.Sprintf("/platform/api/v1/accounts/%d/account_users", sc.Account.ID), testPlatformToken, nil)
	for _, u := range users.arr(t) {
		if m := asObj(t, u); m["agent_capacity_policy_id"] != nil {
			t.Fatalf("member not released: %v", m)
		}
	}
}

func TestCapacityPolicyMembers_OnePolicyPerUser(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "agent_capacity_policies")
	a := num(h.call("POST", path, sc.AdminToken, map[string]any{"name": "A"}).obj(t)["id"])
	b := num(h.call("POST", path, sc.AdminToken, map[string]any{"name": "B"}).obj(t)["id"])
	users := func(id int64) []any {
		r := h.call("GET", fmt.Sprintf("%s/%d/users", path, id), sc.AdminToken, nil)
		r.expect(t, 200, "")
		return r.arr(t)
	}
	r := h.call("POST", fmt.Sprintf("%s/%d/users", path, a), sc.AdminToken, map[string]any{"user_id": sc.Agent1.ID})
	r.expect(t, 200, "")
	// The users endpoints render the profile JSON, the user's access token included.
	if u := r.obj(t); num(u["id"]) != sc.Agent1.ID || u["access_token"] != sc.Agent1.AccessToken || u["pubsub_token"] == nil {
		t.Fatalf("user JSON: %s", r.body)
	}
	h.call("POST", fmt.Sprintf("%s/%d/users", path, a), sc.AdminToken, map[string]any{"user_id": sc.Agent1.ID}).expect(t, 200, "")
	if got := users(a); len(got) != 1 {
		t.Fatalf("adding twice lists once: %v", got)
	}
	// Adding to B moves the user.
	h.call("POST", fmt.Sprintf("%s/%d/users", path, b), sc.AdminToken, map[string]any{"user_id": sc.Agent1.ID}).expect(t, 200, "")
	if len(users(a)) != 0 || len(users(b)) != 1 {
		t.Fatalf("move: A %v, B %v", users(a), users(b))
	}
	if got := h.call("GET", fmt.Sprintf("%s/%d", path, b), sc.AdminToken, nil).obj(t); num(got["assigned_agent_count"]) != 1 {
		t.Fatalf("assigned_agent_count: %v", got)
	}
	// Deleting "from A" clears whatever policy the user holds.
	h.call("DELETE", fmt.Sprintf("%s/%d/users/%d", path, a, sc.Agent1.ID), sc.AdminToken, nil).expect(t, 200, "")
	if len(users(b)) != 0 {
		t.Fatal("DELETE from another policy must free the user")
	}
	stranger, err := h.fx.CreateUser(context.Background(), "Stranger", "stranger+cap@example.test", "Password1!")
	if err != nil {
		t.Fatal(err)
	}
	notFound := `{"error":"Resource could not be found"}`
	h.call("POST", fmt.Sprintf("%s/%d/users", path, a), sc.AdminToken, map[string]any{"user_id": stranger.ID}).expect(t, 404, notFound)
	h.call("POST", fmt.Sprintf("%s/%d/users", path, a), sc.AdminToken, map[string]any{}).expect(t, 404, notFound)
	h.call("DELETE", fmt.Sprintf("%s/%d/users/%d", path, a, stranger.ID), sc.AdminToken, nil).expect(t, 404, notFound)
	h.call("GET", fmt.Sprintf("%s/%d/users", path, a), sc.Agent1.AccessToken, nil).expect(t, 401, "")
}

func TestCapacityPolicyInboxLimits(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "agent_capacity_policies")
	a := num(h.call("POST", path, sc.AdminToken, map[string]any{"name": "A"}).obj(t)["id"])
	b := num(h.call("POST", path, sc.AdminToken, map[string]any{"name": "B"}).obj(t)["id"])
	limits := fmt.Sprintf("%s/%d/inbox_limits", path, a)
	r := h.call("POST", limits, sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "conversation_limit": 10})
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, r.body), ","); got != "id,inbox_id,agent_capacity_policy_id,conversation_limit,created_at,updated_at" {
		t.Fatalf("create keys: %s", got)
	}
	limitID := num(r.obj(t)["id"])
	h.call("POST", limits, sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "conversation_limit": 5}).expect(t, 422,
		`{"error":"Inbox has already been assigned to this policy"}`)
	// Another policy may limit the same inbox; 0 is a valid limit.
	h.call("POST", fmt.Sprintf("%s/%d/inbox_limits", path, b), sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "conversation_limit": 0}).expect(t, 200, "")
	h.call("POST", limits, sc.AdminToken, map[string]any{"inbox_id": 999999, "conversation_limit": 1}).expect(t, 404, `{"error":"Resource could not be found"}`)

	second, err := h.fx.CreateInbox(context.Background(), sc.AdminToken, sc.Account.ID, "Second", false)
	if err != nil {
		t.Fatal(err)
	}
	for body, want := range map[string]string{
		`{"inbox_id":%d}`:                          `{"message":"Conversation limit can't be blank, Conversation limit is not a number","attributes":["conversation_limit"]}`,
		`{"inbox_id":%d,"conversation_limit":-1}`:  `{"message":"Conversation limit must be greater than or equal to 0","attributes":["conversation_limit"]}`,
		`{"inbox_id":%d,"conversation_limit":1.5}`: `{"message":"Conversation limit must be an integer","attributes":["conversation_limit"]}`,
	} {
		h.call("POST", limits, sc.AdminToken, fmt.Sprintf(body, second.ID)).expect(t, 422, want)
	}
	r = h.call("PATCH", fmt.Sprintf("%s/%d", limits, limitID), sc.AdminToken, map[string]any{"conversation_limit": 15})
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, r.body), ","); got != "id,inbox_id,inbox_name,agent_capacity_policy_id,conversation_limit,created_at,updated_at" ||
		r.obj(t)["inbox_name"] != "Fixture API" || num(r.obj(t)["conversation_limit"]) != 15 {
		t.Fatalf("update: %s", r.body)
	}
	pol := h.call("GET", fmt.Sprintf("%s/%d", path, a), sc.AdminToken, nil).obj(t)
	if l := asArr(t, pol["inbox_capacity_limits"]); len(l) != 1 || num(asObj(t, l[0])["conversation_limit"]) != 15 || num(asObj(t, l[0])["id"]) != limitID {
		t.Fatalf("embedded limits: %v", pol)
	}
	// A limit id of another policy is not found there.
	h.call("DELETE", fmt.Sprintf("%s/%d/inbox_limits/%d", path, b, limitID), sc.AdminToken, nil).expect(t, 404, "")
	r = h.call("DELETE", fmt.Sprintf("%s/%d", limits, limitID), sc.AdminToken, nil)
	r.expect(t, http.StatusNoContent, "")
	if len(r.body) != 0 {
		t.Fatalf("204 with a body: %q", r.body)
	}
	h.call("DELETE", fmt.Sprintf("%s/%d", limits, limitID), sc.AdminToken, nil).expect(t, 404, "")
}

// TestSection5_EndToEnd_FairLimitCapacityAndDefaults is the support-desk scenario: two online
// agents, six new conversations, a policy with fair_distribution_limit 2; then a capacity
// policy of 1; then, with the binding gone, V2's own defaults.
func TestSection5_EndToEnd_FairLimitCapacityAndDefaults(t *testing.T) {
	t.Run("fair distribution limit 2", func(t *testing.T) {
		h := newHarnessAt(t, "4.16.0", "")
		sc := h.seed(fixture.SeedOptions{AgentsOnline: true, InboxAutoAssignment: true})
		p := h.createPolicy(sc, map[string]any{"name": "Desk", "fair_distribution_limit": 2, "exclude_older_than_hours": nil})
		h.bind(sc, sc.Inbox.ID, p)
		first := h.openConversations(sc, 6)
		got := h.holdings(sc, first)
		if got[sc.Agent1.ID] != 2 || got[sc.Agent2.ID] != 2 || got[0] != 2 {
			t.Fatalf("holdings = %v, want 2 each and 2 waiting", got)
		}
		// Oldest first: the two that wait are the newest.
		if h.assignee(sc, first[4]) != 0 || h.assignee(sc, first[5]) != 0 {
			t.Fatalf("the newest conversations should wait: %v", got)
		}

		// Binding destroyed: no policy means 5 per agent per 5 minutes and a 7-day age cut-off.
		h.call("DELETE", acctPath(sc, "inboxes/%d/assignment_policy", sc.Inbox.ID), sc.AdminToken, nil).expect(t, 200, "")
		h.advanceClock(169 * 3600) // the waiting two are now inactive for over a week; old slots expired
		next := h.openConversations(sc, 12)
		got = h.holdings(sc, next)
		if got[sc.Agent1.ID] != 5 || got[sc.Agent2.ID] != 5 || got[0] != 2 {
			t.Fatalf("defaults: holdings of the new conversations = %v, want 5 each and 2 waiting", got)
		}
		if h.assignee(sc, first[4]) != 0 || h.assignee(sc, first[5]) != 0 {
			t.Fatal("defaults: conversations inactive for over 168 hours must not be assigned")
		}
	})
	t.Run("capacity 1", func(t *testing.T) {
		h := newHarnessAt(t, "4.16.0", EditionEnterprise)
		sc := h.seed(fixture.SeedOptions{AgentsOnline: true, InboxAutoAssignment: true, Features: map[string]bool{"advanced_assignment": true}})
		p := h.createPolicy(sc, map[string]any{"name": "Desk", "fair_distribution_limit": 2})
		h.bind(sc, sc.Inbox.ID, p)
		h.capacityPolicy(sc, 1, sc.Agent1.ID, sc.Agent2.ID)
		ids := h.openConversations(sc, 6)
		if got := h.holdings(sc, ids); got[sc.Agent1.ID] != 1 || got[sc.Agent2.ID] != 1 || got[0] != 4 {
			t.Fatalf("holdings = %v, want 1 each and 4 waiting", got)
		}
	})
}

func TestSection5_2_BindingIsNotATriggerThePeriodicJobIs(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{InboxAutoAssignment: true}) // agents offline
	ids := h.openConversations(sc, 2)
	h.setOnline(sc, sc.Agent1.ID, sc.Agent2.ID) // going online is no trigger either
	p := h.createPolicy(sc, map[string]any{"name": "P"})
	h.bind(sc, sc.Inbox.ID, p)
	if got := h.holdings(sc, ids); got[0] != 2 {
		t.Fatalf("binding assigned conversations: %v", got)
	}
	h.call("POST", "/__mock/jobs/periodic_assignment", sc.AdminToken, nil).expect(t, 401, `{"error":"Invalid access_token"}`)
	job := h.periodicJob()
	if num(job["assigned"]) != 2 || fmt.Sprint(job["inboxes"]) != fmt.Sprint([]any{float64(sc.Inbox.ID)}) {
		t.Fatalf("periodic job: %v", job)
	}
	if got := h.holdings(sc, ids); got[sc.Agent1.ID] != 1 || got[sc.Agent2.ID] != 1 {
		t.Fatalf("after the periodic job: %v", got)
	}
}

func TestSection5_2_PeriodicJobSkipsInboxesWithoutPolicyAndAccountsWithoutV2(t *testing.T) {
	h := newHarness(t)
	plain := h.seed(fixture.SeedOptions{InboxAutoAssignment: true})
	legacy := h.seed(fixture.SeedOptions{InboxAutoAssignment: true, Features: map[string]bool{"assignment_v2": false}})
	a, b := h.openConversations(plain, 1), h.openConversations(legacy, 1)
	h.setOnline(plain, plain.Agent1.ID)
	h.setOnline(legacy, legacy.Agent1.ID)
	h.bind(legacy, legacy.Inbox.ID, h.createPolicy(legacy, map[string]any{"name": "P"}))
	if job := h.periodicJob(); num(job["assigned"]) != 0 || len(asArr(t, job["inboxes"])) != 0 {
		t.Fatalf("periodic job ran: %v", job)
	}
	if h.assignee(plain, a[0]) != 0 || h.assignee(legacy, b[0]) != 0 {
		t.Fatal("nothing may be assigned")
	}
}

func TestSection5_2_ResolveFreesCapacityAndTriggers(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{AgentsOnline: true, InboxAutoAssignment: true, Features: map[string]bool{"advanced_assignment": true}})
	h.capacityPolicy(sc, 1, sc.Agent1.ID, sc.Agent2.ID)
	ids := h.openConversations(sc, 3)
	if h.assignee(sc, ids[2]) != 0 {
		t.Fatal("the third conversation should wait for capacity")
	}
	holder := h.assignee(sc, ids[0])
	if err := h.fx.ToggleStatus(context.Background(), sc.AdminToken, sc.Account.ID, ids[0], "resolved"); err != nil {
		t.Fatal(err)
	}
	if got := h.assignee(sc, ids[2]); got != holder {
		t.Fatalf("after resolve the waiting conversation went to %d, want %d", got, holder)
	}
}

func TestSection5_2_ReopenTriggers(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{InboxAutoAssignment: true})
	ids := h.openConversations(sc, 1)
	ctx := context.Background()
	if err := h.fx.ToggleStatus(ctx, sc.AdminToken, sc.Account.ID, ids[0], "resolved"); err != nil {
		t.Fatal(err)
	}
	h.setOnline(sc, sc.Agent2.ID)
	if err := h.fx.ToggleStatus(ctx, sc.AdminToken, sc.Account.ID, ids[0], "open"); err != nil {
		t.Fatal(err)
	}
	if got := h.assignee(sc, ids[0]); got != sc.Agent2.ID {
		t.Fatalf("reopen: assignee %d, want the online agent %d", got, sc.Agent2.ID)
	}
}

func TestSection5_4_TeamFilterAndTeamsWithoutAutoAssign(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{InboxAutoAssignment: true})
	ctx := context.Background()
	onlyBob, err := h.fx.CreateTeam(ctx, sc.AdminToken, sc.Account.ID, "bobs", true)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.fx.AddTeamMembers(ctx, sc.AdminToken, sc.Account.ID, onlyBob.ID, []int64{sc.Agent2.ID}); err != nil {
		t.Fatal(err)
	}
	closed, err := h.fx.CreateTeam(ctx, sc.AdminToken, sc.Account.ID, "closed", false)
	if err != nil {
		t.Fatal(err)
	}
	ids := h.openConversations(sc, 3)
	for i, team := range []int64{onlyBob.ID, closed.ID} {
		if err := h.fx.Assign(ctx, sc.AdminToken, sc.Account.ID, ids[i], map[string]any{"team_id": team}); err != nil {
			t.Fatal(err)
		}
	}
	h.setOnline(sc, sc.Agent1.ID, sc.Agent2.ID)
	h.bind(sc, sc.Inbox.ID, h.createPolicy(sc, map[string]any{"name": "P"}))
	h.periodicJob()
	// Round robin would give the first conversation to Alice; the team allows only Bob.
	if got := h.assignee(sc, ids[0]); got != sc.Agent2.ID {
		t.Fatalf("team conversation went to %d, want %d", got, sc.Agent2.ID)
	}
	if got := h.assignee(sc, ids[1]); got != 0 {
		t.Fatalf("a team without auto-assignment must be skipped, got %d", got)
	}
	if got := h.assignee(sc, ids[2]); got != sc.Agent1.ID {
		t.Fatalf("the conversation without team went to %d, want %d", got, sc.Agent1.ID)
	}
}

// touch moves a conversation's last activity to now, as a new message does. The mock has no
// messages endpoint, so the test sets it directly.
func (h *harness) touch(sc *fixture.Scenario, displayID int64) {
	h.srv.mu.Lock()
	defer h.srv.mu.Unlock()
	h.srv.state.accounts[sc.Account.ID].conversation(displayID).lastActivity = h.srv.now()
}

func TestSection5_4_ConversationPriority(t *testing.T) {
	for _, tc := range []struct{ priority, first string }{{"longest_waiting", "second"}, {"earliest_created", "first"}} {
		t.Run(tc.priority, func(t *testing.T) {
			h := newHarness(t)
			sc := h.seed(fixture.SeedOptions{InboxAutoAssignment: true})
			ids := h.openConversations(sc, 2)
			h.advanceClock(60)
			h.touch(sc, ids[0]) // the first conversation is now the more recently active
			h.setOnline(sc, sc.Agent1.ID)
			h.bind(sc, sc.Inbox.ID, h.createPolicy(sc, map[string]any{"name": "P", "fair_distribution_limit": 1, "conversation_priority": tc.priority}))
			h.periodicJob()
			want := ids[0]
			if tc.first == "second" {
				want = ids[1]
			}
			if h.assignee(sc, want) != sc.Agent1.ID {
				t.Fatalf("%s: the %s conversation should be assigned: %v", tc.priority, tc.first, h.holdings(sc, ids))
			}
		})
	}
}

func TestSection5_6_BalancedNeedsEnterpriseAndAdvancedAssignment(t *testing.T) {
	// Alice already holds two open conversations of the inbox, assigned by hand; four new ones
	// arrive for a balanced policy.
	run := func(t *testing.T, edition string, features map[string]bool) (alice, bob, waiting int) {
		h := newHarnessAt(t, "", edition)
		sc := h.seed(fixture.SeedOptions{InboxAutoAssignment: true, Features: features})
		ctx := context.Background()
		for _, id := range h.openConversations(sc, 2) {
			if err := h.fx.Assign(ctx, sc.AdminToken, sc.Account.ID, id, map[string]any{"assignee_id": sc.Agent1.ID}); err != nil {
				t.Fatal(err)
			}
		}
		ids := h.openConversations(sc, 4)
		h.setOnline(sc, sc.Agent1.ID, sc.Agent2.ID)
		order := "balanced"
		if edition == EditionCommunity {
			order = "round_robin" // balanced cannot be stored there
		}
		h.bind(sc, sc.Inbox.ID, h.createPolicy(sc, map[string]any{"name": "P", "assignment_order": order}))
		h.periodicJob()
		got := h.holdings(sc, ids)
		return got[sc.Agent1.ID], got[sc.Agent2.ID], got[0]
	}
	// Fewest open conversations first, ties to the first member: Bob, Bob, Alice, Bob.
	if a, b, w := run(t, EditionEnterprise, map[string]bool{"advanced_assignment": true}); a != 1 || b != 3 || w != 0 {
		t.Fatalf("balanced: alice %d, bob %d, waiting %d", a, b, w)
	}
	// Without advanced_assignment a balanced policy is round robin.
	if a, b, w := run(t, EditionEnterprise, nil); a != 2 || b != 2 || w != 0 {
		t.Fatalf("balanced without advanced_assignment: alice %d, bob %d, waiting %d", a, b, w)
	}
	if a, b, w := run(t, EditionCommunity, map[string]bool{"advanced_assignment": true}); a != 2 || b != 2 || w != 0 {
		t.Fatalf("community: alice %d, bob %d, waiting %d", a, b, w)
	}
}

func TestSection5_7_FairDistributionWindowSlides(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{AgentsOnline: true, InboxAutoAssignment: true})
	h.bind(sc, sc.Inbox.ID, h.createPolicy(sc, map[string]any{"name": "P", "fair_distribution_limit": 1, "fair_distribution_window": 60}))
	ids := h.openConversations(sc, 3)
	if got := h.holdings(sc, ids); got[0] != 1 {
		t.Fatalf("limit 1 per agent: %v", got)
	}
	h.advanceClock(59)
	h.periodicJob()
	if h.assignee(sc, ids[2]) != 0 {
		t.Fatal("the window has not passed yet")
	}
	h.advanceClock(1)
	h.periodicJob()
	if h.assignee(sc, ids[2]) == 0 {
		t.Fatal("a slot frees when its window has passed")
	}
	// Manual assignments never count against the limit.
	h2 := newHarness(t)
	sc2 := h2.seed(fixture.SeedOptions{InboxAutoAssignment: true})
	pre := h2.openConversations(sc2, 1)
	if err := h2.fx.Assign(context.Background(), sc2.AdminToken, sc2.Account.ID, pre[0], map[string]any{"assignee_id": sc2.Agent1.ID}); err != nil {
		t.Fatal(err)
	}
	h2.setOnline(sc2, sc2.Agent1.ID)
	h2.bind(sc2, sc2.Inbox.ID, h2.createPolicy(sc2, map[string]any{"name": "P", "fair_distribution_limit": 1}))
	next := h2.openConversations(sc2, 1)
	if h2.assignee(sc2, next[0]) != sc2.Agent1.ID {
		t.Fatal("a manual assignment used a fair-distribution slot")
	}
}

func TestSection5_7_AgeExclusion(t *testing.T) {
	for _, tc := range []struct {
		name, version string
		policy        map[string]any // nil: no binding
		assigned      bool
	}{
		{"policy threshold", "4.16.0", map[string]any{"name": "P", "exclude_older_than_hours": 2}, false},
		{"policy without limit", "4.16.0", map[string]any{"name": "P", "exclude_older_than_hours": nil}, true},
		{"no policy: 168 hours", "4.16.0", nil, false},
		{"before 4.16 there is no cut-off", "4.15.1", map[string]any{"name": "P"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarnessAt(t, tc.version, "")
			sc := h.seed(fixture.SeedOptions{InboxAutoAssignment: true})
			ids := h.openConversations(sc, 1)
			hours := 3
			if tc.policy == nil {
				hours = 169
			}
			h.advanceClock(hours * 3600)
			h.setOnline(sc, sc.Agent1.ID)
			if tc.policy != nil {
				h.bind(sc, sc.Inbox.ID, h.createPolicy(sc, tc.policy))
			}
			// A new conversation is the trigger; the old one is judged by its last activity.
			h.openConversations(sc, 1)
			if got := h.assignee(sc, ids[0]) != 0; got != tc.assigned {
				t.Fatalf("old conversation assigned = %v, want %v", got, tc.assigned)
			}
		})
	}
	// Recent activity keeps an old conversation eligible.
	h := newHarnessAt(t, "4.16.0", "")
	sc := h.seed(fixture.SeedOptions{InboxAutoAssignment: true})
	ids := h.openConversations(sc, 1)
	h.advanceClock(200 * 3600)
	h.touch(sc, ids[0])
	h.setOnline(sc, sc.Agent1.ID)
	h.openConversations(sc, 1)
	if h.assignee(sc, ids[0]) == 0 {
		t.Fatal("a recently active conversation created long ago must be assigned")
	}
}

func TestSection5_8_CapacityNeedsAdvancedAssignment(t *testing.T) {
	h := newHarness(t) // Enterprise build, advanced_assignment off
	sc := h.seed(fixture.SeedOptions{AgentsOnline: true, InboxAutoAssignment: true})
	h.capacityPolicy(sc, 1, sc.Agent1.ID, sc.Agent2.ID)
	if got := h.holdings(sc, h.openConversations(sc, 4)); got[0] != 0 {
		t.Fatalf("limits are stored but ignored without advanced_assignment: %v", got)
	}
	// A limit of 0 never has capacity; agents without a policy are unlimited.
	h2 := newHarness(t)
	sc2 := h2.seed(fixture.SeedOptions{AgentsOnline: true, InboxAutoAssignment: true, Features: map[string]bool{"advanced_assignment": true}})
	h2.capacityPolicy(sc2, 0, sc2.Agent1.ID)
	if got := h2.holdings(sc2, h2.openConversations(sc2, 3)); got[sc2.Agent1.ID] != 0 || got[sc2.Agent2.ID] != 3 {
		t.Fatalf("limit 0: %v", got)
	}
}

func TestSection5_4_CapacityExclusionRulesWithoutAdvancedAssignment(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{InboxAutoAssignment: true})
	ctx := context.Background()
	ids := h.openConversations(sc, 2)
	if err := h.fx.SetConversationLabels(ctx, sc.AdminToken, sc.Account.ID, ids[0], []string{"spam"}); err != nil {
		t.Fatal(err)
	}
	r := h.call("POST", acctPath(sc, "agent_capacity_policies"), sc.AdminToken,
		map[string]any{"name": "Rules", "exclusion_rules": map[string]any{"excluded_labels": []any{"spam"}}})
	r.expect(t, 200, "")
	h.call("POST", acctPath(sc, "agent_capacity_policies/%d/inbox_limits", num(r.obj(t)["id"])), sc.AdminToken,
		map[string]any{"inbox_id": sc.Inbox.ID, "conversation_limit": 10}).expect(t, 200, "")
	h.setOnline(sc, sc.Agent1.ID)
	h.bind(sc, sc.Inbox.ID, h.createPolicy(sc, map[string]any{"name": "P"}))
	h.periodicJob()
	if h.assignee(sc, ids[0]) != 0 || h.assignee(sc, ids[1]) != sc.Agent1.ID {
		t.Fatalf("excluded label: %v", h.holdings(sc, ids))
	}
}

func TestSection5_1_LegacyPathWhenAssignmentV2IsOff(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{AgentsOnline: true, InboxAutoAssignment: true, Features: map[string]bool{"assignment_v2": false}})
	h.bind(sc, sc.Inbox.ID, h.createPolicy(sc, map[string]any{"name": "P", "fair_distribution_limit": 1}))
	r := h.call("POST", acctPath(sc, "conversations"), sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "contact_id": sc.Contact.ID})
	r.expect(t, 200, "")
	if _, ok := meta(t, r.obj(t))["assignee"].(map[string]any); !ok {
		t.Fatal("legacy assignment is synchronous: the create response shows the assignee")
	}
	if got := h.holdings(sc, h.openConversations(sc, 3)); got[0] != 0 {
		t.Fatalf("the policy's limit does not apply on the legacy path: %v", got)
	}
}

func TestSection5_1_NoAutoAssignmentWhenTheInboxTurnsItOff(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{AgentsOnline: true})
	h.bind(sc, sc.Inbox.ID, h.createPolicy(sc, map[string]any{"name": "P"}))
	ids := h.openConversations(sc, 1)
	if job := h.periodicJob(); num(job["assigned"]) != 0 || h.assignee(sc, ids[0]) != 0 {
		t.Fatalf("enable_auto_assignment false: %v", job)
	}
}

func TestSection5_9_TriggerResponseOmitsTheV2Assignment(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{AgentsOnline: true, InboxAutoAssignment: true})
	h.bind(sc, sc.Inbox.ID, h.createPolicy(sc, map[string]any{"name": "P"}))
	r := h.call("POST", acctPath(sc, "conversations"), sc.AdminToken, map[string]any{"inbox_id": sc.Inbox.ID, "contact_id": sc.Contact.ID})
	r.expect(t, 200, "")
	if _, ok := meta(t, r.obj(t))["assignee"]; ok {
		t.Fatal("the create response must not show the V2 assignment")
	}
	if h.assignee(sc, num(r.obj(t)["id"])) != sc.Agent1.ID {
		t.Fatal("the next read shows it")
	}
}

// Before 4.17 a bot-owned open conversation counted as unassigned, so a bulk run could hand it
// to a human; from 4.17 it is never selected.
func TestSection5_10_BotOwnedConversationsAndTheBulkRun(t *testing.T) {
	for _, tc := range []struct {
		version string
		human   bool
	}{{"4.15.1", true}, {"4.17.0", false}} {
		t.Run(tc.version, func(t *testing.T) {
			h := newHarnessAt(t, tc.version, "")
			sc := h.seed(fixture.SeedOptions{InboxAutoAssignment: true})
			ids := h.openConversations(sc, 1)
			if err := h.fx.Assign(context.Background(), sc.AdminToken, sc.Account.ID, ids[0],
				map[string]any{"assignee_id": sc.Bot.ID, "assignee_type": "AgentBot"}); err != nil {
				t.Fatal(err)
			}
			h.setOnline(sc, sc.Agent1.ID)
			h.bind(sc, sc.Inbox.ID, h.createPolicy(sc, map[string]any{"name": "P"}))
			h.periodicJob()
			m := meta(t, h.conversation(sc, ids[0]))
			if got := m["assignee_type"] == "User"; got != tc.human {
				t.Fatalf("taken by a human = %v, want %v (meta %v)", got, tc.human, m)
			}
		})
	}
}

func TestInboxBinding_GoesWithItsInbox(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	p := h.createPolicy(sc, map[string]any{"name": "P"})
	h.bind(sc, sc.Inbox.ID, p)
	h.call("DELETE", acctPath(sc, "inboxes/%d", sc.Inbox.ID), sc.AdminToken, nil).expect(t, 200, "")
	// Inbox deletion is asynchronous: the first request after the DELETE still sees the inbox
	// and its binding; the job has run before the second.
	got := h.call("GET", acctPath(sc, "assignment_policies/%d", num(p["id"])), sc.AdminToken, nil).obj(t)
	if num(got["assigned_inbox_count"]) != 1 {
		t.Fatalf("the binding went before the inbox's deletion job ran: %v", got)
	}
	got = h.call("GET", acctPath(sc, "assignment_policies/%d", num(p["id"])), sc.AdminToken, nil).obj(t)
	if num(got["assigned_inbox_count"]) != 0 {
		t.Fatalf("a deleted inbox still counts: %v", got)
	}
	h.call("GET", acctPath(sc, "assignment_policies/%d/inboxes", num(p["id"])), sc.AdminToken, nil).expect(t, 200, `{"inboxes":[]}`)
}
