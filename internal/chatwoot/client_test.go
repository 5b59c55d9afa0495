package chatwoot

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

const testToken = "tok-3f9c-secret-do-not-leak"

const conversationJSON = `{"id":7,"account_id":1,"inbox_id":2,"status":"open","meta":{"assignee":{"id":5,"name":"A"},"assignee_type":"User","team":{"id":3,"name":"t"}}}`

// sleepRecorder is an injected Sleep that returns at once and remembers what it was asked to wait.
type sleepRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleepRecorder) recorded() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// logRecorder is a Logger that keeps every line.
type logRecorder struct {
	mu    sync.Mutex
	lines []map[string]any
}

func (l *logRecorder) Debug(_ context.Context, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := map[string]any{"msg": msg}
	for k, v := range fields {
		f[k] = v
	}
	l.lines = append(l.lines, f)
}

func newTestClient(t *testing.T, baseURL string, mutate func(*Config)) (*Client, *sleepRecorder) {
	t.Helper()
	sleeps := &sleepRecorder{}
	cfg := Config{BaseURL: baseURL, Token: testToken, MaxRetries: 5, Sleep: sleeps.sleep}
	if mutate != nil {
		mutate(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, sleeps
}

// scriptedServer answers the n-th request with script[n] (the last entry repeats) and counts them.
type scriptedServer struct {
	calls  atomic.Int64
	script []func(w http.ResponseWriter, r *http.Request)
}

func newScriptedServer(t *testing.T, script ...func(w http.ResponseWriter, r *http.Request)) (*scriptedServer, string) {
	t.Helper()
	s := &scriptedServer{script: script}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(s.calls.Add(1)) - 1
		s.script[min(n, len(s.script)-1)](w, r)
	}))
	t.Cleanup(srv.Close)
	return s, srv.URL
}

func status(code int, contentType, body string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(code)
		_, _ = io.WriteString(w, body)
	}
}

func ok(body string) func(http.ResponseWriter, *http.Request) {
	return status(http.StatusOK, "application/json", body)
}

// reset closes the connection without an answer, with RST, like a crashed upstream.
func reset(w http.ResponseWriter, _ *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("reset: the ResponseWriter cannot be hijacked")
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(err)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

func TestClientRetriesRateLimitsProxyErrorsAndResets(t *testing.T) {
	t.Parallel()
	srv, url := newScriptedServer(t,
		status(http.StatusTooManyRequests, "text/plain", "Retry later\n"),
		status(http.StatusBadGateway, "text/html", "<html>502 Bad Gateway</html>"),
		status(http.StatusServiceUnavailable, "text/html", "<html>503</html>"),
		status(http.StatusGatewayTimeout, "text/html", "<html>504</html>"),
		reset,
		ok(conversationJSON),
	)
	c, sleeps := newTestClient(t, url, nil)
	conv, err := c.GetConversation(context.Background(), 1, 7)
	if err != nil {
		t.Fatalf("GetConversation after 5 retryable failures: %v", err)
	}
	if conv.AssigneeID() != 5 || conv.TeamID() != 3 {
		t.Errorf("decoded %+v", conv)
	}
	if got := srv.calls.Load(); got != 6 {
		t.Errorf("attempts = %d, want 6", got)
	}
	// Go's transport itself resends a GET once when a reused connection is reset before any
	// answer, so the reset may cost no wait of ours.
	waits := sleeps.recorded()
	if len(waits) < 4 || len(waits) > 5 {
		t.Fatalf("waits = %v, want 4 or 5", waits)
	}
	for i, w := range waits {
		if ceiling := retryBaseDelay << i; w < 0 || w > ceiling {
			t.Errorf("wait %d = %s, want full jitter within [0, %s]", i+1, w, ceiling)
		}
	}
}

func TestClientRetriesAssignmentPOSTs(t *testing.T) {
	t.Parallel()
	var bodies []string
	var mu sync.Mutex
	record := func(next func(http.ResponseWriter, *http.Request)) func(http.ResponseWriter, *http.Request) {
		return func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			mu.Lock()
			bodies = append(bodies, string(b))
			mu.Unlock()
			next(w, r)
		}
	}
	srv, url := newScriptedServer(t,
		record(status(http.StatusBadGateway, "text/html", "bad gateway")),
		record(reset),
		record(ok(`{"id":3,"name":"support"}`)),
	)
	c, _ := newTestClient(t, url, nil)
	if err := c.AssignTeam(context.Background(), 1, 7, 3); err != nil {
		t.Fatalf("AssignTeam: %v", err)
	}
	if srv.calls.Load() != 3 {
		t.Errorf("attempts = %d, want 3", srv.calls.Load())
	}
	for _, b := range bodies {
		if b != `{"team_id":3}` {
			t.Errorf("a retry sent body %q, want the same {\"team_id\":3} every time", b)
		}
	}
}

