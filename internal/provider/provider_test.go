package provider

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// Acceptance tests run against the project's Chatwoot mock, one per test on a random loopback
// port. Set CHATWOOT_TEST_BASE_URL and CHATWOOT_TEST_PLATFORM_TOKEN (a Platform App token) to run
// the same tests against a real Chatwoot: fixtures are made only through Chatwoot's public APIs.
const (
	envTestBaseURL       = "CHATWOOT_TEST_BASE_URL"
	envTestPlatformToken = "CHATWOOT_TEST_PLATFORM_TOKEN"
)

var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"chatwoot": providerserver.NewProtocol6WithError(New("test")()),
}

// testEnv is one test's Chatwoot: a fresh mock, or the real Chatwoot named in the environment.
type testEnv struct {
	BaseURL string
	// Mock is nil when the tests run against a real Chatwoot; checks that need the request log
	// skip themselves then.
	Mock     *chatwootmock.Server
	Fixtures *fixture.Client
}

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	if base, token := os.Getenv(envTestBaseURL), os.Getenv(envTestPlatformToken); base != "" && token != "" {
		return &testEnv{BaseURL: strings.TrimRight(base, "/"), Fixtures: fixture.New(base, token)}
	}
	const platformToken = "test-platform-token"
	mock, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: platformToken})
	return &testEnv{BaseURL: baseURL, Mock: mock, Fixtures: fixture.New(baseURL, platformToken)}
}

// seed builds a complete account (admin, two agents, an inbox, a team, a bot, conversations).
func (e *testEnv) seed(t *testing.T, conversations int) *fixture.Scenario {
	t.Helper()
	return e.seedWith(t, fixture.SeedOptions{Conversations: conversations})
}

// seedWith is seed with every option of fixture.Seed.
func (e *testEnv) seedWith(t *testing.T, opts fixture.SeedOptions) *fixture.Scenario {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if opts.Name == "" {
		opts.Name = t.Name()
	}
	sc, err := e.Fixtures.Seed(ctx, opts)
	if err != nil {
		t.Fatalf("seeding Chatwoot fixtures: %v", err)
	}
	return sc
}

// providerBlock is the provider configuration for a token, with accountID as the default
// account (0 for none).
func (e *testEnv) providerBlock(token string, accountID int64) string {
	return providerConfig(e.BaseURL, token, accountID)
}

// requireMock skips a check that needs the mock's request log when running against a real Chatwoot.
func (e *testEnv) requireMock(t *testing.T) *chatwootmock.Server {
	t.Helper()
	if e.Mock == nil {
		t.Skip("needs the Chatwoot mock's request log")
	}
	return e.Mock
}

// mutatingRequests counts the requests of the mock's log that could change something.
func mutatingRequests(reqs []chatwootmock.Request) []chatwootmock.Request {
	var out []chatwootmock.Request
	for _, r := range reqs {
		if r.Method != "GET" && r.Method != "HEAD" {
			out = append(out, r)
		}
	}
	return out
}

func countRequests(reqs []chatwootmock.Request, method, pathSuffix string) int {
	n := 0
	for _, r := range reqs {
		if r.Method == method && strings.HasSuffix(r.Path, pathSuffix) {
			n++
		}
	}
	return n
}

// conversation reads a conversation through the public API, failing the test on error.
func (e *testEnv) conversation(t *testing.T, token string, accountID, displayID int64) fixture.Conversation {
	t.Helper()
	cv, err := e.Fixtures.GetConversation(context.Background(), token, accountID, displayID)
	if err != nil {
		t.Fatalf("reading conversation %d: %v", displayID, err)
	}
	return cv
}

// must fails the test when a fixture call fails.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
