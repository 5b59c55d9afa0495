package chatwoot_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// routingEnv is a seeded mock with an administrator's client, for the routing client tests.
type routingEnv struct {
	mock     *chatwootmock.Server
	fixtures *fixture.Client
	sc       *fixture.Scenario
	admin    *chatwoot.Client
	ctx      context.Context
}

func newRoutingEnv(t *testing.T) *routingEnv {
	t.Helper()
	const platformToken = "routing-platform-token"
	mock, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: platformToken})
	fx := fixture.New(baseURL, platformToken)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	sc, err := fx.Seed(ctx, fixture.SeedOptions{Name: t.Name()})
	if err != nil {
		t.Fatalf("seeding: %v", err)
	}
	admin, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL, Token: sc.AdminToken})
	if err != nil {
		t.Fatal(err)
	}
	return &routingEnv{mock: mock, fixtures: fx, sc: sc, admin: admin, ctx: ctx}
}

func agentIDs(agents []chatwoot.Agent) []int64 {
	ids := make([]int64, len(agents))
	for i, a := range agents {
		ids[i] = a.ID
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func TestSetTeamMembersReplacesTheSet(t *testing.T) {
	e := newRoutingEnv(t)
	a, team := e.sc.Account.ID, e.sc.Team.ID
	got, err := e.admin.SetTeamMembers(e.ctx, a, team, []int64{e.sc.Admin.ID, e.sc.Agent1.ID})
	if err != nil {
		t.Fatal(err)
	}
	// PATCH answers with every member after the change, not only the added ones.
	if ids := agentIDs(got); len(ids) != 2 || ids[0] != min(e.sc.Admin.ID, e.sc.Agent1.ID) {
		t.Fatalf("SetTeamMembers answered %v", ids)
	}
	listed, err := e.admin.ListTeamMembers(e.ctx, a, team)
	if err != nil || len(listed) != 2 {
		t.Fatalf("ListTeamMembers = %v, %v; want 2 members", agentIDs(listed), err)
	}
	if _, err := e.admin.SetTeamMembers(e.ctx, a, team, nil); err != nil {
		t.Fatalf("emptying the team: %v", err)
	}
	if listed, _ := e.admin.ListTeamMembers(e.ctx, a, team); len(listed) != 0 {
		t.Fatalf("team still has %v", agentIDs(listed))
	}
}

func TestSetTeamMembersOutsiderIsInvalidUserIDs(t *testing.T) {
	e := newRoutingEnv(t)
	_, err := e.admin.SetTeamMembers(e.ctx, e.sc.Account.ID, e.sc.Team.ID, []int64{e.sc.Agent1.ID, 999999})
	if chatwoot.AuthProblemOf(err) != chatwoot.AuthInvalidUserIDs {
		t.Fatalf("err = %v; want 401 Invalid User IDs", err)
	}
}

// An empty set must be sent as [] (Chatwoot answers null with 500), and ids as integers.
func TestMemberSetBodies(t *testing.T) {
	var mu sync.Mutex
	bodies := map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies[r.Method+" "+r.URL.Path] = string(raw)
		mu.Unlock()
		if r.URL.Path == "/api/v1/accounts/1/inbox_members" {
			_, _ = io.WriteString(w, `{"payload":[]}`)
			return
		}
		_, _ = io.WriteString(w, `[]`)
	}))
	defer srv.Close()
	c, err := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.SetTeamMembers(ctx, 1, 7, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetInboxMembers(ctx, 1, 3, []int64{5, 6}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"PATCH /api/v1/accounts/1/teams/7/team_members": `{"user_ids":[]}`,
		"PATCH /api/v1/accounts/1/inbox_members":        `{"inbox_id":3,"user_ids":[5,6]}`,
	}
	for k, v := range want {
		if bodies[k] != v {
			t.Errorf("%s sent %s; want %s", k, bodies[k], v)
		}
	}
}

// MissingAgents uses the cached list, and re-reads it once (not once per id) on a miss.
func TestMissingAgentsRereadsOnce(t *testing.T) {
	e := newRoutingEnv(t)
	a := e.sc.Account.ID
	missing, err := e.admin.MissingAgents(e.ctx, a, []int64{e.sc.Agent1.ID, e.sc.Agent2.ID})
	if err != nil || len(missing) != 0 {
		t.Fatalf("MissingAgents = %v, %v; want none", missing, err)
	}
	e.mock.ResetRequests()
	missing, err = e.admin.MissingAgents(e.ctx, a, []int64{e.sc.Agent1.ID, 999998, 999999})
	if err != nil || len(missing) != 2 {
		t.Fatalf("MissingAgents = %v, %v; want [999998 999999]", missing, err)
	}
	if n := len(e.mock.Requests()); n != 1 {
		t.Fatalf("%d requests for a miss; want one re-read of the list", n)
	}
}

