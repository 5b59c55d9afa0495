// Package chatwootmock is a stateful, in-memory imitation of Chatwoot's Application and Platform
// APIs (v4.15.1 by default; 4.16 and 4.17 and both editions through Options), faithful to the
// behaviour DESIGN.md describes: status codes, error bodies, envelopes, key presence and side
// effects. It exists so the provider's tests run without a real Chatwoot.
package chatwootmock

import (
	"math/rand"
	"net/http"
	"sync"
	"time"
)

// Options configures a Server.
type Options struct {
	PlatformToken      string        // token of the one PlatformApp (required)
	Latency            time.Duration // added to every response
	FailRate           float64       // share of requests answered with an injected fault
	Seed               int64         // seeds the fault RNG so a run is reproducible
	RateLimitPerMinute int           // per token; rack-attack's 429 when exceeded; 0 = off

	// ChatwootVersion is the Chatwoot release imitated (SupportedChatwootVersions); empty means
	// DefaultChatwootVersion. Edition is EditionEnterprise (the default when empty) or
	// EditionCommunity. See version.go.
	ChatwootVersion string
	Edition         string
	// Cloud imitates Chatwoot Cloud (an Enterprise build deployed as the hosted service): the
	// API-access gate and the daily e-mail budget exist only there. AccountEmailsLimit is that
	// budget per account and day when the account's limits do not set "emails" (0 = 100).
	Cloud              bool
	AccountEmailsLimit int

	// InboxDeletionDelay is how many requests after DELETE /inboxes/{id} still see the inbox
	// before Chatwoot's deletion job runs (inbox_deletion.go): 0 means 1, negative means none.
	InboxDeletionDelay int

	// OnRequest, if set, is called after every request with its log entry (the program's
	// --log-requests uses it). It runs outside the server's lock.
	OnRequest func(Request)

	// OtherPlatformTokens are the tokens of further Platform Apps. Each app may manage only what
	// it created, so one app's objects answer another's requests with "Non permissible resource".
	OtherPlatformTokens []string
}

// Server is the mock Chatwoot. It implements http.Handler and is safe for concurrent use: one
// mutex serialises all state changes, which also makes "asynchronous" Chatwoot jobs deterministic.
type Server struct {
	opts Options

	mu    sync.Mutex // guards everything below except the fault/log fields
	now   func() time.Time
	ids   map[string]int64 // per-table primary-key sequences, like Postgres
	state *state
	// delayed holds Chatwoot's background deletions (delayed_jobs.go).
	delayed delayedJobs

	faultMu  sync.Mutex
	rng      *rand.Rand
	failRate float64
	rate     map[string]*rateWindow

	logMu sync.Mutex
	log   []Request

	deliveries deliveryLog // webhook deliveries (webhook_delivery.go)
}

// New returns a Server with no accounts or users; only the PlatformApp token exists.
func New(opts Options) *Server {
	s := &Server{
		opts:     opts,
		now:      func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
		ids:      map[string]int64{},
		rng:      rand.New(rand.NewSource(opts.Seed)),
		failRate: opts.FailRate,
		rate:     map[string]*rateWindow{},
	}
	s.state = newState()
	return s
}

// nextID returns the next primary key of a table; ids are global across accounts so that an id
// from another account exists but is out of scope, as in Chatwoot.
func (s *Server) nextID(table string) int64 {
	s.ids[table]++
	return s.ids[table]
}

// ServeHTTP applies latency, faults and rate limiting, then dispatches to the API handlers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.opts.Latency > 0 {
		time.Sleep(s.opts.Latency)
	}
	if s.injectFault(w, r) {
		return
	}
	if s.rateLimited(r) {
		s.writeRetryLater(w)
		s.record(r, http.StatusTooManyRequests)
		return
	}

	c := newReqCtx(s, r)
	s.mu.Lock()
	s.dispatch(c)
	// Chatwoot's background jobs (assignment_v2) run after the response was rendered but before
	// anyone else sees the state: that keeps them observable only on the next request.
	for _, job := range c.after {
		job()
	}
	s.tickDelayed()
	s.mu.Unlock()

	s.deliver(c.outbound)
	c.resp.write(w)
	s.record(r, c.resp.status)
}

// dispatch routes a request to the Platform API, the profile, or the account-scoped Application API.
func (s *Server) dispatch(c *reqCtx) {
	defer func() {
		// A handler bug must not kill the process; Chatwoot answers unrescued errors with 500.
		if rec := recover(); rec != nil {
			c.resp = internalError().response()
		}
	}()
	rt, vars := matchRoute(c.r.Method, c.r.URL.Path)
	if rt == nil {
		c.fail(routeNotFound())
		return
	}
	c.vars = vars
	if rt.enterpriseOnly && !s.enterpriseBuild() {
		c.fail(routeNotFound())
		return
	}
	if err := s.authenticate(c, rt); err != nil {
		c.fail(err)
		return
	}
	if err := rt.handler(s, c); err != nil {
		c.fail(err)
	}
}
