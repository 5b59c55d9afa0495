package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const platformToken = "bench-platform-token"

// chatwootEnv is the mock serving on loopback inside this process, and the seeded account.
type chatwootEnv struct {
	srv     *chatwootmock.Server
	http    *http.Server
	baseURL string
	token   string // the account administrator's, used by the provider and the HTTP floor
	ids     ids
	latency *atomic.Int64
	// conns counts the TCP connections the mock accepted: a client that keeps its connections
	// alive opens about as many as it sends requests in parallel, whatever N is.
	conns *atomic.Int64
}

// startChatwoot serves a fresh mock and creates, through its public APIs, an account with an
// administrator, two agents, two teams and n conversations.
func startChatwoot(ctx context.Context, n int) (*chatwootEnv, error) {
	env, fx, sc, err := serveMock(ctx, chatwootmock.Options{}, fixture.SeedOptions{Name: fmt.Sprintf("bench-%d", n), Conversations: n})
	if err != nil {
		return nil, err
	}
	team2, err := fx.CreateTeam(ctx, sc.AdminToken, sc.Account.ID, "escalations", true)
	if err != nil {
		env.close()
		return nil, fmt.Errorf("creating the second team: %w", err)
	}
	env.ids.team2 = team2.ID
	for _, c := range sc.Conversations {
		env.ids.conversations = append(env.ids.conversations, c.ID)
	}
	if len(env.ids.conversations) != n {
		env.close()
		return nil, fmt.Errorf("seeding made %d conversations, not %d", len(env.ids.conversations), n)
	}
	return env, nil
}

// accountChatwoot is the Chatwoot of the account workload: the Enterprise build of Chatwoot
// 4.17.0 with the account's "sla" feature on, the newest the mock imitates and the one where SLA
// policies need both, so that chatwoot_sla_policy is measured too.
var accountChatwoot = chatwootmock.Options{ChatwootVersion: "4.17.0", Edition: chatwootmock.EditionEnterprise}

// startAccountChatwoot serves a fresh mock for the account workload: an account with an
// administrator, two agents and a team, and nothing of the vocabulary kinds.
func startAccountChatwoot(ctx context.Context) (*chatwootEnv, error) {
	env, _, _, err := serveMock(ctx, accountChatwoot, fixture.SeedOptions{Name: "bench-account", Features: map[string]bool{"sla": true}})
	return env, err
}

// serveMock serves a fresh mock with opts on a loopback port and seeds an account through its
// public APIs.
//
// Latency is added here, before the mock sees the request, rather than with the mock's own
// Latency option, so that fixtures are created at full speed and the same seeded account serves
// every latency. It is the same sleep the mock's --latency adds.
func serveMock(ctx context.Context, opts chatwootmock.Options, seed fixture.SeedOptions) (*chatwootEnv, *fixture.Client, *fixture.Scenario, error) {
	opts.PlatformToken = platformToken
	srv := chatwootmock.New(opts)
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, nil, err
	}
	env := &chatwootEnv{srv: srv, baseURL: "http://" + ln.Addr().String(), latency: &atomic.Int64{}, conns: &atomic.Int64{}}
	env.http = &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if d := time.Duration(env.latency.Load()); d > 0 {
				time.Sleep(d)
			}
			srv.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: 10 * time.Second,
		ConnState: func(_ net.Conn, state http.ConnState) {
			if state == http.StateNew {
				env.conns.Add(1)
			}
		},
	}
	go func() {
		if err := env.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			panic(err)
		}
	}()

	fx := fixture.New(env.baseURL, platformToken)
	sc, err := fx.Seed(ctx, seed)
	if err != nil {
		env.close()
		return nil, nil, nil, fmt.Errorf("seeding the mock: %w", err)
	}
	env.token = sc.AdminToken
	env.ids = ids{accountID: sc.Account.ID, agent1: sc.Agent1.ID, agent2: sc.Agent2.ID, team1: sc.Team.ID}
	return env, fx, sc, nil
}

// phaseRoutes counts the requests since resetLog by route (routeOf), and those that failed.
func (e *chatwootEnv) phaseRoutes() (routes map[string]int, failed int) {
	routes = map[string]int{}
	for _, r := range e.srv.Requests() {
		routes[routeOf(r.Method, r.Path)]++
		if r.Status < 200 || r.Status > 299 {
			failed++
		}
	}
	return routes, failed
}

// resetLog empties the request log and the connection count before a phase.
func (e *chatwootEnv) resetLog() {
	e.srv.ResetRequests()
	e.conns.Store(0)
}

// phaseRequests counts the requests and connections since resetLog.
func (e *chatwootEnv) phaseRequests() reqCount {
	c := countRequests(e.srv.Requests())
	c.connections = int(e.conns.Load())
	return c
}

func (e *chatwootEnv) setLatency(d time.Duration) { e.latency.Store(int64(d)) }

func (e *chatwootEnv) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = e.http.Shutdown(ctx)
}
