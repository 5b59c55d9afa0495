package provider

// Helpers every acceptance test uses: the provider block, reading and changing what Chatwoot
// holds behind Terraform's back, state and plan checks, and a recording proxy.

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

// providerConfig is the one way a test writes a provider block: a base URL, a token, and
// accountID as the default account (0 for none).
func providerConfig(baseURL, token string, accountID int64) string {
	account := ""
	if accountID > 0 {
		account = fmt.Sprintf("\n  account_id       = %d", accountID)
	}
	return fmt.Sprintf(`
provider "chatwoot" {
  base_url         = %q
  api_access_token = %q%s
}
`, baseURL, token, account)
}

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
