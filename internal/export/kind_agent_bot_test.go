package export

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestExportAgentBot_writesTheAccountsBotsAndLeavesOutGlobalOnes(t *testing.T) {
	a := newAccount(t)
	a.agentBot(t, map[string]any{"name": "Triage"})
	helper := a.agentBot(t, map[string]any{"name": "FAQ Helper", "description": "Answers the FAQ", "outgoing_url": "https://bots.acme.test/faq"})
	global, err := a.fx.CreatePlatformAgentBot(context.Background(), "Installation Bot", nil)
	must(t, err)

	dir, res := a.export(t, "agent_bot")
	if res.Objects != 2 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	wantFile(t, dir, "agent_bot.tf", `resource "chatwoot_agent_bot" "triage" {
  name = "Triage"
}

resource "chatwoot_agent_bot" "faq_helper" {
  name         = "FAQ Helper"
  description  = "Answers the FAQ"
  outgoing_url = "https://bots.acme.test/faq"
}
`)
	report := readFile(t, dir, "EXPORT.md")
	if want := fmt.Sprintf(`agent bot "Installation Bot" (agent bot %d): a global (system) bot`, global.ID); !strings.Contains(report, want) {
		t.Errorf("EXPORT.md lacks %q:\n%s", want, report)
	}
	// The bot's access token is Chatwoot's secret: never written.
	shown := a.do(t, http.MethodGet, fmt.Sprintf("agent_bots/%d", helper), nil)
	token, _ := shown["access_token"].(string)
	if token == "" {
		t.Fatal("the mock shows no access token")
	}
	if strings.Contains(readFile(t, dir, "agent_bot.tf")+readFile(t, dir, "imports.tf")+report, token) {
		t.Error("the bot's access token was written")
	}
}
