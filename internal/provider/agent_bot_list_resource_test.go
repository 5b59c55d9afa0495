package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The account's own bots are listed; a global bot, which the account's list also shows, is not.
func TestAccAgentBotList_listsTheAccountsOwnBots(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	name, url := "Triage", "https://bots.example.test/triage"
	triage, err := admin.CreateAgentBot(ctx, sc.Account.ID, chatwoot.AgentBotFields{Name: &name, OutgoingURL: &url})
	if err != nil {
		t.Fatal(err)
	}
	global, err := env.Fixtures.CreatePlatformAgentBot(ctx, "Global Helper", nil)
	if err != nil {
		t.Fatal(err)
	}
	bots, err := admin.ListAgentBots(ctx, sc.Account.ID)
	if err != nil {
		t.Fatal(err)
	}
	var want []listedObject
	sawGlobal := false
	for _, b := range bots {
		if b.ID == global.ID {
			sawGlobal = true
			continue
		}
		want = append(want, listedObject{id: b.ID, display: b.Name, state: map[string]knownvalue.Check{
			"name": knownvalue.StringExact(b.Name), "outgoing_url": knownvalue.StringExact(b.OutgoingURL),
			"description": knownvalue.StringExact(b.Description), "bot_type": knownvalue.StringExact(b.BotType),
		}})
	}
	if !sawGlobal || len(want) != 2 { // the fixture's bot and triage
		t.Fatalf("Chatwoot's list of bots %v: want the global bot %d, the fixture's %d and %d", bots, global.ID, sc.Bot.ID, triage.ID)
	}
	queryTest(t, NewAgentBotListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}
