package chatwoot_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const (
	testPlatformAppToken = "platform-app-token-never-logged"
	otherAppToken        = "another-platform-app"
)

type platformEnv struct {
	mock *chatwootmock.Server
	url  string
	c    *chatwoot.Client
	// other is another Platform App's fixture client: what it creates is not this app's.
	other *fixture.Client
	logs  *lineLogger
	ctx   context.Context
}

// lineLogger keeps every log line as text.
type lineLogger struct {
	mu    sync.Mutex
	lines []string
}

func (l *lineLogger) Debug(_ context.Context, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprint(msg, " ", fields))
}

func newPlatformEnv(t *testing.T, mutate func(*chatwoot.Config)) *platformEnv {
	t.Helper()
	mock, url := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: testPlatformAppToken, OtherPlatformTokens: []string{otherAppToken}})
	logs := &lineLogger{}
	cfg := chatwoot.Config{BaseURL: url, PlatformToken: testPlatformAppToken, Logger: logs,
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }}
	if mutate != nil {
		mutate(&cfg)
	}
	c, err := chatwoot.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return &platformEnv{mock: mock, url: url, c: c, other: fixture.New(url, otherAppToken), logs: logs, ctx: ctx}
}

func TestPlatformAccountLifecycle(t *testing.T) {
	e := newPlatformEnv(t, nil)
	a, err := e.c.PlatformCreateAccount(e.ctx, chatwoot.PlatformAccountFields{
		Name: ptr("Acme"), Locale: ptr("de"), Domain: ptr("acme.test"),
		Features:         map[string]bool{"sla": true, "help_center": false},
		Limits:           map[string]any{"agents": 5},
		CustomAttributes: map[string]any{"plan": "gold"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.Name != "Acme" || a.Locale != "de" || a.Domain == nil || *a.Domain != "acme.test" || a.Status != "active" ||
		!a.Features["sla"] || a.Features["help_center"] || a.SupportEmail == nil || a.Limits["agents"] != float64(5) || a.CustomAttributes["plan"] != "gold" {
		t.Fatalf("created = %+v", a)
	}
	// An update sends only what it names: the domain is cleared, the rest stays.
	up, err := e.c.PlatformUpdateAccount(e.ctx, a.ID, chatwoot.PlatformAccountFields{Domain: ptr(""), CustomAttributes: map[string]any{},
		Features: map[string]bool{"sla": false}})
	if err != nil {
		t.Fatal(err)
	}
	if up.Domain != nil || up.Name != "Acme" || up.Locale != "de" || len(up.CustomAttributes) != 0 || up.Features["sla"] ||
		!up.Features["inbox_management"] || up.Limits["agents"] != float64(5) {
		t.Fatalf("updated = %+v", up)
	}
	got, err := e.c.PlatformGetAccount(e.ctx, a.ID)
	if err != nil || got.Domain != nil || got.Name != "Acme" {
		t.Fatalf("read = %+v, %v", got, err)
	}

	if err := e.c.PlatformDeleteAccount(e.ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	// Chatwoot deletes later: right after the DELETE the account is still there.
	if _, err := e.c.PlatformGetAccount(e.ctx, a.ID); err != nil {
		t.Fatalf("read right after the delete: %v", err)
	}
	if err := e.c.PlatformAwaitAccountDeleted(e.ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.c.PlatformGetAccount(e.ctx, a.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("read after the wait = %v, want 404", err)
	}
}

func TestPlatformAwaitAccountDeletedEndsWhenTheWaitEnds(t *testing.T) {
	stop := errors.New("timeout reached")
	var waits []time.Duration
	e := newPlatformEnv(t, func(c *chatwoot.Config) {
		c.Sleep = func(_ context.Context, d time.Duration) error {
			waits = append(waits, d)
			if len(waits) == 4 {
				return stop
			}
			return nil
		}
	})
	a, err := e.c.PlatformCreateAccount(e.ctx, chatwoot.PlatformAccountFields{Name: ptr("Kept")})
	if err != nil {
		t.Fatal(err)
	}
	err = e.c.PlatformAwaitAccountDeleted(e.ctx, a.ID)
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want the wait's end", err)
	}
	for i := 1; i < len(waits); i++ {
		if waits[i] < waits[i-1] {
			t.Fatalf("waits shrink: %v", waits)
		}
	}
	if _, err := e.c.PlatformGetAccount(e.ctx, a.ID); err != nil {
		t.Fatalf("the account not being deleted is gone: %v", err)
	}
}

func TestPlatformAccountValidationIsAnUnprocessable422(t *testing.T) {
	e := newPlatformEnv(t, nil)
	_, err := e.c.PlatformCreateAccount(e.ctx, chatwoot.PlatformAccountFields{Name: ptr("x"), Limits: map[string]any{"seats": 1}})
	var apiErr *chatwoot.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 422 || apiErr.Message != "Limits : Invalid data" {
		t.Fatalf("err = %v", err)
	}
}

func TestPlatformUserLifecycleKeepsTheTokenOutOfTheUser(t *testing.T) {
	e := newPlatformEnv(t, nil)
	u, err := e.c.PlatformCreateUser(e.ctx, chatwoot.PlatformUserFields{Name: ptr("Alice"), Email: ptr("Alice@Example.test"),
		Password: ptr("Password1!"), CustomAttributes: map[string]any{"tier": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 || u.Email != "alice@example.test" || u.DisplayName != nil || u.AvailableName != "Alice" || u.CustomAttributes["tier"] != "1" || !u.Confirmed {
		t.Fatalf("created = %+v (display name %v)", u, u.DisplayName)
	}
	tok, err := e.c.PlatformUserToken(e.ctx, u.ID)
	if err != nil || len(tok) != 24 {
		t.Fatalf("token = %q, %v", tok, err)
	}
	up, err := e.c.PlatformUpdateUser(e.ctx, u.ID, chatwoot.PlatformUserFields{DisplayName: ptr("Ali"), Password: ptr("Another1!"),
		CustomAttributes: map[string]any{"team": "a"}})
	if err != nil {
		t.Fatal(err)
	}
	if up.DisplayName == nil || *up.DisplayName != "Ali" || up.AvailableName != "Ali" || up.CustomAttributes["tier"] != "1" || up.CustomAttributes["team"] != "a" {
		t.Fatalf("updated = %+v", up)
	}
	if again, err := e.c.PlatformUserToken(e.ctx, u.ID); err != nil || again != tok {
		t.Fatalf("the token changed with the password: %q, %v", again, err)
	}
	// The user's token works on the Application API.
	app, err := chatwoot.New(chatwoot.Config{BaseURL: e.url, Token: tok})
	if err != nil {
		t.Fatal(err)
	}
	if p, err := app.GetProfile(e.ctx); err != nil || p.ID != u.ID {
		t.Fatalf("profile = %+v, %v", p, err)
	}

	if err := e.c.PlatformDeleteUser(e.ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.c.PlatformAwaitUserDeleted(e.ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := app.GetProfile(e.ctx); !chatwoot.IsUnauthorized(err) {
		t.Fatalf("the deleted user's token = %v, want a 401", err)
	}
	for _, l := range e.logs.lines {
		if strings.Contains(l, testPlatformAppToken) || strings.Contains(l, tok) {
			t.Fatalf("a log line holds a token: %s", l)
		}
	}
}

func TestPlatformCreateUserRefusesAnExistingEmail(t *testing.T) {
	e := newPlatformEnv(t, nil)
	carolByOther, err := e.other.CreateUser(e.ctx, "Carol", "carol@example.test", "Password1!")
	if err != nil {
		t.Fatal(err)
	}
	otherID, otherToken := carolByOther.ID, carolByOther.AccessToken
	_, err = e.c.PlatformCreateUser(e.ctx, chatwoot.PlatformUserFields{Name: ptr("Mallory"), Email: ptr("CAROL@example.test"),
		DisplayName: ptr("Mal"), Password: ptr("Password1!")})
	var exists *chatwoot.UserExistsError
	if !errors.As(err, &exists) || exists.UserID != otherID || exists.Email != "carol@example.test" {
		t.Fatalf("err = %v, want *UserExistsError for user %d", err, otherID)
	}
	if strings.Contains(err.Error(), otherToken) {
		t.Fatalf("the refusal shows the other user's token: %v", err)
	}
	// Nothing about Carol changed (Chatwoot did make her manageable by the app).
	carol, err := e.c.PlatformGetUser(e.ctx, otherID)
	if err != nil {
		t.Fatal(err)
	}
	if carol.Name != "Carol" || carol.DisplayName != nil {
		t.Fatalf("carol = %+v", carol)
	}
	// A create with a display name sets it, not the marker.
	u, err := e.c.PlatformCreateUser(e.ctx, chatwoot.PlatformUserFields{Name: ptr("Dan"), Email: ptr("dan@example.test"),
		DisplayName: ptr("Danny"), Password: ptr("Password1!")})
	if err != nil || u.DisplayName == nil || *u.DisplayName != "Danny" {
		t.Fatalf("created = %+v, %v", u, err)
	}
	if read, err := e.c.PlatformGetUser(e.ctx, u.ID); err != nil || read.AvailableName != "Danny" {
		t.Fatalf("read = %+v, %v", read, err)
	}
}

func TestPlatformCreateUserIsNotRetriedAfterAnUnknownOutcome(t *testing.T) {
	var calls int
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		calls++
		mu.Unlock()
		w.WriteHeader(http.StatusBadGateway)
	}))
	t.Cleanup(srv.Close)
	c, err := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, PlatformToken: "p", MaxRetries: 5,
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.PlatformCreateUser(context.Background(), chatwoot.PlatformUserFields{Name: ptr("A"), Email: ptr("a@example.test")}); err == nil {
		t.Fatal("want an error")
	}
	if _, err := c.PlatformCreateAccount(context.Background(), chatwoot.PlatformAccountFields{Name: ptr("A")}); err == nil {
		t.Fatal("want an error")
	}
	if calls != 2 {
		t.Fatalf("attempts = %d, want one per create", calls)
	}
	if _, err := c.PlatformUpsertAccountUser(context.Background(), 1, 2, "agent"); err == nil {
		t.Fatal("want an error")
	}
	if calls != 2+6 {
		t.Fatalf("attempts = %d, want the upsert retried 5 times", calls)
	}
}

func TestPlatformAccountUsersUpsertAndDelete(t *testing.T) {
	e := newPlatformEnv(t, nil)
	a, err := e.c.PlatformCreateAccount(e.ctx, chatwoot.PlatformAccountFields{Name: ptr("Acme")})
	if err != nil {
		t.Fatal(err)
	}
	u, err := e.c.PlatformCreateUser(e.ctx, chatwoot.PlatformUserFields{Name: ptr("Alice"), Email: ptr("alice@example.test"), Password: ptr("Password1!")})
	if err != nil {
		t.Fatal(err)
	}
	if m, err := e.c.PlatformGetAccountUser(e.ctx, a.ID, u.ID); !chatwoot.IsNotFound(err) || m != nil {
		t.Fatalf("membership before = %+v, %v", m, err)
	}
	first, err := e.c.PlatformUpsertAccountUser(e.ctx, a.ID, u.ID, "")
	if err != nil || first.Role != "agent" || first.UserID != u.ID || first.AccountID != a.ID {
		t.Fatalf("new membership = %+v, %v", first, err)
	}
	second, err := e.c.PlatformUpsertAccountUser(e.ctx, a.ID, u.ID, "administrator")
	if err != nil || second.ID != first.ID || second.Role != "administrator" {
		t.Fatalf("role change = %+v, %v", second, err)
	}
	if m, err := e.c.PlatformGetAccountUser(e.ctx, a.ID, u.ID); err != nil || m == nil || m.Role != "administrator" {
		t.Fatalf("membership = %+v, %v", m, err)
	}
	if _, err := e.c.PlatformUpsertAccountUser(e.ctx, a.ID, 999999, "agent"); !chatwoot.IsUnprocessable(err) {
		t.Fatalf("unknown user = %v, want a 422", err)
	}
	if err := e.c.PlatformDeleteAccountUser(e.ctx, a.ID, u.ID); err != nil {
		t.Fatal(err)
	}
	if ms, err := e.c.PlatformListAccountUsers(e.ctx, a.ID); err != nil || len(ms) != 0 {
		t.Fatalf("members after delete = %+v, %v", ms, err)
	}
	if err := e.c.PlatformDeleteAccountUser(e.ctx, a.ID, u.ID); err != nil {
		t.Fatalf("deleting a non-member: %v", err)
	}
}

func TestPlatformNonPermissibleAndNotFound(t *testing.T) {
	e := newPlatformEnv(t, nil)
	foreignAcct, err := e.other.CreateAccount(e.ctx, "Elsewhere", nil)
	if err != nil {
		t.Fatal(err)
	}
	foreignUser, err := e.other.CreateUser(e.ctx, "Eve", "eve@example.test", "Password1!")
	if err != nil {
		t.Fatal(err)
	}
	acct, user := foreignAcct.ID, foreignUser.ID
	checks := map[string]error{}
	_, checks["get account"] = e.c.PlatformGetAccount(e.ctx, acct)
	_, checks["update account"] = e.c.PlatformUpdateAccount(e.ctx, acct, chatwoot.PlatformAccountFields{Name: ptr("x")})
	checks["delete account"] = e.c.PlatformDeleteAccount(e.ctx, acct)
	_, checks["list members"] = e.c.PlatformListAccountUsers(e.ctx, acct)
	_, checks["upsert member"] = e.c.PlatformUpsertAccountUser(e.ctx, acct, user, "agent")
	checks["delete member"] = e.c.PlatformDeleteAccountUser(e.ctx, acct, user)
	_, checks["get user"] = e.c.PlatformGetUser(e.ctx, user)
	_, checks["update user"] = e.c.PlatformUpdateUser(e.ctx, user, chatwoot.PlatformUserFields{Name: ptr("x")})
	checks["delete user"] = e.c.PlatformDeleteUser(e.ctx, user)
	_, checks["user token"] = e.c.PlatformUserToken(e.ctx, user)
	for what, err := range checks {
		if !chatwoot.IsNonPermissible(err) || chatwoot.IsNotFound(err) {
			t.Errorf("%s: %v, want non-permissible", what, err)
		}
	}
	_, err = e.c.PlatformGetAccount(e.ctx, 999999)
	if !chatwoot.IsNotFound(err) || chatwoot.IsNonPermissible(err) {
		t.Errorf("missing account: %v, want 404", err)
	}
	_, err = e.c.PlatformGetUser(e.ctx, 999999)
	if !chatwoot.IsNotFound(err) {
		t.Errorf("missing user: %v, want 404", err)
	}
}

func TestPlatformAndApplicationTokensAreSentWhereTheyBelong(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.URL.Path] = r.Header.Get(chatwoot.TokenHeader)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":1,"name":"x"}`))
	}))
	t.Cleanup(srv.Close)
	c, err := chatwoot.New(chatwoot.Config{BaseURL: srv.URL + "/sub", Token: "user-token", PlatformToken: "app-token"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.PlatformGetAccount(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetProfile(context.Background()); err != nil {
		t.Fatal(err)
	}
	if seen["/sub/platform/api/v1/accounts/1"] != "app-token" || seen["/sub/api/v1/profile"] != "user-token" {
		t.Fatalf("tokens by path = %v", seen)
	}
}

func TestMissingTokenSaysWhichAndSendsNothing(t *testing.T) {
	var calls int
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { calls++ }))
	t.Cleanup(srv.Close)
	if _, err := chatwoot.New(chatwoot.Config{BaseURL: srv.URL}); err == nil {
		t.Fatal("a client without any token was accepted")
	}
	appOnly, err := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, Token: "user-token"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = appOnly.PlatformGetUser(context.Background(), 1)
	if kind, ok := chatwoot.MissingTokenOf(err); !ok || kind != chatwoot.TokenPlatform || !strings.Contains(err.Error(), "Platform App") {
		t.Fatalf("err = %v, want a missing platform token", err)
	}
	platformOnly, err := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, PlatformToken: "app-token"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = platformOnly.ListTeams(context.Background(), 1)
	if kind, ok := chatwoot.MissingTokenOf(err); !ok || kind != chatwoot.TokenAPIAccess || !strings.Contains(err.Error(), "user's access token") {
		t.Fatalf("err = %v, want a missing API access token", err)
	}
	if calls != 0 {
		t.Fatalf("requests sent without a token: %d", calls)
	}
}

func TestPlatformTokenIsRedactedFromErrorsAndUserTokensFromDecodeErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/token") {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"access_token":["user-secret-token"]}`))
			return
		}
		w.WriteHeader(http.StatusBadRequest)
		_ = r.Header.Write(w) // a proxy page that echoes the headers
	}))
	t.Cleanup(srv.Close)
	c, err := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, PlatformToken: "app-secret-token"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.PlatformGetAccount(context.Background(), 1)
	if err == nil || strings.Contains(err.Error(), "app-secret-token") || !strings.Contains(err.Error(), "[REDACTED]") {
		t.Fatalf("err = %v", err)
	}
	_, err = c.PlatformUserToken(context.Background(), 1)
	var dErr *chatwoot.DecodeError
	if !errors.As(err, &dErr) || strings.Contains(err.Error(), "user-secret-token") {
		t.Fatalf("err = %v", err)
	}
}

func TestPlatformRequestsRefuseRedirectsToAnotherOrigin(t *testing.T) {
	var other int
	target := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { other++ }))
	t.Cleanup(target.Close)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	t.Cleanup(srv.Close)
	c, err := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, PlatformToken: "app-token"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.PlatformGetAccount(context.Background(), 1); err == nil || !strings.Contains(err.Error(), "refused to follow a redirect") {
		t.Fatalf("err = %v", err)
	}
	if other != 0 {
		t.Fatalf("the other origin got %d requests", other)
	}
}
