package chatwoot

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// AuthProblem says which of Chatwoot's many 401 causes an APIError is. Chatwoot answers every
// authentication and authorization failure with 401 and tells them apart only by the body
// (DESIGN.md §1.2, §2, §11.1), so the client decodes the body once and callers switch on this.
type AuthProblem int

const (
	AuthNone AuthProblem = iota
	// AuthTokenMissing: no api_access_token header reached Chatwoot (devise's {"errors":[...]} body).
	AuthTokenMissing
	// AuthTokenInvalid: the token is unknown to Chatwoot.
	AuthTokenInvalid
	// AuthBotsNotAllowed: an agent-bot or platform-app token on an endpoint bots may not use.
	AuthBotsNotAllowed
	// AuthNotAccountMember: a valid user token that is not a member of the account in the path.
	AuthNotAccountMember
	// AuthBotNotAuthorized: an agent-bot token that does not belong to the account.
	AuthBotNotAuthorized
	// AuthAccountSuspended: the account is suspended.
	AuthAccountSuspended
	// AuthForbidden: Pundit's denial: the token's role may not do this (Chatwoot uses 401, not 403).
	AuthForbidden
	// AuthInvalidUserIDs: team members endpoints answer ids outside the account with 401.
	AuthInvalidUserIDs
	// AuthUnknown: a 401 whose body matches none of the known causes.
	AuthUnknown
	// AuthNonPermissible: the Platform App may not manage this account or user (platform.go).
	AuthNonPermissible
)

// Chatwoot's exact 401 messages (DESIGN.md §1.2).
const (
	msgTokenMissing      = "You need to sign in or sign up before continuing."
	msgTokenInvalid      = "Invalid Access Token"
	msgBotsNotAllowed    = "Access to this endpoint is not authorized for bots"
	msgNotAccountMember  = "You are not authorized to access this account"
	msgBotNotAuthorized  = "Bot is not authorized to access this account"
	msgAccountSuspended  = "Account is suspended"
	msgForbidden         = "You are not authorized to do this action"
	msgInvalidUserIDs    = "Invalid User IDs"
	msgPlatformBadToken  = "Invalid access_token"
	msgNonPermissible    = "Non permissible resource"
	maxErrorBodyInReport = 512
)

// APIError is a non-2xx answer from Chatwoot. It names the request (method and path, never the
// token) and carries Chatwoot's own message.
type APIError struct {
	Method string
	// Path is the API path ("/api/v1/profile"); URL is the whole address requested, base_url's
	// sub-path included (empty in errors built without a request).
	Path       string
	URL        string
	StatusCode int
	// Message is Chatwoot's error text taken from whichever error shape the endpoint uses
	// ({"error":"..."}, {"error":{field:[...]}}, {"message":"...","attributes":[...]}, {"errors":[...]}).
	Message string
	// Attributes lists the fields a 422 {"message","attributes"} error names.
	Attributes []string
	// Body is the raw response body, cut to a readable length.
	Body string
	Auth AuthProblem
	// RetryAfter is the wait a Retry-After header asked for (Chatwoot sends none; proxies may).
	RetryAfter time.Duration
	// retryAfterHeader and receivedAt keep the uncapped header for DailyEmailLimitResetsAt.
	retryAfterHeader string
	receivedAt       time.Time
}

func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = strings.TrimSpace(e.Body)
	}
	if msg == "" {
		msg = http.StatusText(e.StatusCode)
	}
	return fmt.Sprintf("%s %s: HTTP %d: %s", e.Method, e.requestedPath(), e.StatusCode, msg)
}

// requestedPath is the path as sent, base_url's sub-path included.
func (e *APIError) requestedPath() string {
	if u, err := url.Parse(e.URL); err == nil && e.URL != "" {
		return u.EscapedPath()
	}
	return e.Path
}

// msgRecordNotFound is Chatwoot's answer for a record that does not exist; its router's 404 (and a
// proxy's, or another application's) says something else.
const msgRecordNotFound = "Resource could not be found"

// alwaysThere are the lists every Chatwoot has, for any account id that exists.
var alwaysThere = regexp.MustCompile(`^/api/v1/(profile|accounts/[0-9]+/(agents|teams|inboxes|agent_bots|automation_rules))$`)

// WrongAddress reports a 404 that means the request went to the wrong address (a wrong base_url
// sub-path, or something other than Chatwoot): one of the lists every Chatwoot has was not found,
// and not with Chatwoot's own "no such record" answer, which a missing account gets.
func (e *APIError) WrongAddress() bool {
	return e.StatusCode == http.StatusNotFound && alwaysThere.MatchString(e.Path) && e.Message != msgRecordNotFound
}

