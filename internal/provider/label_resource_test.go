package provider

import (
	"context"
	"fmt"
	"regexp"
	"sort"
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

const labelAddr = "chatwoot_label.test"

func labelConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_label" "test" {
%s
}
`, body)
}

// stateIDOf reads an int64 attribute of a resource in the state into *into.
func stateIDOf(addr, attr string, into *int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s is not in the state", addr)
		}
		v, err := strconv.ParseInt(rs.Primary.Attributes[attr], 10, 64)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", addr, attr, err)
		}
		*into = v
		return nil
	}
}

// expectWrappedPatchKeys checks that the only PATCH to path sent exactly keys under wrapper
// ({"label": {...}}): an update sends only what changed.
func (p *recordingProxy) expectWrappedPatchKeys(path, wrapper string, keys ...string) error {
	body, err := p.sentBody("PATCH", path)
	if err != nil {
		return err
	}
	inner, _ := body[wrapper].(map[string]any)
	got := make([]string, 0, len(inner))
	for k := range inner {
		got = append(got, k)
	}
	sort.Strings(got)
	want := append([]string(nil), keys...)
	sort.Strings(want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		return fmt.Errorf("PATCH %s sent %v under %q; want only the keys %v", path, body, wrapper, want)
	}
	return nil
}

// findLabel reads a label from a fresh list (the test's client must not serve a cached one).
func findLabel(ctx context.Context, api *chatwoot.Client, accountID, id int64) (*chatwoot.Label, error) {
	list, err := api.ListLabels(ctx, accountID)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].ID == id {
			return &list[i], nil
		}
	}
	return nil, fmt.Errorf("label %d not found", id)
}

// noMutations checks that the mock received nothing but reads since its log was last reset.
func noMutations(t *testing.T, env *testEnv) resource.TestCheckFunc {
	mock := env.requireMock(t)
	return func(*terraform.State) error {
		if m := mutatingRequests(mock.Requests()); len(m) > 0 {
			return fmt.Errorf("Chatwoot received mutating requests %v", m)
		}
		return nil
	}
}

// Create, update (only what changed), refresh (one list request), import, drift and destroy,
// each checked against what Chatwoot holds.
func TestAccLabel_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var labelID int64
	cfg := func(body string) string { return labelConfig(proxy.URL, sc.AdminToken, a, body) }
	holds := func(title, description, color string, sidebar bool) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			l, err := findLabel(ctx, api, a, labelID)
			if err != nil {
				return err
			}
			if l.Title != title || l.Description != description || l.Color != color || (l.ShowOnSidebar != nil && *l.ShowOnSidebar) != sidebar {
				return fmt.Errorf("Chatwoot holds %+v; want %q, %q, %q, %v", l, title, description, color, sidebar)
			}
			return nil
		})
	}
	final := `  title           = "vip"
  description     = "Customers on the enterprise plan"
  color           = "#FF6600"
  show_on_sidebar = true`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			list, err := api.ListLabels(ctx, a)
			if err != nil {
				return err
			}
			for _, l := range list {
				if l.ID == labelID {
					return fmt.Errorf("label %d still exists after destroy", labelID)
				}
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:           cfg(`  title = "vip"`),
				ConfigPlanChecks: expectAction(labelAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(labelAddr, "title", "vip"),
					stateString(labelAddr, "description", ""),
					stateString(labelAddr, "color", chatwoot.DefaultLabelColor),
					stateBool(labelAddr, "show_on_sidebar", false),
					stateInt64(labelAddr, "account_id", a),
					statecheck.ExpectKnownValue(labelAddr, tfjsonpath.New("label_id"), knownvalue.NotNull()),
				},
				Check: resource.ComposeTestCheckFunc(stateIDOf(labelAddr, "label_id", &labelID), holds("vip", "", "#1f93ff", false)),
			},
			{
				PreConfig:        proxy.reset,
				Config:           cfg(final),
				ConfigPlanChecks: expectAction(labelAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(
					holds("vip", "Customers on the enterprise plan", "#FF6600", true),
					func(*terraform.State) error {
						return proxy.expectWrappedPatchKeys(accountAPIPath(a, "/labels/%d", labelID), "label", "description", "color", "show_on_sidebar")
					},
				),
			},
			{
				// A refresh reads the account's label list once and sends nothing else.
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/labels"))
				},
			},
			{
				ResourceName:      labelAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(labelAddr, "label_id"),
				// A block Terraform fills from the configuration, not from Chatwoot.
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				ResourceName:            labelAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateIdFunc:       func(*terraform.State) (string, error) { return strconv.FormatInt(labelID, 10), nil },
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				// Renamed and recoloured in Chatwoot: the plan shows the fix and apply restores it.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateLabel(ctx, a, labelID, chatwoot.LabelFields{Title: ptr("renamed"), Color: ptr("#000000"), ShowOnSidebar: ptr(false)})
					return err
				}),
				Config: cfg(final),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(labelAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(labelAddr, tfjsonpath.New("title"), knownvalue.StringExact("vip")),
					plancheck.ExpectKnownValue(labelAddr, tfjsonpath.New("color"), knownvalue.StringExact("#FF6600")),
				}},
				Check: holds("vip", "Customers on the enterprise plan", "#FF6600", true),
			},
			{
				Config:           cfg(final),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A label deleted in Chatwoot is removed from the state with a warning and created again.
func TestAccLabel_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	cfg := labelConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  title = "churn-risk"`)
	var first, second int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: stateIDOf(labelAddr, "label_id", &first)},
			{
				PreConfig:        behindTerraform(t, func(ctx context.Context) error { return api.DeleteLabel(ctx, sc.Account.ID, first) }),
				Config:           cfg,
				ConfigPlanChecks: expectAction(labelAddr, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(stateIDOf(labelAddr, "label_id", &second), func(*terraform.State) error {
					if second == first {
						return fmt.Errorf("label_id %d was not replaced by the new label's id", first)
					}
					return nil
				}),
			},
		},
	})
}

