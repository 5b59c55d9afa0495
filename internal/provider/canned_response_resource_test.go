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
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

const cannedAddr = "chatwoot_canned_response.test"

func cannedConfig(baseURL, token string, accountID int64, shortCode, content string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_canned_response" "test" {
  short_code = %q
  content    = %q
}
`, shortCode, content)
}

// findCanned reads a canned response from a fresh list.
func findCanned(ctx context.Context, api *chatwoot.Client, accountID, id int64) (*chatwoot.CannedResponse, error) {
	list, err := api.ListCannedResponses(ctx, accountID)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].ID == id {
			return &list[i], nil
		}
	}
	return nil, &chatwoot.NotFoundError{Kind: "canned response", AccountID: accountID, ID: id}
}

// Create, update (only what changed), refresh (one list request), import, drift and destroy,
// with an agent's token: any member may manage canned responses.
func TestAccCannedResponse_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var id int64
	cfg := func(code, content string) string {
		return cannedConfig(proxy.URL, sc.Agent1.AccessToken, a, code, content)
	}
	holds := func(code, content string) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			cr, err := findCanned(ctx, api, a, id)
			if err != nil {
				return err
			}
			if cr.ShortCode != code || cr.Content != content {
				return fmt.Errorf("Chatwoot holds %+v; want %q, %q", cr, code, content)
			}
			return nil
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := findCanned(ctx, api, a, id); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("canned response %d still exists after destroy (err %w)", id, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:           cfg("Refund", "Your refund is on its way."),
				ConfigPlanChecks: expectAction(cannedAddr, plancheck.ResourceActionCreate),
				Check:            resource.ComposeTestCheckFunc(stateIDOf(cannedAddr, "canned_response_id", &id), holds("Refund", "Your refund is on its way.")),
			},
			{
				PreConfig:        proxy.reset,
				Config:           cfg("Refund", "Your refund is on its way: allow 5 days."),
				ConfigPlanChecks: expectAction(cannedAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(
					holds("Refund", "Your refund is on its way: allow 5 days."),
					func(*terraform.State) error {
						return proxy.expectWrappedPatchKeys(accountAPIPath(a, "/canned_responses/%d", id), "canned_response", "content")
					},
				),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/canned_responses"))
				},
			},
			{
				ResourceName: cannedAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc:       importIDOf(cannedAddr, "canned_response_id"),
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				ResourceName: cannedAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc:       func(*terraform.State) (string, error) { return strconv.FormatInt(id, 10), nil },
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateCannedResponse(ctx, a, id, chatwoot.CannedResponseFields{ShortCode: ptr("refund"), Content: ptr("edited in the UI")})
					return err
				}),
				Config: cfg("Refund", "Your refund is on its way: allow 5 days."),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cannedAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(cannedAddr, tfjsonpath.New("short_code"), knownvalue.StringExact("Refund")),
				}},
				Check: holds("Refund", "Your refund is on its way: allow 5 days."),
			},
			{
				Config:           cfg("Refund", "Your refund is on its way: allow 5 days."),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A canned response deleted in Chatwoot is removed from the state and created again.
func TestAccCannedResponse_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	cfg := cannedConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, "hi", "Hello!")
	var first, second int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: stateIDOf(cannedAddr, "canned_response_id", &first)},
			{
				PreConfig:        behindTerraform(t, func(ctx context.Context) error { return api.DeleteCannedResponse(ctx, sc.Account.ID, first) }),
				Config:           cfg,
				ConfigPlanChecks: expectAction(cannedAddr, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(stateIDOf(cannedAddr, "canned_response_id", &second), func(*terraform.State) error {
					if second == first {
						return fmt.Errorf("canned_response_id %d was not replaced", first)
					}
					return nil
				}),
			},
		},
	})
}

// Short codes are unique case-sensitively: "Thanks" taken refuses "Thanks" at plan time with the
// import hint, and "thanks" is another short code. Blank values are refused before any request.
func TestAccCannedResponse_shortCodeRules(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	mock := env.requireMock(t)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	ctx, cancel := testContext()
	defer cancel()
	existing, err := api.CreateCannedResponse(ctx, a, chatwoot.CannedResponseFields{ShortCode: ptr("Thanks"), Content: ptr("Thank you!")})
	must(t, err)
	mock.ResetRequests()
	cfg := func(code, content string) string { return cannedConfig(env.BaseURL, sc.AdminToken, a, code, content) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:   cfg("Thanks", "Thanks a lot!"),
				PlanOnly: true,
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Canned Response Already Exists.*Canned response %d of account %d already has\s+short_code\s+"Thanks".*terraform import chatwoot_canned_response.<name> %d/%d`,
					existing.ID, a, a, existing.ID)),
			},
			{Config: cfg("  ", "x"), PlanOnly: true, ExpectError: regexp.MustCompile(`must not be blank`)},
			{Config: cfg("x", " "), PlanOnly: true, ExpectError: regexp.MustCompile(`must not be blank`)},
			{
				PreConfig: func() {
					if m := mutatingRequests(mock.Requests()); len(m) > 0 {
						t.Errorf("refused plans sent mutating requests %v", m)
					}
				},
				Config: cfg("thanks", "Thanks a lot!"),
			},
		},
	})
}
