package chatwoot_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// The lookup cache is what lets 1,000 assignments and any number of data sources cost one list
// call per kind and account. These tests count the calls in the mock's request log.

type lookupEnv struct {
	mock     *chatwootmock.Server
	fixtures *fixture.Client
	scenario *fixture.Scenario
	client   *chatwoot.Client
}

func newLookupEnv(t *testing.T) *lookupEnv {
	t.Helper()
	const platformToken = "lookup-platform-token"
	mock, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: platformToken})
	fx := fixture.New(baseURL, platformToken)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	sc, err := fx.Seed(ctx, fixture.SeedOptions{Name: t.Name()})
	if err != nil {
		t.Fatalf("seeding: %v", err)
	}
	client, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL, Token: sc.AdminToken})
	if err != nil {
		t.Fatal(err)
	}
	mock.ResetRequests()
	return &lookupEnv{mock: mock, fixtures: fx, scenario: sc, client: client}
}

// gets counts the logged GETs of path below the account, e.g. "/agents".
func (e *lookupEnv) gets(accountID int64, suffix string) int {
	want := fmt.Sprintf("/api/v1/accounts/%d%s", accountID, suffix)
	n := 0
	for _, r := range e.mock.Requests() {
		if r.Method == "GET" && r.Path == want {
			n++
		}
	}
	return n
}

