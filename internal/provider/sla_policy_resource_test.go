package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const slaAddr = "chatwoot_sla_policy.test"

func slaConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_sla_policy" "test" {
%s
}
`, body)
}

func slaID(id *int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		_, err := fmt.Sscan(s.RootModule().Resources[slaAddr].Primary.Attributes["sla_policy_id"], id)
		return err
	}
}

// Create, update, refresh (one list request, as for every policy), import, drift and destroy, each checked against Chatwoot.
// Destroy waits for Chatwoot's background deletion: right after it, the list no longer has the
// policy.
func TestAccSLAPolicy_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var id int64
	first := `  name                          = "Gold"
  description                   = "Paying customers"
  first_response_time_threshold = 3600
  resolution_time_threshold     = 86400`
	second := `  name                          = "Gold"
  first_response_time_threshold = 1800
  next_response_time_threshold  = 7200
  only_during_business_hours    = true`
	holds := func(description string, first, next, resolution *float64, businessHours bool) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			p, err := api.GetSLAPolicy(ctx, a, id)
			if err != nil {
				return err
			}
			want := chatwoot.SLAPolicy{ID: id, Name: "Gold", Description: description, FirstResponseTimeThreshold: first,
				NextResponseTimeThreshold: next, ResolutionTimeThreshold: resolution, OnlyDuringBusinessHours: businessHours}
			if fmt.Sprint(slaText(p)) != fmt.Sprint(slaText(&want)) {
				return fmt.Errorf("Chatwoot holds %s; want %s", slaText(p), slaText(&want))
			}
			return nil
		})
	}
	f := func(v float64) *float64 { return &v }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			listed, err := api.SLAPolicyListed(ctx, a, id)
			if err != nil {
				return fmt.Errorf("listing SLA policies after destroy: %w", err)
			}
			if listed {
				return fmt.Errorf("SLA policy %d still listed right after destroy", id)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:           slaConfig(proxy.URL, sc.AdminToken, a, first),
				ConfigPlanChecks: expectAction(slaAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateInt64(slaAddr, "first_response_time_threshold", 3600),
					stateBool(slaAddr, "only_during_business_hours", false),
				},
				Check: resource.ComposeTestCheckFunc(slaID(&id), holds("Paying customers", f(3600), nil, f(86400), false)),
			},
			{
				Config:           slaConfig(proxy.URL, sc.AdminToken, a, second),
				ConfigPlanChecks: expectAction(slaAddr, plancheck.ResourceActionUpdate),
				Check:            holds("", f(1800), f(7200), nil, true),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/sla_policies"))
				},
			},
			{
				Config:            slaConfig(proxy.URL, sc.AdminToken, a, second),
				ResourceName:      slaAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(slaAddr, "sla_policy_id"),
			},
			{
				Config:            slaConfig(proxy.URL, sc.AdminToken, a, second),
				ResourceName:      slaAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return fmt.Sprint(id), nil },
			},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateSLAPolicy(ctx, a, id, chatwoot.SLAPolicyInput{Name: "changed in the UI", ResolutionTimeThreshold: f(60)})
					return err
				}),
				Config:           slaConfig(proxy.URL, sc.AdminToken, a, second),
				ConfigPlanChecks: expectAction(slaAddr, plancheck.ResourceActionUpdate),
				Check:            holds("", f(1800), f(7200), nil, true),
			},
		},
	})
}

func slaText(p *chatwoot.SLAPolicy) string {
	v := func(f *float64) string {
		if f == nil {
			return "null"
		}
		return fmt.Sprint(*f)
	}
	return fmt.Sprintf("{%q %q first=%s next=%s resolution=%s business_hours=%v}", p.Name, p.Description,
		v(p.FirstResponseTimeThreshold), v(p.NextResponseTimeThreshold), v(p.ResolutionTimeThreshold), p.OnlyDuringBusinessHours)
}

// A policy deleted in Chatwoot is removed from the state with a warning and created again.
func TestAccSLAPolicy_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	cfg := slaConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "Silver"`)
	var first, second int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: slaID(&first)},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					if err := api.DeleteSLAPolicy(ctx, sc.Account.ID, first); err != nil {
						return err
					}
					return api.WaitSLAPolicyDeleted(ctx, sc.Account.ID, first, slaDeletePollInterval)
				}),
				Config:           cfg,
				ConfigPlanChecks: expectAction(slaAddr, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(slaID(&second), func(*terraform.State) error {
					if second == first {
						return fmt.Errorf("sla_policy_id %d was not replaced", first)
					}
					return nil
				}),
			},
		},
	})
}

// Where Chatwoot cannot hold SLA policies, the plan says why, naming the account and the flag,
// and nothing is sent that would change anything.
func TestAccSLAPolicy_unavailableRefusedAtPlan(t *testing.T) {
	for _, c := range []struct {
		name string
		opts chatwootmock.Options
		want string
	}{
		{"community", chatwootmock.Options{Edition: chatwootmock.EditionCommunity},
			`Chatwoot Enterprise Required for SLA Policies[\s\S]*Community build`},
		{"4.17 without the sla feature", chatwootmock.Options{ChatwootVersion: "4.17.0"},
			`Chatwoot Account Lacks the SLA Feature[\s\S]*Account %d[\s\S]*"sla"\s+feature`},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := newMockEnv(t, c.opts)
			sc := env.seed(t, 0)
			env.Mock.ResetRequests()
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      slaConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "Gold"`),
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(regexpFormat(c.want, sc.Account.ID)),
				}},
			})
			if m := mutatingRequests(env.Mock.Requests()); len(m) > 0 {
				t.Errorf("Chatwoot received mutating requests %v", m)
			}
		})
	}
}

// regexpFormat fills %d verbs of a pattern that has them.
func regexpFormat(pattern string, accountID int64) string {
	if regexp.MustCompile(`%d`).MatchString(pattern) {
		return fmt.Sprintf(pattern, accountID)
	}
	return pattern
}

// Chatwoot 4.17 with the account's sla feature on: the policy is created and destroyed.
func TestAccSLAPolicy_featureOn417(t *testing.T) {
	env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: "4.17.0"})
	sc := env.seedWith(t, fixture.SeedOptions{Features: map[string]bool{"sla": true}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            slaConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "Gold"`),
			ConfigStateChecks: []statecheck.StateCheck{stateString(slaAddr, "name", "Gold")},
		}},
	})
}
