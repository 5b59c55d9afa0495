package provider

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// providerFactoriesWithSleep builds the provider with retry waits replaced by sleep, so that
// backoff under injected faults costs milliseconds, not minutes. There is no user-facing knob.
func providerFactoriesWithSleep(sleep func(context.Context, time.Duration) error) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"chatwoot": providerserver.NewProtocol6WithError(&chatwootProvider{version: "test", retrySleep: sleep}),
	}
}

// millisecondBackoff keeps the order of magnitude of each wait out of the test: a 1s backoff
// becomes 1ms.
func millisecondBackoff(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d / 1000)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// newSeededMockEnv is newTestEnv with the mock's fault RNG seeded, for tests that turn faults on.
func newSeededMockEnv(t *testing.T, seed int64) *testEnv {
	t.Helper()
	const platformToken = "test-platform-token"
	mock, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: platformToken, Seed: seed})
	return &testEnv{BaseURL: baseURL, Mock: mock, Fixtures: fixture.New(baseURL, platformToken)}
}

// withFaultsOff runs check with the mock's faults paused, so that the test's own reads through
// the public API are not the ones that fail.
func withFaultsOff(mock *chatwootmock.Server, rate float64, check func() error) error {
	mock.SetFailRate(0)
	defer mock.SetFailRate(rate)
	return check()
}

// An apply of 200 assignments while 20% of requests fail (429 text/plain, 502, 503, dropped
// connections), then a plan, a refresh and a destroy under the same faults: each ends cleanly and
// Chatwoot holds exactly what the configuration says. terraform-plugin-testing's refresh step and
// post-test destroy cannot read a for_each state (their legacy state shim), so the for_each
// variant destroys in a step of its own and the refresh runs in a count variant.
func TestAccResilience_200AssignmentsUnder20PercentFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("200 resources")
	}
	t.Run("for_each", func(t *testing.T) { testChaos(t, true) })
	t.Run("count", func(t *testing.T) { testChaos(t, false) })
}

