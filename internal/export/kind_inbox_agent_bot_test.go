package export

import (
	"context"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

func TestExportInboxAgentBot_refersToTheInboxAndTheBot(t *testing.T) {
	a := newAccount(t)
	web := a.inbox(t, "Website")
	phone := a.inbox(t, "Phone")
	a.inbox(t, "Quiet")
	bot := a.agentBot(t, map[string]any{"name": "Triage"})
	global, err := a.fx.CreatePlatformAgentBot(context.Background(), "Installation Bot", nil)
	must(t, err)
	a.setInboxBot(t, web, bot)
	a.setInboxBot(t, phone, global.ID)

	dir, res := a.export(t, "inbox", "agent_bot", "inbox_agent_bot")
	if res.ByKind["inbox_agent_bot"] != 2 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	wantFile(t, dir, "inbox_agent_bot.tf", `resource "chatwoot_inbox_agent_bot" "website" {
  inbox_id     = chatwoot_inbox.website.inbox_id
  agent_bot_id = chatwoot_agent_bot.triage.bot_id
}

resource "chatwoot_inbox_agent_bot" "phone" {
  inbox_id     = chatwoot_inbox.phone.inbox_id
  agent_bot_id = data.chatwoot_agent_bot.installation_bot.id
}
`)
	wantFile(t, dir, "data.tf", `data "chatwoot_agent_bot" "installation_bot" {
  name = "Installation Bot"
}
`)

	// Alone, the bindings find the inboxes and the bots by name.
	dir, _ = a.export(t, "inbox_agent_bot")
	wantFile(t, dir, "inbox_agent_bot.tf", `resource "chatwoot_inbox_agent_bot" "website" {
  inbox_id     = data.chatwoot_inbox.website.id
  agent_bot_id = data.chatwoot_agent_bot.triage.id
}

resource "chatwoot_inbox_agent_bot" "phone" {
  inbox_id     = data.chatwoot_inbox.phone.id
  agent_bot_id = data.chatwoot_agent_bot.installation_bot.id
}
`)
}

func TestExportInboxAgentBot_notesChatwoot4160WhichCannotListBots(t *testing.T) {
	a := newAccountOn(t, chatwootmock.Options{ChatwootVersion: "4.16.0"})
	web := a.inbox(t, "Website")
	bot, err := a.fx.CreatePlatformAgentBot(context.Background(), "Triage", &a.id)
	must(t, err)
	a.setInboxBot(t, web, bot.ID)

	dir, res := a.export(t, "inbox", "agent_bot", "inbox_agent_bot")
	if res.Refused != 0 || res.Objects != 1 {
		t.Fatalf("result %+v, want the inbox alone", res)
	}
	noFile(t, dir, "inbox_agent_bot.tf")
	report := readFile(t, dir, "EXPORT.md")
	for _, kind := range []string{"agent_bot", "inbox_agent_bot"} {
		if want := "- " + kind + ": all " + strings.ReplaceAll(kind, "_", " ") + " objects: Chatwoot 4.16.0 answers every request on agent bots with a server error"; !strings.Contains(report, want) {
			t.Errorf("EXPORT.md lacks %q:\n%s", want, report)
		}
	}
}
