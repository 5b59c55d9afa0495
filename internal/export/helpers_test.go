package export

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const platformToken = "platform-secret"

// account is a Chatwoot account made through the public APIs, as a person would make it in the
// UI: the server fills in the defaults and downcases names and emails.
type account struct {
	srv     *chatwootmock.Server
	baseURL string
	fx      *fixture.Client
	id      int64
	admin   fixture.User // the token's user
	token   string
}

func newAccount(t *testing.T) *account {
	t.Helper()
	srv, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: platformToken})
	fx := fixture.New(baseURL, platformToken)
	ctx := context.Background()
	acct, err := fx.CreateAccount(ctx, "Acme", nil)
	must(t, err)
	admin, err := fx.CreateUser(ctx, "Owner", "owner@acme.test", "Passw0rd!")
	must(t, err)
	must(t, fx.AddAccountUser(ctx, acct.ID, admin.ID, "administrator"))
	return &account{srv: srv, baseURL: baseURL, fx: fx, id: acct.ID, admin: admin, token: admin.AccessToken}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// do sends one Application API request as the administrator, below /api/v1/accounts/<id>/.
func (a *account) do(t *testing.T, method, rest string, body any) map[string]any {
	t.Helper()
	var out map[string]any
	must(t, a.fx.Do(context.Background(), method, fmt.Sprintf("/api/v1/accounts/%d/%s", a.id, rest), a.token, body, &out))
	return out
}

func idOf(t *testing.T, m map[string]any) int64 {
	t.Helper()
	if p, ok := m["payload"].(map[string]any); ok {
		m = p
	}
	f, ok := m["id"].(float64)
	if !ok {
		t.Fatalf("no id in %v", m)
	}
	return int64(f)
}

// agent invites an agent as the UI's "Add agent" form does.
func (a *account) agent(t *testing.T, name, email, role string) int64 {
	t.Helper()
	return idOf(t, a.do(t, http.MethodPost, "agents", map[string]any{"name": name, "email": email, "role": role}))
}

func (a *account) team(t *testing.T, name, description string, allowAutoAssign bool) int64 {
	t.Helper()
	return idOf(t, a.do(t, http.MethodPost, "teams", map[string]any{"name": name, "description": description, "allow_auto_assign": allowAutoAssign}))
}

func (a *account) inbox(t *testing.T, name string) int64 {
	t.Helper()
	return idOf(t, a.do(t, http.MethodPost, "inboxes", map[string]any{"name": name, "channel": map[string]any{"type": "api"}}))
}

func (a *account) teamMembers(t *testing.T, teamID int64, userIDs ...int64) {
	t.Helper()
	must(t, a.fx.AddTeamMembers(context.Background(), a.token, a.id, teamID, userIDs))
}

func (a *account) inboxMembers(t *testing.T, inboxID int64, userIDs ...int64) {
	t.Helper()
	must(t, a.fx.AddInboxMembers(context.Background(), a.token, a.id, inboxID, userIDs))
}

func (a *account) rule(t *testing.T, body map[string]any) int64 {
	t.Helper()
	return idOf(t, a.do(t, http.MethodPost, "automation_rules", body))
}

// export runs the exporter into a new directory and returns it.
func (a *account) export(t *testing.T, types ...string) (string, *Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	res, err := Run(context.Background(), Options{BaseURL: a.baseURL, Token: a.token, AccountID: a.id, Out: out, Types: types})
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	return out, res
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func wantFile(t *testing.T, dir, name, want string) {
	t.Helper()
	if got := readFile(t, dir, name); got != want {
		t.Errorf("%s:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

func noFile(t *testing.T, dir, name string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
		t.Errorf("%s was written", name)
	}
}

var _ = bytes.Equal
