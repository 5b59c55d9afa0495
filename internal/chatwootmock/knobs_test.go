package chatwootmock

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func TestRequestLog(t *testing.T) {
	h := newHarness(t)
	h.srv.ResetRequests()
	h.call("GET", "/api/v1/profile?x=1", "", nil)
	h.call("GET", "/nowhere", "", nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
	got := fmt.Sprint(h.srv.Requests())
	if want := "[{GET /api/v1/profile 401} {GET /nowhere 404}]"; got != want {
		t.Fatalf("log = %s, want %s", got, want)
	}
	h.srv.ResetRequests()
	if n := len(h.srv.Requests()); n != 0 {
		t.Fatalf("log after reset = %d", n)
	}
}

func TestSection7_1_RateLimitIsRackAttacks429(t *testing.T) {
	srv, base := StartTest(t, Options{PlatformToken: testPlatformToken, RateLimitPerMinute: 2})
	h := &harness{t: t, srv: srv, base: base}
	h.call("GET", "/platform/api/v1/accounts", testPlatformToken, nil).expect(t, 200, "")
	h.call("GET", "/platform/api/v1/accounts", testPlatformToken, nil).expect(t, 200, "")
	r := h.call("GET", "/platform/api/v1/accounts", testPlatformToken, nil)
	r.expect(t, 429, "Retry later\n")
	if ct := r.header.Get("Content-Type"); ct != "text/plain" || r.header.Get("Retry-After") != "" {
		t.Fatalf("headers = %v", r.header)
	}
	// Another token has its own budget.
	h.call("GET", "/platform/api/v1/accounts", "other", nil).expect(t, 401, "")
}

// faultRun seeds fixtures, turns faults on, and returns the statuses of a fixed request sequence.
func faultRun(t *testing.T, seed int64) ([]int, int) {
	srv, base := StartTest(t, Options{PlatformToken: testPlatformToken, Seed: seed})
	h := &harness{t: t, srv: srv, base: base, fx: fixture.New(base, testPlatformToken)}
	sc := h.seed(fixture.SeedOptions{})
	srv.SetFailRate(0.5)
	srv.ResetRequests()
	created := 0
	client := &http.Client{Timeout: 5 * time.Second}
	for i := 0; i < 40; i++ {
		req, _ := http.NewRequestWithContext(t.Context(), "POST", base+acctPath(sc, "teams"), jsonBody(fmt.Sprintf(`{"name":"t%d"}`, i)))
		req.Header.Set("api_access_token", sc.AdminToken)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err == nil {
			if resp.StatusCode == 200 {
				created++
			}
			resp.Body.Close()
		}
	}
	srv.SetFailRate(0)
	var statuses []int
	for _, r := range srv.Requests() {
		statuses = append(statuses, r.Status)
	}
	teams := h.call("GET", acctPath(sc, "teams"), sc.AdminToken, nil).arr(t)
	if len(teams)-1 != created {
		t.Fatalf("faulted requests changed state: %d teams created, %d successes", len(teams)-1, created)
	}
	return statuses, created
}

func TestFaultsAreDeterministicPerSeed(t *testing.T) {
	a, createdA := faultRun(t, 7)
	b, createdB := faultRun(t, 7)
	if fmt.Sprint(a) != fmt.Sprint(b) || createdA != createdB {
		t.Fatalf("same seed, different faults:\n%v\n%v", a, b)
	}
	kinds := map[int]int{}
	for _, s := range a {
		kinds[s]++
	}
	for _, s := range []int{0, 200, 429, 502, 503} {
		if kinds[s] == 0 {
			t.Fatalf("status %d never produced in %v", s, a)
		}
	}
	c, _ := faultRun(t, 8)
	if fmt.Sprint(a) == fmt.Sprint(c) {
		t.Fatal("different seeds produced identical faults")
	}
}

func TestLatencyIsAdded(t *testing.T) {
	srv, base := StartTest(t, Options{PlatformToken: testPlatformToken, Latency: 30 * time.Millisecond})
	h := &harness{t: t, srv: srv, base: base}
	start := time.Now()
	h.call("GET", "/platform/api/v1/accounts", testPlatformToken, nil).expect(t, 200, "[]")
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Fatalf("latency %v", d)
	}
}
