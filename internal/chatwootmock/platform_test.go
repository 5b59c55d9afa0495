package chatwootmock

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

var isoMillis = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)

func TestSection11_3_AccountFeatures(t *testing.T) {
	h := newHarness(t)
	r := h.call("POST", "/platform/api/v1/accounts", testPlatformToken, map[string]any{"name": "Acme"})
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, r.body), ","); got != "id,name,locale,domain,support_email,features,custom_attributes,limits,status" {
		t.Fatalf("keys = %s", got)
	}
	a := r.obj(t)
	f := asObj(t, a["features"])
	if f["assignment_v2"] != true || len(f) != 26 || a["support_email"] != "Chatwoot <accounts@chatwoot.com>" {
		t.Fatalf("account = %s", r.body)
	}

	r = h.call("POST", "/platform/api/v1/accounts", testPlatformToken,
		map[string]any{"name": "Flags", "features": map[string]any{"ip_lookup": true, "help_center": false, "assignment_v2": false, "sla": "false"}})
	f = asObj(t, r.obj(t)["features"])
	if f["ip_lookup"] != true || f["help_center"] != nil || f["assignment_v2"] != nil || f["sla"] != true {
		t.Fatalf("features = %v", f)
	}

	h.call("POST", "/platform/api/v1/accounts", testPlatformToken, map[string]any{"name": "x", "features": map[string]any{"bogus": true}}).
		expect(t, 500, `{"status":500,"error":"Internal Server Error"}`)
	h.call("POST", "/platform/api/v1/accounts", testPlatformToken, map[string]any{}).
		expect(t, 422, `{"message":"Name can't be blank","attributes":["name"]}`)
	h.call("GET", "/platform/api/v1/accounts/999999", testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
}

