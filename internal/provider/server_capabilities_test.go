package provider

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func clientFor(t *testing.T, baseURL, token string) *chatwoot.Client {
	t.Helper()
	c, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL, Token: token, MaxRetries: 3, Sleep: func(context.Context, time.Duration) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func countSeverity(diags diag.Diagnostics, severity diag.Severity, summary string) int {
	n := 0
	for _, d := range diags {
		if d.Severity() == severity && d.Summary() == summary {
			n++
		}
	}
	return n
}

// A server whose version cannot be read (an HTML page, or JSON without a version) gives one
// warning per configured provider, however many resources ask, and the newest known behaviour.
func TestServerVersion_unknownWarnsOnceThenNewest(t *testing.T) {
	for _, body := range []string{"<html>Welcome</html>", `{"queue_services":"ok"}`, `{"version":"develop"}`} {
		t.Run(body, func(t *testing.T) {
			_, base := chatwootmock.StartTest(t, chatwootmock.Options{ChatwootVersion: oldestChatwoot})
			data := &providerData{client: clientFor(t, garbledVersionProxy(t, base, body), "unused")}
			var diags diag.Diagnostics
			ctx := context.Background()
			for range 3 {
				v, ok := serverVersion(ctx, data, &diags)
				if !ok || v.Known() {
					t.Fatalf("version = %v (ok %v), want unknown", v, ok)
				}
				if !requireServerVersion(ctx, data, &diags, path.Root("icon"), "`icon`", chatwoot.NewestKnownVersion) {
					t.Fatal("an unknown version refused a setting of the newest version")
				}
			}
			if n := countSeverity(diags, diag.SeverityWarning, "Chatwoot Version Unknown"); n != 1 || len(diags) != 1 {
				t.Fatalf("diagnostics = %v, want exactly one warning", diags)
			}
			if !strings.Contains(diags[0].Detail(), chatwoot.NewestKnownVersion) {
				t.Errorf("the warning does not name the assumed version: %s", diags[0].Detail())
			}
			// Another configured provider (another client) warns again, once.
			other := &providerData{client: clientFor(t, garbledVersionProxy(t, base, body), "unused")}
			var more diag.Diagnostics
			serverVersion(ctx, other, &more)
			serverVersion(ctx, other, &more)
			if len(more) != 1 {
				t.Errorf("second provider: diagnostics = %v, want one warning", more)
			}
		})
	}
}

// A known version gives no warning; an older server refuses a newer setting naming both versions.
func TestRequireServerVersion_byVersion(t *testing.T) {
	for _, version := range []string{oldestChatwoot, newestChatwoot} {
		t.Run(version, func(t *testing.T) {
			_, base := chatwootmock.StartTest(t, chatwootmock.Options{ChatwootVersion: version})
			data := &providerData{client: clientFor(t, base, "unused")}
			var diags diag.Diagnostics
			ok := requireServerVersion(context.Background(), data, &diags, path.Root("icon"), "`icon`", chatwoot.Version4160)
			if ok != (version == newestChatwoot) {
				t.Fatalf("allowed = %v on %s", ok, version)
			}
			if ok && len(diags) != 0 {
				t.Fatalf("diagnostics = %v, want none", diags)
			}
			if !ok && (!strings.Contains(diags[0].Detail(), "4.16.0") || !strings.Contains(diags[0].Detail(), version)) {
				t.Fatalf("the error does not name both versions: %s", diags[0].Detail())
			}
		})
	}
	// No client (credentials unknown at plan): nothing is checked.
	var diags diag.Diagnostics
	if !requireServerVersion(context.Background(), &providerData{}, &diags, path.Root("icon"), "`icon`", chatwoot.Version4160) || len(diags) != 0 {
		t.Fatalf("without a client: %v", diags)
	}
}

// A flag that is off is a plan-time error naming the flag and the account; on, nothing.
func TestRequireAccountFeature(t *testing.T) {
	env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: newestChatwoot})
	sc := env.seedWith(t, fixture.SeedOptions{Features: map[string]bool{"sla": true}})
	data := &providerData{client: clientFor(t, env.BaseURL, sc.AdminToken)}
	ctx := context.Background()
	var diags diag.Diagnostics
	if !requireAccountFeature(ctx, data, &diags, path.Root("x"), sc.Account.ID, "`x`", "sla") || len(diags) != 0 {
		t.Fatalf("sla on: %v", diags)
	}
	if requireAccountFeature(ctx, data, &diags, path.Root("execution_delay"), sc.Account.ID, "`execution_delay`", "delayed_automations") {
		t.Fatal("delayed_automations is off, yet the setting was allowed")
	}
	if on, known := accountFeatureOn(ctx, data, sc.Account.ID, "sla", &diags); !on || !known {
		t.Errorf("accountFeatureOn(sla) = %v, %v; want on and known", on, known)
	}
	if on, known := accountFeatureOn(ctx, data, sc.Account.ID, delayedAutomationsFeature, &diags); on || !known {
		t.Errorf("accountFeatureOn(delayed_automations) = %v, %v; want off and known", on, known)
	}
	d := diags[0].Detail()
	for _, want := range []string{`"delayed_automations"`, "account " + strconv.FormatInt(sc.Account.ID, 10), sc.Account.Name} {
		if !strings.Contains(d, want) {
			t.Errorf("the error does not say %s: %s", want, d)
		}
	}
}

