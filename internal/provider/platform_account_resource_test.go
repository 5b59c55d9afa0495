package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const platformAccountAddr = "chatwoot_platform_account.test"

func platformAccountConfig(baseURL, body string) string {
	return platformProviderConfig(baseURL, testPlatformToken()) + fmt.Sprintf(`
resource "chatwoot_platform_account" "test" {
%s
}
`, body)
}

func platformAccountIDFrom(s *terraform.State, into *int64) error {
	_, err := fmt.Sscan(s.RootModule().Resources[platformAccountAddr].Primary.Attributes["account_id"], into)
	return err
}

// Create, update (sending only what changed), refresh (one GET), import, drift and destroy
// (awaiting Chatwoot's background deletion), each checked against what Chatwoot holds.
func TestAccPlatformAccount_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	api := platformAPI(t, env.BaseURL)
	proxy := newRecordingProxy(t, env.BaseURL)
	var id int64
	cfg := func(body string) string { return platformAccountConfig(proxy.URL, body) }
	holds := func(check func(a *chatwoot.PlatformAccount) error) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			a, err := api.PlatformGetAccount(ctx, id)
			if err != nil {
				return err
			}
			return check(a)
		})
	}
	first := `  name              = "Acme"
  locale            = "de"
  features          = { sla = true, help_center = false }
  limits            = { agents = 5 }
  custom_attributes = jsonencode({ plan = "gold", seats = 5 })`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.PlatformGetAccount(ctx, id); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("account %d still exists after destroy (err %w)", id, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:           cfg(first),
				ConfigPlanChecks: expectAction(platformAccountAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(platformAccountAddr, "name", "Acme"),
					stateString(platformAccountAddr, "locale", "de"),
					stateString(platformAccountAddr, "status", "active"),
					statecheck.ExpectKnownValue(platformAccountAddr, tfjsonpath.New("domain"), knownvalue.Null()),
					statecheck.ExpectKnownValue(platformAccountAddr, tfjsonpath.New("support_email"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(platformAccountAddr, tfjsonpath.New("features"), knownvalue.MapExact(map[string]knownvalue.Check{
						"sla": knownvalue.Bool(true), "help_center": knownvalue.Bool(false),
					})),
				},
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) error { return platformAccountIDFrom(s, &id) },
					holds(func(a *chatwoot.PlatformAccount) error {
						if a.Name != "Acme" || a.Locale != "de" || !a.Features["sla"] || a.Features["help_center"] {
							return fmt.Errorf("Chatwoot holds %+v", a)
						}
						// Flags not configured keep Chatwoot's defaults.
						if !a.Features["agent_bots"] {
							return fmt.Errorf("the default flag agent_bots is off: %v", a.Features)
						}
						if a.Limits["agents"] != float64(5) || a.CustomAttributes["plan"] != "gold" {
							return fmt.Errorf("limits %v, custom_attributes %v", a.Limits, a.CustomAttributes)
						}
						return nil
					}),
				),
			},
			{
				PreConfig: proxy.reset,
				Config: cfg(`  name              = "Acme Corp"
  locale            = "de"
  domain            = "acme.example.com"
  features          = { sla = true, help_center = true }
  limits            = { agents = 5 }
  custom_attributes = jsonencode({ seats = 5, plan = "gold" })`),
				ConfigPlanChecks: expectAction(platformAccountAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(platformAccountAddr, "name", "Acme Corp"),
					stateString(platformAccountAddr, "domain", "acme.example.com"),
				},
				Check: resource.ComposeTestCheckFunc(
					holds(func(a *chatwoot.PlatformAccount) error {
						if a.Name != "Acme Corp" || a.Domain == nil || *a.Domain != "acme.example.com" || !a.Features["help_center"] {
							return fmt.Errorf("Chatwoot holds %+v", a)
						}
						return nil
					}),
					func(*terraform.State) error {
						// custom_attributes is the same object written in another order: not sent.
						if err := proxy.expectPatchKeys(fmt.Sprintf("/platform/api/v1/accounts/%d", id), "name", "domain", "features"); err != nil {
							return err
						}
						body, _ := proxy.sentBody("PATCH", fmt.Sprintf("/platform/api/v1/accounts/%d", id))
						if fmt.Sprint(body["features"]) != "map[help_center:true]" {
							return fmt.Errorf("features sent %v; want only the flag that changed", body["features"])
						}
						return nil
					},
				),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests(fmt.Sprintf("GET /platform/api/v1/accounts/%d", id))
				},
			},
			{
				ResourceName:      platformAccountAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// Which flags are managed is configuration only; an import manages none.
				ImportStateVerifyIgnore: []string{"features", "custom_attributes"},
				ImportStateIdFunc:       func(*terraform.State) (string, error) { return fmt.Sprint(id), nil },
			},
			{
				// Changed behind Terraform's back: the plan restores the managed fields.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.PlatformUpdateAccount(ctx, id, chatwoot.PlatformAccountFields{
						Name: ptr("renamed"), Status: ptr("suspended"), Features: map[string]bool{"sla": false},
						Limits: map[string]any{"agents": 1},
					})
					return err
				}),
				Config: cfg(`  name              = "Acme Corp"
  locale            = "de"
  domain            = "acme.example.com"
  features          = { sla = true, help_center = true }
  limits            = { agents = 5 }
  custom_attributes = jsonencode({ seats = 5, plan = "gold" })`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(platformAccountAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(platformAccountAddr, tfjsonpath.New("name"), knownvalue.StringExact("Acme Corp")),
					plancheck.ExpectKnownValue(platformAccountAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
				}},
				Check: holds(func(a *chatwoot.PlatformAccount) error {
					if a.Name != "Acme Corp" || a.Status != "active" || !a.Features["sla"] || a.Limits["agents"] != float64(5) {
						return fmt.Errorf("Chatwoot holds %+v", a)
					}
					return nil
				}),
			},
			{
				// The domain removed from the configuration is cleared.
				Config: cfg(`  name              = "Acme Corp"
  locale            = "de"
  features          = { sla = true, help_center = true }
  limits            = { agents = 5 }
  custom_attributes = jsonencode({ seats = 5, plan = "gold" })`),
				Check: holds(func(a *chatwoot.PlatformAccount) error {
					if a.Domain != nil && *a.Domain != "" {
						return fmt.Errorf("domain is still %q", *a.Domain)
					}
					return nil
				}),
			},
		},
	})
}