func testChaos(t *testing.T, forEach bool) {
	env := newSeededMockEnv(t, 20260617)
	mock := env.Mock
	const n = 200
	const failRate = 0.2
	sc := env.seed(t, n)
	ids := make([]string, n)
	want := map[int64]int64{} // conversation -> assignee
	for i, cv := range sc.Conversations {
		ids[i] = fmt.Sprint(cv.ID)
		want[cv.ID] = sc.Agent1.ID
		if i%2 == 1 {
			want[cv.ID] = sc.Agent2.ID
		}
	}
	meta := `
  for_each        = { for i, id in local.conversations : tostring(id) => i }
  conversation_id = tonumber(each.key)
  assignee_id     = each.value % 2 == 0 ? local.agent1 : local.agent2`
	if !forEach {
		meta = `
  count           = length(local.conversations)
  conversation_id = local.conversations[count.index]
  assignee_id     = count.index % 2 == 0 ? local.agent1 : local.agent2`
	}
	config := fmt.Sprintf(`
provider "chatwoot" {
  base_url         = %q
  api_access_token = %q
  account_id       = %d
  max_retries      = 40
}

locals {
  conversations = [%s]
  agent1        = %d
  agent2        = %d
}

resource "chatwoot_conversation_assignment" "chaos" {%s
  team_id         = %d
}
`, env.BaseURL, sc.AdminToken, sc.Account.ID, strings.Join(ids, ", "), sc.Agent1.ID, sc.Agent2.ID, meta, sc.Team.ID)

	checkChatwoot := func(assigned bool) error {
		return withFaultsOff(mock, failRate, func() error {
			for _, cv := range sc.Conversations {
				got := env.conversation(t, sc.AdminToken, sc.Account.ID, cv.ID)
				wantAssignee, wantTeam := want[cv.ID], sc.Team.ID
				if !assigned {
					wantAssignee, wantTeam = 0, 0
				}
				if got.AssigneeID != wantAssignee || got.TeamID != wantTeam {
					return fmt.Errorf("conversation %d holds assignee %d, team %d; want %d, %d", cv.ID, got.AssigneeID, got.TeamID, wantAssignee, wantTeam)
				}
			}
			return nil
		})
	}
	faultsSeen := func() error {
		statuses := map[int]int{}
		for _, r := range mock.Requests() {
			statuses[r.Status]++
		}
		for _, code := range []int{http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, 0} {
			if statuses[code] == 0 {
				return fmt.Errorf("no injected fault with status %d reached the provider (statuses %v)", code, statuses)
			}
		}
		t.Logf("request statuses under faults: %v", statuses)
		return nil
	}

	// Checks read Chatwoot through the public API; the framework's Check and CheckDestroy cannot
	// be used, as their legacy state shim does not support for_each.
	tc := resource.TestCase{
		ProtoV6ProviderFactories: providerFactoriesWithSleep(millisecondBackoff),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					mock.ResetRequests()
					mock.SetFailRate(failRate)
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					stateCheckFunc(func() error { return checkChatwoot(true) }),
					stateCheckFunc(faultsSeen),
				},
			},
			{
				// A plan (with its refresh) under faults finds nothing to do.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	}
	if forEach {
		// An explicit destroy, so that the framework's own post-test destroy finds an empty
		// state: it shims the state first, which fails for for_each.
		tc.Steps = append(tc.Steps, resource.TestStep{Config: config, Destroy: true})
	} else {
		tc.Steps = append(tc.Steps, resource.TestStep{
			// A refresh under faults, then a plan that must be empty.
			RefreshState: true,
			RefreshPlanChecks: resource.RefreshPlanChecks{
				PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		})
	}
	resource.Test(t, tc)
	// The destroy ran under faults too.
	if err := checkChatwoot(false); err != nil {
		t.Errorf("after destroy: %v", err)
	}
	mock.SetFailRate(0)
}

// stateCheckFunc runs a check of Chatwoot's own state as a statecheck.
type stateCheckFunc func() error

func (f stateCheckFunc) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}

// chatwoot500Proxy sits in front of the mock and answers assignment POSTs with Chatwoot's own
// 500 (an unrescued exception), counting them.
type chatwoot500Proxy struct {
	mu    sync.Mutex
	posts int
	url   string
}

func newChatwoot500Proxy(t *testing.T, target string) *chatwoot500Proxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &chatwoot500Proxy{}
	rp := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/assignments") {
			p.mu.Lock()
			p.posts++
			p.mu.Unlock()
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = io.WriteString(w, `{"status":500,"error":"Internal Server Error"}`)
			return
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p.url = srv.URL
	return p
}

