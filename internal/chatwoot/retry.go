package chatwoot

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	retryBaseDelay = 500 * time.Millisecond
	retryMaxDelay  = 30 * time.Second
	// retryAfterCap bounds a proxy's Retry-After so one header cannot stall an apply for hours.
	retryAfterCap = 5 * time.Minute
)

type retryPolicy struct {
	maxRetries int
	sleepFn    func(ctx context.Context, d time.Duration) error
}

func newRetryPolicy(maxRetries int, sleep func(ctx context.Context, d time.Duration) error) retryPolicy {
	if maxRetries < 0 {
		maxRetries = 0
	}
	if sleep == nil {
		sleep = sleepContext
	}
	return retryPolicy{maxRetries: maxRetries, sleepFn: sleep}
}

func (p retryPolicy) sleep(ctx context.Context, d time.Duration) error {
	return p.sleepFn(ctx, d)
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// shouldRetry decides whether attempt (1-based) may be followed by another, and after how long.
//
// What is retried, up to maxRetries times, with capped exponential backoff and full jitter (or a
// proxy's Retry-After, in seconds or as an HTTP date):
//   - 429 (rack-attack answers it before the request reaches Chatwoot's code, DESIGN.md §7.1) and
//     connection failures before anything was sent (refused, DNS): for every request;
//   - 502, 503, 504, connection resets, truncated bodies and timeouts, whose outcome is unknown:
//     only for requests that are idempotent in effect. Those are every GET; PATCH, PUT and DELETE
//     that set or remove a known object; and the assignment POSTs
//     (/conversations/{id}/assignments), which set a value, so repeating one changes nothing more,
//     like the Platform membership upsert and the Platform user token read (platform.go).
//
// Not retried blindly after an unknown outcome: POSTs that create something, because a second
// attempt could create a duplicate: teams, agents, inboxes, agent bots, labels, webhooks, canned
// responses, custom attribute definitions, automation rules, contacts and conversations, Platform
// accounts and users, and POST member lists (team and inbox members). Their callers must leave call.idempotent false.
//
// Never retried: other 4xx (the request is wrong, or not allowed), 500 (Rails' unrescued
// exceptions are deterministic: the same request fails the same way), TLS verification failures,
// refused redirects and oversized bodies.
func (p retryPolicy) shouldRetry(cl call, err error, attempt int) (time.Duration, bool) {
	if attempt > p.maxRetries {
		return 0, false
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		switch apiErr.StatusCode {
		case http.StatusTooManyRequests:
			return p.wait(attempt, apiErr.RetryAfter), true
		case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			if cl.idempotent {
				return p.wait(attempt, apiErr.RetryAfter), true
			}
		}
		return 0, false
	}
	var tErr *TransportError
	if !errors.As(err, &tErr) {
		return 0, false
	}
	if errors.Is(err, context.Canceled) {
		return 0, false
	}
	if notSent(err) || cl.idempotent && transient(err) {
		return p.wait(attempt, 0), true
	}
	return 0, false
}

// wait is capped exponential backoff with full jitter, unless the server said how long.
func (p retryPolicy) wait(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, retryAfterCap)
	}
	ceiling := retryBaseDelay << min(attempt-1, 16)
	if ceiling > retryMaxDelay || ceiling <= 0 {
		ceiling = retryMaxDelay
	}
	return time.Duration(rand.Int64N(int64(ceiling) + 1))
}

// notSent reports failures where the request certainly never reached the server.
func notSent(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	return errors.Is(err, syscall.ECONNREFUSED)
}

// transient reports failures that a later attempt may not repeat.
func transient(err error) bool {
	if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return true
	}
	var attemptTimeout *attemptTimeoutError
	if errors.As(err, &attemptTimeout) {
		return true
	}
	// io.ErrUnexpectedEOF and "EOF" from a dropped connection come wrapped in *url.Error; any
	// transport error that is not a TLS or redirect refusal is worth another try for idempotent calls.
	return !isPermanentTransport(err)
}

// isPermanentTransport reports transport failures that another attempt would only repeat: TLS
// verification, a refused cross-host redirect, an oversized body.
func isPermanentTransport(err error) bool {
	var certErr *tls.CertificateVerificationError
	var unknownAuthority x509.UnknownAuthorityError
	var hostnameErr x509.HostnameError
	var redirectErr *redirectRefusedError
	var tooLarge *responseTooLargeError
	return errors.As(err, &certErr) || errors.As(err, &unknownAuthority) || errors.As(err, &hostnameErr) ||
		errors.As(err, &redirectErr) || errors.As(err, &tooLarge)
}

// parseRetryAfter reads a Retry-After header in seconds or as an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	v = strings.TrimSpace(v)
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0
		}
		if secs > int(retryAfterCap/time.Second) {
			return retryAfterCap // also keeps a huge value from overflowing
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
