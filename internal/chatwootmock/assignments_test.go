package chatwootmock

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func assignPath(sc *fixture.Scenario, id int64) string {
	return acctPath(sc, "conversations/%d/assignments", id)
}

func TestSection4_2_AssigneeKeyPresenceIgnoresTeam(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"team_id": sc.Team.ID}).expect(t, 200, "")
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": sc.Agent1.ID}).expect(t, 200, "")

	h.call("POST", assignPath(sc, 1), sc.AdminToken, `{"assignee_id": null, "team_id": 5}`).expect(t, 200, "null")
	m := meta(t, h.conversation(sc, 1))
	if _, ok := m["assignee"]; ok {
		t.Fatalf("assignee still present: %v", m)
	}
	if num(asObj(t, m["team"])["id"]) != sc.Team.ID {
		t.Fatalf("team changed: %v", m)
	}
}

func TestSection4_2_NeitherKeyIsANoOpNull(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": sc.Agent1.ID}).expect(t, 200, "")
	h.call("POST", assignPath(sc, 1), sc.AdminToken, `{"assignee_type":"User"}`).expect(t, 200, "null")
	if m := meta(t, h.conversation(sc, 1)); num(asObj(t, m["assignee"])["id"]) != sc.Agent1.ID {
		t.Fatalf("assignee changed: %v", m)
	}
}

func TestSection4_3_UnassigningValues(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	stranger, err := h.fx.CreateUser(context.Background(), "Stranger", "stranger@example.test", "Password1!")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{`null`, `""`, `0`, `999999`, `"abc"`, fmt.Sprint(stranger.ID)} {
		t.Run(v, func(t *testing.T) {
			h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": sc.Agent2.ID}).expect(t, 200, "")
			h.call("POST", assignPath(sc, 1), sc.AdminToken, `{"assignee_id": `+v+`}`).expect(t, 200, "null")
			m := meta(t, h.conversation(sc, 1))
			if _, ok := m["assignee"]; ok {
				t.Fatalf("still assigned: %v", m)
			}
			if _, ok := m["assignee_type"]; ok {
				t.Fatalf("assignee_type present: %v", m)
			}
		})
	}
}

func TestSection4_3_AgentPartialAndNoInboxCheck(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	// The administrator is not an inbox member and is assigned anyway.
	r := h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": fmt.Sprint(sc.Admin.ID)})
	r.expect(t, 200, "")
	want := "id,account_id,availability_status,auto_offline,confirmed,email,provider,available_name,name,role,thumbnail,custom_role_id"
	if got := strings.Join(keysOf(t, r.body), ","); got != want {
		t.Fatalf("keys = %s", got)
	}
	if a := r.obj(t); num(a["id"]) != sc.Admin.ID || a["availability_status"] != "offline" || a["role"] != "administrator" {
		t.Fatalf("agent = %s", r.body)
	}
	m := meta(t, h.conversation(sc, 1))
	if m["assignee_type"] != "User" || num(asObj(t, m["assignee"])["id"]) != sc.Admin.ID {
		t.Fatalf("meta = %v", m)
	}
}

func TestSection4_3_BotAssignment(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": sc.Agent1.ID}).expect(t, 200, "")

	t.Run("unknown bot changes nothing", func(t *testing.T) {
		h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": 999999, "assignee_type": "AgentBot"}).
			expect(t, 200, "null")
		if m := meta(t, h.conversation(sc, 1)); num(asObj(t, m["assignee"])["id"]) != sc.Agent1.ID {
			t.Fatalf("meta = %v", m)
		}
	})
	t.Run("known bot replaces the agent", func(t *testing.T) {
		r := h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": sc.Bot.ID, "assignee_type": "AgentBot"})
		r.expect(t, 200, "")
		if got := strings.Join(keysOf(t, r.body), ","); got != "id,name,description,thumbnail,outgoing_url,bot_type" {
			t.Fatalf("bot slim keys = %s", got)
		}
		m := meta(t, h.conversation(sc, 1))
		if m["assignee_type"] != "AgentBot" || num(asObj(t, m["assignee"])["id"]) != sc.Bot.ID {
			t.Fatalf("meta = %v", m)
		}
	})
	t.Run("bot token may assign", func(t *testing.T) {
		h.call("POST", assignPath(sc, 1), sc.Bot.AccessToken, map[string]any{"assignee_id": sc.Agent2.ID}).expect(t, 200, "")
	})
}

func TestSection4_4_TeamZeroClearsTeam(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"team_id": sc.Team.ID}).expect(t, 200, "")
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": sc.Agent1.ID}).expect(t, 200, "")
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"team_id": 0}).expect(t, 200, "null")
	m := meta(t, h.conversation(sc, 1))
	if _, ok := m["team"]; ok {
		t.Fatalf("team still present: %v", m)
	}
	if num(asObj(t, m["assignee"])["id"]) != sc.Agent1.ID {
		t.Fatalf("removing the team must keep the assignee: %v", m)
	}
}

func TestSection4_5_TeamChangeClearsNonMemberAssignee(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	ctx := context.Background()
	solo, err := h.fx.CreateTeam(ctx, sc.AdminToken, sc.Account.ID, "solo", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.fx.AddTeamMembers(ctx, sc.AdminToken, sc.Account.ID, solo.ID, []int64{sc.Agent2.ID}); err != nil {
		t.Fatal(err)
	}
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": sc.Agent1.ID}).expect(t, 200, "")
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"team_id": solo.ID}).expect(t, 200, "")
	m := meta(t, h.conversation(sc, 1))
	if _, ok := m["assignee"]; ok {
		t.Fatalf("non-member assignee kept: %v", m)
	}

	// A member of the new team stays assigned.
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": sc.Agent2.ID}).expect(t, 200, "")
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"team_id": sc.Team.ID}).expect(t, 200, "")
	if m := meta(t, h.conversation(sc, 1)); num(asObj(t, m["assignee"])["id"]) != sc.Agent2.ID {
		t.Fatalf("member assignee lost: %v", m)
	}
}