func TestClientDoesNotRepeatCreatingPOSTAfterUnknownOutcome(t *testing.T) {
	t.Parallel()
	create := call{method: http.MethodPost, path: "/api/v1/accounts/1/teams", body: map[string]any{"name": "x"}}
	for name, tc := range map[string]struct {
		first    func(http.ResponseWriter, *http.Request)
		attempts int64
	}{
		"502 may have created it":   {status(http.StatusBadGateway, "text/html", "x"), 1},
		"503 may have created it":   {status(http.StatusServiceUnavailable, "text/html", "x"), 1},
		"504 may have created it":   {status(http.StatusGatewayTimeout, "text/html", "x"), 1},
		"reset may have created it": {reset, 1},
		"429 never reached it":      {status(http.StatusTooManyRequests, "text/plain", "Retry later\n"), 2},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv, url := newScriptedServer(t, tc.first, ok(`{"id":1}`))
			c, _ := newTestClient(t, url, nil)
			_, err := c.do(context.Background(), create, nil)
			if got := srv.calls.Load(); got != tc.attempts {
				t.Errorf("attempts = %d, want %d (err %v)", got, tc.attempts, err)
			}
			if (tc.attempts == 1) != (err != nil) {
				t.Errorf("err = %v", err)
			}
		})
	}
}

func TestClientDoesNotRetry500AndReportsBodyAndRequest(t *testing.T) {
	t.Parallel()
	srv, url := newScriptedServer(t, status(http.StatusInternalServerError, "application/json", `{"status":500,"error":"Internal Server Error"}`))
	c, _ := newTestClient(t, url, nil)
	err := c.AssignAgent(context.Background(), 1, 7, 5)
	if err == nil {
		t.Fatal("want an error")
	}
	if srv.calls.Load() != 1 {
		t.Errorf("attempts = %d, want 1: a 500 is not retried", srv.calls.Load())
	}
	for _, want := range []string{"POST /api/v1/accounts/1/conversations/7/assignments", "HTTP 500", "Internal Server Error"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Body != `{"status":500,"error":"Internal Server Error"}` {
		t.Errorf("APIError body = %+v", apiErr)
	}
}

func TestClientGivesUpAfterMaxRetries(t *testing.T) {
	t.Parallel()
	srv, url := newScriptedServer(t, status(http.StatusServiceUnavailable, "text/html", "<h1>503 Service Temporarily Unavailable</h1>"))
	c, sleeps := newTestClient(t, url, func(c *Config) { c.MaxRetries = 3 })
	_, err := c.GetConversation(context.Background(), 1, 7)
	if srv.calls.Load() != 4 || len(sleeps.recorded()) != 3 {
		t.Errorf("attempts = %d, waits = %d; want 4 and 3", srv.calls.Load(), len(sleeps.recorded()))
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("err = %v, want an *APIError 503", err)
	}
	if !strings.Contains(err.Error(), "after 4 attempts") || !strings.Contains(err.Error(), "503 Service Temporarily Unavailable") {
		t.Errorf("error %q should say how many attempts were made and show the body", err)
	}
}

func TestClientHonoursRetryAfter(t *testing.T) {
	t.Parallel()
	for name, header := range map[string]func() string{
		"seconds":   func() string { return "7" },
		"HTTP date": func() string { return time.Now().Add(7 * time.Second).UTC().Format(http.TimeFormat) },
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, url := newScriptedServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", header())
				status(http.StatusTooManyRequests, "text/plain", "Retry later\n")(w, r)
			}, ok(`[]`))
			c, sleeps := newTestClient(t, url, nil)
			if _, err := c.ListTeams(context.Background(), 1); err != nil {
				t.Fatal(err)
			}
			waits := sleeps.recorded()
			if len(waits) != 1 || waits[0] < 5*time.Second || waits[0] > 7*time.Second {
				t.Errorf("waits = %v, want one of about 7s", waits)
			}
		})
	}
}

