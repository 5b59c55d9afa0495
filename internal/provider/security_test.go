package provider

import (
	"context"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// assignmentConfig is a provider block and one team assignment.
func assignmentConfig(providerBlock string, accountID, conversationID, teamID int64) string {
	return providerBlock + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  account_id      = %d
  conversation_id = %d
  team_id         = %d
}`, accountID, conversationID, teamID)
}

// A whole apply and destroy at TF_LOG=TRACE: the provider's and Terraform's logs show every
// request line but never the token.
func TestAccSecurity_tokenNeverInTraceLogs(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	dir := t.TempDir()
	// The token comes from the environment, as in a pipeline: terraform-plugin-testing itself logs
	// each test configuration at TRACE, which is the harness, not the provider or Terraform.
	t.Setenv(EnvAPIAccessToken, sc.AdminToken)
	t.Setenv("TF_LOG", "TRACE")     // the provider under test (in process)
	t.Setenv("TF_ACC_LOG", "TRACE") // the Terraform CLI
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: assignmentConfig(fmt.Sprintf("provider \"chatwoot\" {\n  base_url = %q\n}\n", env.BaseURL), sc.Account.ID, sc.Conversations[0].ID, sc.Team.ID),
		}},
	})

	logs, err := filepath.Glob(filepath.Join(dir, "*.log"))
	if err != nil || len(logs) == 0 {
		t.Fatalf("no log written under %s (%v)", dir, err)
	}
	var all strings.Builder
	for _, name := range logs {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	text := all.String()
	if strings.Contains(text, sc.AdminToken) {
		i := strings.Index(text, sc.AdminToken)
		t.Errorf("the token appears in the TRACE log: …%s…", text[max(0, i-300):min(len(text), i+100)])
	}
	assignPath := fmt.Sprintf("/api/v1/accounts/%d/conversations/%d/assignments", sc.Account.ID, sc.Conversations[0].ID)
	for _, want := range []string{"[DEBUG] chatwoot.http: Chatwoot API request", assignPath, "method=POST", "attempt=", "duration_ms=", "status=200"} {
		if !strings.Contains(text, want) {
			t.Errorf("the TRACE log (%d bytes) lacks %q", len(text), want)
		}
	}
}

// recordingServer is a second loopback listener that records what reaches it.
type recordingServer struct {
	mu     sync.Mutex
	tokens []string
	url    string
}

func newRecordingServer(t *testing.T) *recordingServer {
	t.Helper()
	rs := &recordingServer{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rs.mu.Lock()
		rs.tokens = append(rs.tokens, r.Header.Get("Api-Access-Token")+r.Header.Get("api_access_token"))
		rs.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`[]`))
	}))
	t.Cleanup(srv.Close)
	rs.url = srv.URL
	return rs
}

// A Chatwoot (or proxy) that redirects to another host or port never gets the token sent there:
// the redirect is refused and the diagnostic says why, without the token.
func TestAccSecurity_redirectToAnotherOriginIsRefused(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	elsewhere := newRecordingServer(t)
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.url+r.URL.RequestURI(), http.StatusTemporaryRedirect)
	}))
	t.Cleanup(redirector.Close)

	providerBlock := providerConfig(redirector.URL, sc.AdminToken, 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: assignmentConfig(providerBlock, sc.Account.ID, sc.Conversations[0].ID, sc.Team.ID),
		}},
		// ErrorCheck (not ExpectError) so that the error's text can be checked for the token too.
		ErrorCheck: func(err error) error {
			msg := err.Error()
			if strings.Contains(msg, sc.AdminToken) {
				return fmt.Errorf("the diagnostic shows the token: %w", err)
			}
			if !regexp.MustCompile(`Unable to Reach Chatwoot[\s\S]*refused\s+to\s+follow\s+a\s+redirect\s+from\s+http://127\.0\.0\.1:\d+\s+to\s+http://127\.0\.0\.1:\d+`).MatchString(msg) {
				return fmt.Errorf("want a refused redirect, got: %w", err)
			}
			return nil
		},
	})
	elsewhere.mu.Lock()
	defer elsewhere.mu.Unlock()
	if len(elsewhere.tokens) != 0 {
		t.Errorf("the other origin received %d requests (tokens %q); want none", len(elsewhere.tokens), elsewhere.tokens)
	}
}

