package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const teamAddr = "chatwoot_team.test"

// ---- Helpers shared by the routing resources' tests (team, team members, inbox members,
// agent, inbox auto-assignment).

// adminAPI reads and changes Chatwoot behind Terraform's back, through the public API with the
// scenario's administrator token.
func adminAPI(t *testing.T, env *testEnv, sc *fixture.Scenario) *chatwoot.Client {
	t.Helper()
	c, err := chatwoot.New(chatwoot.Config{BaseURL: env.BaseURL, Token: sc.AdminToken})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 30*time.Second)
}

// inChatwoot turns a check of Chatwoot's state into a TestCheckFunc.
func inChatwoot(check func(ctx context.Context) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		ctx, cancel := testContext()
		defer cancel()
		return check(ctx)
	}
}

// behindTerraform changes Chatwoot in a step's PreConfig, failing the test if it cannot.
func behindTerraform(t *testing.T, change func(ctx context.Context) error) func() {
	return func() {
		ctx, cancel := testContext()
		defer cancel()
		if err := change(ctx); err != nil {
			t.Fatalf("changing Chatwoot behind Terraform: %v", err)
		}
	}
}

func stateInt64(addr, attr string, v int64) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), knownvalue.Int64Exact(v))
}

func stateString(addr, attr, v string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), knownvalue.StringExact(v))
}

func stateBool(addr, attr string, v bool) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), knownvalue.Bool(v))
}

// stateUserIDs checks that a membership resource's user_ids are exactly ids.
func stateUserIDs(addr string, ids ...int64) statecheck.StateCheck {
	values := make([]knownvalue.Check, len(ids))
	for i, id := range ids {
		values[i] = knownvalue.Int64Exact(id)
	}
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New("user_ids"), knownvalue.SetExact(values))
}

func expectAction(addr string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, action)}}
}

// importIDOf returns "<account_id>/<idAttr>" from the resource's state, for import steps.
func importIDOf(addr, idAttr string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s is not in the state", addr)
		}
		return rs.Primary.Attributes["account_id"] + "/" + rs.Primary.Attributes[idAttr], nil
	}
}

// recordedRequest is one request that went through a recordingProxy.
type recordedRequest struct {
	Method, Path string
	Body         map[string]any
}

// recordingProxy sits between the provider and Chatwoot (the mock or a real one) and records
// every request with its JSON body, so tests can check what an apply sent, not only where.
// rewrite, if set, may change a request body before it is forwarded.
type recordingProxy struct {
	URL     string
	mu      sync.Mutex
	log     []recordedRequest
	rewrite func(method, path string, body map[string]any)
}

func newRecordingProxy(t *testing.T, target string) *recordingProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &recordingProxy{}
	forward := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		var body map[string]any
		_ = json.Unmarshal(raw, &body)
		p.mu.Lock()
		if p.rewrite != nil && body != nil {
			p.rewrite(r.Method, r.URL.Path, body)
			raw, _ = json.Marshal(body)
		}
		p.log = append(p.log, recordedRequest{Method: r.Method, Path: r.URL.Path, Body: body})
		p.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(raw))
		r.ContentLength = int64(len(raw))
		forward.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

func (p *recordingProxy) reset() {
	p.mu.Lock()
	p.log = nil
	p.mu.Unlock()
}

func (p *recordingProxy) requests() []recordedRequest {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]recordedRequest(nil), p.log...)
}

// expectRequests checks that exactly the listed "METHOD path" requests were made since the last
// reset, in any order.
func (p *recordingProxy) expectRequests(want ...string) error {
	got := map[string]int{}
	for _, r := range p.requests() {
		got[r.Method+" "+r.Path]++
	}
	wantCount := map[string]int{}
	for _, w := range want {
		wantCount[w]++
	}
	if fmt.Sprint(got) != fmt.Sprint(wantCount) {
		return fmt.Errorf("requests: got %v, want %v", got, wantCount)
	}
	return nil
}

