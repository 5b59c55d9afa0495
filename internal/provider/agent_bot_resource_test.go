package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

const agentBotAddr = "chatwoot_agent_bot.test"

func agentBotConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_agent_bot" "test" {
%s
}
`, body)
}

// captureInt64 reads an integer attribute of a resource from the state into dst.
func captureInt64(addr, attr string, dst *int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s is not in the state", addr)
		}
		_, err := fmt.Sscan(rs.Primary.Attributes[attr], dst)
		return err
	}
}

// Create, update (only what changed), refresh, import, drift and destroy, checked against
// Chatwoot; the bot's access token never reaches the state.
func TestAccAgentBot_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var botID int64
	cfg := func(body string) string { return agentBotConfig(proxy.URL, sc.AdminToken, a, body) }
	holds := func(name, description, url string) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			bot, err := api.GetAgentBot(ctx, a, botID)
			if err != nil {
				return err
			}
			if bot.Name != name || bot.Description != description || bot.OutgoingURL != url || bot.BotType != "webhook" {
				return fmt.Errorf("Chatwoot holds %+v; want name %q, description %q, outgoing_url %q", bot, name, description, url)
			}
			return nil
		})
	}
	noToken := func(s *terraform.State) error {
		bot, err := api.GetAgentBot(context.Background(), a, botID)
		if err != nil {
			return err
		}
		if bot.AccessToken == "" {
			return fmt.Errorf("Chatwoot shows no access token for bot %d, so the check proves nothing", botID)
		}
		for k, v := range s.RootModule().Resources[agentBotAddr].Primary.Attributes {
			if strings.Contains(v, bot.AccessToken) || (bot.Secret != "" && strings.Contains(v, bot.Secret)) {
				return fmt.Errorf("the state's %s holds the bot's token or secret", k)
			}
		}
		return nil
	}
	full := `  name         = "triage"
  description  = "Answers first"
  outgoing_url = "http://127.0.0.1:9/bot"`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.GetAgentBot(ctx, a, botID); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("agent bot %d still exists after destroy (err %w)", botID, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:           cfg(`  name = "triage"`),
				ConfigPlanChecks: expectAction(agentBotAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(agentBotAddr, "name", "triage"),
					stateString(agentBotAddr, "description", ""),
					stateString(agentBotAddr, "outgoing_url", ""),
					stateString(agentBotAddr, "bot_type", "webhook"),
					stateInt64(agentBotAddr, "account_id", a),
					statecheck.ExpectKnownValue(agentBotAddr, tfjsonpath.New("bot_id"), knownvalue.NotNull()),
				},
				Check: resource.ComposeTestCheckFunc(captureInt64(agentBotAddr, "bot_id", &botID), holds("triage", "", ""), noToken),
			},
			{
				PreConfig:        proxy.reset,
				Config:           cfg(full),
				ConfigPlanChecks: expectAction(agentBotAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(
					holds("triage", "Answers first", "http://127.0.0.1:9/bot"),
					func(*terraform.State) error {
						return proxy.expectPatchKeys(accountAPIPath(a, "/agent_bots/%d", botID), "description", "outgoing_url")
					},
				),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/agent_bots/%d", botID))
				},
			},
			{
				Config:           cfg(full),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				ResourceName:      agentBotAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(agentBotAddr, "bot_id"),
			},
			{
				ResourceName:      agentBotAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return fmt.Sprint(botID), nil },
			},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateAgentBot(ctx, a, botID, chatwoot.AgentBotFields{Name: ptr("renamed"), OutgoingURL: ptr("http://127.0.0.1:9/other")})
					return err
				}),
				Config: cfg(full),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(agentBotAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(agentBotAddr, tfjsonpath.New("name"), knownvalue.StringExact("triage")),
				}},
				Check: holds("triage", "Answers first", "http://127.0.0.1:9/bot"),
			},
		},
	})
}

// A bot deleted in Chatwoot is removed from the state with a warning and created again.
func TestAccAgentBot_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	cfg := agentBotConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "gone soon"`)
	var first, second int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: captureInt64(agentBotAddr, "bot_id", &first)},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return api.DeleteAgentBot(ctx, sc.Account.ID, first)
				}),
				Config:           cfg,
				ConfigPlanChecks: expectAction(agentBotAddr, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(captureInt64(agentBotAddr, "bot_id", &second), func(*terraform.State) error {
					if second == first {
						return fmt.Errorf("bot_id %d was not replaced by the new bot's id", first)
					}
					return nil
				}),
			},
		},
	})
}

// What Chatwoot would fail on (another bot_type, an overlong URL) is refused at plan time, and
// nothing is sent that could change Chatwoot.
func TestAccAgentBot_refusedAtPlanTime(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	mock := env.requireMock(t)
	cfg := func(body string) string { return agentBotConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, body) }
	noWrites := func() error {
		if w := mutatingRequests(mock.Requests()); len(w) > 0 {
			return fmt.Errorf("a refused plan sent %v", w)
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:   mock.ResetRequests,
				Config:      cfg("  name = \"x\"\n  bot_type = \"csml\""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)bot_type.*webhook`),
			},
			{
				Config:      cfg("  name = \"x\"\n  outgoing_url = \"http://127.0.0.1/" + strings.Repeat("a", 2048) + "\""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)outgoing_url.*2048`),
			},
			{
				Config:      cfg(`  name = "  "`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`must not be blank`),
			},
			{
				// A refused plan runs no checks, so the log is looked at before a last, empty plan.
				PreConfig: func() {
					if err := noWrites(); err != nil {
						t.Error(err)
					}
				},
				Config:   providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID),
				PlanOnly: true,
			},
		},
	})
}

// An agent's token cannot create a bot; the error says an administrator is needed.
func TestAccAgentBot_agentTokenRefused(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      agentBotConfig(env.BaseURL, sc.Agent1.AccessToken, sc.Account.ID, `  name = "agents only"`),
			ExpectError: regexp.MustCompile(`(?s)Chatwoot Permission Denied.*administrator's\s+token`),
		}},
	})
}
