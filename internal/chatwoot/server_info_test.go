package chatwoot

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func TestVersionComparison(t *testing.T) {
	cases := []struct {
		version, min string
		atLeast      bool
	}{
		{"4.15.1", "4.16.0", false},
		{"4.16.0", "4.16.0", true},
		{"4.16.1", "4.16.0", true},
		{"4.16.2", "4.17.0", false},
		{"4.17.0", "4.17.0", true},
		{"v4.17.0-rc1", "4.17.0", true},
		{"4.9.0", "4.16.0", false}, // numeric, not lexical
		{"5.0", "4.17.0", true},
		{"", "4.17.0", true},        // unknown: newest behaviour
		{"garbage", "4.17.0", true}, // unknown: newest behaviour
		{"4.x.1", "4.16.0", true},
	}
	for _, tc := range cases {
		v := ParseVersion(tc.version)
		if got := v.AtLeast(tc.min); got != tc.atLeast {
			t.Errorf("ParseVersion(%q).AtLeast(%q) = %v, want %v", tc.version, tc.min, got, tc.atLeast)
		}
	}
	if !ParseVersion("4.16.0").Is(Version4160) || ParseVersion("4.16.1").Is(Version4160) || ParseVersion("junk").Is(Version4160) {
		t.Error("Is must match exactly one known release and never an unknown version")
	}
	if got := ParseVersion("junk"); got.Known() || got.String() != "unknown" || got.Raw() != "junk" {
		t.Errorf("unknown version = %v %q %q", got.Known(), got.String(), got.Raw())
	}
	if got := ParseVersion(" 4.16.2 ").String(); got != "4.16.2" {
		t.Errorf("String = %q", got)
	}
}

// versionMock starts a mock of one release and build with a seeded account.
func versionMock(t *testing.T, opts chatwootmock.Options, seed fixture.SeedOptions) (*chatwootmock.Server, string, *fixture.Scenario) {
	t.Helper()
	opts.PlatformToken = "platform"
	srv, baseURL := chatwootmock.StartTest(t, opts)
	sc, err := fixture.New(baseURL, "platform").Seed(context.Background(), seed)
	if err != nil {
		t.Fatal(err)
	}
	return srv, baseURL, sc
}

func countRequests(srv *chatwootmock.Server, method, path string) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

func TestServerInfoReadsEachVersionOnce(t *testing.T) {
	for _, v := range chatwootmock.SupportedChatwootVersions {
		t.Run(v, func(t *testing.T) {
			srv, baseURL, _ := versionMock(t, chatwootmock.Options{ChatwootVersion: v}, fixture.SeedOptions{})
			c, _ := newTestClient(t, baseURL, nil)
			var wg sync.WaitGroup
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					info := c.ServerInfo(context.Background())
					if info.DetectionError != nil || info.Version.String() != v || info.DataServices != "ok" {
						t.Errorf("info = %+v", info)
					}
				}()
			}
			wg.Wait()
			if n := countRequests(srv, "GET", "/api"); n != 1 {
				t.Fatalf("GET /api sent %d times, want once", n)
			}
		})
	}
}

func TestServerInfoToleratesMissingOrGarbageVersion(t *testing.T) {
	cases := map[string]func(w http.ResponseWriter){
		"404":            func(w http.ResponseWriter) { http.Error(w, `{"status":404,"error":"Not Found"}`, 404) },
		"html":           func(w http.ResponseWriter) { _, _ = w.Write([]byte("<html>login</html>")) },
		"no version key": func(w http.ResponseWriter) { _, _ = w.Write([]byte(`{"queue_services":"ok"}`)) },
		"number":         func(w http.ResponseWriter) { _, _ = w.Write([]byte(`{"version":4.16}`)) },
		"not a release":  func(w http.ResponseWriter) { _, _ = w.Write([]byte(`{"version":"develop"}`)) },
	}
	for name, answer := range cases {
		t.Run(name, func(t *testing.T) {
			var calls atomic.Int64
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				answer(w)
			}))
			t.Cleanup(ts.Close)
			c, _ := newTestClient(t, ts.URL, func(cfg *Config) { cfg.MaxRetries = 0 })
			info := c.ServerInfo(context.Background())
			if info.Version.Known() || info.DetectionError == nil {
				t.Fatalf("info = %+v, want an unknown version with a reason", info)
			}
			if !info.Version.AtLeast(NewestKnownVersion) {
				t.Fatal("an unknown version must behave as the newest known one")
			}
			c.ServerInfo(context.Background())
			if calls.Load() != 1 {
				t.Fatalf("%d requests; the unknown answer is cached too", calls.Load())
			}
		})
	}
}