// An account deleted in Chatwoot is removed from the state with a warning and created again.
func TestAccPlatformAccount_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	api := platformAPI(t, env.BaseURL)
	var id int64
	cfg := platformAccountConfig(env.BaseURL, `  name = "Gone Ltd"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: func(s *terraform.State) error { return platformAccountIDFrom(s, &id) }},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					if err := api.PlatformDeleteAccount(ctx, id); err != nil {
						return err
					}
					return api.PlatformAwaitAccountDeleted(ctx, id)
				}),
				Config:           cfg,
				ConfigPlanChecks: expectAction(platformAccountAddr, plancheck.ResourceActionCreate),
			},
		},
	})
}

// Another Platform App's account cannot be imported: the diagnostic explains Chatwoot's
// "permissible" rule, and nothing is changed.
func TestAccPlatformAccount_nonPermissible(t *testing.T) {
	env, otherToken := newMockWithOtherApp(t)
	ctx, cancel := testContext()
	defer cancel()
	theirs, err := fixture.New(env.BaseURL, otherToken).CreateAccount(ctx, "Not ours", nil)
	must(t, err)
	before := len(mutatingRequests(env.Mock.Requests()))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:        platformAccountConfig(env.BaseURL, `  name = "Not ours"`),
			ResourceName:  platformAccountAddr,
			ImportState:   true,
			ImportStateId: fmt.Sprint(theirs.ID),
			ExpectError:   regexp.MustCompile(`Chatwoot Platform App May Not Manage This Object[\s\S]*Non\s+permissible[\s\S]*manage only the accounts and users\s+it\s+created\s+itself`),
		}},
	})
	if m := mutatingRequests(env.Mock.Requests()); len(m) != before {
		t.Errorf("Chatwoot received mutating requests %v", m[before:])
	}
}

// A provider with only a user's token refuses a platform resource at plan, naming the token and
// how to set it, and sends nothing.
func TestAccPlatformAccount_missingPlatformToken(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	before := len(mutatingRequests(mock.Requests()))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(env.BaseURL, sc.AdminToken, 0) + `
resource "chatwoot_platform_account" "test" {
  name = "Acme"
}`,
			ExpectError: regexp.MustCompile(`Missing Chatwoot Platform Token[\s\S]*platform_token[\s\S]*CHATWOOT_PLATFORM_TOKEN`),
		}},
	})
	if m := mutatingRequests(mock.Requests()); len(m) != before {
		t.Errorf("Chatwoot received mutating requests %v", m[before:])
	}
}

// Refused at plan time: an unknown locale or status, a blank name, JSON that is not an object.
func TestAccPlatformAccount_refusedAtPlan(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	cases := []struct{ body, want string }{
		{`  name = "A"` + "\n" + `  locale = "klingon"`, `locale`},
		{`  name = "A"` + "\n" + `  status = "paused"`, `status`},
		{`  name = "  "`, `must not be blank`},
		{`  name = "A"` + "\n" + `  custom_attributes = jsonencode([1])`, `Invalid JSON Object`},
		{`  name = "A"` + "\n" + `  features = { "Help Center" = true }`, `feature flag name`},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config: platformAccountConfig(env.BaseURL, c.body), PlanOnly: true, ExpectError: regexp.MustCompile(c.want),
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProtoV6ProviderFactories, Steps: steps})
	if m := mutatingRequests(mock.Requests()); len(m) != 0 {
		t.Errorf("Chatwoot received mutating requests %v", m)
	}
}

// An unknown feature flag (Chatwoot answers it with a 500) is explained on the features attribute,
// and no account is left behind.
func TestAccPlatformAccount_unknownFeatureFlag(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      platformAccountConfig(env.BaseURL, `  name     = "Acme"`+"\n"+`  features = { no_such_flag = true }`),
			ExpectError: regexp.MustCompile(`Unknown Chatwoot Feature Flag[\s\S]*no_such_flag`),
		}},
	})
	ctx, cancel := testContext()
	defer cancel()
	if _, err := platformAPI(t, env.BaseURL).PlatformGetAccount(ctx, 1); !chatwoot.IsNotFound(err) {
		t.Errorf("an account was created (err %v)", err)
	}
	if n := countRequests(mock.Requests(), "POST", "/platform/api/v1/accounts"); n != 1 {
		t.Errorf("%d creates; want 1, not retried", n)
	}
}
