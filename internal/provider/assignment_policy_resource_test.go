package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const assignmentPolicyAddr = "chatwoot_assignment_policy.test"

func assignmentPolicyConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_assignment_policy" "test" {
%s
}
`, body)
}

// Create with only a name (Chatwoot's defaults are planned, so the second plan is empty), update
// sending only what changed, refresh (one GET), import both ways, drift restored, and clearing
// description and the age limit sends null; destroy checked against Chatwoot.
func TestAccAssignmentPolicy_lifecycle(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var policyID int64
	cfg := func(body string) string { return assignmentPolicyConfig(proxy.URL, sc.AdminToken, a, body) }
	holds := policyHolds(api, a, &policyID, func(p *chatwoot.AssignmentPolicy) error {
		if p.Name != "support desk" || p.Description != nil || p.AssignmentOrder != "round_robin" || p.FairDistributionLimit != 100 ||
			p.FairDistributionWindow != 3600 || p.ExcludeOlderThanHours != nil || !p.Enabled {
			return fmt.Errorf("Chatwoot holds %+v; want the defaults with no age limit", p)
		}
		return nil
	})
	full := `  name                     = "support desk"
  description              = "Tier 1"
  conversation_priority    = "longest_waiting"
  fair_distribution_limit  = 2
  fair_distribution_window = 600
  exclude_older_than_hours = 24
  enabled                  = false`
	holdsFull := policyHolds(api, a, &policyID, func(p *chatwoot.AssignmentPolicy) error {
		if p.Name != "support desk" || p.Description == nil || *p.Description != "Tier 1" || p.ConversationPriority != "longest_waiting" ||
			p.FairDistributionLimit != 2 || p.FairDistributionWindow != 600 || p.ExcludeOlderThanHours == nil ||
			*p.ExcludeOlderThanHours != 24 || p.Enabled {
			return fmt.Errorf("Chatwoot holds %+v; want the full configuration", p)
		}
		return nil
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.GetAssignmentPolicy(ctx, a, policyID); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("policy %d still exists after destroy (err %w)", policyID, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config: cfg(`  name = "support desk"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(assignmentPolicyAddr, plancheck.ResourceActionCreate),
					// Chatwoot's defaults are in the plan, not discovered after apply.
					plancheck.ExpectKnownValue(assignmentPolicyAddr, tfjsonpath.New("assignment_order"), knownvalue.StringExact("round_robin")),
					plancheck.ExpectKnownValue(assignmentPolicyAddr, tfjsonpath.New("conversation_priority"), knownvalue.StringExact("earliest_created")),
					plancheck.ExpectKnownValue(assignmentPolicyAddr, tfjsonpath.New("fair_distribution_limit"), knownvalue.Int64Exact(100)),
					plancheck.ExpectKnownValue(assignmentPolicyAddr, tfjsonpath.New("fair_distribution_window"), knownvalue.Int64Exact(3600)),
					plancheck.ExpectKnownValue(assignmentPolicyAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					plancheck.ExpectKnownValue(assignmentPolicyAddr, tfjsonpath.New("exclude_older_than_hours"), knownvalue.Null()),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateInt64(assignmentPolicyAddr, "assigned_inbox_count", 0),
					stateInt64(assignmentPolicyAddr, "account_id", a),
					statecheck.ExpectKnownValue(assignmentPolicyAddr, tfjsonpath.New("description"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(policyIDOf(assignmentPolicyAddr, &policyID), holds),
			},
			{
				PreConfig:        proxy.reset,
				Config:           cfg(full),
				ConfigPlanChecks: expectAction(assignmentPolicyAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(holdsFull, func(*terraform.State) error {
					body, err := proxy.sentBody("PATCH", accountAPIPath(a, "/assignment_policies/%d", policyID))
					if err != nil {
						return err
					}
					sent, _ := body["assignment_policy"].(map[string]any)
					want := []string{"description", "conversation_priority", "fair_distribution_limit", "fair_distribution_window", "exclude_older_than_hours", "enabled"}
					if len(sent) != len(want) {
						return fmt.Errorf("the update sent %v; want only %v", sent, want)
					}
					for _, k := range want {
						if _, ok := sent[k]; !ok {
							return fmt.Errorf("the update sent %v; want only %v", sent, want)
						}
					}
					return nil
				}),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/assignment_policies/%d", policyID))
				},
			},
			{
				ResourceName: assignmentPolicyAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(assignmentPolicyAddr, "policy_id"),
			},
			{
				ResourceName: assignmentPolicyAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return fmt.Sprint(policyID), nil },
			},
			{
				// Renamed and loosened in the Chatwoot UI: the plan restores both.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateAssignmentPolicy(ctx, a, policyID, chatwoot.AssignmentPolicyFields{
						Name: ptr("renamed"), FairDistributionLimit: ptr(int64(50)), NoAgeLimit: true,
					})
					return err
				}),
				Config: cfg(full),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(assignmentPolicyAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(assignmentPolicyAddr, tfjsonpath.New("name"), knownvalue.StringExact("support desk")),
					plancheck.ExpectKnownValue(assignmentPolicyAddr, tfjsonpath.New("exclude_older_than_hours"), knownvalue.Int64Exact(24)),
				}},
				Check: holdsFull,
			},
			{
				// Back to a name only: description and the age limit are cleared with nulls.
				PreConfig:        proxy.reset,
				Config:           cfg(`  name = "support desk"`),
				ConfigPlanChecks: expectAction(assignmentPolicyAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(holds, func(*terraform.State) error {
					body, err := proxy.sentBody("PATCH", accountAPIPath(a, "/assignment_policies/%d", policyID))
					if err != nil {
						return err
					}
					sent, _ := body["assignment_policy"].(map[string]any)
					for _, k := range []string{"description", "exclude_older_than_hours"} {
						if v, ok := sent[k]; !ok || v != nil {
							return fmt.Errorf("the update sent %v; want %s: null", sent, k)
						}
					}
					return nil
				}),
			},
		},
	})
}

