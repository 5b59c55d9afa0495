package chatwoot

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"
	"testing"
	"time"
)

func TestShouldRetry(t *testing.T) {
	t.Parallel()
	p := newRetryPolicy(3, nil)
	read := call{method: http.MethodGet, path: "/x", idempotent: true}
	create := call{method: http.MethodPost, path: "/x"}
	apiErr := func(status int) error { return &APIError{Method: "GET", Path: "/x", StatusCode: status} }
	transport := func(err error) error { return &TransportError{Method: "GET", Path: "/x", Err: err} }
	dial := transport(&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED})

	for _, tc := range []struct {
		name        string
		err         error
		read, write bool
	}{
		{"429", apiErr(http.StatusTooManyRequests), true, true},
		{"502", apiErr(http.StatusBadGateway), true, false},
		{"503", apiErr(http.StatusServiceUnavailable), true, false},
		{"504", apiErr(http.StatusGatewayTimeout), true, false},
		{"500", apiErr(http.StatusInternalServerError), false, false},
		{"401", apiErr(http.StatusUnauthorized), false, false},
		{"404", apiErr(http.StatusNotFound), false, false},
		{"422", apiErr(http.StatusUnprocessableEntity), false, false},
		{"connection refused", dial, true, true},
		{"connection reset", transport(&net.OpError{Op: "read", Err: syscall.ECONNRESET}), true, false},
		{"unexpected EOF", transport(io.ErrUnexpectedEOF), true, false},
		{"attempt timeout", transport(&attemptTimeoutError{timeout: time.Second}), true, false},
		{"canceled", transport(context.Canceled), false, false},
		{"unknown CA", transport(x509.UnknownAuthorityError{}), false, false},
		{"refused redirect", transport(&redirectRefusedError{from: "a", to: "b"}), false, false},
		{"too large", transport(&responseTooLargeError{limit: 1}), false, false},
		{"wrapped 503", fmt.Errorf("outer: %w", apiErr(http.StatusServiceUnavailable)), true, false},
		{"not a client error", errors.New("boom"), false, false},
	} {
		if _, got := p.shouldRetry(read, tc.err, 1); got != tc.read {
			t.Errorf("%s, idempotent: retry = %v, want %v", tc.name, got, tc.read)
		}
		if _, got := p.shouldRetry(create, tc.err, 1); got != tc.write {
			t.Errorf("%s, creating POST: retry = %v, want %v", tc.name, got, tc.write)
		}
	}
	if _, again := p.shouldRetry(read, apiErr(http.StatusTooManyRequests), 4); again {
		t.Error("attempt 4 of max_retries 3 must be the last")
	}
	if _, again := newRetryPolicy(0, nil).shouldRetry(read, apiErr(http.StatusTooManyRequests), 1); again {
		t.Error("max_retries 0 must not retry")
	}
}

func TestBackoffIsCappedFullJitter(t *testing.T) {
	t.Parallel()
	p := newRetryPolicy(100, nil)
	for attempt := 1; attempt <= 70; attempt++ {
		ceiling := min(retryBaseDelay<<min(attempt-1, 16), retryMaxDelay)
		var maxSeen time.Duration
		for range 200 {
			w := p.wait(attempt, 0)
			if w < 0 || w > ceiling {
				t.Fatalf("attempt %d: wait %s outside [0, %s]", attempt, w, ceiling)
			}
			maxSeen = max(maxSeen, w)
		}
		if maxSeen < ceiling/4 {
			t.Errorf("attempt %d: 200 draws all below %s: not full jitter up to %s", attempt, maxSeen, ceiling)
		}
	}
	if w := p.wait(1, 42*time.Second); w != 42*time.Second {
		t.Errorf("Retry-After 42s gave %s", w)
	}
	if w := p.wait(1, time.Hour); w != retryAfterCap {
		t.Errorf("Retry-After 1h gave %s, want the cap %s", w, retryAfterCap)
	}
}

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 6, 17, 12, 0, 0, 0, time.UTC)
	for header, want := range map[string]time.Duration{
		"":                                  0,
		"0":                                 0,
		"5":                                 5 * time.Second,
		" 12 ":                              12 * time.Second,
		"-3":                                0,
		"99999999999999999999":              0, // not an int: ignored
		"999999999":                         retryAfterCap,
		"soon":                              0,
		"Wed, 17 Jun 2026 12:00:30 GMT":     30 * time.Second,
		"Wed, 17 Jun 2026 11:59:00 GMT":     0,           // in the past
		"Wednesday, 17-Jun-26 12:01:00 GMT": time.Minute, // RFC 850
	} {
		if got := parseRetryAfter(header, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", header, got, want)
		}
	}
}
