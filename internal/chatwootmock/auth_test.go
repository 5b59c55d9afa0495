package chatwootmock

import (
	"context"
	"fmt"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func TestSection1_2_EveryUnauthorizedBody(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	ctx := context.Background()
	other, err := h.fx.CreateAccount(ctx, "other", nil)
	if err != nil {
		t.Fatal(err)
	}
	globalBot, err := h.fx.CreatePlatformAgentBot(ctx, "global", nil)
	if err != nil {
		t.Fatal(err)
	}
	suspended, err := h.fx.CreateAccount(ctx, "suspended", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.fx.AddAccountUser(ctx, suspended.ID, sc.Admin.ID, "administrator"); err != nil {
		t.Fatal(err)
	}
	h.call("PATCH", fmt.Sprintf("/platform/api/v1/accounts/%d", suspended.ID), testPlatformToken,
		map[string]any{"status": "suspended"}).expect(t, 200, "")

	teams := acctPath(sc, "teams")
	conv := acctPath(sc, "conversations/1")
	cases := []struct {
		name, path, token string
		status            int
		body              string
	}{
		{"missing token", teams, "", 401, `{"errors":["You need to sign in or sign up before continuing."]}`},
		{"missing token beats unknown account", "/api/v1/accounts/999999/teams", "", 401, `{"errors":["You need to sign in or sign up before continuing."]}`},
		{"unknown token", teams, "nope", 401, `{"error":"Invalid Access Token"}`},
		{"platform token", teams, testPlatformToken, 401, `{"error":"Access to this endpoint is not authorized for bots"}`},
		{"platform token on profile", "/api/v1/profile", testPlatformToken, 401, `{"error":"Access to this endpoint is not authorized for bots"}`},
		{"bot on a non-bot endpoint", teams, sc.Bot.AccessToken, 401, `{"error":"Access to this endpoint is not authorized for bots"}`},
		{"not a member", fmt.Sprintf("/api/v1/accounts/%d/teams", other.ID), sc.Agent1.AccessToken, 401, `{"error":"You are not authorized to access this account"}`},
		{"global bot without inbox", fmt.Sprintf("/api/v1/accounts/%d/conversations/1", sc.Account.ID), globalBot.AccessToken, 401, `{"error":"Bot is not authorized to access this account"}`},
		{"suspended account", fmt.Sprintf("/api/v1/accounts/%d/teams", suspended.ID), sc.AdminToken, 401, `{"error":"Account is suspended"}`},
		{"unknown account", "/api/v1/accounts/999999/teams", sc.AdminToken, 404, `{"error":"Resource could not be found"}`},
		{"bot on a bot endpoint", conv, sc.Bot.AccessToken, 404, `{"error":"Resource could not be found"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h.call("GET", tc.path, tc.token, nil).expect(t, tc.status, tc.body)
		})
	}
	t.Run("pundit denial", func(t *testing.T) {
		h.call("POST", teams, sc.Agent1.AccessToken, map[string]any{"name": "x"}).
			expect(t, 401, `{"error":"You are not authorized to do this action"}`)
	})
}

func TestSection1_1_HeaderSpellings(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	for _, name := range []string{"api_access_token", "Api-Access-Token", "API_ACCESS_TOKEN", "api-access-token"} {
		t.Run(name, func(t *testing.T) {
			h.callWith("GET", "/api/v1/profile", nil, map[string]string{name: sc.AdminToken}).expect(t, 200, "")
		})
	}
	t.Run("bearer is not supported", func(t *testing.T) {
		h.callWith("GET", "/api/v1/profile", nil, map[string]string{"Authorization": "Bearer " + sc.AdminToken}).
			expect(t, 401, `{"errors":["You need to sign in or sign up before continuing."]}`)
	})
}

func TestSection3_NotFoundVersusNotAuthorizedOrder(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	agent := sc.Agent1.AccessToken
	cases := []struct {
		name, method, path string
		status             int
	}{
		{"teams look up first", "PATCH", "teams/999999", 404},
		{"agents look up first", "DELETE", "agents/999999", 404},
		{"team members look up the team first", "POST", "teams/999999/team_members", 404},
		{"inbox members look up the inbox first", "GET", "inbox_members/999999", 404},
		{"agent bots authorize first", "PATCH", "agent_bots/999999", 401},
		{"existing team, agent", "PATCH", fmt.Sprintf("teams/%d", sc.Team.ID), 401},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h.call(tc.method, acctPath(sc, "%s", tc.path), agent, map[string]any{"name": "x", "user_ids": []int{1}}).
				expect(t, tc.status, "")
		})
	}
}

func TestSection11_1_PlatformTokenOnly(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	for name, tok := range map[string]string{"missing": "", "unknown": "x", "user": sc.AdminToken, "bot": sc.Bot.AccessToken} {
		t.Run(name, func(t *testing.T) {
			h.call("GET", "/platform/api/v1/accounts", tok, nil).expect(t, 401, `{"error":"Invalid access_token"}`)
		})
	}
}

func TestSection11_8_Profile(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	r := h.call("GET", "/api/v1/profile", sc.Agent1.AccessToken, nil)
	r.expect(t, 200, "")
	p := r.obj(t)
	if p["access_token"] != sc.Agent1.AccessToken || num(p["id"]) != sc.Agent1.ID || p["role"] != "agent" {
		t.Fatalf("profile = %v", p)
	}
	acc := asObj(t, asArr(t, p["accounts"])[0])
	if acc["availability_status"] != "offline" || acc["auto_offline"] != true || asArr(t, acc["permissions"])[0] != "agent" {
		t.Fatalf("accounts[0] = %v", acc)
	}
	h.call("GET", "/api/v1/profile", sc.Bot.AccessToken, nil).
		expect(t, 401, `{"error":"Access to this endpoint is not authorized for bots"}`)
	h.call("POST", "/api/v1/profile/auto_offline", sc.Agent1.AccessToken,
		map[string]any{"profile": map[string]any{"account_id": sc.Account.ID, "auto_offline": false}}).expect(t, 200, "")
	acc = asObj(t, asArr(t, h.call("GET", "/api/v1/profile", sc.Agent1.AccessToken, nil).obj(t)["accounts"])[0])
	if acc["availability_status"] != "online" {
		t.Fatalf("after auto_offline=false: %v", acc)
	}
	h.call("POST", "/api/v1/profile/availability", sc.Agent1.AccessToken,
		map[string]any{"profile": map[string]any{"account_id": 999999, "availability": "busy"}}).
		expect(t, 404, `{"error":"Resource could not be found"}`)
}
