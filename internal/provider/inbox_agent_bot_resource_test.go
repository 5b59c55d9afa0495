package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

const inboxAgentBotAddr = "chatwoot_inbox_agent_bot.test"

// Attach an account bot, re-point to a global bot, refresh, import, restore a binding changed in
// Chatwoot, and detach on destroy.
func TestAccInboxAgentBot_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a, inbox := sc.Account.ID, sc.Inbox.ID
	ctx, cancel := testContext()
	defer cancel()
	global, err := env.Fixtures.CreatePlatformAgentBot(ctx, "Global helper", nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := func(bot string) string {
		return providerConfig(env.BaseURL, sc.AdminToken, a) + fmt.Sprintf(`
resource "chatwoot_agent_bot" "triage" {
  name = "triage"
}

resource "chatwoot_inbox_agent_bot" "test" {
  inbox_id     = %d
  agent_bot_id = %s
}
`, inbox, bot)
	}
	bound := func(want func() int64) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			bot, err := api.GetInboxAgentBot(ctx, a, inbox)
			if err != nil {
				return err
			}
			if bot.ID != want() {
				return fmt.Errorf("inbox %d has bot %d; want %d", inbox, bot.ID, want())
			}
			return nil
		})
	}
	var triage int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if bot, err := api.GetInboxAgentBot(ctx, a, inbox); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("inbox %d still has bot %+v after destroy (err %w)", inbox, bot, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config: cfg("chatwoot_agent_bot.triage.bot_id"),
				Check: resource.ComposeTestCheckFunc(
					captureInt64("chatwoot_agent_bot.triage", "bot_id", &triage),
					bound(func() int64 { return triage }),
				),
			},
			{
				Config:            cfg(fmt.Sprint(global.ID)),
				ConfigPlanChecks:  expectAction(inboxAgentBotAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{stateInt64(inboxAgentBotAddr, "agent_bot_id", global.ID)},
				Check:             bound(func() int64 { return global.ID }),
			},
			{
				ResourceName:      inboxAgentBotAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(inboxAgentBotAddr, "inbox_id"),
			},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return api.SetInboxAgentBot(ctx, a, inbox, triage)
				}),
				Config:           cfg(fmt.Sprint(global.ID)),
				ConfigPlanChecks: expectAction(inboxAgentBotAddr, plancheck.ResourceActionUpdate),
				Check:            bound(func() int64 { return global.ID }),
			},
		},
	})
}

// A bot detached in Chatwoot is attached again; an unknown bot or inbox is refused with an error
// that names it, before anything is sent to the inbox.
func TestAccInboxAgentBot_detachedAndUnknown(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	cfg := func(inbox, bot int64) string {
		return providerConfig(env.BaseURL, sc.AdminToken, a) + fmt.Sprintf(`
resource "chatwoot_inbox_agent_bot" "test" {
  inbox_id     = %d
  agent_bot_id = %d
}
`, inbox, bot)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { env.requireMock(t).ResetRequests() },
				Config:      cfg(sc.Inbox.ID, 999999),
				ExpectError: regexp.MustCompile(`(?s)Agent Bot Not Found.*999999`),
			},
			{
				Config:      cfg(999999, sc.Bot.ID),
				ExpectError: regexp.MustCompile(`(?s)Inbox Not Found.*999999`),
			},
			{
				PreConfig: func() {
					if n := countRequests(env.Mock.Requests(), http.MethodPost, "/set_agent_bot"); n != 0 {
						t.Errorf("refused bindings sent %d set_agent_bot requests", n)
					}
				},
				Config: cfg(sc.Inbox.ID, sc.Bot.ID),
			},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return api.DetachInboxAgentBot(ctx, a, sc.Inbox.ID)
				}),
				Config:           cfg(sc.Inbox.ID, sc.Bot.ID),
				ConfigPlanChecks: expectAction(inboxAgentBotAddr, plancheck.ResourceActionCreate),
			},
		},
	})
}