func TestClientCallerDeadlineBoundsRetries(t *testing.T) {
	t.Parallel()
	_, url := newScriptedServer(t, status(http.StatusServiceUnavailable, "text/plain", "down"))
	c, _ := newTestClient(t, url, func(c *Config) { c.MaxRetries = 100; c.Sleep = nil }) // real backoff
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.GetConversation(ctx, 1, 7)
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("took %s; the caller's 300ms deadline should end the retries", took)
	}
	if err == nil || !strings.Contains(err.Error(), "deadline exceeded") || !strings.Contains(err.Error(), "HTTP 503") {
		t.Errorf("err = %v, want the last failure and the deadline", err)
	}
}

// A deadline that cuts the retry short keeps Chatwoot's last answer in the error: "HTTP 503"
// says more than "context deadline exceeded" does.
func TestClientCallerDeadlineKeepsLastAnswer(t *testing.T) {
	t.Parallel()
	hang := func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }
	_, url := newScriptedServer(t, status(http.StatusServiceUnavailable, "text/plain", "down"), hang)
	c, _ := newTestClient(t, url, nil) // the recorded sleeps return at once: the second attempt hangs
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := c.GetConversation(ctx, 1, 7)
	if err == nil || !strings.Contains(err.Error(), "HTTP 503") || !strings.Contains(err.Error(), "stopped: context deadline exceeded") {
		t.Errorf("err = %v, want the 503 of the first attempt and the deadline", err)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("err = %v, want an *APIError with status 503 inside", err)
	}
}

func TestClientRequestTimeoutPerAttempt(t *testing.T) {
	t.Parallel()
	hang := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	}
	t.Run("read is retried", func(t *testing.T) {
		t.Parallel()
		srv, url := newScriptedServer(t, hang, ok(conversationJSON))
		c, _ := newTestClient(t, url, func(c *Config) { c.RequestTimeout = 100 * time.Millisecond })
		if _, err := c.GetConversation(context.Background(), 1, 7); err != nil {
			t.Fatalf("GetConversation: %v", err)
		}
		if srv.calls.Load() != 2 {
			t.Errorf("attempts = %d, want 2", srv.calls.Load())
		}
	})
	t.Run("creating POST is not", func(t *testing.T) {
		t.Parallel()
		srv, url := newScriptedServer(t, hang, ok(`{"id":1}`))
		c, _ := newTestClient(t, url, func(c *Config) { c.RequestTimeout = 100 * time.Millisecond })
		_, err := c.do(context.Background(), call{method: http.MethodPost, path: "/api/v1/accounts/1/teams", body: map[string]any{"name": "x"}}, nil)
		if err == nil || !strings.Contains(err.Error(), "no answer within the request timeout of 100ms") {
			t.Errorf("err = %v", err)
		}
		if srv.calls.Load() != 1 {
			t.Errorf("attempts = %d, want 1", srv.calls.Load())
		}
	})
}

// recordingListener is a second loopback server that records every request it receives.
type recordingListener struct {
	mu      sync.Mutex
	headers []http.Header
	url     string
}

func newRecordingListener(t *testing.T) *recordingListener {
	t.Helper()
	rl := &recordingListener{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rl.mu.Lock()
		rl.headers = append(rl.headers, r.Header.Clone())
		rl.mu.Unlock()
		ok(conversationJSON)(w, r)
	}))
	t.Cleanup(srv.Close)
	rl.url = srv.URL
	return rl
}

func (rl *recordingListener) received() []http.Header {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	return append([]http.Header(nil), rl.headers...)
}

