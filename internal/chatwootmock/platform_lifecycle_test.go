package chatwootmock

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const nonPermissible = `{"error":"Non permissible resource"}`

func (h *harness) platformAccount(body map[string]any) int64 {
	h.t.Helper()
	r := h.call("POST", "/platform/api/v1/accounts", testPlatformToken, body)
	r.expect(h.t, 200, "")
	return num(r.obj(h.t)["id"])
}

func (h *harness) platformUser(name, email string) map[string]any {
	h.t.Helper()
	r := h.call("POST", "/platform/api/v1/users", testPlatformToken, map[string]any{"name": name, "email": email, "password": "Password1!"})
	r.expect(h.t, 200, "")
	return r.obj(h.t)
}

func enabledFeatures(t *testing.T, account map[string]any) []string {
	t.Helper()
	var out []string
	for k, v := range asObj(t, account["features"]) {
		if v != true {
			t.Fatalf("feature %s = %v; only enabled flags are listed, as true", k, v)
		}
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestPlatformAccountUpdate_FeaturesPatchLimitsAndCustomAttributesReplace(t *testing.T) {
	h := newHarness(t)
	id := h.platformAccount(map[string]any{"name": "Acme", "limits": map[string]any{"agents": 5},
		"custom_attributes": map[string]any{"plan": "gold", "region": "eu"}})
	path := fmt.Sprintf("/platform/api/v1/accounts/%d", id)
	before := enabledFeatures(t, h.call("GET", path, testPlatformToken, nil).obj(t))

	r := h.call("PATCH", path, testPlatformToken, map[string]any{"name": "Acme 2", "locale": "pt_BR", "domain": "acme.test",
		"features": map[string]any{"sla": true, "help_center": false}, "limits": map[string]any{"inboxes": 3},
		"custom_attributes": map[string]any{"plan": "silver"}})
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, r.body), ","); got != "id,name,locale,domain,support_email,features,custom_attributes,limits,status" {
		t.Fatalf("keys = %s", got)
	}
	a := r.obj(t)
	if a["name"] != "Acme 2" || a["locale"] != "pt_BR" || a["domain"] != "acme.test" {
		t.Fatalf("account = %s", r.body)
	}
	// Only the listed flags change.
	after := enabledFeatures(t, a)
	want := []string{"sla"}
	for _, f := range before {
		if f != "help_center" {
			want = append(want, f)
		}
	}
	sort.Strings(want)
	if strings.Join(after, ",") != strings.Join(want, ",") {
		t.Fatalf("features after patch = %v, want %v", after, want)
	}
	// limits and custom_attributes are replaced as a whole.
	if lim := asObj(t, a["limits"]); len(lim) != 1 || num(lim["inboxes"]) != 3 {
		t.Fatalf("limits = %v", lim)
	}
	if ca := asObj(t, a["custom_attributes"]); len(ca) != 1 || ca["plan"] != "silver" {
		t.Fatalf("custom_attributes = %v", ca)
	}
	// PUT is the same action, and the read shows what the update answered.
	h.call("PUT", path, testPlatformToken, map[string]any{"custom_attributes": map[string]any{}}).expect(t, 200, "")
	got := h.call("GET", path, testPlatformToken, nil).obj(t)
	if ca := asObj(t, got["custom_attributes"]); len(ca) != 0 || got["name"] != "Acme 2" {
		t.Fatalf("after PUT = %v", got)
	}
}