// Chatwoot Cloud's 403 for an account without API access: one diagnostic that says the plan has
// no API access, one request (no retry), nothing changed, for a resource and a data source.
func TestAccProvider_apiAccessDisabled(t *testing.T) {
	env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: newestChatwoot, Cloud: true})
	sc := env.seed(t, 0)
	setAccountFeatures(t, env, sc.Account.ID, map[string]bool{"api_and_webhooks": false})
	mock := env.Mock
	cfg := providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID)
	apiAccess := regexp.MustCompile(`(?s)Chatwoot Account Has No API Access.*plan\s+has\s+no\s+API\s+access.*Nothing\s+was\s+changed`)
	for _, tc := range []struct{ name, config string }{
		{"resource", cfg + `resource "chatwoot_team" "test" { name = "escalations" }`},
		{"data source", cfg + `data "chatwoot_account" "this" {}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mock.ResetRequests()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: apiAccess}},
			})
			reqs := mock.Requests()
			if n := statusCount(reqs, http.StatusForbidden); n != 1 {
				t.Errorf("%d answers 403, want exactly 1 (no retries): %v", n, reqs)
			}
			for _, r := range mutatingRequests(reqs) {
				if r.Status < 300 {
					t.Errorf("%s %s succeeded (%d) on an account without API access", r.Method, r.Path, r.Status)
				}
			}
		})
	}
}

// Chatwoot Cloud's daily e-mail limit on agent invitations (4.16.2 and later): one POST, not
// retried, and a diagnostic that says the budget is daily and how to add someone anyway.
func TestAccAgent_dailyEmailLimitNotRetried(t *testing.T) {
	env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: newestChatwoot, Cloud: true, AccountEmailsLimit: 1})
	sc := env.seed(t, 0)
	ctx, cancel := testContext()
	defer cancel()
	// Spend the budget with one invitation behind Terraform.
	if _, err := adminAPI(t, env, sc).CreateAgent(ctx, sc.Account.ID, chatwoot.AgentFields{Name: ptr("first"), Email: ptr(uniqueEmail("first")), Role: ptr("agent")}); err != nil {
		t.Fatal(err)
	}
	env.Mock.ResetRequests()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: agentConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name  = "second"
  email = "`+uniqueEmail("second")+`"
  role  = "agent"`),
			ExpectError: regexp.MustCompile(`(?s)Chatwoot Daily E-mail Limit Reached.*per day.*does not retry`),
		}},
	})
	if n := countRequests(env.Mock.Requests(), "POST", "/agents"); n != 1 {
		t.Errorf("%d POST /agents, want 1: the daily limit must not be retried", n)
	}
}