// TLS: verification is on by default; ca_certificate_pem and ca_certificate_file trust a private
// CA; insecure_skip_verify works (and warns, see TestProviderValidateConfigWarnings).
func TestAccSecurity_tls(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 3)
	tlsServer := httptest.NewTLSServer(mock)
	t.Cleanup(tlsServer.Close)
	caPEM := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: tlsServer.Certificate().Raw}))
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, []byte(caPEM), 0o600); err != nil {
		t.Fatal(err)
	}
	block := func(extra string) string { return providerConfig(tlsServer.URL, sc.AdminToken, 0, extra) }
	for i, tc := range []struct {
		name, extra string
		wantErr     *regexp.Regexp
	}{
		{"verified by default", "", regexp.MustCompile(`Unable to Reach Chatwoot[\s\S]*certificate`)},
		{"ca_certificate_pem", fmt.Sprintf("  ca_certificate_pem = %q", caPEM), nil},
		{"ca_certificate_file", fmt.Sprintf("  ca_certificate_file = %q", caFile), nil},
		{"insecure_skip_verify", "  insecure_skip_verify = true", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conv := sc.Conversations[min(i, len(sc.Conversations)-1)].ID
			if tc.wantErr != nil {
				conv = sc.Conversations[0].ID
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      assignmentConfig(block(tc.extra), sc.Account.ID, conv, sc.Team.ID),
					ExpectError: tc.wantErr,
				}},
			})
		})
	}
}

// validateProviderConfig runs the provider's ValidateProviderConfig RPC (what every plan calls)
// on a configuration of the given attributes, the others null.
func validateProviderConfig(t *testing.T, set map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	t.Helper()
	ctx := context.Background()
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schemaResp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	objType, ok := schemaResp.Provider.ValueType().(tftypes.Object)
	if !ok {
		t.Fatalf("provider schema type = %T, want an object", schemaResp.Provider.ValueType())
	}
	values := map[string]tftypes.Value{}
	for name, typ := range objType.AttributeTypes {
		values[name] = tftypes.NewValue(typ, nil)
	}
	for name, v := range set {
		values[name] = v
	}
	config, err := tfprotov6.NewDynamicValue(objType, tftypes.NewValue(objType, values))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.ValidateProviderConfig(ctx, &tfprotov6.ValidateProviderConfigRequest{Config: &config})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Diagnostics
}

// Every plan warns about insecure_skip_verify and about a plain http:// base_url to a host that
// is not this machine; loopback and https stay quiet.
func TestProviderValidateConfigWarnings(t *testing.T) {
	t.Setenv(EnvBaseURL, "")
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	for _, tc := range []struct {
		name string
		set  map[string]tftypes.Value
		want []string // warning summaries, in any order
	}{
		{"https", map[string]tftypes.Value{"base_url": str("https://chatwoot.example.com")}, nil},
		{"plain http to a remote host", map[string]tftypes.Value{"base_url": str("http://chatwoot.example.com")}, []string{"Chatwoot Access Token Sent Unencrypted"}},
		{"plain http to a private IP", map[string]tftypes.Value{"base_url": str("http://10.0.0.5:3000")}, []string{"Chatwoot Access Token Sent Unencrypted"}},
		{"plain http to localhost", map[string]tftypes.Value{"base_url": str("http://localhost:3000")}, nil},
		{"plain http to 127.0.0.1", map[string]tftypes.Value{"base_url": str("http://127.0.0.1:3000")}, nil},
		{"plain http to ::1", map[string]tftypes.Value{"base_url": str("http://[::1]:3000")}, nil},
		{"insecure_skip_verify", map[string]tftypes.Value{
			"base_url": str("https://chatwoot.example.com"), "insecure_skip_verify": tftypes.NewValue(tftypes.Bool, true),
		}, []string{"TLS Certificate Verification Disabled"}},
		{"insecure_skip_verify false", map[string]tftypes.Value{"insecure_skip_verify": tftypes.NewValue(tftypes.Bool, false)}, nil},
		{"both", map[string]tftypes.Value{
			"base_url": str("http://chatwoot.example.com"), "insecure_skip_verify": tftypes.NewValue(tftypes.Bool, true),
		}, []string{"Chatwoot Access Token Sent Unencrypted", "TLS Certificate Verification Disabled"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range validateProviderConfig(t, tc.set) {
				if d.Severity == tfprotov6.DiagnosticSeverityError {
					t.Errorf("unexpected error %q: %s", d.Summary, d.Detail)
				}
				got = append(got, d.Summary)
			}
			if strings.Join(sortedCopy(got), "|") != strings.Join(sortedCopy(tc.want), "|") {
				t.Errorf("warnings = %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("from the environment", func(t *testing.T) {
		t.Setenv(EnvBaseURL, "http://chatwoot.internal.example")
		diags := validateProviderConfig(t, nil)
		if len(diags) != 1 || diags[0].Summary != "Chatwoot Access Token Sent Unencrypted" {
			t.Errorf("diagnostics = %v", diags)
		}
	})
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