// Titles Chatwoot would store differently, invalid titles and colours, and a title the account
// already has are refused at plan time, and nothing is sent that could change Chatwoot.
func TestAccLabel_refusedAtPlan(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	mock := env.requireMock(t)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	ctx, cancel := testContext()
	defer cancel()
	existing, err := api.CreateLabel(ctx, a, chatwoot.LabelFields{Title: ptr("Refunds")}) // stored as "refunds"
	must(t, err)
	mock.ResetRequests()
	cfg := func(body string) string { return labelConfig(env.BaseURL, sc.AdminToken, a, body) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      cfg(`  title = "Billing-VIP"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Value Must Be Lowercase.*Write\s+"billing-vip"\s+instead`),
			},
			{
				Config:      cfg(`  title = "two words"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)title.*hold no spaces`),
			},
			{
				Config:      cfg(`  title = "x"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`at least two letters`),
			},
			{
				Config:      cfg("  title = \"vip\"\n  color = \"red\""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`#rrggbb`),
			},
			{
				Config:   cfg(`  title = "refunds"`),
				PlanOnly: true,
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Label Already Exists.*Label %d of account %d already has title\s+"refunds".*any\s+letter\s+case.*terraform import chatwoot_label.<name> %d/%d`,
					existing.ID, a, a, existing.ID)),
			},
			{
				// The last step sent no write either (Check does not run on an expected error).
				Config:   cfg(`  title = "fresh"`),
				PlanOnly: true, ExpectNonEmptyPlan: true,
				Check: noMutations(t, env),
			},
		},
	})
	if m := mutatingRequests(mock.Requests()); len(m) > 0 {
		t.Errorf("Chatwoot received mutating requests %v", m)
	}
}

// A title taken between plan and apply (another administrator, in the UI) reaches Chatwoot, and
// its 422 is reported on title with the existing label's id and how to import it.
func TestAccLabel_duplicateAtApply(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var taken *chatwoot.Label
	proxy.rewrite = func(method, path string, _ map[string]any) {
		if method == "POST" && path == accountAPIPath(a, "/labels") && taken == nil {
			ctx, cancel := testContext()
			defer cancel()
			var err error
			if taken, err = api.CreateLabel(ctx, a, chatwoot.LabelFields{Title: ptr("Priority")}); err != nil {
				t.Errorf("creating the competing label: %v", err)
			}
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: labelConfig(proxy.URL, sc.AdminToken, a, `  title = "priority"`),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Chatwoot Rejected the Request.*Label \d+ of account %d already has title\s+"priority".*refused\s+this\s+one.*terraform import chatwoot_label.<name> %d/\d+.*Title\s+has\s+already\s+been\s+taken`,
				a, a)),
		}},
	})
	if taken == nil {
		t.Fatal("the create never reached Chatwoot")
	}
	ctx, cancel := testContext()
	defer cancel()
	list, err := api.ListLabels(ctx, a)
	must(t, err)
	if len(list) != 1 || list[0].ID != taken.ID {
		t.Errorf("Chatwoot holds labels %+v; want only the competing label %d", list, taken.ID)
	}
}

// An agent's token may read labels but not create them; the error says an administrator is needed.
func TestAccLabel_agentTokenRefused(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      labelConfig(env.BaseURL, sc.Agent1.AccessToken, sc.Account.ID, `  title = "agents-only"`),
			ExpectError: regexp.MustCompile(`(?s)Chatwoot Permission Denied.*administrator's\s+token`),
		}},
	})
}