func TestLookups_OneListCallUnderConcurrency(t *testing.T) {
	e := newLookupEnv(t)
	ctx := context.Background()
	account := e.scenario.Account.ID

	const callers = 40
	var wg sync.WaitGroup
	errs := make(chan error, callers*4)
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Every kind of caller at once: list readers, id lookups and predicate lookups.
			if _, err := chatwoot.Agents.All(ctx, e.client, account); err != nil {
				errs <- err
			}
			if a, err := chatwoot.Agents.Get(ctx, e.client, account, e.scenario.Agent1.ID); err != nil || a == nil {
				errs <- fmt.Errorf("Agents.Get: %v, %w", a, err)
			}
			if tm, err := chatwoot.Teams.Find(ctx, e.client, account, func(t *chatwoot.Team) bool { return t.ID == e.scenario.Team.ID }); err != nil || tm == nil {
				errs <- fmt.Errorf("Teams.Find: %v, %w", tm, err)
			}
			if _, err := chatwoot.Inboxes.All(ctx, e.client, account); err != nil {
				errs <- err
			}
			if b, err := chatwoot.AgentBots.Get(ctx, e.client, account, e.scenario.Bot.ID); err != nil || b == nil {
				errs <- fmt.Errorf("AgentBots.Get: %v, %w", b, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, kind := range []string{"/agents", "/teams", "/inboxes", "/agent_bots"} {
		if n := e.gets(account, kind); n != 1 {
			t.Errorf("GET %s: %d calls from %d concurrent callers, want exactly 1", kind, n, callers)
		}
	}
}

func TestLookups_CachedPerAccount(t *testing.T) {
	e := newLookupEnv(t)
	ctx := context.Background()
	first := e.scenario.Account.ID
	// A second account with the same administrator.
	second, err := e.fixtures.CreateAccount(ctx, t.Name()+"-second", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.fixtures.AddAccountUser(ctx, second.ID, e.scenario.Admin.ID, "administrator"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		for _, account := range []int64{first, second.ID} {
			if _, err := chatwoot.Agents.All(ctx, e.client, account); err != nil {
				t.Fatal(err)
			}
		}
	}
	if a, b := e.gets(first, "/agents"), e.gets(second.ID, "/agents"); a != 1 || b != 1 {
		t.Errorf("GET /agents per account: %d and %d, want 1 and 1", a, b)
	}
	secondAgents, _ := chatwoot.Agents.All(ctx, e.client, second.ID)
	if len(secondAgents) != 1 || secondAgents[0].ID != e.scenario.Admin.ID {
		t.Errorf("second account's agents = %+v, want only the administrator: lists must not leak between accounts", secondAgents)
	}
}

func TestLookups_MissReReadsOnce(t *testing.T) {
	e := newLookupEnv(t)
	ctx := context.Background()
	account := e.scenario.Account.ID

	if _, err := chatwoot.Teams.All(ctx, e.client, account); err != nil {
		t.Fatal(err)
	}
	// A team created after the list was cached (by another resource of the same run) is found
	// through one re-read.
	created, err := e.fixtures.CreateTeam(ctx, e.scenario.AdminToken, account, "late team", false)
	if err != nil {
		t.Fatal(err)
	}
	found, err := chatwoot.Teams.Get(ctx, e.client, account, created.ID)
	if err != nil || found == nil {
		t.Fatalf("Teams.Get(%d) = %v, %v; want the team created after the first list", created.ID, found, err)
	}
	if n := e.gets(account, "/teams"); n != 2 {
		t.Errorf("GET /teams = %d after one miss, want 2 (the first list and one re-read)", n)
	}

	// Each later miss costs exactly one re-read, not a retry loop.
	for i := 0; i < 3; i++ {
		if got, err := chatwoot.Teams.Get(ctx, e.client, account, 987654); !chatwoot.IsNotFound(err) || got != nil {
			t.Fatalf("Teams.Get(missing) = %v, %v; want nil and a not-found error", got, err)
		}
	}
	if n := e.gets(account, "/teams"); n != 5 {
		t.Errorf("GET /teams = %d after 3 more misses, want 5 (one re-read per miss)", n)
	}

	// Concurrent misses share re-reads: callers that saw the same list wait for one reload.
	// A caller that arrives after a reload has finished sees a cached list and re-reads again, so
	// the bound is "fewer than one each", not exactly one.
	var wg sync.WaitGroup
	const callers = 20
	for i := 0; i < callers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, err := chatwoot.Teams.Get(ctx, e.client, account, 987654); !chatwoot.IsNotFound(err) || got != nil {
				t.Errorf("Teams.Get(missing) = %v, %v; want nil and a not-found error", got, err)
			}
		}()
	}
	wg.Wait()
	if n := e.gets(account, "/teams") - 5; n < 1 || n >= callers {
		t.Errorf("%d concurrent misses made %d re-reads, want at least 1 and fewer than one each", callers, n)
	}
	before := e.gets(account, "/teams")

	// Hits after that are served from the cache.
	for i := 0; i < 5; i++ {
		if got, _ := chatwoot.Teams.Get(ctx, e.client, account, created.ID); got == nil {
			t.Fatal("cached team vanished")
		}
	}
	if n := e.gets(account, "/teams"); n != before {
		t.Errorf("GET /teams = %d after cached hits, want still %d", n, before)
	}
}

func TestLookups_ErrorsAreNotCached(t *testing.T) {
	e := newLookupEnv(t)
	ctx := context.Background()
	account := e.scenario.Account.ID

	e.mock.SetFailRate(1) // every request answered with 429, 502, 503 or a dropped connection
	if _, err := chatwoot.Agents.All(ctx, e.client, account); err == nil {
		t.Fatal("Agents.All succeeded while every request fails")
	}
	e.mock.SetFailRate(0)
	agents, err := chatwoot.Agents.All(ctx, e.client, account)
	if err != nil {
		t.Fatalf("Agents.All after the fault: %v; the failure must not be cached", err)
	}
	if len(agents) != 3 {
		t.Errorf("got %d agents, want the 3 seeded members", len(agents))
	}
	if _, err := chatwoot.Agents.All(ctx, e.client, account); err != nil {
		t.Fatal(err)
	}
	var failed, succeeded int
	for _, r := range e.mock.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/agents") {
			if r.Status == 200 {
				succeeded++
			} else {
				failed++
			}
		}
	}
	if failed == 0 || succeeded != 1 {
		t.Errorf("GET /agents: %d failed and %d succeeded, want at least 1 failed and exactly 1 succeeded (then cached)", failed, succeeded)
	}
}

func TestLookups_InvalidateReloads(t *testing.T) {
	e := newLookupEnv(t)
	ctx := context.Background()
	account := e.scenario.Account.ID
	if _, err := chatwoot.Inboxes.All(ctx, e.client, account); err != nil {
		t.Fatal(err)
	}
	e.client.InvalidateLookups(account)
	if _, err := chatwoot.Inboxes.All(ctx, e.client, account); err != nil {
		t.Fatal(err)
	}
	if n := e.gets(account, "/inboxes"); n != 2 {
		t.Errorf("GET /inboxes = %d, want 2 (before and after InvalidateLookups)", n)
	}
}
