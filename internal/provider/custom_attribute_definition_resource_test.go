package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
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

const customAttrAddr = "chatwoot_custom_attribute_definition.test"

func customAttrConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_custom_attribute_definition" "test" {
%s
}
`, body)
}

// Create, update (only what changed), refresh (one list request), import, drift and destroy,
// each checked against what Chatwoot holds (read with the show route, which the provider never needs).
func TestAccCustomAttributeDefinition_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var id int64
	cfg := func(body string) string { return customAttrConfig(proxy.URL, sc.AdminToken, a, body) }
	holds := func(check func(d *chatwoot.CustomAttributeDefinition) bool) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			d, err := api.GetCustomAttributeDefinition(ctx, a, id)
			if err != nil {
				return err
			}
			if !check(d) {
				return fmt.Errorf("Chatwoot holds %+v", d)
			}
			return nil
		})
	}
	plan := `  attribute_display_name = "Plan"
  attribute_key          = "plan"
  attribute_model        = "contact_attribute"
  attribute_display_type = "list"
  attribute_values       = ["free", "pro"]`
	plan2 := `  attribute_display_name = "Plan"
  attribute_key          = "plan"
  attribute_model        = "contact_attribute"
  attribute_display_type = "list"
  attribute_description  = "The customer's subscription"
  attribute_values       = ["free", "pro", "enterprise"]`
	text := `  attribute_display_name = "Order number"
  attribute_key          = "order.number"
  attribute_model        = "conversation_attribute"
  regex_pattern          = "^[0-9]{6}$"
  regex_cue              = "Six digits"`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.GetCustomAttributeDefinition(ctx, a, id); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("definition %d still exists after destroy (err %w)", id, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:           cfg(plan),
				ConfigPlanChecks: expectAction(customAttrAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(customAttrAddr, "attribute_description", ""),
					statecheck.ExpectKnownValue(customAttrAddr, tfjsonpath.New("regex_pattern"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(stateIDOf(customAttrAddr, "custom_attribute_definition_id", &id),
					holds(func(d *chatwoot.CustomAttributeDefinition) bool {
						return d.AttributeModel == "contact_attribute" && d.AttributeDisplayType == "list" && slices.Equal(d.AttributeValues, []string{"free", "pro"})
					})),
			},
			{
				PreConfig:        proxy.reset,
				Config:           cfg(plan2),
				ConfigPlanChecks: expectAction(customAttrAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(
					holds(func(d *chatwoot.CustomAttributeDefinition) bool {
						return d.AttributeDescription == "The customer's subscription" && slices.Equal(d.AttributeValues, []string{"free", "pro", "enterprise"})
					}),
					func(*terraform.State) error {
						return proxy.expectWrappedPatchKeys(accountAPIPath(a, "/custom_attribute_definitions/%d", id),
							"custom_attribute_definition", "attribute_description", "attribute_values")
					},
				),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/custom_attribute_definitions"))
				},
			},
			{
				ResourceName: customAttrAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc:       importIDOf(customAttrAddr, "custom_attribute_definition_id"),
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				ResourceName: customAttrAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc:       func(*terraform.State) (string, error) { return strconv.FormatInt(id, 10), nil },
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateCustomAttributeDefinition(ctx, a, id, chatwoot.CustomAttributeDefinitionFields{
						AttributeDisplayName: ptr("Tier"), AttributeValues: &[]string{"gold"},
					})
					return err
				}),
				Config: cfg(plan2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(customAttrAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(customAttrAddr, tfjsonpath.New("attribute_display_name"), knownvalue.StringExact("Plan")),
				}},
				Check: holds(func(d *chatwoot.CustomAttributeDefinition) bool {
					return d.AttributeDisplayName == "Plan" && len(d.AttributeValues) == 3
				}),
			},
			{
				// Key, model and type change in place, as Chatwoot allows; the values are cleared.
				Config: cfg(text),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(customAttrAddr, plancheck.ResourceActionUpdate),
				}},
				Check: holds(func(d *chatwoot.CustomAttributeDefinition) bool {
					return d.AttributeKey == "order.number" && d.AttributeModel == "conversation_attribute" && d.AttributeDisplayType == "text" &&
						len(d.AttributeValues) == 0 && d.RegexPattern == "^[0-9]{6}$" && d.RegexCue == "Six digits" && d.AttributeDescription == ""
				}),
			},
			{
				Config:           cfg(text),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A definition deleted in Chatwoot is removed from the state and created again.
func TestAccCustomAttributeDefinition_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	cfg := customAttrConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, "  attribute_display_name = \"VIP\"\n  attribute_key = \"vip\"\n  attribute_display_type = \"checkbox\"")
	var first, second int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: stateIDOf(customAttrAddr, "custom_attribute_definition_id", &first)},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return api.DeleteCustomAttributeDefinition(ctx, sc.Account.ID, first)
				}),
				Config:           cfg,
				ConfigPlanChecks: expectAction(customAttrAddr, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(stateIDOf(customAttrAddr, "custom_attribute_definition_id", &second), func(*terraform.State) error {
					if second == first {
						return fmt.Errorf("custom_attribute_definition_id %d was not replaced", first)
					}
					return nil
				}),
			},
		},
	})
}

// What Chatwoot would answer with a 500 or a 422, and combinations its interface does not use,
// are refused at plan time; nothing that could change Chatwoot is sent. A key of another model,
// and a conversation attribute called email (a standard key of contacts only), are fine.
func TestAccCustomAttributeDefinition_refusedAtPlan(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	mock := env.requireMock(t)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	ctx, cancel := testContext()
	defer cancel()
	existing, err := api.CreateCustomAttributeDefinition(ctx, a, chatwoot.CustomAttributeDefinitionFields{
		AttributeDisplayName: ptr("Region"), AttributeKey: ptr("region"), AttributeModel: ptr("contact_attribute"),
	})
	must(t, err)
	mock.ResetRequests()
	cfg := func(body string) string { return customAttrConfig(env.BaseURL, sc.AdminToken, a, body) }
	refused := func(body, pattern string) resource.TestStep {
		return resource.TestStep{Config: cfg(body), PlanOnly: true, ExpectError: regexp.MustCompile(pattern)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			refused("  attribute_display_name = \"S\"\n  attribute_key = \"status\"", `(?s)Reserved Attribute Key.*"status".*custom_status`),
			refused("  attribute_display_name = \"E\"\n  attribute_key = \"email\"\n  attribute_model = \"contact_attribute\"", `Reserved Attribute Key`),
			refused("  attribute_display_name = \"X\"\n  attribute_key = \"x\"\n  attribute_display_type = \"dropdown\"", `(?s)attribute_display_type.*dropdown`),
			refused("  attribute_display_name = \"X\"\n  attribute_key = \"x\"\n  attribute_model = \"company_attribute\"", `(?s)attribute_model.*company_attribute`),
			refused("  attribute_display_name = \"X\"\n  attribute_key = \"two words\"", `only contain letters`),
			refused("  attribute_display_name = \" X\"\n  attribute_key = \"x\"", `strips them`),
			refused("  attribute_display_name = \"X\"\n  attribute_key = \"x\"\n  attribute_values = [\"a\"]", `Values Need The List Display Type`),
			refused("  attribute_display_name = \"X\"\n  attribute_key = \"x\"\n  attribute_display_type = \"list\"", `List Attribute Without Values`),
			refused("  attribute_display_name = \"X\"\n  attribute_key = \"x\"\n  attribute_display_type = \"number\"\n  regex_pattern = \"^1$\"", `Pattern Needs The Text Display Type`),
			refused("  attribute_display_name = \"X\"\n  attribute_key = \"x\"\n  regex_cue = \"hint\"", `regex_pattern`),
			refused("  attribute_display_name = \"R\"\n  attribute_key = \"region\"\n  attribute_model = \"contact_attribute\"",
				fmt.Sprintf(`(?s)Custom Attribute Definition Already Exists.*definition %d of account %d already has attribute_key\s+"region"\s+with\s+attribute_model\s+"contact_attribute".*terraform import\s+chatwoot_custom_attribute_definition.<name> %d/%d`,
					existing.ID, a, a, existing.ID)),
			{
				PreConfig: func() {
					if m := mutatingRequests(mock.Requests()); len(m) > 0 {
						t.Errorf("refused plans sent mutating requests %v", m)
					}
				},
				// The same key for conversations, called email: Chatwoot accepts both. A pattern Go cannot
				// read is only a warning (it may be JavaScript-only syntax).
				Config: cfg("  attribute_display_name = \"R\"\n  attribute_key = \"region\"\n  regex_pattern = \"^(?=a)\"") + `
resource "chatwoot_custom_attribute_definition" "email" {
  attribute_display_name = "Email"
  attribute_key          = "email"
}
`,
			},
		},
	})
}