func TestPlatformAccountUpdate_RejectsBadInputAndChangesNothing(t *testing.T) {
	h := newHarness(t)
	id := h.platformAccount(map[string]any{"name": "Acme"})
	path := fmt.Sprintf("/platform/api/v1/accounts/%d", id)
	orig := string(h.call("GET", path, testPlatformToken, nil).body)

	h.call("PATCH", path, testPlatformToken, map[string]any{"name": ""}).
		expect(t, 422, `{"message":"Name can't be blank","attributes":["name"]}`)
	h.call("PATCH", path, testPlatformToken, map[string]any{"name": strings.Repeat("n", 256)}).
		expect(t, 422, `{"message":"Name is too long (maximum is 255 characters)","attributes":["name"]}`)
	h.call("PATCH", path, testPlatformToken, map[string]any{"name": "New", "domain": strings.Repeat("d", 101)}).
		expect(t, 422, `{"message":"Domain is too long (maximum is 100 characters)","attributes":["domain"]}`)
	h.call("PATCH", path, testPlatformToken, map[string]any{"support_email": "not an address"}).
		expect(t, 422, `{"message":"Support email is not a valid email address","attributes":["support_email"]}`)
	h.call("PATCH", path, testPlatformToken, map[string]any{"limits": map[string]any{"seats": 3}}).
		expect(t, 422, `{"message":"Limits : Invalid data","attributes":["limits"]}`)
	h.call("PATCH", path, testPlatformToken, map[string]any{"limits": map[string]any{"agents": "3"}}).
		expect(t, 422, `{"message":"Limits : Invalid data","attributes":["limits"]}`)
	internal := `{"status":500,"error":"Internal Server Error"}`
	h.call("PATCH", path, testPlatformToken, map[string]any{"name": "New", "locale": "xx"}).expect(t, 500, internal)
	h.call("PATCH", path, testPlatformToken, map[string]any{"name": "New", "status": "closed"}).expect(t, 500, internal)
	h.call("PATCH", path, testPlatformToken, map[string]any{"name": "New", "features": map[string]any{"bogus": true}}).expect(t, 500, internal)

	if got := string(h.call("GET", path, testPlatformToken, nil).body); got != orig {
		t.Fatalf("a failed update changed the account:\n%s\nwas\n%s", got, orig)
	}
}

func TestPlatformAccountUpdate_CommunityStoresAnyLimits(t *testing.T) {
	srv, base := StartTest(t, Options{PlatformToken: testPlatformToken, Edition: EditionCommunity})
	h := &harness{t: t, srv: srv, base: base}
	id := h.platformAccount(map[string]any{"name": "Acme", "limits": map[string]any{"seats": "many"}})
	got := h.call("GET", fmt.Sprintf("/platform/api/v1/accounts/%d", id), testPlatformToken, nil).obj(t)
	if lim := asObj(t, got["limits"]); lim["seats"] != "many" {
		t.Fatalf("limits = %v", lim)
	}
}

func TestPlatformAccountUpdate_BlankSupportEmailFallsBackToTheMailer(t *testing.T) {
	h := newHarness(t)
	id := h.platformAccount(map[string]any{"name": "Acme", "support_email": "help@acme.test"})
	path := fmt.Sprintf("/platform/api/v1/accounts/%d", id)
	if got := h.call("GET", path, testPlatformToken, nil).obj(t)["support_email"]; got != "help@acme.test" {
		t.Fatalf("support_email = %v", got)
	}
	a := h.call("PATCH", path, testPlatformToken, map[string]any{"support_email": ""}).obj(t)
	if a["support_email"] != defaultSupportEmail {
		t.Fatalf("support_email after blanking = %v", a["support_email"])
	}
}

func TestPlatformAccountStatus_SuspensionGatesTheApplicationAPI(t *testing.T) {
	h := newHarness(t)
	id := h.platformAccount(map[string]any{"name": "Acme"})
	u := h.platformUser("Admin", "admin@acme.test")
	h.call("POST", fmt.Sprintf("/platform/api/v1/accounts/%d/account_users", id), testPlatformToken,
		map[string]any{"user_id": u["id"], "role": "administrator"}).expect(t, 200, "")
	teams := fmt.Sprintf("/api/v1/accounts/%d/teams", id)
	tok := asStr(t, u["access_token"])
	h.call("GET", teams, tok, nil).expect(t, 200, "")
	path := fmt.Sprintf("/platform/api/v1/accounts/%d", id)
	if st := h.call("PATCH", path, testPlatformToken, map[string]any{"status": "suspended"}).obj(t)["status"]; st != "suspended" {
		t.Fatalf("status = %v", st)
	}
	h.call("GET", teams, tok, nil).expect(t, 401, `{"error":"Account is suspended"}`)
	h.call("PATCH", path, testPlatformToken, map[string]any{"status": "active"}).expect(t, 200, "")
	h.call("GET", teams, tok, nil).expect(t, 200, "")
}

