package export

import (
	"context"
	"testing"
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