// A 500 is not retried: the apply fails after one POST, and the diagnostic shows the request and
// Chatwoot's body.
func TestAccResilience_serverErrorIsNotRetried(t *testing.T) {
	env := newTestEnv(t)
	env.requireMock(t)
	sc := env.seed(t, 1)
	proxy := newChatwoot500Proxy(t, env.BaseURL)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providerFactoriesWithSleep(millisecondBackoff),
		Steps: []resource.TestStep{{
			Config: providerConfig(proxy.url, sc.AdminToken, 0, "max_retries = 10") + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  account_id      = %d
  conversation_id = %d
  team_id         = %d
}`, sc.Account.ID, sc.Conversations[0].ID, sc.Team.ID),
			ExpectError: regexp.MustCompile(`(?s)Chatwoot Server Error.*POST\s+/api/v1/accounts/\d+/conversations/\d+/assignments:\s+HTTP\s+500:\s+Internal\s+Server\s+Error`),
		}},
	})
	proxy.mu.Lock()
	defer proxy.mu.Unlock()
	if proxy.posts != 1 {
		t.Errorf("Chatwoot received %d assignment POSTs; a 500 must not be retried", proxy.posts)
	}
}

// maxRetriesForTimeoutTests is far more retries than a 2s create timeout leaves time for.
const maxRetriesForTimeoutTests = 100

// expectCreateTimeoutEndsRetries applies resourceBlock (whose timeouts block sets create = "2s")
// with every request failing and max_retries = 100, and checks that the create timeout, not the
// retry budget, ended it: the request was retried, but fewer times than allowed.
func expectCreateTimeoutEndsRetries(t *testing.T, env *testEnv, token, resourceBlock string) {
	t.Helper()
	// Real waits, capped at 100ms, so that 100 retries would take far longer than 2s.
	realBackoffCappedAt100ms := func(ctx context.Context, d time.Duration) error {
		return millisecondBackoff(ctx, min(d, 100*time.Millisecond)*1000)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providerFactoriesWithSleep(realBackoffCappedAt100ms),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				env.Mock.ResetRequests()
				env.Mock.SetFailRate(1)
			},
			Config:      providerConfig(env.BaseURL, token, 0, fmt.Sprintf("max_retries = %d", maxRetriesForTimeoutTests)) + resourceBlock,
			ExpectError: regexp.MustCompile(`context\s+deadline\s+exceeded`),
		}},
	})
	env.Mock.SetFailRate(0)
	// One logical request, retried: every attempt failed, so each is in the log.
	attempts := len(env.Mock.Requests())
	if attempts < 2 || attempts > maxRetriesForTimeoutTests {
		t.Errorf("Chatwoot received %d attempts; want some retries, but fewer than the %d allowed, cut short by the 2s timeout",
			attempts, maxRetriesForTimeoutTests+1)
	}
}

// The resource's create timeout bounds the whole operation, retries and waits included: with
// every request failing and 100 retries allowed, the apply still ends at the 2s timeout.
func TestAccResilience_createTimeoutBoundsRetries(t *testing.T) {
	env := newSeededMockEnv(t, 1)
	sc := env.seed(t, 1)
	expectCreateTimeoutEndsRetries(t, env, sc.AdminToken, fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  account_id      = %d
  conversation_id = %d
  team_id         = %d

  timeouts {
    create = "2s"
  }
}`, sc.Account.ID, sc.Conversations[0].ID, sc.Team.ID))
	if cv := env.conversation(t, sc.AdminToken, sc.Account.ID, sc.Conversations[0].ID); cv.TeamID != 0 {
		t.Errorf("conversation holds team %d; nothing should have been assigned", cv.TeamID)
	}
}

// The same for a resource that creates nothing of its own: chatwoot_team_members' create timeout
// bounds its check of the account's agents, retried under every fault, and nothing is sent. (A
// chatwoot_team create would not show it: Chatwoot may have acted on a POST answered with a 502,
// so that is not retried, and the apply ends at the first such fault.)
func TestAccResilience_teamMembersCreateTimeoutBoundsRetries(t *testing.T) {
	env := newSeededMockEnv(t, 1)
	sc := env.seed(t, 0)
	expectCreateTimeoutEndsRetries(t, env, sc.AdminToken, fmt.Sprintf(`
resource "chatwoot_team_members" "test" {
  account_id = %d
  team_id    = %d
  user_ids   = [%d]

  timeouts {
    create = "2s"
  }
}`, sc.Account.ID, sc.Team.ID, sc.Agent1.ID))
	ctx, cancel := testContext()
	defer cancel()
	members, err := adminAPI(t, env, sc).ListTeamMembers(ctx, sc.Account.ID, sc.Team.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The seeded members are still there: the set that would have removed Bob was never sent.
	if err := sameIDs(members, sc.Agent1.ID, sc.Agent2.ID); err != nil {
		t.Error(err)
	}
	if n := countRequests(env.Mock.Requests(), http.MethodPatch, "/team_members"); n != 0 {
		t.Errorf("Chatwoot received %d member PATCHes; none should have been sent", n)
	}
}
