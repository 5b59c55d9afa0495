package provider

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

const teamAddr = "chatwoot_team.test"

// ---- chatwoot_team

func teamConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_team" "test" {
%s
}
`, body)
}

// Create, update (sending only what changed), refresh (one GET), import, drift and destroy, each
// checked against what Chatwoot holds.
func TestAccTeam_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var teamID int64
	cfg := func(body string) string { return teamConfig(proxy.URL, sc.AdminToken, a, body) }
	holds := func(name, description string, autoAssign bool) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			team, err := api.GetTeam(ctx, a, teamID)
			if err != nil {
				return err
			}
			if team.Name != name || team.Description != description || team.AllowAutoAssign != autoAssign {
				return fmt.Errorf("Chatwoot holds %+v; want name %q, description %q, allow_auto_assign %v", team, name, description, autoAssign)
			}
			return nil
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.GetTeam(ctx, a, teamID); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("team %d still exists after destroy (err %w)", teamID, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:           cfg(`  name = "tier 2 support"`),
				ConfigPlanChecks: expectAction(teamAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(teamAddr, "name", "tier 2 support"),
					stateString(teamAddr, "description", ""),
					stateBool(teamAddr, "allow_auto_assign", true), // Chatwoot's default
					stateInt64(teamAddr, "account_id", a),
					statecheck.ExpectKnownValue(teamAddr, tfjsonpath.New("team_id"), knownvalue.NotNull()),
				},
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) error {
						_, err := fmt.Sscan(s.RootModule().Resources[teamAddr].Primary.Attributes["team_id"], &teamID)
						return err
					},
					holds("tier 2 support", "", true),
				),
			},
			{
				PreConfig: proxy.reset,
				Config: cfg(`  name              = "tier 2 support"
  description       = "Escalations from tier 1"
  allow_auto_assign = false`),
				ConfigPlanChecks: expectAction(teamAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(teamAddr, "description", "Escalations from tier 1"),
					stateBool(teamAddr, "allow_auto_assign", false),
				},
				Check: resource.ComposeTestCheckFunc(
					holds("tier 2 support", "Escalations from tier 1", false),
					func(*terraform.State) error {
						// The name did not change, so it is not sent.
						return proxy.expectPatchKeys(accountAPIPath(a, "/teams/%d", teamID), "description", "allow_auto_assign")
					},
				),
			},
			{
				// A refresh reads the team with one GET and sends nothing else.
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/teams/%d", teamID))
				},
			},
			{
				ResourceName:      teamAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(teamAddr, "team_id"),
			},
			{
				// "<team_id>" alone, with the provider's account_id.
				ResourceName:      teamAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return fmt.Sprint(teamID), nil },
			},
			{
				// Renamed and re-described in Chatwoot: the plan restores both.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateTeam(ctx, a, teamID, chatwoot.TeamFields{Name: ptr("renamed"), Description: ptr("changed in the UI")})
					return err
				}),
				Config: cfg(`  name              = "tier 2 support"
  description       = "Escalations from tier 1"
  allow_auto_assign = false`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(teamAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(teamAddr, tfjsonpath.New("name"), knownvalue.StringExact("tier 2 support")),
				}},
				Check: holds("tier 2 support", "Escalations from tier 1", false),
			},
		},
	})
}

// A team deleted in Chatwoot is created again.
func TestAccTeam_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	cfg := teamConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "night shift"`)
	var firstID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(s *terraform.State) error {
					firstID = s.RootModule().Resources[teamAddr].Primary.Attributes["team_id"]
					return nil
				},
			},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					id, err := strconv.ParseInt(firstID, 10, 64)
					if err != nil {
						return fmt.Errorf("team_id %q: %w", firstID, err)
					}
					return api.DeleteTeam(ctx, sc.Account.ID, id)
				}),
				Config:           cfg,
				ConfigPlanChecks: expectAction(teamAddr, plancheck.ResourceActionCreate),
				Check: func(s *terraform.State) error {
					if s.RootModule().Resources[teamAddr].Primary.Attributes["team_id"] == firstID {
						return fmt.Errorf("team_id %s was not replaced by the new team's id", firstID)
					}
					return nil
				},
			},
		},
	})
}

// Chatwoot downcases names: a mixed-case name is refused at plan time with the form to write,
// and Chatwoot's 422 for a taken name is reported on the attribute.
func TestAccTeam_nameRules(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0) // has the team "billing"
	cfg := func(body string) string { return teamConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, body) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      cfg(`  name = "Billing Escalations"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Value Must Be Lowercase.*Write\s+"billing\s+escalations"`),
			},
			{
				Config:      cfg(`  name = "   "`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`must not be blank`),
			},
			{
				Config:      cfg(`  name = "billing"`),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Chatwoot Team Already Exists.*named "billing", team %d`, sc.Team.ID)),
			},
		},
	})
}

// An agent's token may read teams but not create them; the error says an administrator is needed.
func TestAccTeam_agentTokenRefused(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      teamConfig(env.BaseURL, sc.Agent1.AccessToken, sc.Account.ID, `  name = "agents only"`),
			ExpectError: regexp.MustCompile(`(?s)Chatwoot Permission Denied.*administrator's\s+token`),
		}},
	})
}