func TestPlatformAccountDelete_IsAsyncTheAccountWorksUntilTheJobRuns(t *testing.T) {
	h := newHarness(t)
	id := h.platformAccount(map[string]any{"name": "Acme"})
	u := h.platformUser("Admin", "admin@acme.test")
	h.call("POST", fmt.Sprintf("/platform/api/v1/accounts/%d/account_users", id), testPlatformToken,
		map[string]any{"user_id": u["id"], "role": "administrator"}).expect(t, 200, "")
	tok := asStr(t, u["access_token"])
	teams := fmt.Sprintf("/api/v1/accounts/%d/teams", id)
	h.call("POST", teams, tok, map[string]any{"name": "billing"}).expect(t, 200, "")
	path := fmt.Sprintf("/platform/api/v1/accounts/%d", id)

	h.call("DELETE", path, testPlatformToken, nil).expect(t, 200, "")
	if h.srv.PendingJobs() != 1 {
		t.Fatalf("pending jobs = %d, want the DeleteObjectJob", h.srv.PendingJobs())
	}
	// The request right after the DELETE still sees the account, in both APIs.
	if got := h.call("GET", path, testPlatformToken, nil); got.status != 200 || got.obj(t)["name"] != "Acme" {
		t.Fatalf("show before the job = %d %s", got.status, got.body)
	}
	// Then the job has run.
	h.call("GET", path, testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
	h.call("GET", teams, tok, nil).expect(t, 404, `{"error":"Resource could not be found"}`)
	// The former member keeps their user, and a second DELETE is a 404.
	h.call("GET", fmt.Sprintf("/platform/api/v1/users/%d", num(u["id"])), testPlatformToken, nil).expect(t, 200, "")
	h.call("DELETE", path, testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
	// The orphaned permissible row breaks the index.
	h.call("GET", "/platform/api/v1/accounts", testPlatformToken, nil).expect(t, 500, `{"status":500,"error":"Internal Server Error"}`)
}

func TestPlatformAccountDelete_RepeatedBeforeTheJobIsHarmless(t *testing.T) {
	h := newHarness(t)
	id := h.platformAccount(map[string]any{"name": "Acme"})
	path := fmt.Sprintf("/platform/api/v1/accounts/%d", id)
	h.call("DELETE", path, testPlatformToken, nil).expect(t, 200, "")
	h.call("DELETE", path, testPlatformToken, nil).expect(t, 200, "") // still there: a second job
	h.srv.RunPendingJobs()
	if n := h.srv.PendingJobs(); n != 0 {
		t.Fatalf("pending jobs = %d", n)
	}
	h.call("GET", path, testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
}

func TestPlatformUserUpdate_MergesCustomAttributesAndKeepsTheToken(t *testing.T) {
	h := newHarness(t)
	u := h.platformUser("Alice", "alice@example.test")
	path := fmt.Sprintf("/platform/api/v1/users/%d", num(u["id"]))
	if _, has := u["custom_attributes"]; has {
		t.Fatalf("custom_attributes present while empty: %v", u)
	}
	h.call("PATCH", path, testPlatformToken, map[string]any{"custom_attributes": map[string]any{"tier": "1", "team": "a"}}).expect(t, 200, "")
	r := h.call("PUT", path, testPlatformToken, map[string]any{"display_name": "Ali", "email": "ALICE2@example.test",
		"password": "Newpass1!", "custom_attributes": map[string]any{"tier": "2", "team": nil}})
	r.expect(t, 200, "")
	got := r.obj(t)
	ca := asObj(t, got["custom_attributes"])
	if len(ca) != 2 || ca["tier"] != "2" || ca["team"] != nil {
		t.Fatalf("custom_attributes are merged; a null value stays as a key: %v", ca)
	}
	if got["email"] != "alice2@example.test" || got["uid"] != "alice2@example.test" || got["display_name"] != "Ali" ||
		got["available_name"] != "Ali" || got["name"] != "Alice" || got["access_token"] != u["access_token"] {
		t.Fatalf("user = %s", r.body)
	}
	// The token still works on the Application API after the password change.
	h.call("GET", "/api/v1/profile", asStr(t, u["access_token"]), nil).expect(t, 200, "")
	// display_name cleared: available_name falls back to name.
	if got := h.call("PATCH", path, testPlatformToken, map[string]any{"display_name": nil}).obj(t); got["available_name"] != "Alice" || got["display_name"] != nil {
		t.Fatalf("after clearing display_name = %v", got)
	}
}

func TestPlatformUserUpdate_RejectsBadInputAndChangesNothing(t *testing.T) {
	h := newHarness(t)
	u := h.platformUser("Alice", "alice@example.test")
	h.platformUser("Bob", "bob@example.test")
	path := fmt.Sprintf("/platform/api/v1/users/%d", num(u["id"]))
	orig := string(h.call("GET", path, testPlatformToken, nil).body)
	h.call("PATCH", path, testPlatformToken, map[string]any{"email": "Bob@example.test"}).
		expect(t, 422, `{"message":"Email has already been taken","attributes":["email"]}`)
	h.call("PATCH", path, testPlatformToken, map[string]any{"name": ""}).
		expect(t, 422, `{"message":"Name can't be blank","attributes":["name"]}`)
	h.call("PATCH", path, testPlatformToken, map[string]any{"display_name": "x", "password": "Sh1!"}).
		expect(t, 422, `{"message":"Password is too short (minimum is 6 characters)","attributes":["password"]}`)
	h.call("PATCH", path, testPlatformToken, map[string]any{"password": "alllowercase1!"}).
		expect(t, 422, `{"message":"Password must contain at least 1 uppercase letter","attributes":["password"]}`)
	if got := string(h.call("GET", path, testPlatformToken, nil).body); got != orig {
		t.Fatalf("a failed update changed the user:\n%s\nwas\n%s", got, orig)
	}
}

func TestPlatformUserCreate_ExistingEmailHandsBackThatUserIgnoringEveryOtherKey(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	// A user the app did not create: an agent invited through the Application API.
	r := h.call("POST", acctPath(sc, "agents"), sc.AdminToken, map[string]any{"name": "Carol", "email": "carol@example.test"})
	r.expect(t, 200, "")
	carol := num(r.obj(t)["id"])
	r = h.call("POST", "/platform/api/v1/users", testPlatformToken, map[string]any{"name": "Mallory", "email": " Carol@Example.TEST",
		"password": "Password1!", "display_name": "marker-123", "custom_attributes": map[string]any{"k": "v"}})
	r.expect(t, 200, "")
	got := r.obj(t)
	if num(got["id"]) != carol || got["name"] != "Carol" || got["display_name"] != nil || got["custom_attributes"] != nil ||
		got["confirmed"] != true || len(asStr(t, got["access_token"])) != 24 {
		t.Fatalf("find-or-create = %s", r.body)
	}
	// Carol is now permissible, with her memberships shown.
	shown := h.call("GET", fmt.Sprintf("/platform/api/v1/users/%d", carol), testPlatformToken, nil).obj(t)
	if num(shown["account_id"]) != sc.Account.ID || shown["role"] != "agent" || len(asArr(t, shown["accounts"])) != 1 {
		t.Fatalf("user = %v", shown)
	}
	// A new e-mail stores display_name: the difference a client can test for.
	fresh := h.call("POST", "/platform/api/v1/users", testPlatformToken, map[string]any{"name": "Dan", "email": "dan@example.test",
		"password": "Password1!", "display_name": "marker-456"}).obj(t)
	if fresh["display_name"] != "marker-456" || fresh["available_name"] != "marker-456" {
		t.Fatalf("new user = %v", fresh)
	}
}

func TestPlatformUserToken_ReturnsTheCurrentTokenWithoutRotating(t *testing.T) {
	h := newHarness(t)
	u := h.platformUser("Alice", "alice@example.test")
	path := fmt.Sprintf("/platform/api/v1/users/%d/token", num(u["id"]))
	r := h.call("POST", path, testPlatformToken, nil)
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, r.body), ","); got != "access_token,expiry,user" {
		t.Fatalf("keys = %s", got)
	}
	tok := r.obj(t)
	usr := asObj(t, tok["user"])
	if tok["access_token"] != u["access_token"] || tok["expiry"] != nil || num(usr["id"]) != num(u["id"]) || usr["email"] != "alice@example.test" {
		t.Fatalf("token = %s", r.body)
	}
	if again := h.call("POST", path, testPlatformToken, nil).obj(t); again["access_token"] != u["access_token"] {
		t.Fatalf("token rotated: %v", again)
	}
	h.call("GET", "/api/v1/profile", asStr(t, u["access_token"]), nil).expect(t, 200, "")
	h.call("POST", "/platform/api/v1/users/999999/token", testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
}

func TestPlatformUserDelete_IsAsyncAndRemovesTheUserFromEveryAccount(t *testing.T) {
	h := newHarness(t)
	a1 := h.platformAccount(map[string]any{"name": "One"})
	a2 := h.platformAccount(map[string]any{"name": "Two"})
	admin := h.platformUser("Admin", "admin@example.test")
	u := h.platformUser("Alice", "alice@example.test")
	for _, a := range []int64{a1, a2} {
		for _, m := range []struct {
			id   any
			role string
		}{{admin["id"], "administrator"}, {u["id"], "agent"}} {
			h.call("POST", fmt.Sprintf("/platform/api/v1/accounts/%d/account_users", a), testPlatformToken,
				map[string]any{"user_id": m.id, "role": m.role}).expect(t, 200, "")
		}
	}
	adminTok := asStr(t, admin["access_token"])
	team := num(h.call("POST", fmt.Sprintf("/api/v1/accounts/%d/teams", a1), adminTok, map[string]any{"name": "billing"}).obj(t)["id"])
	h.call("POST", fmt.Sprintf("/api/v1/accounts/%d/teams/%d/team_members", a1, team), adminTok,
		map[string]any{"user_ids": []any{u["id"]}}).expect(t, 200, "")
	path := fmt.Sprintf("/platform/api/v1/users/%d", num(u["id"]))
	tok := asStr(t, u["access_token"])

	h.call("DELETE", path, testPlatformToken, nil).expect(t, 200, "")
	// Until the job runs, the user and their token work.
	h.call("GET", fmt.Sprintf("/api/v1/accounts/%d/teams", a2), tok, nil).expect(t, 200, "")
	h.call("GET", path, testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
	h.call("GET", "/api/v1/profile", tok, nil).expect(t, 401, `{"error":"Invalid Access Token"}`)
	for _, a := range []int64{a1, a2} {
		for _, m := range h.call("GET", fmt.Sprintf("/platform/api/v1/accounts/%d/account_users", a), testPlatformToken, nil).arr(t) {
			if num(asObj(t, m)["user_id"]) == num(u["id"]) {
				t.Fatalf("account %d still has the deleted user: %v", a, m)
			}
		}
	}
	members := h.call("GET", fmt.Sprintf("/api/v1/accounts/%d/teams/%d/team_members", a1, team), adminTok, nil).arr(t)
	if len(members) != 0 {
		t.Fatalf("team members after the user's deletion = %v", members)
	}
	h.call("DELETE", path, testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
}

func TestPlatformAccountUsers_RoleChangeAndDeleteTakeEffectOnTheNextCall(t *testing.T) {
	h := newHarness(t)
	id := h.platformAccount(map[string]any{"name": "Acme"})
	u := h.platformUser("Alice", "alice@example.test")
	path := fmt.Sprintf("/platform/api/v1/accounts/%d/account_users", id)
	teams := fmt.Sprintf("/api/v1/accounts/%d/teams", id)
	tok := asStr(t, u["access_token"])

	first := h.call("POST", path, testPlatformToken, map[string]any{"user_id": u["id"], "role": "agent"}).obj(t)
	h.call("POST", teams, tok, map[string]any{"name": "x"}).expect(t, 401, `{"error":"You are not authorized to do this action"}`)
	promoted := h.call("POST", path, testPlatformToken, map[string]any{"user_id": u["id"], "role": "administrator"}).obj(t)
	if promoted["id"] != first["id"] || promoted["role"] != "administrator" {
		t.Fatalf("upsert = %v", promoted)
	}
	h.call("POST", teams, tok, map[string]any{"name": "x"}).expect(t, 200, "")
	// role omitted on an existing member leaves it unchanged.
	if kept := h.call("POST", path, testPlatformToken, map[string]any{"user_id": u["id"]}).obj(t); kept["role"] != "administrator" {
		t.Fatalf("role after an upsert without role = %v", kept["role"])
	}
	// The user JSON shows the membership.
	shown := h.call("GET", fmt.Sprintf("/platform/api/v1/users/%d", num(u["id"])), testPlatformToken, nil).obj(t)
	if num(shown["account_id"]) != id || shown["role"] != "administrator" {
		t.Fatalf("user = %v", shown)
	}
	// DELETE takes user_id in the query string too, and is synchronous.
	h.call("DELETE", fmt.Sprintf("%s?user_id=%d", path, num(u["id"])), testPlatformToken, nil).expect(t, 200, "")
	h.call("GET", teams, tok, nil).expect(t, 401, `{"error":"You are not authorized to access this account"}`)
	if n := len(h.call("GET", path, testPlatformToken, nil).arr(t)); n != 0 {
		t.Fatalf("members = %d", n)
	}
	// Deleting a non-member again is a 200 no-op.
	h.call("DELETE", path, testPlatformToken, map[string]any{"user_id": u["id"]}).expect(t, 200, "")
}

const otherPlatformToken = "another-platform-app"

func TestPlatformPermissible_EveryActionChecksLookupThenPermissible(t *testing.T) {
	srv, base := StartTest(t, Options{PlatformToken: testPlatformToken, OtherPlatformTokens: []string{otherPlatformToken}})
	h := &harness{t: t, srv: srv, base: base}
	// Objects another Platform App created.
	r := h.call("POST", "/platform/api/v1/accounts", otherPlatformToken, map[string]any{"name": "Elsewhere"})
	r.expect(t, 200, "")
	foreignAcct := num(r.obj(t)["id"])
	r = h.call("POST", "/platform/api/v1/users", otherPlatformToken, map[string]any{"name": "Eve", "email": "eve@example.test", "password": "Password1!"})
	r.expect(t, 200, "")
	foreignUser := num(r.obj(t)["id"])
	foreignAcctJSON := string(h.call("GET", fmt.Sprintf("/platform/api/v1/accounts/%d", foreignAcct), otherPlatformToken, nil).body)
	foreignUserJSON := string(h.call("GET", fmt.Sprintf("/platform/api/v1/users/%d", foreignUser), otherPlatformToken, nil).body)

	ownAcct := h.platformAccount(map[string]any{"name": "Mine"})
	ownUser := num(h.platformUser("Alice", "alice@example.test")["id"])
	notFound := `{"status":404,"error":"Not Found"}`
	cases := []struct {
		method, path string
		body         any
	}{
		{"GET", "accounts/%d", nil},
		{"PATCH", "accounts/%d", map[string]any{"name": "x"}},
		{"PUT", "accounts/%d", map[string]any{"name": "x"}},
		{"DELETE", "accounts/%d", nil},
		{"GET", "accounts/%d/account_users", nil},
		{"POST", "accounts/%d/account_users", map[string]any{"user_id": ownUser}},
		{"DELETE", "accounts/%d/account_users", map[string]any{"user_id": ownUser}},
		{"GET", "users/%d", nil},
		{"PATCH", "users/%d", map[string]any{"name": "x"}},
		{"PUT", "users/%d", map[string]any{"name": "x"}},
		{"DELETE", "users/%d", nil},
		{"GET", "users/%d/login", nil},
		{"POST", "users/%d/token", nil},
	}
	for _, tc := range cases {
		foreign := foreignAcct
		if strings.HasPrefix(tc.path, "users") {
			foreign = foreignUser
		}
		p := "/platform/api/v1/" + tc.path
		h.call(tc.method, fmt.Sprintf(p, foreign), testPlatformToken, tc.body).expect(t, 401, nonPermissible)
		h.call(tc.method, fmt.Sprintf(p, 999999), testPlatformToken, tc.body).expect(t, 404, notFound)
		h.call(tc.method, fmt.Sprintf(p, foreign), "", tc.body).expect(t, 401, `{"error":"Invalid access_token"}`)
	}
	// Nothing happened to the other app's objects, and each app lists only its own accounts.
	h.srv.RunPendingJobs()
	if got := string(h.call("GET", fmt.Sprintf("/platform/api/v1/accounts/%d", foreignAcct), otherPlatformToken, nil).body); got != foreignAcctJSON {
		t.Fatalf("a refused request changed the account: %s, was %s", got, foreignAcctJSON)
	}
	if got := string(h.call("GET", fmt.Sprintf("/platform/api/v1/users/%d", foreignUser), otherPlatformToken, nil).body); got != foreignUserJSON {
		t.Fatalf("a refused request changed the user: %s, was %s", got, foreignUserJSON)
	}
	for token, want := range map[string]int64{testPlatformToken: ownAcct, otherPlatformToken: foreignAcct} {
		list := h.call("GET", "/platform/api/v1/accounts", token, nil).arr(t)
		if len(list) != 1 || num(asObj(t, list[0])["id"]) != want {
			t.Fatalf("accounts of app %s = %v", token, list)
		}
	}
	// Account users check the account only: the other app's user joins an own account.
	h.call("POST", fmt.Sprintf("/platform/api/v1/accounts/%d/account_users", ownAcct), testPlatformToken,
		map[string]any{"user_id": foreignUser}).expect(t, 200, "")
	// Find-or-create by e-mail hands the other app's user over, and from then on both may manage it.
	h.call("POST", "/platform/api/v1/users", testPlatformToken, map[string]any{"name": "x", "email": "eve@example.test"}).expect(t, 200, "")
	h.call("GET", fmt.Sprintf("/platform/api/v1/users/%d", foreignUser), testPlatformToken, nil).expect(t, 200, "")
	h.call("GET", fmt.Sprintf("/platform/api/v1/users/%d", foreignUser), otherPlatformToken, nil).expect(t, 200, "")
	// A user token is no Platform token.
	tok := asStr(t, h.call("POST", fmt.Sprintf("/platform/api/v1/users/%d/token", ownUser), testPlatformToken, nil).obj(t)["access_token"])
	h.call("GET", fmt.Sprintf("/platform/api/v1/users/%d", ownUser), tok, nil).expect(t, 401, `{"error":"Invalid access_token"}`)
}

func TestPlatformUsers_HaveNoIndexRoute(t *testing.T) {
	h := newHarness(t)
	h.call("GET", "/platform/api/v1/users", testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
	h.call("GET", "/platform/api/v1/users?email=a@example.test", testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
}