func TestClientRefusesRedirectsToAnotherOrigin(t *testing.T) {
	t.Parallel()
	other := newRecordingListener(t)
	for _, code := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(http.StatusText(code), func(t *testing.T) {
			t.Parallel()
			srv, url := newScriptedServer(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, other.url+r.URL.Path, code)
			})
			c, _ := newTestClient(t, url, nil)
			_, err := c.GetConversation(context.Background(), 1, 7)
			if err == nil || !strings.Contains(err.Error(), "refused to follow a redirect") {
				t.Fatalf("err = %v, want a refused redirect", err)
			}
			if strings.Contains(err.Error(), testToken) {
				t.Errorf("the error shows the token: %v", err)
			}
			if srv.calls.Load() != 1 {
				t.Errorf("attempts = %d, want 1: a refused redirect is not retried", srv.calls.Load())
			}
		})
	}
	t.Run("other port on the same host", func(t *testing.T) {
		t.Parallel()
		_, url := newScriptedServer(t, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, strings.Replace(other.url, "127.0.0.1", "localhost", 1)+r.URL.Path, http.StatusFound)
		})
		c, _ := newTestClient(t, url, nil)
		if _, err := c.GetConversation(context.Background(), 1, 7); err == nil {
			t.Fatal("want a refused redirect")
		}
	})
	if got := other.received(); len(got) != 0 {
		t.Errorf("the other origin received %d requests; want none", len(got))
	}
}

func TestClientFollowsSameOriginRedirectsButNotMethodChanges(t *testing.T) {
	t.Parallel()
	var tokens []string
	var mu sync.Mutex
	mux := http.NewServeMux()
	mux.HandleFunc("/old/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, strings.TrimPrefix(r.URL.Path, "/old"), http.StatusFound)
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tokens = append(tokens, r.Header.Get(TokenHeader))
		mu.Unlock()
		ok(conversationJSON)(w, r)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c, _ := newTestClient(t, srv.URL+"/old", nil)
	if _, err := c.GetConversation(context.Background(), 1, 7); err != nil {
		t.Fatalf("same-origin GET redirect: %v", err)
	}
	if len(tokens) != 1 || tokens[0] != testToken {
		t.Errorf("tokens at the redirect target = %q", tokens)
	}
	// A 302 would turn the POST into a GET that changes nothing.
	err := c.AssignTeam(context.Background(), 1, 7, 3)
	if err == nil || !strings.Contains(err.Error(), "turns POST") {
		t.Errorf("err = %v, want a refused method change", err)
	}
}

func TestClientKeepsTokenOutOfErrors(t *testing.T) {
	t.Parallel()
	// A proxy error page that echoes the request headers.
	_, url := newScriptedServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		_ = r.Header.Write(w)
	})
	c, _ := newTestClient(t, url, nil)
	err := c.AssignAgent(context.Background(), 1, 7, 5)
	if err == nil {
		t.Fatal("want an error")
	}
	if strings.Contains(err.Error(), testToken) {
		t.Errorf("the error shows the token: %v", err)
	}
	if !strings.Contains(err.Error(), "[REDACTED]") {
		t.Errorf("error %q should show the body with the token redacted", err)
	}
}

func TestClientCapsResponseSize(t *testing.T) {
	t.Parallel()
	srv, url := newScriptedServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for range maxResponseBytes/len(chunk) + 2 {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	c, _ := newTestClient(t, url, nil)
	_, err := c.ListTeams(context.Background(), 1)
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("err = %v, want a size error", err)
	}
	if srv.calls.Load() != 1 {
		t.Errorf("attempts = %d, want 1", srv.calls.Load())
	}
}

func TestClientRetriesTruncatedBodies(t *testing.T) {
	t.Parallel()
	srv, url := newScriptedServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"id":7,"met`)
	}, ok(conversationJSON))
	c, _ := newTestClient(t, url, nil)
	if _, err := c.GetConversation(context.Background(), 1, 7); err != nil {
		t.Fatalf("GetConversation: %v", err)
	}
	if srv.calls.Load() != 2 {
		t.Errorf("attempts = %d, want 2", srv.calls.Load())
	}
}