func TestSection4_5_TeamAutoPicksOnlineMembersRoundRobin(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 3, AgentsOnline: true})
	var picks []int64
	for id := int64(1); id <= 3; id++ {
		h.call("POST", assignPath(sc, id), sc.AdminToken, map[string]any{"team_id": sc.Team.ID}).expect(t, 200, "")
		a, ok := meta(t, h.conversation(sc, id))["assignee"].(map[string]any)
		if !ok {
			t.Fatalf("conversation %d not auto-assigned", id)
		}
		picks = append(picks, num(a["id"]))
	}
	want := []int64{sc.Agent1.ID, sc.Agent2.ID, sc.Agent1.ID}
	if fmt.Sprint(picks) != fmt.Sprint(want) {
		t.Fatalf("picks = %v, want %v", picks, want)
	}
}

func TestSection4_5_NoAutoPickWhenAgentsOffline(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"team_id": sc.Team.ID}).expect(t, 200, "")
	if _, ok := meta(t, h.conversation(sc, 1))["assignee"]; ok {
		t.Fatal("offline agents must not be auto-picked")
	}
}

func TestSection4_6_TeamResponseIsRawModelJSON(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	r := h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"team_id": sc.Team.ID})
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, r.body), ","); got != "id,name,description,allow_auto_assign,account_id,created_at,updated_at" {
		t.Fatalf("keys = %s", got)
	}
	team := r.obj(t)
	if !isoMillis.MatchString(asStr(t, team["created_at"])) || !isoMillis.MatchString(asStr(t, team["updated_at"])) {
		t.Fatalf("timestamps = %s", r.body)
	}
	if mt := asObj(t, meta(t, h.conversation(sc, 1))["team"]); mt["is_member"] != false {
		t.Fatalf("meta.team = %v", mt)
	}
}

func TestSection4_1_AssignmentPermission(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	h.call("POST", assignPath(sc, 99), sc.AdminToken, map[string]any{"assignee_id": 1}).
		expect(t, 404, `{"error":"Resource could not be found"}`)
	ctx := context.Background()
	carol, _ := h.fx.CreateUser(ctx, "Carol", "carol+perm@example.test", "Password1!")
	if err := h.fx.AddAccountUser(ctx, sc.Account.ID, carol.ID, "agent"); err != nil {
		t.Fatal(err)
	}
	h.call("POST", assignPath(sc, 1), carol.AccessToken, map[string]any{"assignee_id": carol.ID}).
		expect(t, 401, `{"error":"You are not authorized to do this action"}`)
}

func TestSection4_7_ToggleStatusSelfAssignsAgents(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 2})
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": sc.Agent2.ID}).expect(t, 200, "")
	r := h.call("POST", acctPath(sc, "conversations/1/toggle_status"), sc.Agent1.AccessToken, map[string]any{"status": "open"})
	r.expect(t, 200, `{"meta":{},"payload":{"success":true,"conversation_id":1,"current_status":"open","snoozed_until":null}}`)
	if m := meta(t, h.conversation(sc, 1)); num(asObj(t, m["assignee"])["id"]) != sc.Agent1.ID {
		t.Fatalf("agent did not self-assign over the existing assignee: %v", m)
	}
	h.call("POST", acctPath(sc, "conversations/2/toggle_status"), sc.AdminToken, nil).expect(t, 200, "")
	h.call("POST", acctPath(sc, "conversations/2/toggle_status"), sc.AdminToken, nil).expect(t, 200, "")
	cv := h.conversation(sc, 2)
	if _, ok := meta(t, cv)["assignee"]; ok || cv["status"] != "open" {
		t.Fatalf("administrator self-assigned or status wrong: %v", cv)
	}
}

func TestSection4_7_RemovingAnAgentUnassigns(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 2})
	ctx := context.Background()
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"assignee_id": sc.Agent1.ID}).expect(t, 200, "")
	h.call("POST", assignPath(sc, 2), sc.AdminToken, map[string]any{"assignee_id": sc.Agent2.ID}).expect(t, 200, "")
	if err := h.fx.DeleteAgent(ctx, sc.AdminToken, sc.Account.ID, sc.Agent1.ID); err != nil {
		t.Fatal(err)
	}
	if err := h.fx.RemoveAccountUser(ctx, sc.Account.ID, sc.Agent2.ID); err != nil {
		t.Fatal(err)
	}
	for id := int64(1); id <= 2; id++ {
		if _, ok := meta(t, h.conversation(sc, id))["assignee"]; ok {
			t.Fatalf("conversation %d still assigned", id)
		}
	}
	h.call("GET", "/api/v1/profile", sc.Agent2.AccessToken, nil).expect(t, 200, "")
	h.call("GET", acctPath(sc, "teams"), sc.Agent2.AccessToken, nil).
		expect(t, 401, `{"error":"You are not authorized to access this account"}`)
}

func TestSection4_7_DeletingATeamNullifiesConversations(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{Conversations: 1})
	h.call("POST", assignPath(sc, 1), sc.AdminToken, map[string]any{"team_id": sc.Team.ID}).expect(t, 200, "")
	if err := h.fx.DeleteTeam(context.Background(), sc.AdminToken, sc.Account.ID, sc.Team.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok := meta(t, h.conversation(sc, 1))["team"]; ok {
		t.Fatal("team still on the conversation")
	}
}
