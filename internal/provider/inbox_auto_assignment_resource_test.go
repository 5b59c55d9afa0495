package provider

import (
	"context"
	"fmt"
	"net/http"
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

const inboxAutoAssignmentAddr = "chatwoot_inbox_auto_assignment.test"

func inboxAutoAssignmentConfig(baseURL, token string, accountID, inboxID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_inbox_auto_assignment" "test" {
  inbox_id = %d
%s
}
`, inboxID, body)
}

// Create, update (only what changed), one-GET refresh, import, drift, and destroy restoring
// Chatwoot's defaults, each checked against what Chatwoot holds.
func TestAccInboxAutoAssignment_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0) // the inbox has auto-assignment off
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a, inbox := sc.Account.ID, sc.Inbox.ID
	inboxPath := accountAPIPath(a, "/inboxes/%d", inbox)
	cfg := func(body string) string { return inboxAutoAssignmentConfig(proxy.URL, sc.AdminToken, a, inbox, body) }
	holds := func(enabled bool, limit int64) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			got, err := api.GetInboxAutoAssignment(ctx, a, inbox)
			if err != nil {
				return err
			}
			gotLimit := int64(0)
			if got.MaxAssignmentLimit != nil {
				gotLimit = *got.MaxAssignmentLimit
			}
			if got.Enabled != enabled || gotLimit != limit {
				return fmt.Errorf("Chatwoot holds enable_auto_assignment %v, max_assignment_limit %d; want %v, %d", got.Enabled, gotLimit, enabled, limit)
			}
			return nil
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             holds(true, 0), // Chatwoot's defaults
		Steps: []resource.TestStep{
			{
				Config:           cfg(`  max_assignment_limit = 3`),
				ConfigPlanChecks: expectAction(inboxAutoAssignmentAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateBool(inboxAutoAssignmentAddr, "enable_auto_assignment", true),
					stateInt64(inboxAutoAssignmentAddr, "max_assignment_limit", 3),
					stateString(inboxAutoAssignmentAddr, "id", fmt.Sprintf("%d/%d", a, inbox)),
				},
				Check: holds(true, 3),
			},
			{
				PreConfig:         proxy.reset,
				Config:            cfg(`  max_assignment_limit = 5`),
				ConfigPlanChecks:  expectAction(inboxAutoAssignmentAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{stateInt64(inboxAutoAssignmentAddr, "max_assignment_limit", 5)},
				Check: resource.ComposeTestCheckFunc(
					holds(true, 5),
					func(*terraform.State) error {
						return proxy.expectPatchKeys(inboxPath, "auto_assignment_config")
					},
				),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check:        func(*terraform.State) error { return proxy.expectRequests("GET " + inboxPath) },
			},
			{
				ResourceName:      inboxAutoAssignmentAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(inboxAutoAssignmentAddr, "inbox_id"),
			},
			{
				// Turned off and unlimited in Chatwoot's UI: the plan restores both.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					off := false
					_, err := api.UpdateInboxAutoAssignment(ctx, a, inbox, chatwoot.InboxAutoAssignmentUpdate{Enabled: &off, SetMaxAssignmentLimit: true})
					return err
				}),
				Config: cfg(`  max_assignment_limit = 5`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(inboxAutoAssignmentAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(inboxAutoAssignmentAddr, tfjsonpath.New("enable_auto_assignment"), knownvalue.Bool(true)),
				}},
				Check: holds(true, 5),
			},
			{
				// Turning auto-assignment off and dropping the limit (which clears it) sends both.
				PreConfig:        proxy.reset,
				Config:           cfg(`  enable_auto_assignment = false`),
				ConfigPlanChecks: expectAction(inboxAutoAssignmentAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(inboxAutoAssignmentAddr, tfjsonpath.New("max_assignment_limit"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					holds(false, 0),
					func(*terraform.State) error {
						return proxy.expectPatchKeys(inboxPath, "enable_auto_assignment", "auto_assignment_config")
					},
				),
			},
		},
	})
}

// Chatwoot's community edition ignores auto_assignment_config without an error; the provider
// notices and says so on the attribute. A proxy that drops the key plays the community edition.
func TestAccInboxAutoAssignment_limitIgnored(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	proxy := newRecordingProxy(t, env.BaseURL)
	proxy.rewrite = func(method, path string, body map[string]any) {
		if method == http.MethodPatch && strings.Contains(path, "/inboxes/") {
			delete(body, "auto_assignment_config")
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      inboxAutoAssignmentConfig(proxy.URL, sc.AdminToken, sc.Account.ID, sc.Inbox.ID, `  max_assignment_limit = 2`),
			ExpectError: regexp.MustCompile(`(?s)Chatwoot Did Not Keep max_assignment_limit.*Enterprise`),
		}},
	})
}

// Plan-time validation and the agent token.
func TestAccInboxAutoAssignment_refusals(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	a, inbox := sc.Account.ID, sc.Inbox.ID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      inboxAutoAssignmentConfig(env.BaseURL, sc.AdminToken, a, inbox, `  max_assignment_limit = 0`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`max_assignment_limit\s+value\s+must\s+be\s+at\s+least\s+1`),
			},
			{
				Config:      inboxAutoAssignmentConfig(env.BaseURL, sc.Agent1.AccessToken, a, inbox, ``),
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Permission Denied.*administrator's\s+token`),
			},
			{
				Config:      inboxAutoAssignmentConfig(env.BaseURL, sc.AdminToken, a, 424242, ``),
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Object Not Found.*inbox\s+424242`),
			},
		},
	})
}
