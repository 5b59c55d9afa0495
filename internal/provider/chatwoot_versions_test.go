package provider

// Acceptance tests of the behaviours that differ between Chatwoot versions, editions and
// accounts' feature flags. Each runs against the oldest and the newest version the mock imitates
// (and both editions where the edition matters); the rest of the suite stays on the default.

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// The versions every version-dependent behaviour is tested on: the oldest and the newest.
var (
	oldestChatwoot = chatwootmock.SupportedChatwootVersions[0]
	newestChatwoot = chatwootmock.SupportedChatwootVersions[len(chatwootmock.SupportedChatwootVersions)-1]
)

// newMockEnv is newTestEnv on a mock imitating the version, edition and deployment in opts. A
// test that needs one is skipped against a real Chatwoot, whose build cannot be chosen.
func newMockEnv(t *testing.T, opts chatwootmock.Options) *testEnv {
	t.Helper()
	if os.Getenv(envTestBaseURL) != "" {
		t.Skip("needs the Chatwoot mock with a chosen version or edition")
	}
	opts.PlatformToken = testPlatformToken()
	mock, baseURL := chatwootmock.StartTest(t, opts)
	return &testEnv{BaseURL: baseURL, Mock: mock, Fixtures: fixture.New(baseURL, opts.PlatformToken)}
}

// setAccountFeatures switches feature flags of an account through the Platform API, as
// Chatwoot's Super Admin does.
func setAccountFeatures(t *testing.T, env *testEnv, accountID int64, features map[string]bool) {
	t.Helper()
	ctx, cancel := testContext()
	defer cancel()
	err := env.Fixtures.Do(ctx, http.MethodPatch, fmt.Sprintf("/platform/api/v1/accounts/%d", accountID),
		env.Fixtures.PlatformToken, map[string]any{"features": features}, nil)
	if err != nil {
		t.Fatalf("setting the features %v of account %d: %v", features, accountID, err)
	}
}

// garbledVersionProxy forwards everything to target but answers GET /api with body, to imitate a
// server whose version cannot be read (a proxy's HTML page, or no version at all).
func garbledVersionProxy(t *testing.T, target, body string) string {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	forward := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api" {
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte(body))
			return
		}
		forward.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// statusCount counts the mock's answers with the status code.
func statusCount(reqs []chatwootmock.Request, status int) int {
	n := 0
	for _, r := range reqs {
		if r.Status == status {
			n++
		}
	}
	return n
}