func TestListInboxMembersAndOutsiders(t *testing.T) {
	e := newRoutingEnv(t)
	a, inbox := e.sc.Account.ID, e.sc.Inbox.ID
	members, err := e.admin.ListInboxMembers(e.ctx, a, inbox)
	if err != nil || len(members) != 2 {
		t.Fatalf("ListInboxMembers = %v, %v; want the two seeded agents", agentIDs(members), err)
	}
	got, err := e.admin.SetInboxMembers(e.ctx, a, inbox, []int64{e.sc.Agent2.ID})
	if err != nil || len(got) != 1 || got[0].ID != e.sc.Agent2.ID {
		t.Fatalf("SetInboxMembers = %v, %v", agentIDs(got), err)
	}
	// Alice, no longer a member, may not read the inbox's members (agents see only their inboxes).
	agent, _ := chatwoot.New(chatwoot.Config{BaseURL: e.fixtures.BaseURL, Token: e.sc.Agent1.AccessToken})
	if _, err := agent.ListInboxMembers(e.ctx, a, inbox); chatwoot.AuthProblemOf(err) != chatwoot.AuthForbidden {
		t.Fatalf("a non-member agent read the inbox's members: %v", err)
	}
}

// The lookup cache must not serve a team or agent list from before a create or delete.
func TestTeamAndAgentWritesInvalidateLookups(t *testing.T) {
	e := newRoutingEnv(t)
	a := e.sc.Account.ID
	if _, err := chatwoot.Teams.All(e.ctx, e.admin, a); err != nil {
		t.Fatal(err)
	}
	name := "escalations"
	team, err := e.admin.CreateTeam(e.ctx, a, chatwoot.TeamFields{Name: &name})
	if err != nil {
		t.Fatal(err)
	}
	teams, _ := chatwoot.Teams.All(e.ctx, e.admin, a)
	if len(teams) != 2 {
		t.Fatalf("cached teams after create: %d; want 2", len(teams))
	}
	if err := e.admin.DeleteTeam(e.ctx, a, team.ID); err != nil {
		t.Fatal(err)
	}
	if teams, _ := chatwoot.Teams.All(e.ctx, e.admin, a); len(teams) != 1 {
		t.Fatalf("cached teams after delete: %d; want 1", len(teams))
	}

	if _, err := chatwoot.Agents.All(e.ctx, e.admin, a); err != nil {
		t.Fatal(err)
	}
	email := "dana@example.test"
	agent, err := e.admin.CreateAgent(e.ctx, a, chatwoot.AgentFields{Email: &email})
	if err != nil {
		t.Fatal(err)
	}
	if found, _ := chatwoot.Agents.Get(e.ctx, e.admin, a, agent.ID); found == nil {
		t.Fatal("the new agent is not in the cached list")
	}
	if agent.Name != "dana" || agent.Role != "agent" || !agent.AutoOffline {
		t.Fatalf("new agent %+v; want Chatwoot's defaults (name from the email, agent, auto_offline)", agent)
	}
	if err := e.admin.DeleteAgent(e.ctx, a, agent.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := e.admin.GetAgent(e.ctx, a, agent.ID); !chatwoot.IsNotFound(err) || got != nil {
		t.Fatalf("GetAgent after delete = %+v, %v; want nil and a not-found error", got, err)
	}
}

// UpdateAgent sends only the fields set, and the custom role back when there is one.
func TestUpdateAgentBody(t *testing.T) {
	var body map[string]json.RawMessage
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(raw, &body)
		_, _ = io.WriteString(w, `{"id":4,"role":"administrator","custom_role_id":9}`)
	}))
	defer srv.Close()
	c, _ := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, Token: "t"})
	role, customRole := "administrator", int64(9)
	got, err := c.UpdateAgent(context.Background(), 1, 4, chatwoot.AgentFields{Role: &role, CustomRoleID: &customRole})
	if err != nil {
		t.Fatal(err)
	}
	if len(body) != 2 || string(body["role"]) != `"administrator"` || string(body["custom_role_id"]) != `9` {
		t.Fatalf("sent %v", body)
	}
	if got.CustomRoleID == nil || *got.CustomRoleID != 9 {
		t.Fatalf("custom_role_id not decoded: %+v", got)
	}
}