// sentBody returns the body of the only request with the method and path.
func (p *recordingProxy) sentBody(method, path string) (map[string]any, error) {
	var found []map[string]any
	for _, r := range p.requests() {
		if r.Method == method && r.Path == path {
			found = append(found, r.Body)
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("%d requests %s %s, want 1", len(found), method, path)
	}
	return found[0], nil
}

// expectPatchKeys checks that the PATCH to path sent exactly these top-level keys: an update
// sends only what changed.
func (p *recordingProxy) expectPatchKeys(path string, keys ...string) error {
	const method = "PATCH"
	body, err := p.sentBody(method, path)
	if err != nil {
		return err
	}
	if len(body) != len(keys) {
		return fmt.Errorf("%s %s sent %v, want only the keys %v", method, path, body, keys)
	}
	for _, k := range keys {
		if _, ok := body[k]; !ok {
			return fmt.Errorf("%s %s sent %v, want only the keys %v", method, path, body, keys)
		}
	}
	return nil
}

func accountAPIPath(accountID int64, format string, args ...any) string {
	return fmt.Sprintf("/api/v1/accounts/%d", accountID) + fmt.Sprintf(format, args...)
}

// ---- chatwoot_team

func teamConfig(baseURL, token string, accountID int64, body string) string {
	return fmt.Sprintf(`
provider "chatwoot" {
  base_url         = %q
  api_access_token = %q
  account_id       = %d
}

resource "chatwoot_team" "test" {
%s
}
`, baseURL, token, accountID, body)
}

// Create, update (sending only what changed), refresh (one GET), import, drift and destroy, each
// checked against what Chatwoot holds.
func TestAccTeam_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var teamID int64
	cfg := func(body string) string { return teamConfig(proxy.URL, sc.AdminToken, a, body) }
	holds := func(name, description string, autoAssign bool) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			team, err := api.GetTeam(ctx, a, teamID)
			if err != nil {
				return err
			}
			if team.Name != name || team.Description != description || team.AllowAutoAssign != autoAssign {
				return fmt.Errorf("Chatwoot holds %+v; want name %q, description %q, allow_auto_assign %v", team, name, description, autoAssign)
			}
			return nil
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.GetTeam(ctx, a, teamID); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("team %d still exists after destroy (err %v)", teamID, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:           cfg(`  name = "tier 2 support"`),
				ConfigPlanChecks: expectAction(teamAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(teamAddr, "name", "tier 2 support"),
					stateString(teamAddr, "description", ""),
					stateBool(teamAddr, "allow_auto_assign", true), // Chatwoot's default
					stateInt64(teamAddr, "account_id", a),
					statecheck.ExpectKnownValue(teamAddr, tfjsonpath.New("team_id"), knownvalue.NotNull()),
				},
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) error {
						_, err := fmt.Sscan(s.RootModule().Resources[teamAddr].Primary.Attributes["team_id"], &teamID)
						return err
					},
					holds("tier 2 support", "", true),
				),
			},
			{
				PreConfig: proxy.reset,
				Config: cfg(`  name              = "tier 2 support"
  description       = "Escalations from tier 1"
  allow_auto_assign = false`),
				ConfigPlanChecks: expectAction(teamAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(teamAddr, "description", "Escalations from tier 1"),
					stateBool(teamAddr, "allow_auto_assign", false),
				},
				Check: resource.ComposeTestCheckFunc(
					holds("tier 2 support", "Escalations from tier 1", false),
					func(*terraform.State) error {
						// The name did not change, so it is not sent.
						return proxy.expectPatchKeys(accountAPIPath(a, "/teams/%d", teamID), "description", "allow_auto_assign")
					},
				),
			},
			{
				// A refresh reads the team with one GET and sends nothing else.
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/teams/%d", teamID))
				},
			},
			{
				ResourceName:      teamAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(teamAddr, "team_id"),
			},
			{
				// "<team_id>" alone, with the provider's account_id.
				ResourceName:      teamAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return fmt.Sprint(teamID), nil },
			},
			{
				// Renamed and re-described in Chatwoot: the plan restores both.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateTeam(ctx, a, teamID, chatwoot.TeamFields{Name: ptr("renamed"), Description: ptr("changed in the UI")})
					return err
				}),
				Config: cfg(`  name              = "tier 2 support"
  description       = "Escalations from tier 1"
  allow_auto_assign = false`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(teamAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(teamAddr, tfjsonpath.New("name"), knownvalue.StringExact("tier 2 support")),
				}},
				Check: holds("tier 2 support", "Escalations from tier 1", false),
			},
		},
	})
}

// A team deleted in Chatwoot is created again.
func TestAccTeam_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	cfg := teamConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "night shift"`)
	var firstID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) error {
					firstID = s.RootModule().Resources[teamAddr].Primary.Attributes["team_id"]
					return nil
				},
			},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					id, err := strconv.ParseInt(firstID, 10, 64)
					if err != nil {
						return fmt.Errorf("team_id %q: %w", firstID, err)
					}
					return api.DeleteTeam(ctx, sc.Account.ID, id)
				}),
				Config:           cfg,
				ConfigPlanChecks: expectAction(teamAddr, plancheck.ResourceActionCreate),
				Check: func(s *terraform.State) error {
					if s.RootModule().Resources[teamAddr].Primary.Attributes["team_id"] == firstID {
						return fmt.Errorf("team_id %s was not replaced by the new team's id", firstID)
					}
					return nil
				},
			},
		},
	})
}

// Chatwoot downcases names: a mixed-case name is refused at plan time with the form to write,
// and Chatwoot's 422 for a taken name is reported on the attribute.
func TestAccTeam_nameRules(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0) // has the team "billing"
	cfg := func(body string) string { return teamConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, body) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      cfg(`  name = "Billing Escalations"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Value Must Be Lowercase.*Write\s+"billing\s+escalations"`),
			},
			{
				Config:      cfg(`  name = "   "`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`must not be blank`),
			},
			{
				Config:      cfg(`  name = "billing"`),
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Rejected the Request.*name = "billing".*Name\s+has\s+already\s+been\s+taken`),
			},
		},
	})
}

// An agent's token may read teams but not create them; the error says an administrator is needed.
func TestAccTeam_agentTokenRefused(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      teamConfig(env.BaseURL, sc.Agent1.AccessToken, sc.Account.ID, `  name = "agents only"`),
			ExpectError: regexp.MustCompile(`(?s)Chatwoot Permission Denied.*administrator's\s+token`),
		}},
	})
}
