package chatwootmock

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func TestSLAPoliciesAreEnterpriseOnly(t *testing.T) {
	h := newHarnessWith(t, Options{Edition: EditionCommunity})
	sc := h.seed(fixture.SeedOptions{})
	h.call("GET", acctPath(sc, "sla_policies"), sc.AdminToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
	h.call("POST", acctPath(sc, "sla_policies"), sc.AdminToken, map[string]any{"name": "x"}).expect(t, 404, "")
}

func TestSLAPoliciesNeedTheFeatureFrom4_17(t *testing.T) {
	h := newHarnessWith(t, Options{ChatwootVersion: "4.17.0"})
	without := h.seed(fixture.SeedOptions{})
	h.call("GET", acctPath(without, "sla_policies"), without.AdminToken, nil).
		expect(t, 401, `{"error":"You are not authorized to do this action"}`)
	with := h.seed(fixture.SeedOptions{Features: map[string]bool{"sla": true}})
	h.call("GET", acctPath(with, "sla_policies"), with.AdminToken, nil).expect(t, 200, `{"payload":[]}`)
	// 4.15.1 has no feature check.
	old := newHarness(t)
	sc := old.seed(fixture.SeedOptions{})
	old.call("GET", acctPath(sc, "sla_policies"), sc.Agent1.AccessToken, nil).expect(t, 200, `{"payload":[]}`)
}

func TestSLAPolicyBodyDefaultsAndFloats(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "sla_policies")
	r := h.call("POST", path, sc.AdminToken, map[string]any{"name": "Gold", "first_response_time_threshold": 1000, "resolution_time_threshold": 1.5})
	id := num(asObj(t, r.obj(t)["payload"])["id"])
	r.expect(t, 200, fmt.Sprintf(`{"payload":{"id":%d,"name":"Gold","description":null,"first_response_time_threshold":1000.0,"next_response_time_threshold":null,"resolution_time_threshold":1.5,"only_during_business_hours":false}}`, id))
	h.call("POST", path, sc.Agent1.AccessToken, map[string]any{"name": "x"}).expect(t, 401, "")
	h.call("POST", path, sc.AdminToken, `{}`).expect(t, 422, `{"error":"param is missing or the value is empty: sla_policy"}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"name": " ", "description": "d"}).
		expect(t, 422, `{"message":"Name can't be blank","attributes":["name"]}`)
	r = h.call("PATCH", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, map[string]any{"sla_policy": map[string]any{"only_during_business_hours": true, "next_response_time_threshold": 60}})
	if p := asObj(t, r.obj(t)["payload"]); p["only_during_business_hours"] != true || !strings.Contains(string(r.body), `"next_response_time_threshold":60.0`) {
		t.Fatalf("update = %s", r.body)
	}
	h.call("GET", fmt.Sprintf("%s/%d", path, id), sc.Agent1.AccessToken, nil).expect(t, 200, "")
}

func TestSLAPolicyMissingIDsAndAsyncDelete(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "sla_policies")
	h.call("GET", path+"/999999", sc.AdminToken, nil).expect(t, 500, `{"status":500,"error":"Internal Server Error"}`)
	h.call("PATCH", path+"/999999", sc.AdminToken, map[string]any{"name": "x"}).expect(t, 500, "")
	h.call("PATCH", path+"/999999", sc.Agent1.AccessToken, map[string]any{"name": "x"}).expect(t, 401, "")
	h.call("DELETE", path+"/999999", sc.AdminToken, nil).expect(t, 200, "")
	h.call("DELETE", path+"/999999", sc.Agent1.AccessToken, nil).expect(t, 401, "")

	r := h.call("POST", path, sc.AdminToken, map[string]any{"name": "Gold"})
	one := fmt.Sprintf("%s/%d", path, num(asObj(t, r.obj(t)["payload"])["id"]))
	h.call("DELETE", one, sc.AdminToken, nil).expect(t, 200, "")
	// Until the job has run the policy is still there; it runs after the next SLA request.
	if n := len(asArr(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["payload"])); n != 1 {
		t.Fatalf("listed right after the delete: %d", n)
	}
	if n := len(asArr(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["payload"])); n != 0 {
		t.Fatalf("listed after the job: %d", n)
	}
	h.call("GET", one, sc.AdminToken, nil).expect(t, 500, "")
}