// Chatwoot 4.16.0 answers 500 to every request on agent bots and labels: the diagnostic says to
// upgrade to 4.16.1, and on other versions that advice is not given as a fact.
func TestAgentBotOrLabel500Diagnostic(t *testing.T) {
	for _, version := range []string{"4.16.0", "4.16.1"} {
		t.Run(version, func(t *testing.T) {
			env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: version})
			sc := env.seed(t, 0)
			client := clientFor(t, env.BaseURL, sc.AdminToken)
			ctx := context.Background()
			_, err := client.ListAgentBots(ctx, sc.Account.ID)
			if version != "4.16.0" {
				if err != nil {
					t.Fatalf("agent bots on %s: %v", version, err)
				}
				// The shape alone (a 500 from /agent_bots) gets the conditional advice.
				fake := &chatwoot.APIError{Method: "GET", Path: "/api/v1/accounts/1/agent_bots", StatusCode: 500}
				d := clientErrorDiagnosticFor(ctx, client, operation{action: "listing agent bots", accountID: 1}, fake)
				if d.Summary() != "Chatwoot Server Error on Agent Bots or Labels" || !strings.Contains(d.Detail(), "If the server runs Chatwoot 4.16.0") {
					t.Fatalf("diagnostic on %s: %s: %s", version, d.Summary(), d.Detail())
				}
				return
			}
			if err == nil {
				t.Fatal("4.16.0 answered the agent bot list")
			}
			d := clientErrorDiagnosticFor(ctx, client, operation{action: "listing agent bots", accountID: sc.Account.ID}, err)
			if d.Summary() != "Chatwoot 4.16.0 Bug: Upgrade to 4.16.1" || !strings.Contains(d.Detail(), "Upgrade Chatwoot to 4.16.1") {
				t.Fatalf("diagnostic: %s: %s", d.Summary(), d.Detail())
			}
			if generic := clientErrorDiagnostic(operation{action: "listing agent bots"}, err); !strings.Contains(generic.Detail(), "4.16.1") {
				t.Errorf("the diagnostic without the client does not mention the fix: %s", generic.Detail())
			}
		})
	}
}

// With the version unreadable, the provider takes the newest behaviour: on a 4.15.1 server behind
// a proxy that hides GET /api, a team name with surrounding spaces is refused as 4.16.0 and
// later would store it.
func TestAccTeam_unknownVersionAssumesNewest(t *testing.T) {
	env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: oldestChatwoot})
	sc := env.seed(t, 0)
	base := garbledVersionProxy(t, env.BaseURL, "<html>not here</html>")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      teamConfig(base, sc.AdminToken, sc.Account.ID, `  name = " night shift"`),
				ExpectError: regexp.MustCompile(`(?s)Team Name Not as Chatwoot Stores It.*version is unknown.*Write\s+"night shift"`),
			},
			{
				// The data source still reads the account; the version it cannot tell is empty.
				Config: providerConfig(base, sc.AdminToken, sc.Account.ID) + `data "chatwoot_account" "this" {}`,
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(accountAddr, "chatwoot_version", ""),
					stateString(accountAddr, "edition", chatwootmock.EditionEnterprise),
					stateString(accountAddr, "name", sc.Account.Name),
				},
			},
		},
	})
}

// When the answer says when the daily e-mail budget resets (a Retry-After a proxy may add), the
// diagnostic gives the time; the request is still sent once.
func TestDailyEmailLimitDiagnostic_resetTime(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls++
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Retry-After", "Fri, 04 Dec 2026 00:00:00 GMT")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(`{"error":"The daily email limit for this account has been reached"}`))
	}))
	t.Cleanup(srv.Close)
	client := clientFor(t, srv.URL, "token")
	_, err := client.CreateAgent(context.Background(), 1, chatwoot.AgentFields{Name: ptr("a"), Email: ptr("a@example.test"), Role: ptr("agent")})
	if !chatwoot.IsDailyEmailLimit(err) {
		t.Fatalf("error %v is not the daily e-mail limit", err)
	}
	if calls != 1 {
		t.Errorf("%d requests, want 1: the daily limit must not be retried", calls)
	}
	d := clientErrorDiagnostic(operation{action: "adding a@example.test to the account", accountID: 1}, err)
	if d.Summary() != "Chatwoot Daily E-mail Limit Reached" || !strings.Contains(d.Detail(), "resets at 2026-12-04 00:00:00 UTC") {
		t.Fatalf("diagnostic %q: %s", d.Summary(), d.Detail())
	}
}