// newAPIError builds an APIError from a response body in any of Chatwoot's error shapes.
func newAPIError(method, path string, status int, body []byte) *APIError {
	e := &APIError{Method: method, Path: path, StatusCode: status}
	e.Body = reportable(body, maxErrorBodyInReport)
	e.Message, e.Attributes = parseErrorMessage(body)
	if status == http.StatusUnauthorized {
		e.Auth = classifyAuth(e.Message)
	}
	return e
}

func parseErrorMessage(body []byte) (string, []string) {
	var shape struct {
		Error      json.RawMessage `json:"error"`
		Message    string          `json:"message"`
		Attributes []string        `json:"attributes"`
		Errors     []string        `json:"errors"`
	}
	if err := json.Unmarshal(body, &shape); err != nil {
		return "", nil
	}
	if shape.Message != "" {
		return shape.Message, shape.Attributes
	}
	if len(shape.Errors) > 0 {
		return strings.Join(shape.Errors, "; "), nil
	}
	if len(shape.Error) > 0 {
		var s string
		if json.Unmarshal(shape.Error, &s) == nil {
			return s, nil
		}
		// The hash form {"error":{"conditions":["..."]}} used by automation rules.
		var fields map[string][]string
		if json.Unmarshal(shape.Error, &fields) == nil {
			parts := make([]string, 0, len(fields))
			attrs := make([]string, 0, len(fields))
			for _, k := range slices.Sorted(maps.Keys(fields)) {
				attrs = append(attrs, k)
				parts = append(parts, strings.Join(fields[k], ", "))
			}
			return strings.Join(parts, "; "), attrs
		}
	}
	return "", nil
}

func classifyAuth(message string) AuthProblem {
	switch message {
	case msgTokenMissing:
		return AuthTokenMissing
	case msgTokenInvalid, msgPlatformBadToken:
		return AuthTokenInvalid
	case msgBotsNotAllowed:
		return AuthBotsNotAllowed
	case msgNotAccountMember:
		return AuthNotAccountMember
	case msgBotNotAuthorized:
		return AuthBotNotAuthorized
	case msgAccountSuspended:
		return AuthAccountSuspended
	case msgForbidden:
		return AuthForbidden
	case msgInvalidUserIDs:
		return AuthInvalidUserIDs
	case msgNonPermissible:
		return AuthNonPermissible
	}
	return AuthUnknown
}

func asAPIError(err error) (*APIError, bool) {
	var apiErr *APIError
	ok := errors.As(err, &apiErr)
	return apiErr, ok
}

// ErrNotFound is the one "Chatwoot has no such object" signal: errors.Is(err, ErrNotFound) is
// true for an HTTP 404 (*APIError), for an id or name missing from an account's list, and for an
// automation rule confirmed absent after Chatwoot's 500 (both *NotFoundError).
var ErrNotFound = errors.New("chatwoot: object not found")

// IsNotFound reports whether err says the object does not exist (see ErrNotFound).
func IsNotFound(err error) bool {
	return errors.Is(err, ErrNotFound)
}

// Is makes a 404 match ErrNotFound.
func (e *APIError) Is(target error) bool {
	// A 404 from the wrong address says nothing about the object.
	return target == ErrNotFound && e.StatusCode == http.StatusNotFound && !e.WrongAddress() //nolint:errorlint // a sentinel compared by identity
}

// NotFoundError is an object the client looked for and did not find, without a 404 to say so:
// an id or name absent from the account's list, or an automation rule that Chatwoot answered
// with a 500 and whose absence the list confirmed (see doc.go).
type NotFoundError struct {
	Kind      string // "team", "automation rule"
	AccountID int64
	ID        int64 // 0 when the lookup was by something else (a name, an email)
	// Cause is the answer that prompted the check, if any.
	Cause error
}

func (e *NotFoundError) Error() string {
	what := "no matching " + e.Kind
	if e.ID != 0 {
		what = fmt.Sprintf("no %s %d", e.Kind, e.ID)
	}
	if e.Cause != nil {
		return fmt.Sprintf("account %d has %s (Chatwoot answered: %v)", e.AccountID, what, e.Cause)
	}
	return fmt.Sprintf("account %d has %s", e.AccountID, what)
}

// Is makes every NotFoundError match ErrNotFound.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound } //nolint:errorlint // a sentinel compared by identity

func (e *NotFoundError) Unwrap() error { return e.Cause }

// IsUnauthorized reports whether Chatwoot answered 401, whatever the cause.
func IsUnauthorized(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == http.StatusUnauthorized
}

// IsRateLimited reports whether Chatwoot (or a proxy) answered 429.
func IsRateLimited(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == http.StatusTooManyRequests
}

// IsUnprocessable reports whether Chatwoot rejected the input with 422.
func IsUnprocessable(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == http.StatusUnprocessableEntity
}

// AuthProblemOf returns the 401 cause of err, or AuthNone.
func AuthProblemOf(err error) AuthProblem {
	if e, ok := asAPIError(err); ok {
		return e.Auth
	}
	return AuthNone
}
