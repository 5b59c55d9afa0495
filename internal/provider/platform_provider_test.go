package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// A platform token alone is a valid provider configuration; a resource of an account then says
// that it needs a user's token and how to set it, and nothing is sent.
func TestAccProvider_platformTokenAlone(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	before := len(mutatingRequests(mock.Requests()))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: platformProviderConfig(env.BaseURL, testPlatformToken()) + fmt.Sprintf(`
resource "chatwoot_team" "test" {
  account_id = %d
  name       = "tier 2"
}`, sc.Account.ID),
			ExpectError: regexp.MustCompile(`Missing Chatwoot API Access Token[\s\S]*api_access_token[\s\S]*CHATWOOT_API_ACCESS_TOKEN`),
		}},
	})
	if m := mutatingRequests(mock.Requests()); len(m) != before {
		t.Errorf("Chatwoot received mutating requests %v", m[before:])
	}
}

// The platform token is never sent to another origin: a redirect there is refused.
func TestAccSecurity_platformTokenNotSentAcrossRedirect(t *testing.T) {
	elsewhere := newRecordingServer(t)
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.url+r.URL.RequestURI(), http.StatusTemporaryRedirect)
	}))
	t.Cleanup(redirector.Close)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: platformAccountConfig(redirector.URL, `  name = "Acme"`),
		}},
		ErrorCheck: func(err error) error {
			msg := err.Error()
			if strings.Contains(msg, testPlatformToken()) {
				return fmt.Errorf("the diagnostic shows the platform token: %w", err)
			}
			if !regexp.MustCompile(`refused\s+to\s+follow\s+a\s+redirect\s+from\s+http://127\.0\.0\.1:\d+\s+to\s+http://127\.0\.0\.1:\d+`).MatchString(msg) {
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

// A whole apply and destroy of a platform resource at TF_LOG=TRACE never shows the platform token.
func TestAccSecurity_platformTokenNeverInTraceLogs(t *testing.T) {
	env := newTestEnv(t)
	dir := t.TempDir()
	t.Setenv(EnvPlatformToken, testPlatformToken())
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf("provider \"chatwoot\" {\n  base_url = %q\n}\n", env.BaseURL) + `
resource "chatwoot_platform_account" "test" {
  name = "Traced"
}`,
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
	if i := strings.Index(text, testPlatformToken()); i >= 0 {
		t.Errorf("the platform token appears in the TRACE log: …%s…", text[max(0, i-300):min(len(text), i+100)])
	}
	if !strings.Contains(text, "/platform/api/v1/accounts") {
		t.Errorf("the TRACE log (%d bytes) lacks the platform request lines", len(text))
	}
}
