package chatwoot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// TokenHeader is the header Chatwoot reads the access token from. Chatwoot (Rack) accepts both
// `api_access_token` and `Api-Access-Token`; the hyphenated spelling survives nginx, which by
// default drops header names that contain underscores (DESIGN.md §1.1).
const TokenHeader = "Api-Access-Token"

// DefaultBaseURL is Chatwoot's hosted cloud.
const DefaultBaseURL = "https://app.chatwoot.com"

// maxResponseBytes caps what is read of any response, so a broken proxy cannot exhaust memory.
const maxResponseBytes = 16 << 20

// Logger receives one line per HTTP attempt. The provider routes it to tflog; fields never
// contain the token.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
}

// Config holds what a Client needs.
type Config struct {
	BaseURL    string
	Token      string
	UserAgent  string
	HTTPClient *http.Client // optional; its Transport is reused, redirects are made safe
	Logger     Logger
	// MaxRetries is how many retries may follow the first attempt of a retryable failure.
	MaxRetries int
	// RequestTimeout bounds one attempt; 0 means none beyond the caller's context, which bounds
	// the whole call, retries and waits included.
	RequestTimeout time.Duration
	// MaxRequestsPerSecond spaces out every attempt of every call made through this Client; 0
	// means unlimited.
	MaxRequestsPerSecond float64
	// CACertificatePEM adds private certificate authorities to the system's for TLS verification.
	CACertificatePEM []byte
	// InsecureSkipVerify turns TLS verification off. The provider warns whenever it is set.
	InsecureSkipVerify bool
	// Sleep waits between retries; tests inject a fake to run in milliseconds.
	Sleep func(ctx context.Context, d time.Duration) error

	// PlatformToken is a Platform App's token, for the Platform API (/platform/api/v1); Token is a
	// user's (or agent bot's), for the Application API (/api/v1). Either alone is enough: a request
	// whose token is missing fails with *MissingTokenError.
	PlatformToken string
}

// Client talks to one Chatwoot installation with an Application token, a Platform token, or both.
type Client struct {
	base      *url.URL
	token     string
	userAgent string
	http      *http.Client
	logger    Logger
	retry     retryPolicy
	timeout   time.Duration
	limiter   *limiter
	lookups   *lookupCache

	platformToken string
	server        serverCache // GET /api and the accounts, read once (server_info.go)
}

// New validates cfg and returns a Client.
func New(cfg Config) (*Client, error) {
	base, err := ParseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.Token == "" && cfg.PlatformToken == "" {
		return nil, errors.New("an API access token or a platform token is required")
	}
	if cfg.MaxRetries < 0 {
		return nil, fmt.Errorf("max retries must be 0 or more, not %d", cfg.MaxRetries)
	}
	if cfg.RequestTimeout < 0 {
		return nil, fmt.Errorf("the request timeout must be positive, not %s", cfg.RequestTimeout)
	}
	if cfg.MaxRequestsPerSecond < 0 {
		return nil, fmt.Errorf("max requests per second must be positive, not %g", cfg.MaxRequestsPerSecond)
	}
	hc := &http.Client{}
	if cfg.HTTPClient != nil {
		clone := *cfg.HTTPClient
		hc = &clone
	}
	hc.Transport, err = secureTransport(hc.Transport, tlsOptions{caPEM: cfg.CACertificatePEM, insecureSkipVerify: cfg.InsecureSkipVerify})
	if err != nil {
		return nil, err
	}
	hc.CheckRedirect = sameOriginRedirectsOnly
	c := &Client{
		base:      base,
		token:     cfg.Token,
		userAgent: cfg.UserAgent,
		http:      hc,
		logger:    cfg.Logger,
		retry:     newRetryPolicy(cfg.MaxRetries, cfg.Sleep),
		timeout:   cfg.RequestTimeout,
		limiter:   newLimiter(cfg.MaxRequestsPerSecond),

		platformToken: cfg.PlatformToken,
	}
	if c.userAgent == "" {
		c.userAgent = "terraform-provider-chatwoot"
	}
	c.lookups = newLookupCache()
	return c, nil
}