func TestSection11_2_PermissibleRule(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	// A user created through the Application API is not permissible for the platform app.
	r := h.call("POST", acctPath(sc, "agents"), sc.AdminToken, map[string]any{"name": "Carol", "email": "carol@example.test"})
	r.expect(t, 200, "")
	carol := num(r.obj(t)["id"])
	h.call("GET", fmt.Sprintf("/platform/api/v1/users/%d", carol), testPlatformToken, nil).
		expect(t, 401, `{"error":"Non permissible resource"}`)
	h.call("GET", "/platform/api/v1/users/999999", testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
	// Loophole 1: any existing user can be attached to a permissible account.
	other := h.call("POST", "/platform/api/v1/accounts", testPlatformToken, map[string]any{"name": "o"}).obj(t)
	h.call("POST", fmt.Sprintf("/platform/api/v1/accounts/%d/account_users", num(other["id"])), testPlatformToken,
		map[string]any{"user_id": carol}).expect(t, 200, "")
	// Loophole 2: find-or-create by email makes the existing user permissible and leaks its token.
	r = h.call("POST", "/platform/api/v1/users", testPlatformToken, map[string]any{"name": "Other", "email": "CAROL@example.test", "password": "x"})
	r.expect(t, 200, "")
	if u := r.obj(t); num(u["id"]) != carol || u["name"] != "Carol" || u["confirmed"] != true {
		t.Fatalf("find-or-create returned %s", r.body)
	}
	h.call("GET", fmt.Sprintf("/platform/api/v1/users/%d", carol), testPlatformToken, nil).expect(t, 200, "")
}

func TestSection11_4_UserCreate(t *testing.T) {
	h := newHarness(t)
	r := h.call("POST", "/platform/api/v1/users", testPlatformToken, map[string]any{"name": "Alice", "email": "Alice@Example.test", "password": "Password1!"})
	r.expect(t, 200, "")
	want := "access_token,account_id,available_name,avatar_url,confirmed,display_name,message_signature,email,id,name,provider,pubsub_token,role,ui_settings,uid,accounts"
	if got := strings.Join(keysOf(t, r.body), ","); got != want {
		t.Fatalf("keys = %s", got)
	}
	u := r.obj(t)
	if len(asStr(t, u["access_token"])) != 24 || u["email"] != "alice@example.test" || u["account_id"] != nil || u["role"] != nil {
		t.Fatalf("user = %s", r.body)
	}
	again := h.call("POST", "/platform/api/v1/users", testPlatformToken, map[string]any{"name": "New", "email": "alice@example.test"}).obj(t)
	if again["access_token"] != u["access_token"] || again["name"] != "Alice" {
		t.Fatalf("find-or-create = %v", again)
	}
	h.call("POST", "/platform/api/v1/users", testPlatformToken, map[string]any{"name": "B", "email": "b@example.test", "password": "password1!"}).
		expect(t, 422, `{"message":"Password must contain at least 1 uppercase letter","attributes":["password"]}`)
	h.call("POST", "/platform/api/v1/users", testPlatformToken, map[string]any{"email": "c@example.test", "password": "Password1!"}).
		expect(t, 422, `{"message":"Name can't be blank","attributes":["name"]}`)
	tok := h.call("POST", fmt.Sprintf("/platform/api/v1/users/%d/token", num(u["id"])), testPlatformToken, nil).obj(t)
	if tok["access_token"] != u["access_token"] || tok["expiry"] != nil {
		t.Fatalf("token = %v", tok)
	}
}

func TestSection11_5_AccountUsers(t *testing.T) {
	h := newHarness(t)
	acct := num(h.call("POST", "/platform/api/v1/accounts", testPlatformToken, map[string]any{"name": "A"}).obj(t)["id"])
	uid := num(h.call("POST", "/platform/api/v1/users", testPlatformToken, map[string]any{"name": "U", "email": "u@example.test", "password": "Password1!"}).obj(t)["id"])
	path := fmt.Sprintf("/platform/api/v1/accounts/%d/account_users", acct)

	r := h.call("POST", path, testPlatformToken, map[string]any{"user_id": uid})
	r.expect(t, 200, "")
	want := "id,account_id,user_id,role,inviter_id,created_at,updated_at,active_at,availability,auto_offline,custom_role_id,agent_capacity_policy_id"
	if got := strings.Join(keysOf(t, r.body), ","); got != want {
		t.Fatalf("keys = %s", got)
	}
	au := r.obj(t)
	if au["role"] != "agent" || au["availability"] != "online" || au["auto_offline"] != true || !isoMillis.MatchString(asStr(t, au["created_at"])) {
		t.Fatalf("account user = %s", r.body)
	}
	up := h.call("POST", path, testPlatformToken, map[string]any{"user_id": uid, "role": "administrator"}).obj(t)
	if up["id"] != au["id"] || up["role"] != "administrator" {
		t.Fatalf("upsert = %v", up)
	}
	if n := len(h.call("GET", path, testPlatformToken, nil).arr(t)); n != 1 {
		t.Fatalf("members = %d", n)
	}
	h.call("POST", path, testPlatformToken, map[string]any{"user_id": 999999}).
		expect(t, 422, `{"message":"User must exist","attributes":["user"]}`)
	h.call("POST", path, testPlatformToken, map[string]any{"user_id": uid, "role": "owner"}).expect(t, 500, "")
	h.call("DELETE", path, testPlatformToken, map[string]any{"user_id": 999999}).expect(t, 200, "")
	h.call("DELETE", path, testPlatformToken, map[string]any{"user_id": uid}).expect(t, 200, "")
	if n := len(h.call("GET", path, testPlatformToken, nil).arr(t)); n != 0 {
		t.Fatalf("members after delete = %d", n)
	}
}

func TestSection11_6_PlatformAgentBots(t *testing.T) {
	h := newHarness(t)
	r := h.call("POST", "/platform/api/v1/agent_bots", testPlatformToken, map[string]any{"name": "B", "account_id": 4242})
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, r.body), ","); got != "id,name,description,outgoing_url,account_id,access_token" {
		t.Fatalf("keys = %s", got)
	}
	id := num(r.obj(t)["id"])
	if n := len(h.call("GET", "/platform/api/v1/agent_bots", testPlatformToken, nil).arr(t)); n != 1 {
		t.Fatalf("bots = %d", n)
	}
	h.call("DELETE", fmt.Sprintf("/platform/api/v1/agent_bots/%d", id), testPlatformToken, nil).expect(t, 200, "")
	h.call("GET", fmt.Sprintf("/platform/api/v1/agent_bots/%d", id), testPlatformToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
}
