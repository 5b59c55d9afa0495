package provider

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

const agentAddr = "chatwoot_agent.test"

func agentConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_agent" "test" {
%s
}
`, body)
}

// uniqueEmail is an address no other test (or earlier run against a real Chatwoot) uses.
func uniqueEmail(local string) string {
	return fmt.Sprintf("%s+%d@example.test", local, time.Now().UnixNano())
}

func userIDOf(s *terraform.State, addr string) (int64, error) {
	raw := s.RootModule().Resources[addr].Primary.Attributes["user_id"]
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s.user_id = %q: %w", addr, raw, err)
	}
	return id, nil
}

// Create, update (only what changed), one-GET refresh, import (adopting availability), drift and
// destroy (the user leaves the account), each checked against what Chatwoot holds.
func TestAccAgent_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	email := uniqueEmail("carol")
	var userID int64
	cfg := func(body string) string { return agentConfig(proxy.URL, sc.AdminToken, a, body) }
	holds := func(check func(*chatwoot.Agent) error) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			agent, err := api.GetAgent(ctx, a, userID)
			if chatwoot.IsNotFound(err) {
				return fmt.Errorf("user %d is not an agent of account %d", userID, a)
			}
			if err != nil {
				return err
			}
			return check(agent)
		})
	}
	first := fmt.Sprintf(`  email = %q
  name  = "Carol"`, email)
	second := fmt.Sprintf(`  email        = %q
  name         = "Carol"
  role         = "administrator"
  availability = "busy"
  auto_offline = false`, email)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			_, err := api.GetAgent(ctx, a, userID)
			if chatwoot.IsNotFound(err) {
				return nil
			}
			if err != nil {
				return err
			}
			return fmt.Errorf("user %d is still an agent of account %d after destroy", userID, a)
		}),
		Steps: []resource.TestStep{
			{
				Config:           cfg(first),
				ConfigPlanChecks: expectAction(agentAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(agentAddr, "email", email),
					stateString(agentAddr, "name", "Carol"),
					stateString(agentAddr, "role", "agent"),
					stateBool(agentAddr, "auto_offline", true), // Chatwoot's default
					statecheck.ExpectKnownValue(agentAddr, tfjsonpath.New("availability"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) (err error) { userID, err = userIDOf(s, agentAddr); return err },
					holds(func(ag *chatwoot.Agent) error {
						if ag.Name != "Carol" || ag.Role != "agent" || ag.Email != email {
							return fmt.Errorf("Chatwoot holds %+v", ag)
						}
						return nil
					}),
				),
			},
			{
				PreConfig:        proxy.reset,
				Config:           cfg(second),
				ConfigPlanChecks: expectAction(agentAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(agentAddr, "role", "administrator"),
					stateString(agentAddr, "availability", "busy"),
					stateBool(agentAddr, "auto_offline", false),
				},
				Check: resource.ComposeTestCheckFunc(
					holds(func(ag *chatwoot.Agent) error {
						if ag.Role != "administrator" || ag.AvailabilityStatus != "busy" || ag.AutoOffline {
							return fmt.Errorf("Chatwoot holds %+v", ag)
						}
						return nil
					}),
					func(*terraform.State) error {
						// The name did not change, so it is not sent.
						return proxy.expectPatchKeys(accountAPIPath(a, "/agents/%d", userID), "role", "availability", "auto_offline")
					},
				),
			},
			{
				// No endpoint reads one agent: a refresh is one GET of the list, and nothing else.
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check:        func(*terraform.State) error { return proxy.expectRequests("GET " + accountAPIPath(a, "/agents")) },
			},
			{
				ResourceName:      agentAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(agentAddr, "user_id"),
			},
			{
				// Demoted and marked online in Chatwoot's UI: the plan restores both.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return env.Fixtures.UpdateAgent(ctx, sc.AdminToken, a, userID, map[string]any{"role": "agent", "availability": "online"})
				}),
				Config: cfg(second),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(agentAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(agentAddr, tfjsonpath.New("role"), knownvalue.StringExact("administrator")),
					plancheck.ExpectKnownValue(agentAddr, tfjsonpath.New("availability"), knownvalue.StringExact("busy")),
				}},
				Check: holds(func(ag *chatwoot.Agent) error {
					if ag.Role != "administrator" || ag.AvailabilityStatus != "busy" {
						return fmt.Errorf("Chatwoot holds %+v", ag)
					}
					return nil
				}),
			},
			{
				// Chatwoot cannot change an email: a new one replaces the agent.
				Config: cfg(fmt.Sprintf(`  email = %q
  name  = "Carol"`, uniqueEmail("carol.new"))),
				ConfigPlanChecks: expectAction(agentAddr, plancheck.ResourceActionDestroyBeforeCreate),
				Check: func(s *terraform.State) error {
					old := userID
					var err error
					if userID, err = userIDOf(s, agentAddr); err != nil {
						return err
					}
					if userID == old {
						return fmt.Errorf("user_id %d was not replaced", old)
					}
					ctx, cancel := testContext()
					defer cancel()
					_, err = api.GetAgent(ctx, a, old)
					if chatwoot.IsNotFound(err) {
						return nil
					}
					if err == nil {
						err = fmt.Errorf("the old user %d is still an agent of the account", old)
					}
					return err
				},
			},
		},
	})
}

// Chatwoot reuses an existing user by email and ignores the configured name. The provider sets
// the name (with a warning) so that the next plan is empty; without a name, the user keeps theirs.
func TestAccAgent_existingUser(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	other := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	// other.Agent1 ("Alice") and other.Agent2 ("Bob") exist in Chatwoot but not in sc's account.
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: agentConfig(env.BaseURL, sc.AdminToken, a, fmt.Sprintf(`  email = %q
  name  = "Alice Liddell"`, other.Agent1.Email)),
				ConfigStateChecks: []statecheck.StateCheck{
					stateInt64(agentAddr, "user_id", other.Agent1.ID),
					stateString(agentAddr, "name", "Alice Liddell"),
				},
				// The test framework's plan after apply must be empty: no diff forever.
				Check: inChatwoot(func(ctx context.Context) error {
					ag, err := api.GetAgent(ctx, a, other.Agent1.ID)
					if err != nil {
						return err
					}
					if ag == nil || ag.Name != "Alice Liddell" {
						return fmt.Errorf("Chatwoot holds %+v; want the user renamed to Alice Liddell", ag)
					}
					return nil
				}),
			},
			{
				Config: agentConfig(env.BaseURL, sc.AdminToken, a, fmt.Sprintf(`  email = %q`, other.Agent2.Email)),
				ConfigStateChecks: []statecheck.StateCheck{
					stateInt64(agentAddr, "user_id", other.Agent2.ID),
					stateString(agentAddr, "name", other.Agent2.Name), // kept, and known in state
				},
			},
		},
	})
}

// A user already in the account cannot be added again: the error gives the import command.
// Validation catches role values, email shape and case before any request.
func TestAccAgent_refusals(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	a := sc.Account.ID
	cfg := func(token, body string) string { return agentConfig(env.BaseURL, token, a, body) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg(sc.AdminToken, fmt.Sprintf(`  email = %q`, sc.Agent1.Email)),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Chatwoot Agent Already Exists.*terraform import <resource address>\s+%d/%d`,
					a, sc.Agent1.ID)),
			},
			{
				Config:      cfg(sc.AdminToken, `  email = "Dave@Example.test"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Value Must Be Lowercase.*Write\s+"dave@example.test"`),
			},
			{
				Config:      cfg(sc.AdminToken, `  email = "not an email"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`must be an email address`),
			},
			{
				Config: cfg(sc.AdminToken, `  email = "dave@example.test"
  role  = "owner"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)role.*value must be one of`),
			},
			{
				Config: cfg(sc.AdminToken, `  email        = "dave@example.test"
  availability = "away"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)availability.*value must be one of`),
			},
			{
				Config:      cfg(sc.Agent1.AccessToken, fmt.Sprintf(`  email = %q`, uniqueEmail("erin"))),
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Permission Denied.*administrator's\s+token`),
			},
		},
	})
}

// An agent removed from the account in Chatwoot is added again.
func TestAccAgent_removedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	a := sc.Account.ID
	cfg := agentConfig(env.BaseURL, sc.AdminToken, a, fmt.Sprintf(`  email = %q
  name  = "Frank"`, uniqueEmail("frank")))
	var userID int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check:  func(s *terraform.State) (err error) { userID, err = userIDOf(s, agentAddr); return err },
			},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return env.Fixtures.DeleteAgent(ctx, sc.AdminToken, a, userID)
				}),
				Config:           cfg,
				ConfigPlanChecks: expectAction(agentAddr, plancheck.ResourceActionCreate),
			},
		},
	})
}

// An agent added through the account's API is unconfirmed until the user accepts the invitation,
// and Chatwoot does not auto-assign (or let automation assign) an unconfirmed agent: the resource
// says so in confirmed, which import reads back as well.
func TestAccAgent_confirmed(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	cfg := agentConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, fmt.Sprintf(`  email = %q`, uniqueEmail("gina")))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            cfg,
				ConfigStateChecks: []statecheck.StateCheck{stateBool(agentAddr, "confirmed", false)},
			},
			{
				ResourceName:      agentAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(agentAddr, "user_id"),
			},
		},
	})
}