func TestAccountReadsFeaturesAndEditionOncePerAccount(t *testing.T) {
	for _, ed := range chatwootmock.Editions {
		t.Run(ed, func(t *testing.T) {
			srv, baseURL, sc := versionMock(t, chatwootmock.Options{Edition: ed},
				fixture.SeedOptions{Features: map[string]bool{"sla": true, "assignment_v2": false}})
			c, _ := newTestClient(t, baseURL, func(cfg *Config) { cfg.Token = sc.Agent1.AccessToken })
			a, err := c.Account(context.Background(), sc.Account.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Features.Has("sla") || a.Features.Has("assignment_v2") || !a.Features.Has("labels") {
				t.Fatalf("features = %v", a.Features.Names())
			}
			if a.Name != sc.Account.Name || a.Locale != "en" || a.Status != "active" || a.ID != sc.Account.ID || a.CreatedAt.IsZero() {
				t.Fatalf("account = %+v", a)
			}
			if a.Edition != ed {
				t.Fatalf("edition = %q, want %q", a.Edition, ed)
			}
			a.Features["mutated"] = true // a copy: the cache stays intact
			if _, err := c.Account(context.Background(), sc.Account.ID); err != nil {
				t.Fatal(err)
			}
			path := fmt.Sprintf("/api/v1/accounts/%d", sc.Account.ID)
			if n := countRequests(srv, "GET", path); n != 1 {
				t.Fatalf("account read %d times, want once", n)
			}
			if _, err := c.Account(context.Background(), sc.Account.ID+1000); !IsNotFound(err) {
				t.Fatalf("foreign account: %v, want 404", err)
			}
		})
	}
}

func TestAccountCacheDoesNotShareFeatureMaps(t *testing.T) {
	_, baseURL, sc := versionMock(t, chatwootmock.Options{}, fixture.SeedOptions{})
	c, _ := newTestClient(t, baseURL, func(cfg *Config) { cfg.Token = sc.AdminToken })
	a, err := c.Account(context.Background(), sc.Account.ID)
	if err != nil {
		t.Fatal(err)
	}
	a.Features["mutated"] = true
	b, err := c.Account(context.Background(), sc.Account.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b.Features.Has("mutated") {
		t.Fatal("a caller's change leaked into the cache")
	}
}

func TestAPIAccessDisabledIsOneUnretriedError(t *testing.T) {
	for _, v := range []string{"4.15.1", "4.16.0", "4.17.0"} {
		t.Run(v, func(t *testing.T) {
			srv, baseURL, sc := versionMock(t, chatwootmock.Options{ChatwootVersion: v, Cloud: true}, fixture.SeedOptions{})
			gated := v != "4.15.1"
			if gated {
				fx := fixture.New(baseURL, "platform")
				if err := fx.Do(context.Background(), "PATCH", fmt.Sprintf("/platform/api/v1/accounts/%d", sc.Account.ID), "platform",
					map[string]any{"features": map[string]any{"api_and_webhooks": false}}, nil); err != nil {
					t.Fatal(err)
				}
			}
			c, _ := newTestClient(t, baseURL, func(cfg *Config) { cfg.Token = sc.AdminToken })
			srv.ResetRequests()
			_, err := c.ListTeams(context.Background(), sc.Account.ID)
			if IsAPIAccessDisabled(err) != gated {
				t.Fatalf("err = %v, gated %v", err, gated)
			}
			if n := len(srv.Requests()); n != 1 {
				t.Fatalf("%d requests, want 1 (no retries)", n)
			}
			_, err = c.Account(context.Background(), sc.Account.ID)
			if IsAPIAccessDisabled(err) != gated {
				t.Fatalf("account: err = %v", err)
			}
		})
	}
}

func TestChatwoot4160RegressionIsRecognised(t *testing.T) {
	for _, v := range []string{"4.15.1", "4.16.0", "4.16.1"} {
		t.Run(v, func(t *testing.T) {
			_, baseURL, sc := versionMock(t, chatwootmock.Options{ChatwootVersion: v}, fixture.SeedOptions{})
			c, _ := newTestClient(t, baseURL, func(cfg *Config) { cfg.Token = sc.AdminToken })
			_, err := c.ListAgentBots(context.Background(), sc.Account.ID)
			broken := v == "4.16.0"
			if (err != nil) != broken {
				t.Fatalf("err = %v", err)
			}
			if got := c.IsChatwoot4160Regression(context.Background(), err); got != broken {
				t.Fatalf("IsChatwoot4160Regression = %v, want %v", got, broken)
			}
			_, teamErr := c.ListTeams(context.Background(), sc.Account.ID)
			if teamErr != nil || c.IsChatwoot4160Regression(context.Background(), teamErr) {
				t.Fatalf("teams: %v", teamErr)
			}
		})
	}
	// A 500 elsewhere, or on a bot endpoint of another version, is not the regression.
	other := &APIError{Method: "GET", Path: "/api/v1/accounts/1/teams", StatusCode: 500}
	if IsAgentBotOrLabel500(other) || !IsAgentBotOrLabel500(&APIError{Path: "/api/v1/accounts/1/labels/3", StatusCode: 500}) {
		t.Fatal("path matching")
	}
}

func TestDailyEmailLimitIsNotRetried(t *testing.T) {
	for _, v := range []string{"4.16.1", "4.16.2"} {
		t.Run(v, func(t *testing.T) {
			srv, baseURL, sc := versionMock(t, chatwootmock.Options{ChatwootVersion: v, Cloud: true, AccountEmailsLimit: 1}, fixture.SeedOptions{})
			c, sleeps := newTestClient(t, baseURL, func(cfg *Config) { cfg.Token = sc.AdminToken })
			for i, email := range []string{"one@example.test", "two@example.test"} {
				srv.ResetRequests()
				_, err := c.CreateAgent(context.Background(), sc.Account.ID, AgentFields{Email: &email})
				limited := v == "4.16.2" && i == 1
				if IsDailyEmailLimit(err) != limited || (err != nil) != limited {
					t.Fatalf("agent %d: err = %v, want limited %v", i, err, limited)
				}
				if limited {
					if n := len(srv.Requests()); n != 1 {
						t.Fatalf("%d requests, want 1", n)
					}
					if _, ok := DailyEmailLimitResetsAt(err); ok {
						t.Fatal("Chatwoot says nothing about the reset")
					}
				}
			}
			if len(sleeps.recorded()) != 0 {
				t.Fatalf("slept %v", sleeps.recorded())
			}
		})
	}
}

func TestDailyEmailLimitCarriesAProxysRetryAfter(t *testing.T) {
	var calls atomic.Int64
	resetAt := time.Date(2031, 5, 6, 0, 0, 0, 0, time.UTC)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Retry-After", resetAt.Format(http.TimeFormat))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(`{"error":"The daily email limit for this account has been reached"}`))
	}))
	t.Cleanup(ts.Close)
	c, _ := newTestClient(t, ts.URL, nil)
	email := "x@example.test"
	_, err := c.CreateAgent(context.Background(), 1, AgentFields{Email: &email})
	at, ok := DailyEmailLimitResetsAt(err)
	if !ok || !at.Equal(resetAt) {
		t.Fatalf("resets at %v, %v; err %v", at, ok, err)
	}
	if calls.Load() != 1 {
		t.Fatalf("%d requests, want 1", calls.Load())
	}
	// A rack-attack 429 is still retried.
	if IsDailyEmailLimit(&APIError{StatusCode: 429, Message: "Retry later"}) {
		t.Fatal("a rate limit is not the daily e-mail limit")
	}
}