func TestClientRejectsBadResponses(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"HTML":        "<html><body>Welcome to nginx!</body></html>",
		"truncated":   `{"id":7,"meta":{"assignee":`,
		"wrong shape": `[{"id":7}]`,
		"wrong type":  `{"id":"seven"}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, url := newScriptedServer(t, ok(body))
			c, _ := newTestClient(t, url, nil)
			_, err := c.GetConversation(context.Background(), 1, 7)
			var decodeErr *DecodeError
			if !errors.As(err, &decodeErr) {
				t.Fatalf("err = %v, want a *DecodeError", err)
			}
			if !strings.Contains(err.Error(), "GET /api/v1/accounts/1/conversations/7") {
				t.Errorf("error %q should name the request", err)
			}
		})
	}
}

func TestClientTLS(t *testing.T) {
	t.Parallel()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ok(conversationJSON)(w, r) }))
	t.Cleanup(srv.Close)
	caPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})

	t.Run("verifies by default", func(t *testing.T) {
		c, _ := newTestClient(t, srv.URL, nil)
		_, err := c.GetConversation(context.Background(), 1, 7)
		if err == nil || !strings.Contains(err.Error(), "certificate") {
			t.Fatalf("err = %v, want a certificate verification failure", err)
		}
	})
	t.Run("trusts a private CA", func(t *testing.T) {
		c, _ := newTestClient(t, srv.URL, func(c *Config) { c.CACertificatePEM = caPEM })
		if _, err := c.GetConversation(context.Background(), 1, 7); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("skips verification when told", func(t *testing.T) {
		c, _ := newTestClient(t, srv.URL, func(c *Config) { c.InsecureSkipVerify = true })
		if _, err := c.GetConversation(context.Background(), 1, 7); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("rejects PEM without a certificate", func(t *testing.T) {
		_, err := New(Config{BaseURL: srv.URL, Token: testToken, CACertificatePEM: []byte("not a certificate")})
		if err == nil || !strings.Contains(err.Error(), "no PEM-encoded certificate") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestClientLogsEveryAttemptWithoutTheToken(t *testing.T) {
	t.Parallel()
	_, url := newScriptedServer(t, status(http.StatusBadGateway, "text/html", "bad"), ok(conversationJSON))
	logs := &logRecorder{}
	c, _ := newTestClient(t, url, func(c *Config) { c.Logger = logs })
	if _, err := c.GetConversation(context.Background(), 1, 7); err != nil {
		t.Fatal(err)
	}
	var requests []map[string]any
	for _, l := range logs.lines {
		if fmt.Sprint(l) != "" && strings.Contains(fmt.Sprint(l), testToken) {
			t.Errorf("a log line holds the token: %v", l)
		}
		if l["msg"] == "Chatwoot API request" {
			requests = append(requests, l)
		}
	}
	if len(requests) != 2 {
		t.Fatalf("request lines = %v, want 2", requests)
	}
	for i, want := range []int{http.StatusBadGateway, http.StatusOK} {
		l := requests[i]
		if l["method"] != "GET" || l["path"] != "/api/v1/accounts/1/conversations/7" || l["status"] != want || l["attempt"] != i+1 {
			t.Errorf("line %d = %v", i, l)
		}
		if _, ok := l["duration_ms"].(int64); !ok {
			t.Errorf("line %d has no duration_ms: %v", i, l)
		}
	}
}

func TestClientRateLimiterSpacesRequests(t *testing.T) {
	t.Parallel()
	_, url := newScriptedServer(t, ok(`[]`))
	c, _ := newTestClient(t, url, func(c *Config) { c.MaxRequestsPerSecond = 20 })
	start := time.Now()
	var wg sync.WaitGroup
	for range 11 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.ListTeams(context.Background(), 1); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	// 11 requests at 20 per second: the last may start 500ms after the first.
	if took := time.Since(start); took < 450*time.Millisecond || took > 3*time.Second {
		t.Errorf("11 requests at 20/s took %s, want about 500ms", took)
	}
}

func TestLimiterReservesSlots(t *testing.T) {
	t.Parallel()
	now := time.Unix(1000, 0)
	var waits []time.Duration
	l := newLimiter(10)
	l.now = func() time.Time { return now }
	l.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	for range 3 {
		if err := l.wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	now = now.Add(time.Second) // idle: no debt carried over
	_ = l.wait(context.Background())
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond}
	if fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("waits = %v, want %v", waits, want)
	}
	var none *limiter
	if err := none.wait(context.Background()); err != nil || newLimiter(0) != nil {
		t.Error("a zero rate must not limit")
	}
}

func TestParseBaseURL(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"https://chatwoot.example.com":           "https://chatwoot.example.com",
		"https://chatwoot.example.com/":          "https://chatwoot.example.com",
		"https://example.com/chatwoot/":          "https://example.com/chatwoot",
		"http://127.0.0.1:3000":                  "http://127.0.0.1:3000",
		"":                                       "empty",
		"   ":                                    "empty",
		"chatwoot.example.com":                   "must start with http",
		"ftp://chatwoot.example.com":             "must start with http",
		"https://":                               "no host",
		"https://user:pass@chatwoot.example.com": "credentials",
		"https://chatwoot.example.com/?a=b":      "query string",
		"https://chatwoot.example.com/?":         "query string",
		"https://chatwoot.example.com/#x":        "fragment",
		"https://chatwoot.example.com/#":         "fragment",
		"https://chat woot.example.com":          "not a valid URL",
	} {
		u, err := ParseBaseURL(raw)
		switch {
		case err != nil && !strings.Contains(err.Error(), want):
			t.Errorf("ParseBaseURL(%q) error %q, want it to mention %q", raw, err, want)
		case err == nil && u.String() != want:
			t.Errorf("ParseBaseURL(%q) = %q, want %q", raw, u, want)
		}
	}
}

// TestClientAgainstMockFaults drives the client through the mock's own fault knobs: rack-attack's
// text/plain 429, nginx's 502 and 503, and dropped connections.
func TestClientAgainstMockFaults(t *testing.T) {
	t.Parallel()
	const platformToken = "platform-token"
	srv, url := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: platformToken, Seed: 7})
	accountID, token := bootstrapAdmin(t, url, platformToken)

	c, err := New(Config{BaseURL: url, Token: token, MaxRetries: 30, Sleep: func(context.Context, time.Duration) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	srv.ResetRequests()
	srv.SetFailRate(0.3)
	for range 60 {
		if _, err := c.ListAgents(context.Background(), accountID); err != nil {
			t.Fatalf("ListAgents under 30%% faults: %v", err)
		}
	}
	seen := map[int]int{}
	for _, r := range srv.Requests() {
		seen[r.Status]++
	}
	if seen[http.StatusOK] != 60 {
		t.Errorf("successful requests = %d, want 60 (statuses %v)", seen[http.StatusOK], seen)
	}
	for _, code := range []int{http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, 0} {
		if seen[code] == 0 {
			t.Errorf("the mock injected no fault with status %d (statuses %v)", code, seen)
		}
	}
}

// bootstrapAdmin makes an account with an administrator through the Platform API (DESIGN.md §11.12)
// and returns the account id and the administrator's token.
func bootstrapAdmin(t *testing.T, baseURL, platformToken string) (int64, string) {
	t.Helper()
	post := func(path string, body any, out any) {
		t.Helper()
		b, _ := json.Marshal(body)
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, baseURL+path, bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("api_access_token", platformToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("POST %s: %v", path, err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST %s: HTTP %d %s", path, resp.StatusCode, raw)
		}
		if out != nil {
			if err := json.Unmarshal(raw, out); err != nil {
				t.Fatalf("POST %s: %v in %s", path, err, raw)
			}
		}
	}
	var account struct {
		ID int64 `json:"id"`
	}
	post("/platform/api/v1/accounts", map[string]any{"name": "client-faults"}, &account)
	var user struct {
		ID          int64  `json:"id"`
		AccessToken string `json:"access_token"`
	}
	post("/platform/api/v1/users", map[string]any{"name": "Admin", "email": "admin+faults@example.test", "password": "Passw0rd!"}, &user)
	post(fmt.Sprintf("/platform/api/v1/accounts/%d/account_users", account.ID), map[string]any{"user_id": user.ID, "role": "administrator"}, nil)
	return account.ID, user.AccessToken
}
