package chatwoot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Chatwoot releases whose behaviour differs for this client. Each is the first release with the
// change; compare with Version.AtLeast.
const (
	// Version4160 brings the Cloud API-access 403, agent bot tokens for administrators only, team
	// name stripping with team icons, and the api_and_webhooks feature. It also has a regression:
	// every user-token request to agent bots and labels answers 500 (fixed in 4.16.1).
	Version4160 = "4.16.0"
	// Version4161 fixes the 4.16.0 agent bot and label 500.
	Version4161 = "4.16.1"
	// Version4162 brings the Cloud daily e-mail limit on agent invitations and makes a connected
	// agent bot the owner of new conversations.
	Version4162 = "4.16.2"
	// Version4170 brings the 404 for an unknown team on assignment, pending status on bot
	// assignment, bot-owned conversations counted as assigned, automation execution_delay and
	// custom_role_id ignored without the custom_roles feature.
	Version4170 = "4.17.0"
)

// NewestKnownVersion is the newest release whose behaviour the client knows; an unknown server
// version is treated as this one.
const NewestKnownVersion = Version4170

// Version is a Chatwoot release number as GET /api reports it. The zero value is unknown, and an
// unknown version behaves as the newest known release: Chatwoot only moves forward, and
// develop builds report the previous release number.
type Version struct {
	raw   string
	parts [3]int
	known bool
}

// ParseVersion reads "4.16.2" (a leading "v" and a suffix such as "-rc1" or "+build" are
// tolerated). Anything else gives an unknown Version that still remembers the raw text.
func ParseVersion(s string) Version {
	v := Version{raw: s}
	t := strings.TrimPrefix(strings.TrimSpace(s), "v")
	if i := strings.IndexAny(t, "-+ "); i >= 0 {
		t = t[:i]
	}
	fields := strings.Split(t, ".")
	if len(fields) < 2 || len(fields) > 3 {
		return v
	}
	for i, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return v
		}
		v.parts[i] = n
	}
	v.known = true
	return v
}

// Known reports whether the version was parsed.
func (v Version) Known() bool { return v.known }

// String is the version as the server reported it, or "unknown".
func (v Version) String() string {
	if v.known {
		return fmt.Sprintf("%d.%d.%d", v.parts[0], v.parts[1], v.parts[2])
	}
	return "unknown"
}

// Raw is the text the server sent, even when it could not be parsed.
func (v Version) Raw() string { return v.raw }

// AtLeast reports whether the server is release threshold or newer. An unknown version is newer than
// everything. An unparsable threshold is a programming error and reports true.
func (v Version) AtLeast(threshold string) bool {
	if !v.known {
		return true
	}
	m := ParseVersion(threshold)
	if !m.known {
		return true
	}
	return compareParts(v.parts, m.parts) >= 0
}

// Is reports whether the server is exactly release want (for one-release regressions). An
// unknown version is none of them.
func (v Version) Is(want string) bool {
	w := ParseVersion(want)
	return v.known && w.known && v.parts == w.parts
}

func compareParts(a, b [3]int) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// ServerInfo is what GET /api says about the server. When the version could not be read,
// Version is unknown and DetectionError says why; nothing else fails.
type ServerInfo struct {
	Version        Version
	Timestamp      string // "YYYY-MM-DD HH:MM:SS" UTC, as sent
	QueueServices  string // "ok" or "failing" (Redis)
	DataServices   string // "ok" or "failing" (PostgreSQL)
	DetectionError error  // nil when Version is known
}

// ServerInfo reads GET /api once per client (it needs no token) and caches the answer. It never
// fails: a missing endpoint, an error or a body without a readable version gives an unknown
// Version with DetectionError set, which callers treat as the newest known behaviour (and warn
// about once). A cancelled context is not cached.
func (c *Client) ServerInfo(ctx context.Context) ServerInfo {
	c.server.mu.Lock()
	defer c.server.mu.Unlock()
	if c.server.info != nil {
		return *c.server.info
	}
	info := c.fetchServerInfo(ctx)
	if ctx.Err() == nil {
		c.server.info = &info
	}
	return info
}

