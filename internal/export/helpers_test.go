package export

import (
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
	// What uiAccount made.
	teams, agents, inboxes []int64
}

// newAccount starts a mock (with opts, when given) holding one account and its administrator.
func newAccount(t *testing.T, opts ...chatwootmock.Options) *account {
	t.Helper()
	o := chatwootmock.Options{}
	if len(opts) > 0 {
		o = opts[0]
	}
	return newAccountOn(t, o)
}

// newAccountOn is newAccount on a mock with options, such as another Chatwoot version or edition.
func newAccountOn(t *testing.T, opts chatwootmock.Options) *account {
	t.Helper()
	opts.PlatformToken = platformToken
	srv, baseURL := chatwootmock.StartTest(t, opts)
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
	return a.exportWith(t, Options{Types: types})
}

func (a *account) exportWith(t *testing.T, opts Options) (string, *Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	opts.BaseURL, opts.Token, opts.AccountID, opts.Out = a.baseURL, a.token, a.id, out
	res, err := Run(context.Background(), opts)
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

// uiAccount seeds n of every exported kind, as an administrator would make them in Chatwoot's
// UI: names typed with capitals (Chatwoot downcases team names and emails), server defaults left
// alone for most objects and changed for some, member sets that include the token's own user,
// and rules whose ids are JSON integers, as the UI sends them.
func uiAccount(t *testing.T, n int) *account {
	t.Helper()
	a := newAccount(t)
	var agents, teams, inboxes []int64
	for i := 1; i <= n; i++ {
		role := "agent"
		if i%3 == 2 {
			role = "administrator"
		}
		agents = append(agents, a.agent(t, fmt.Sprintf("Agent %d", i), fmt.Sprintf("Agent.%d@Acme.test", i), role))
	}
	// One agent works through the API: always online.
	a.do(t, http.MethodPatch, fmt.Sprintf("agents/%d", agents[0]), map[string]any{"availability": "online", "auto_offline": false})
	for i := 1; i <= n; i++ {
		description := ""
		if i%2 == 0 {
			description = fmt.Sprintf("Second line, group %d", i)
		}
		teams = append(teams, a.team(t, fmt.Sprintf("Support Tier %d", i), description, i%3 != 0))
		inboxes = append(inboxes, a.inbox(t, fmt.Sprintf("Website %d", i)))
	}
	a.do(t, http.MethodPatch, fmt.Sprintf("inboxes/%d", inboxes[0]), map[string]any{"enable_auto_assignment": false})
	a.do(t, http.MethodPatch, fmt.Sprintf("inboxes/%d", inboxes[1]), map[string]any{"auto_assignment_config": map[string]any{"max_assignment_limit": 5}})
	for i := range n {
		a.teamMembers(t, teams[i], agents[i], agents[(i+1)%n], a.admin.ID)
		a.inboxMembers(t, inboxes[i], agents[(i+2)%n], agents[i])
		active := i%4 != 3
		a.rule(t, map[string]any{
			"name": fmt.Sprintf("Route website %d", i+1), "description": "", "event_name": "conversation_created", "active": active,
			"conditions": []any{
				map[string]any{"attribute_key": "inbox_id", "filter_operator": "equal_to", "values": []any{inboxes[i]}, "query_operator": "and"},
				map[string]any{"attribute_key": "status", "filter_operator": "equal_to", "values": []any{"open"}, "query_operator": "or"},
				map[string]any{"attribute_key": "team_id", "filter_operator": "equal_to", "values": []any{teams[i]}, "query_operator": nil},
			},
			"actions": []any{
				map[string]any{"action_name": "assign_team", "action_params": []any{teams[i]}},
				map[string]any{"action_name": "assign_agent", "action_params": []any{agents[i]}},
				map[string]any{"action_name": "add_label", "action_params": []any{"website"}},
				map[string]any{"action_name": "send_email_to_team", "action_params": []any{map[string]any{
					"message": "A new conversation", "team_ids": []any{teams[(i+1)%n]},
				}}},
			},
		})
	}
	a.teams, a.agents, a.inboxes = teams, agents, inboxes
	seedVocabulary(t, a, n)
	seedRouting(t, a, n)
	return a
}

// conversations opens n conversations in the first inbox and assigns them as people do: a team and
// an agent, an agent alone, a team alone, or an agent bot; every fifth stays unassigned.
func (a *account) conversations(t *testing.T, n int) {
	t.Helper()
	ctx := context.Background()
	inbox := a.inboxes[0]
	contact, err := a.fx.CreateContact(ctx, a.token, a.id, inbox, "Customer", "customer@example.test")
	must(t, err)
	bot, err := a.fx.CreatePlatformAgentBot(ctx, "Triage Bot", &a.id)
	must(t, err)
	member := a.agents[0] // a member of the first inbox
	for i := range n {
		c, err := a.fx.CreateConversation(ctx, a.token, a.id, inbox, contact.ID)
		must(t, err)
		switch i % 5 {
		case 0:
			must(t, a.fx.Assign(ctx, a.token, a.id, c.ID, map[string]any{"team_id": a.teams[0]}))
			must(t, a.fx.Assign(ctx, a.token, a.id, c.ID, map[string]any{"assignee_id": member}))
		case 1:
			must(t, a.fx.Assign(ctx, a.token, a.id, c.ID, map[string]any{"assignee_id": member}))
		case 2:
			must(t, a.fx.Assign(ctx, a.token, a.id, c.ID, map[string]any{"team_id": a.teams[1]}))
		case 3:
			must(t, a.fx.Assign(ctx, a.token, a.id, c.ID, map[string]any{"assignee_id": bot.ID, "assignee_type": "AgentBot"}))
		}
	}
}