func TestTeamIconsFrom4160(t *testing.T) {
	for _, v := range []string{"4.15.1", "4.16.0"} {
		t.Run(v, func(t *testing.T) {
			_, baseURL, sc := versionMock(t, chatwootmock.Options{ChatwootVersion: v}, fixture.SeedOptions{})
			c, _ := newTestClient(t, baseURL, func(cfg *Config) { cfg.Token = sc.AdminToken })
			name, icon, color := "  Sales\n", "headset", "#112233"
			team, err := c.CreateTeam(context.Background(), sc.Account.ID, TeamFields{Name: &name, Icon: &icon, IconColor: &color})
			if err != nil {
				t.Fatal(err)
			}
			newer := v == "4.16.0"
			wantName := strings.ToLower(name)
			if newer {
				wantName = "sales"
			}
			if team.Name != wantName || (team.Icon == icon) != newer || (team.IconColor == color) != newer {
				t.Fatalf("team = %+v", team)
			}
		})
	}
}

func TestAutomationExecutionDelayFrom4170(t *testing.T) {
	in := func(delay *int64) AutomationRuleInput {
		q := (*string)(nil)
		return AutomationRuleInput{Name: "r", EventName: "conversation_created", Active: true, ExecutionDelay: delay,
			Conditions: []AutomationCondition{{AttributeKey: "status", FilterOperator: "equal_to", Values: []Param{StringParam("open")}, QueryOperator: q}},
			Actions:    []AutomationAction{{ActionName: "resolve_conversation"}}}
	}
	delay := int64(240)
	for _, v := range []string{"4.16.2", "4.17.0"} {
		t.Run(v, func(t *testing.T) {
			_, baseURL, sc := versionMock(t, chatwootmock.Options{ChatwootVersion: v}, fixture.SeedOptions{})
			c, _ := newTestClient(t, baseURL, func(cfg *Config) { cfg.Token = sc.AdminToken })
			r, err := c.CreateAutomationRule(context.Background(), sc.Account.ID, in(&delay))
			if v == "4.17.0" {
				// The seeded account has no delayed_automations.
				if !IsUnprocessable(err) || !strings.Contains(err.Error(), "Delayed automations are not enabled") {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err != nil || r.ExecutionDelay != nil {
				t.Fatalf("rule = %+v, err %v: an older server drops the delay", r, err)
			}
		})
	}
	t.Run("4.17.0 with delayed_automations", func(t *testing.T) {
		_, baseURL, sc := versionMock(t, chatwootmock.Options{ChatwootVersion: "4.17.0"},
			fixture.SeedOptions{Features: map[string]bool{"delayed_automations": true}})
		c, _ := newTestClient(t, baseURL, func(cfg *Config) { cfg.Token = sc.AdminToken })
		r, err := c.CreateAutomationRule(context.Background(), sc.Account.ID, in(&delay))
		if err != nil || r.ExecutionDelay == nil || *r.ExecutionDelay != delay {
			t.Fatalf("rule = %+v, err %v", r, err)
		}
		noDelay := in(nil)
		noDelay.ClearExecutionDelay = true
		r, err = c.UpdateAutomationRule(context.Background(), sc.Account.ID, r.ID, noDelay)
		if err != nil || r.ExecutionDelay != nil {
			t.Fatalf("after clearing: %+v, err %v", r, err)
		}
	})
}

func TestAutomationRuleInputSendsExecutionDelayOnlyWhenAsked(t *testing.T) {
	d := int64(30)
	for _, tc := range []struct {
		in   AutomationRuleInput
		want string // "" = key absent
	}{
		{AutomationRuleInput{}, ""},
		{AutomationRuleInput{ExecutionDelay: &d}, "30"},
		{AutomationRuleInput{ClearExecutionDelay: true}, "null"},
	} {
		raw, err := json.Marshal(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		got, has := m["execution_delay"]
		if (tc.want == "") == has || (has && string(got) != tc.want) {
			t.Fatalf("%s: execution_delay = %s (present %v), want %q", raw, got, has, tc.want)
		}
		if _, leaked := m["ClearExecutionDelay"]; leaked {
			t.Fatal("ClearExecutionDelay must not be sent")
		}
	}
}