// A policy deleted in Chatwoot is removed from the state with a warning and created again.
func TestAccAssignmentPolicy_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	cfg := assignmentPolicyConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "night shift"`)
	var first, second int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: policyIDOf(assignmentPolicyAddr, &first)},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return api.DeleteAssignmentPolicy(ctx, sc.Account.ID, first)
				}),
				Config:           cfg,
				ConfigPlanChecks: expectAction(assignmentPolicyAddr, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(policyIDOf(assignmentPolicyAddr, &second), func(*terraform.State) error {
					if second == first {
						return fmt.Errorf("policy_id %d was not replaced by the new policy's id", first)
					}
					return nil
				}),
			},
		},
	})
}

// Every input Chatwoot would answer with a 500, drop silently, or refuse is refused before any
// mutating request: enums, limits and windows of 0, balanced on a Community build or without
// advanced_assignment, an age limit on Chatwoot 4.15, and a name the account already uses.
func TestAccAssignmentPolicy_refusals(t *testing.T) {
	t.Parallel()
	type server struct {
		version, edition string
		features         map[string]bool
	}
	run := func(t *testing.T, srv server, cases func(cfg func(string) string, sc *fixture.Scenario, env *testEnv) []refusal) {
		env := newTestEnvWith(t, srv.version, srv.edition)
		sc := env.seedWith(t, fixture.SeedOptions{Features: srv.features})
		cfg := func(body string) string {
			return assignmentPolicyConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, body)
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps:                    refusalSteps(t, env.Mock, cfg(`  name = "fine"`), cases(cfg, sc, env)...),
		})
	}
	t.Run("validation and 4.15", func(t *testing.T) {
		t.Parallel()
		run(t, server{version: "4.15.1"}, func(cfg func(string) string, sc *fixture.Scenario, env *testEnv) []refusal {
			return []refusal{
				{"unknown order", cfg("  name = \"x\"\n  assignment_order = \"fifo\""), `assignment_order value must be one of`},
				{"unknown priority", cfg("  name = \"x\"\n  conversation_priority = \"newest\""), `conversation_priority value must be one of`},
				{"limit 0", cfg("  name = \"x\"\n  fair_distribution_limit = 0"), `fair_distribution_limit value must be at least 1, got: 0`},
				{"window 0", cfg("  name = \"x\"\n  fair_distribution_window = 0"), `fair_distribution_window value must be at least 1, got: 0`},
				{"age 0", cfg("  name = \"x\"\n  exclude_older_than_hours = 0"), `exclude_older_than_hours value must be at least 1`},
				{"blank name", cfg(`  name = "  "`), `must not be blank`},
				{"age on 4.15", cfg("  name = \"x\"\n  exclude_older_than_hours = 24"), `Chatwoot Too Old for exclude_older_than_hours.*version 4.15.1`},
				{"agent token", assignmentPolicyConfig(env.BaseURL, sc.Agent1.AccessToken, sc.Account.ID, `  name = "x"`), `Chatwoot Permission Denied`},
			}
		})
	})
	t.Run("balanced on community", func(t *testing.T) {
		t.Parallel()
		run(t, server{version: "4.17.0", edition: chatwootmock.EditionCommunity, features: map[string]bool{"advanced_assignment": true}},
			func(cfg func(string) string, sc *fixture.Scenario, env *testEnv) []refusal {
				return []refusal{{"balanced", cfg("  name = \"x\"\n  assignment_order = \"balanced\""), `Balanced Assignment Needs Chatwoot Enterprise`}}
			})
	})
	t.Run("balanced without advanced_assignment", func(t *testing.T) {
		t.Parallel()
		run(t, server{version: "4.17.0"}, func(cfg func(string) string, sc *fixture.Scenario, env *testEnv) []refusal {
			return []refusal{{"balanced", cfg("  name = \"x\"\n  assignment_order = \"balanced\""),
				fmt.Sprintf(`Balanced Assignment Needs advanced_assignment.*Account %d does not have the feature advanced_assignment`, sc.Account.ID)}}
		})
	})
	t.Run("duplicate name", func(t *testing.T) {
		t.Parallel()
		env := newTestEnvWith(t, "4.17.0", "")
		sc := env.seed(t, 0)
		api := adminAPI(t, env, sc)
		ctx, cancel := testContext()
		defer cancel()
		taken, err := api.CreateAssignmentPolicy(ctx, sc.Account.ID, chatwoot.AssignmentPolicyFields{Name: ptr("Support")})
		must(t, err)
		cfg := func(body string) string {
			return assignmentPolicyConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, body)
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: refusalSteps(t, env.Mock, cfg(`  name = "support"`), // names compare with case: "support" is free
				refusal{"taken", cfg(`  name = "Support"`), fmt.Sprintf(`Assignment Policy Name Already Taken.*policy %d`, taken.ID)}),
		})
	})
}

// balanced is accepted on an Enterprise build with advanced_assignment on.
func TestAccAssignmentPolicy_balanced(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seedWith(t, fixture.SeedOptions{Features: map[string]bool{"advanced_assignment": true}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: assignmentPolicyConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, "  name = \"vip\"\n  assignment_order = \"balanced\""),
			ConfigStateChecks: []statecheck.StateCheck{
				stateString(assignmentPolicyAddr, "assignment_order", "balanced"),
			},
		}},
	})
}