// ParseBaseURL checks that raw is an absolute http(s) URL without query or fragment, and returns
// it without a trailing slash so that installs under a sub-path (https://example.com/chatwoot)
// keep their prefix.
func ParseBaseURL(raw string) (*url.URL, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, errors.New("the base URL is empty")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("the base URL %q is not a valid URL: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("the base URL %q must start with http:// or https://", raw)
	}
	if u.Host == "" || u.Hostname() == "" {
		return nil, fmt.Errorf("the base URL %q has no host", raw)
	}
	if u.User != nil {
		return nil, fmt.Errorf("the base URL %q must not contain credentials", raw)
	}
	if u.RawQuery != "" || u.ForceQuery {
		return nil, fmt.Errorf("the base URL %q must not have a query string", raw)
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		return nil, fmt.Errorf("the base URL %q must not have a fragment", raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// sameOriginRedirectsOnly refuses redirects that leave the configured scheme, host and port: Go
// would otherwise forward our custom token header to wherever a proxy points (it strips only
// Authorization and Cookie). It also refuses redirects that would change the method: for 301, 302
// and 303 Go turns a POST into a GET, so the change would silently not be made.
func sameOriginRedirectsOnly(req *http.Request, via []*http.Request) error {
	if len(via) >= 5 {
		return errors.New("stopped after 5 redirects")
	}
	first := via[0]
	if origin(req.URL) != origin(first.URL) {
		return &redirectRefusedError{from: origin(first.URL), to: origin(req.URL)}
	}
	if req.Method != first.Method {
		return &redirectRefusedError{from: first.Method + " " + first.URL.Path, to: req.Method + " " + req.URL.Path, methodChange: true}
	}
	return nil
}

// origin is scheme://host:port with the default port made explicit, so that
// https://example.com and https://example.com:443 compare equal.
func origin(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if strings.EqualFold(u.Scheme, "https") {
			port = "443"
		}
	}
	return strings.ToLower(u.Scheme) + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

type redirectRefusedError struct {
	from, to     string
	methodChange bool
}

func (e *redirectRefusedError) Error() string {
	if e.methodChange {
		return fmt.Sprintf("refused to follow a redirect that turns %s into %s: the change would not be made; set base_url to the address Chatwoot is served from", e.from, e.to)
	}
	return fmt.Sprintf("refused to follow a redirect from %s to %s: the access token must not be sent to another origin; set base_url to the address Chatwoot is served from", e.from, e.to)
}

type responseTooLargeError struct{ limit int }

func (e *responseTooLargeError) Error() string {
	return fmt.Sprintf("the response is larger than %d bytes", e.limit)
}

// attemptTimeoutError is one attempt that got no complete answer within RequestTimeout, while the
// caller's own deadline had not passed.
type attemptTimeoutError struct{ timeout time.Duration }

func (e *attemptTimeoutError) Error() string {
	return fmt.Sprintf("no answer within the request timeout of %s", e.timeout)
}

func (e *attemptTimeoutError) Timeout() bool { return true }

// call describes one API request.
type call struct {
	method string
	path   string // below the base URL, starting with /api/...
	query  url.Values
	body   any
	// idempotent marks requests that may be repeated after a failure with an unknown outcome.
	// See retry.go for which requests are and are not.
	idempotent bool
	// platform sends the Platform App's token instead of the user's (platform.go).
	platform bool
	// secretBody marks answers that hold a user's access token: a decode error does not quote them.
	secretBody bool
}

// do sends the request, retrying where that is safe, and decodes a 2xx JSON answer into out
// (which may be nil). The raw body is returned too, for callers that must see literal `null`.
func (c *Client) do(ctx context.Context, cl call, out any) ([]byte, error) {
	if c.tokenFor(cl) == "" {
		return nil, missingToken(cl)
	}
	var payload []byte
	if cl.body != nil {
		var err error
		payload, err = json.Marshal(cl.body)
		if err != nil {
			return nil, fmt.Errorf("encoding the request body for %s %s: %w", cl.method, cl.path, err)
		}
	}
	var answered error // the last failure Chatwoot answered, kept for when a deadline cuts the next attempt
	for attempt := 1; ; attempt++ {
		body, status, err := c.attempt(ctx, cl, payload, attempt)
		if _, ok := asAPIError(err); ok {
			answered = err
		}
		if err == nil {
			if out != nil && !isJSONNull(body) && len(bytes.TrimSpace(body)) > 0 {
				if derr := json.Unmarshal(body, out); derr != nil {
					dErr := &DecodeError{Method: cl.method, Path: cl.path, StatusCode: status, Err: derr, Snippet: snippet(c.redact(body))}
					if cl.secretBody {
						dErr.Snippet = "[not shown: the answer holds an access token]"
					}
					return body, dErr
				}
			}
			return body, nil
		}
		if ctx.Err() != nil {
			// The caller's deadline (a resource timeout) or a cancellation ends the call, whatever
			// the last attempt's error says. When the deadline cut an attempt short, Chatwoot's
			// last answer says more than "deadline exceeded" does.
			if _, ok := asAPIError(err); !ok && answered != nil {
				err = answered
			}
			return nil, gaveUp(err, attempt, fmt.Sprintf("stopped: %v", context.Cause(ctx)))
		}
		wait, retry := c.retry.shouldRetry(cl, err, attempt)
		if !retry {
			return nil, gaveUp(err, attempt, "")
		}
		c.logRetry(ctx, cl, attempt, wait, err)
		if serr := c.retry.sleep(ctx, wait); serr != nil {
			return nil, gaveUp(err, attempt, fmt.Sprintf("stopped while waiting to retry: %v", serr))
		}
	}
}

// objectOf sends the call and returns the object Chatwoot answers with.
func objectOf[T any](ctx context.Context, c *Client, cl call) (*T, error) {
	var out T
	if _, err := c.do(ctx, cl, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// listOf sends the call and returns the array Chatwoot answers with.
func listOf[T any](ctx context.Context, c *Client, cl call) ([]T, error) {
	var out []T
	_, err := c.do(ctx, cl, &out)
	return out, err
}

// payloadListOf is listOf for an array under {"payload": …}, as labels, inboxes, macros, SLA
// policies and automation rules are listed.
func payloadListOf[T any](ctx context.Context, c *Client, cl call) ([]T, error) {
	var env struct {
		Payload []T `json:"payload"`
	}
	_, err := c.do(ctx, cl, &env)
	return env.Payload, err
}

// payloadOf sends the call and returns the object of Chatwoot's {"payload": …} answer, which the
// macro, SLA policy and automation rule endpoints use; an answer without it is a *DecodeError.
func payloadOf[T any](ctx context.Context, c *Client, cl call) (*T, error) {
	env, err := objectOf[struct {
		Payload *T `json:"payload"`
	}](ctx, c, cl)
	if err != nil {
		return nil, err
	}
	if env.Payload == nil {
		return nil, &DecodeError{Method: cl.method, Path: cl.path, StatusCode: http.StatusOK, Err: errors.New(`no "payload" object`)}
	}
	return env.Payload, nil
}

// gaveUp adds how many attempts were made, and why they stopped, to the last attempt's error
// without hiding its type from errors.As.
func gaveUp(err error, attempts int, why string) error {
	switch {
	case attempts > 1 && why != "":
		return fmt.Errorf("%w (after %d attempts; %s)", err, attempts, why)
	case attempts > 1:
		return fmt.Errorf("%w (after %d attempts)", err, attempts)
	case why != "":
		return fmt.Errorf("%w (%s)", err, why)
	}
	return err
}

// attempt sends the request once.
func (c *Client) attempt(ctx context.Context, cl call, payload []byte, attempt int) ([]byte, int, error) {
	if err := c.limiter.wait(ctx); err != nil {
		return nil, 0, &TransportError{Method: cl.method, Path: cl.path, Err: fmt.Errorf("waiting for max_requests_per_second: %w", err)}
	}
	parent := ctx
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	u := *c.base
	u.Path = c.base.Path + cl.path
	u.RawQuery = cl.query.Encode()
	var reader io.Reader
	if payload != nil {
		reader = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, u.String(), reader)
	if err != nil {
		return nil, 0, fmt.Errorf("building %s %s: %w", cl.method, cl.path, err)
	}
	req.Header.Set(TokenHeader, c.tokenFor(cl))
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	// The timeout's own error says which limit ran out; the per-attempt one is retryable, the
	// caller's is not.
	transportErr := func(err error) error {
		err = scrubURLError(err)
		if c.timeout > 0 && errors.Is(err, context.DeadlineExceeded) && parent.Err() == nil {
			err = &attemptTimeoutError{timeout: c.timeout}
		}
		return &TransportError{Method: cl.method, Path: cl.path, Err: err}
	}
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		err = transportErr(err)
		c.log(ctx, cl, 0, attempt, time.Since(start), err)
		return nil, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err == nil && len(body) > maxResponseBytes {
		err = &responseTooLargeError{limit: maxResponseBytes}
	}
	if err != nil {
		err = transportErr(err)
		c.log(ctx, cl, resp.StatusCode, attempt, time.Since(start), err)
		return nil, resp.StatusCode, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr := newAPIError(cl.method, cl.path, resp.StatusCode, c.redact(body))
		apiErr.URL = (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
		apiErr.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
		apiErr.retryAfterHeader, apiErr.receivedAt = resp.Header.Get("Retry-After"), time.Now()
		c.log(ctx, cl, resp.StatusCode, attempt, time.Since(start), apiErr)
		return nil, resp.StatusCode, apiErr
	}
	c.log(ctx, cl, resp.StatusCode, attempt, time.Since(start), nil)
	return body, resp.StatusCode, nil
}

// redact removes the token from a response body before any of it goes into an error: a proxy's
// error page may echo the request headers.
func (c *Client) redact(body []byte) []byte {
	for _, tok := range []string{c.token, c.platformToken} {
		if tok != "" && bytes.Contains(body, []byte(tok)) {
			body = bytes.ReplaceAll(body, []byte(tok), []byte("[REDACTED]"))
		}
	}
	return body
}

func (c *Client) log(ctx context.Context, cl call, status, attempt int, took time.Duration, err error) {
	if c.logger == nil {
		return
	}
	fields := map[string]any{
		"method":      cl.method,
		"path":        cl.path,
		"status":      status,
		"attempt":     attempt,
		"duration_ms": took.Milliseconds(),
	}
	if err != nil {
		fields["error"] = err.Error()
	}
	c.logger.Debug(ctx, "Chatwoot API request", fields)
}

func (c *Client) logRetry(ctx context.Context, cl call, attempt int, wait time.Duration, err error) {
	if c.logger == nil {
		return
	}
	c.logger.Debug(ctx, "Retrying Chatwoot API request", map[string]any{
		"method":       cl.method,
		"path":         cl.path,
		"attempt":      attempt,
		"retry_in_ms":  wait.Milliseconds(),
		"retry_reason": err.Error(),
		"max_retries":  c.retry.maxRetries,
	})
}

// scrubURLError drops the URL from a *url.Error: it carries the host, and in a redirect case the
// other host, which is noise in a diagnostic (the token is never in the URL).
func scrubURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func isJSONNull(body []byte) bool {
	return string(bytes.TrimSpace(body)) == "null"
}

func snippet(body []byte) string {
	return reportable(body, 200)
}

// reportable makes a response body fit for an error message: trimmed, valid UTF-8 (a diagnostic
// with invalid UTF-8 cannot cross the plugin protocol), and cut to at most limit bytes on a
// character boundary.
func reportable(body []byte, limit int) string {
	s := strings.ToValidUTF8(strings.TrimSpace(string(body)), "\uFFFD")
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// TransportError is a request that got no usable HTTP answer: connection refused or reset,
// timeout, TLS failure, a refused redirect, or a body that could not be read.
type TransportError struct {
	Method, Path string
	Err          error
}

func (e *TransportError) Error() string {
	return fmt.Sprintf("%s %s: %v", e.Method, e.Path, e.Err)
}

func (e *TransportError) Unwrap() error { return e.Err }

// DecodeError is a 2xx answer whose body is not the JSON the endpoint documents.
type DecodeError struct {
	Method, Path string
	StatusCode   int
	Err          error
	Snippet      string
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("%s %s: HTTP %d with a body that is not the expected JSON (%v): %q", e.Method, e.Path, e.StatusCode, e.Err, e.Snippet)
}

func (e *DecodeError) Unwrap() error { return e.Err }

func accountPath(accountID int64, format string, args ...any) string {
	return fmt.Sprintf("/api/v1/accounts/%d", accountID) + fmt.Sprintf(format, args...)
}