func (c *Client) fetchServerInfo(ctx context.Context) ServerInfo {
	var body struct {
		Version       json.RawMessage `json:"version"`
		Timestamp     string          `json:"timestamp"`
		QueueServices string          `json:"queue_services"`
		DataServices  string          `json:"data_services"`
	}
	raw, err := c.do(ctx, call{method: http.MethodGet, path: "/api", idempotent: true}, nil)
	if err != nil {
		return ServerInfo{DetectionError: fmt.Errorf("reading the Chatwoot version: %w", err)}
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		return ServerInfo{DetectionError: fmt.Errorf("reading the Chatwoot version: GET /api answered %q, not the version object", snippet(raw))}
	}
	info := ServerInfo{Timestamp: body.Timestamp, QueueServices: body.QueueServices, DataServices: body.DataServices}
	var s string
	if len(body.Version) == 0 || json.Unmarshal(body.Version, &s) != nil {
		info.DetectionError = errors.New("reading the Chatwoot version: GET /api has no version string")
		return info
	}
	info.Version = ParseVersion(s)
	if !info.Version.Known() {
		info.DetectionError = fmt.Errorf("reading the Chatwoot version: %q is not a release number", s)
	}
	return info
}

// Editions of Chatwoot as an account shows them.
const (
	EditionEnterprise = "enterprise" // the standard image, with the Enterprise code
	EditionCommunity  = "community"  // the image built without it
)

// FeatureSet is the set of an account's enabled feature flags (assignment_v2, sla,
// custom_roles, delayed_automations, ...). A flag that is not in the set is off.
type FeatureSet map[string]bool

// Has reports whether flag is on.
func (f FeatureSet) Has(flag string) bool { return f[flag] }

