package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// The account's own bot by name, a system (global) bot by name, and a bot by id.
func TestAccAgentBotDataSource_found(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	system, err := env.Fixtures.CreatePlatformAgentBot(context.Background(), "System Helper "+dsSuffix(t), nil)
	must(t, err)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// Any member may read bots.
			Config: env.providerBlock(sc.Agent1.AccessToken, sc.Account.ID) + fmt.Sprintf(`
data "chatwoot_agent_bot" "own" {
  name = %q
}
data "chatwoot_agent_bot" "system" {
  name = %q
}
data "chatwoot_agent_bot" "by_id" {
  id = %d
}`, sc.Bot.Name, system.Name, system.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				dsCheck("data.chatwoot_agent_bot.own", "id", knownvalue.Int64Exact(sc.Bot.ID)),
				dsCheck("data.chatwoot_agent_bot.own", "system_bot", knownvalue.Bool(false)),
				dsCheck("data.chatwoot_agent_bot.own", "bot_type", knownvalue.StringExact("webhook")),
				dsCheck("data.chatwoot_agent_bot.own", "account_id", knownvalue.Int64Exact(sc.Account.ID)),
				dsCheck("data.chatwoot_agent_bot.system", "id", knownvalue.Int64Exact(system.ID)),
				dsCheck("data.chatwoot_agent_bot.system", "system_bot", knownvalue.Bool(true)),
				dsCheck("data.chatwoot_agent_bot.by_id", "name", knownvalue.StringExact(system.Name)),
			},
		}},
	})
}

// A bot of another account is not usable here, so it is not found.
func TestAccAgentBotDataSource_notFound(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	ctx := context.Background()
	other, err := env.Fixtures.CreateAccount(ctx, t.Name()+"-other", nil)
	must(t, err)
	foreign, err := env.Fixtures.CreatePlatformAgentBot(ctx, "Foreign Bot", &other.ID)
	must(t, err)
	block := env.providerBlock(sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      block + fmt.Sprintf(`data "chatwoot_agent_bot" "x" { id = %d }`, foreign.ID),
				ExpectError: dsError("Chatwoot Agent Bot Not Found", fmt.Sprintf("Account %d has no agent bot with id %d", sc.Account.ID, foreign.ID)),
			},
			{
				Config:      block + `data "chatwoot_agent_bot" "x" { name = "Foreign Bot" }`,
				ExpectError: dsError("Chatwoot Agent Bot Not Found", fmt.Sprintf(`Account %d has no agent bot named "Foreign Bot"`, sc.Account.ID)),
			},
		},
	})
}

// Bot names need not be unique, also between the account's bots and system bots.
func TestAccAgentBotDataSource_ambiguous(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	ctx := context.Background()
	name := "Triage " + dsSuffix(t)
	own, err := env.Fixtures.CreatePlatformAgentBot(ctx, name, &sc.Account.ID)
	must(t, err)
	system, err := env.Fixtures.CreatePlatformAgentBot(ctx, name, nil)
	must(t, err)
	block := env.providerBlock(sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      block + fmt.Sprintf(`data "chatwoot_agent_bot" "x" { name = %q }`, name),
				ExpectError: dsError("Several Chatwoot Agent Bots Match", fmt.Sprintf(`%d (%q), %d (%q)`, own.ID, name, system.ID, name)),
			},
			{
				Config: block + fmt.Sprintf(`
data "chatwoot_agent_bot" "x" {
  id   = %d
  name = %q
}`, own.ID, name),
				ExpectError: dsError("Invalid Attribute Combination", "[id,name]"),
			},
		},
	})
}

func TestAccAgentBotDataSource_permissionDenied(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	outsider := dsOutsider(t, env)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      env.providerBlock(outsider.AccessToken, sc.Account.ID) + fmt.Sprintf(`data "chatwoot_agent_bot" "x" { id = %d }`, sc.Bot.ID),
				ExpectError: dsError("Not a Member of the Chatwoot Account", fmt.Sprintf("account %d", sc.Account.ID)),
			},
			{
				// A bot's own token may not list bots.
				Config:      env.providerBlock(sc.Bot.AccessToken, sc.Account.ID) + fmt.Sprintf(`data "chatwoot_agent_bot" "x" { id = %d }`, sc.Bot.ID),
				ExpectError: dsError("Agent Bot Tokens Not Allowed"),
			},
		},
	})
}