// Names lists the enabled flags, sorted.
func (f FeatureSet) Names() []string {
	out := make([]string, 0, len(f))
	for k, on := range f {
		if on {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Account is GET /api/v1/accounts/{id}, which any member (agent or administrator) may read.
type Account struct {
	ID           int64
	Name         string
	Locale       string
	Domain       string // "" when none
	SupportEmail string
	Status       string // "active" or "suspended"
	Features     FeatureSet
	CreatedAt    time.Time // zero when absent or unreadable
	// Edition is EditionEnterprise when the account JSON carries subscribed_features (only the
	// Enterprise build renders it) and EditionCommunity otherwise.
	Edition string
	// LatestChatwootVersion is the newest release the server knows of ("" when it has not checked).
	LatestChatwootVersion string
}

// Account reads an account once per client and account id, and caches it; errors are not cached.
// A user who is not a member gets a 404 (IsNotFound), a bot token a 401, and an account without
// API access on Chatwoot Cloud a 403 (IsAPIAccessDisabled).
func (c *Client) Account(ctx context.Context, accountID int64) (*Account, error) {
	e := c.server.entry(accountID)
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.account == nil {
		a, err := c.fetchAccount(ctx, accountID)
		if err != nil {
			return nil, err
		}
		e.account = a
	}
	return e.account.clone(), nil
}

// clone copies an account so callers cannot change the cached one.
func (a *Account) clone() *Account {
	cp := *a
	cp.Features = make(FeatureSet, len(a.Features))
	for k, v := range a.Features {
		cp.Features[k] = v
	}
	return &cp
}

func (c *Client) fetchAccount(ctx context.Context, accountID int64) (*Account, error) {
	var body struct {
		ID                    int64            `json:"id"`
		Name                  string           `json:"name"`
		Locale                string           `json:"locale"`
		Domain                *string          `json:"domain"`
		SupportEmail          *string          `json:"support_email"`
		Status                string           `json:"status"`
		Features              map[string]any   `json:"features"`
		CreatedAt             string           `json:"created_at"`
		LatestChatwootVersion *string          `json:"latest_chatwoot_version"`
		SubscribedFeatures    *json.RawMessage `json:"subscribed_features"`
	}
	path := fmt.Sprintf("/api/v1/accounts/%d", accountID)
	if _, err := c.do(ctx, call{method: http.MethodGet, path: path, idempotent: true}, &body); err != nil {
		return nil, err
	}
	a := &Account{ID: body.ID, Name: body.Name, Locale: body.Locale, Status: body.Status, Features: FeatureSet{},
		Edition: EditionCommunity}
	if body.Domain != nil {
		a.Domain = *body.Domain
	}
	if body.SupportEmail != nil {
		a.SupportEmail = *body.SupportEmail
	}
	if body.LatestChatwootVersion != nil {
		a.LatestChatwootVersion = *body.LatestChatwootVersion
	}
	// Chatwoot lists only enabled flags, each true; a false is tolerated as off.
	for k, v := range body.Features {
		if on, ok := v.(bool); ok && on {
			a.Features[k] = true
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, body.CreatedAt); err == nil {
		a.CreatedAt = t
	}
	// The key's presence, even as null, is the signal.
	if body.SubscribedFeatures != nil {
		a.Edition = EditionEnterprise
	}
	return a, nil
}

// serverCache holds what the client learnt about the server; its zero value is ready.
type serverCache struct {
	mu   sync.Mutex // guards info and the accounts map
	info *ServerInfo

	accounts map[int64]*accountEntry
}

type accountEntry struct {
	mu      sync.Mutex // serialises the first read of one account
	account *Account
}

func (s *serverCache) entry(accountID int64) *accountEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.accounts == nil {
		s.accounts = map[int64]*accountEntry{}
	}
	e := s.accounts[accountID]
	if e == nil {
		e = &accountEntry{}
		s.accounts[accountID] = e
	}
	return e
}

// Chatwoot's bodies for the errors below.
const (
	msgAPIAccessDisabled = "API access is not enabled for this account"
	msgDailyEmailLimit   = "The daily email limit for this account has been reached"
)

// IsAPIAccessDisabled reports Chatwoot Cloud's 403 for an account whose plan has no API access
// (4.16.0 and later): every token request to the account fails the same way until the plan
// changes, so it is never retried.
func IsAPIAccessDisabled(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == http.StatusForbidden && e.Message == msgAPIAccessDisabled
}

// IsDailyEmailLimit reports Chatwoot Cloud's 429 for an agent invitation once the account's daily
// e-mail budget is spent (4.16.2 and later). It is not retried: waiting seconds does not help.
func IsDailyEmailLimit(err error) bool {
	e, ok := asAPIError(err)
	return ok && isDailyEmailLimit(e)
}

func isDailyEmailLimit(e *APIError) bool {
	return e.StatusCode == http.StatusTooManyRequests && e.Message == msgDailyEmailLimit
}

// DailyEmailLimitResetsAt says when the daily e-mail budget is available again, when the answer
// said so (a Retry-After header in seconds or as a date, which a proxy may add; Chatwoot itself
// sends none). ok is false when err is not that 429 or nothing said when it resets.
func DailyEmailLimitResetsAt(err error) (at time.Time, ok bool) {
	e, isAPI := asAPIError(err)
	if !isAPI || !isDailyEmailLimit(e) {
		return time.Time{}, false
	}
	v := strings.TrimSpace(e.retryAfterHeader)
	if v == "" {
		return time.Time{}, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 || secs > maxEmailLimitWait {
			return time.Time{}, false
		}
		return e.receivedAt.Add(time.Duration(secs) * time.Second), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// maxEmailLimitWait bounds a Retry-After in seconds: a daily budget resets within two days.
const maxEmailLimitWait = 2 * 24 * 60 * 60

// IsAgentBotOrLabel500 reports a 500 from the agent bot or label endpoints: the shape of the
// 4.16.0-only regression. Use Client.IsChatwoot4160Regression to also check the version.
func IsAgentBotOrLabel500(err error) bool {
	e, ok := asAPIError(err)
	if !ok || e.StatusCode != http.StatusInternalServerError {
		return false
	}
	segs := strings.Split(strings.Trim(e.Path, "/"), "/")
	// /api/v1/accounts/{id}/agent_bots... or /labels...
	return len(segs) >= 5 && segs[0] == "api" && segs[2] == "accounts" && (segs[4] == "agent_bots" || segs[4] == "labels")
}

// IsChatwoot4160Regression reports whether err is the 500 that Chatwoot 4.16.0 answers to every
// user-token request on agent bots and labels; the fix is upgrading to 4.16.1 or later. It reads
// the server version (cached) only for such a 500.
func (c *Client) IsChatwoot4160Regression(ctx context.Context, err error) bool {
	return IsAgentBotOrLabel500(err) && c.ServerInfo(ctx).Version.Is(Version4160)
}
