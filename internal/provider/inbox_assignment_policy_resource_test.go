package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	tfresource "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

const inboxPolicyAddr = "chatwoot_inbox_assignment_policy.test"

// inboxPolicyConfig has two policies, "day" and "night", and binds the one named by use.
func inboxPolicyConfig(baseURL, token string, accountID, inboxID int64, use string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_assignment_policy" "day" {
  name = "day"
}

resource "chatwoot_assignment_policy" "night" {
  name                    = "night"
  fair_distribution_limit = 3
}

resource "chatwoot_inbox_assignment_policy" "test" {
  inbox_id             = %d
  assignment_policy_id = chatwoot_assignment_policy.%s.policy_id
}
`, inboxID, use)
}

// Bind, switch policies in place with one POST, refresh with one GET, import, drift restored,
// and destroy detaches the policy.
func TestAccInboxAssignmentPolicy_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a, inbox := sc.Account.ID, sc.Inbox.ID
	var day, night int64
	cfg := func(use string) string { return inboxPolicyConfig(proxy.URL, sc.AdminToken, a, inbox, use) }
	bound := func(want *int64) tfresource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			p, err := api.GetInboxAssignmentPolicy(ctx, a, inbox)
			if err != nil {
				return err
			}
			if p.ID != *want {
				return fmt.Errorf("inbox %d is bound to policy %d; want %d", inbox, p.ID, *want)
			}
			return nil
		})
	}
	bindingPath := accountAPIPath(a, "/inboxes/%d/assignment_policy", inbox)
	tfresource.ParallelTest(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.GetInboxAssignmentPolicy(ctx, a, inbox); !chatwoot.IsPolicyNotBound(err) {
				return fmt.Errorf("inbox %d still has a policy after destroy (err %w)", inbox, err)
			}
			return nil
		}),
		Steps: []tfresource.TestStep{
			{
				Config: cfg("day"),
				ConfigStateChecks: []statecheck.StateCheck{
					stateInt64(inboxPolicyAddr, "inbox_id", inbox),
					stateString(inboxPolicyAddr, "id", fmt.Sprintf("%d/%d", a, inbox)),
				},
				Check: tfresource.ComposeTestCheckFunc(
					policyIDOf("chatwoot_assignment_policy.day", &day),
					policyIDOf("chatwoot_assignment_policy.night", &night),
					bound(&day)),
			},
			{
				// The day policy's assigned_inbox_count was read before the binding: a refresh
				// shows 1 without planning anything.
				Config:            cfg("day"),
				PlanOnly:          true,
				ConfigStateChecks: []statecheck.StateCheck{stateInt64("chatwoot_assignment_policy.day", "assigned_inbox_count", 1)},
			},
			{
				PreConfig:        proxy.reset,
				Config:           cfg("night"),
				ConfigPlanChecks: expectAction(inboxPolicyAddr, plancheck.ResourceActionUpdate),
				Check: tfresource.ComposeTestCheckFunc(bound(&night), func(*terraform.State) error {
					n := 0
					for _, r := range proxy.requests() {
						switch {
						case r.Method == "POST" && r.Path == bindingPath:
							n++
						case r.Method != "GET":
							return fmt.Errorf("switching policies sent %s %s; want one POST only", r.Method, r.Path)
						}
					}
					if n != 1 {
						return fmt.Errorf("switching policies sent %d POSTs to %s; want 1", n, bindingPath)
					}
					return nil
				}),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET "+bindingPath,
						"GET "+accountAPIPath(a, "/assignment_policies/%d", day), "GET "+accountAPIPath(a, "/assignment_policies/%d", night))
				},
			},
			{
				ResourceName: inboxPolicyAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(inboxPolicyAddr, "inbox_id"),
			},
			{
				ResourceName: inboxPolicyAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return fmt.Sprint(inbox), nil },
			},
			{
				// Someone attaches the day policy in the UI: the plan attaches night again.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.SetInboxAssignmentPolicy(ctx, a, inbox, day)
					return err
				}),
				Config:           cfg("night"),
				ConfigPlanChecks: expectAction(inboxPolicyAddr, plancheck.ResourceActionUpdate),
				Check:            bound(&night),
			},
		},
	})
}

// Deleting the bound policy in Chatwoot detaches it: the binding reads as gone and the plan
// creates both again.
func TestAccInboxAssignmentPolicy_policyDeleted(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a, inbox := sc.Account.ID, sc.Inbox.ID
	cfg := inboxPolicyConfig(env.BaseURL, sc.AdminToken, a, inbox, "night")
	var night int64
	tfresource.ParallelTest(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []tfresource.TestStep{
			{Config: cfg, Check: policyIDOf("chatwoot_assignment_policy.night", &night)},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error { return api.DeleteAssignmentPolicy(ctx, a, night) }),
				Config:    cfg,
				ConfigPlanChecks: tfresource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(inboxPolicyAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("chatwoot_assignment_policy.night", plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// The warning of a binding whose policy was deleted says so.
func TestInboxAssignmentPolicy_readAfterPolicyDeletedWarnsWhy(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	ctx := context.Background()
	a, inbox := sc.Account.ID, sc.Inbox.ID
	p, err := api.CreateAssignmentPolicy(ctx, a, chatwoot.AssignmentPolicyFields{Name: ptr("short-lived")})
	must(t, err)
	_, err = api.SetInboxAssignmentPolicy(ctx, a, inbox, p.ID)
	must(t, err)
	must(t, api.DeleteAssignmentPolicy(ctx, a, p.ID))

	r, _ := NewInboxAssignmentPolicyResource().(*inboxAssignmentPolicyResource)
	r.data = &providerData{client: api}
	var sch resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sch)
	state := tfsdk.State{Schema: sch.Schema}
	stateValue := inboxAssignmentPolicyState(objectID{a, inbox}, p.ID)
	timeoutsType, _ := sch.Schema.Blocks["timeouts"].Type().(attr.TypeWithAttributeTypes)
	stateValue.Timeouts.Object = types.ObjectNull(timeoutsType.AttributeTypes())
	if d := state.Set(ctx, stateValue); d.HasError() {
		t.Fatal(d)
	}
	resp := resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() || len(resp.Diagnostics.Warnings()) != 1 {
		t.Fatalf("diagnostics %v; want one warning", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0].Detail()
	// It fits both outcomes: a configuration that still has the binding, and one that removed it.
	for _, want := range []string{fmt.Sprintf("assignment policy %d was deleted", p.ID), "the next plan attaches the policy again",
		"if it was removed from the configuration, nothing more happens"} {
		if !strings.Contains(w, want) {
			t.Errorf("warning %q does not say %q", w, want)
		}
	}
	if !resp.State.Raw.IsNull() {
		t.Error("the binding is still in the state")
	}
}

// An inbox or a policy the account does not have is refused before any mutating request.
func TestAccInboxAssignmentPolicy_unknownReferences(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	p, err := api.CreateAssignmentPolicy(ctx, sc.Account.ID, chatwoot.AssignmentPolicyFields{Name: ptr("existing")})
	must(t, err)
	cfg := func(inboxID, policyID int64) string {
		return providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_inbox_assignment_policy" "test" {
  inbox_id             = %d
  assignment_policy_id = %d
}
`, inboxID, policyID)
	}
	tfresource.ParallelTest(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: refusalSteps(t, mock, cfg(sc.Inbox.ID, p.ID),
			refusal{"unknown inbox", cfg(sc.Inbox.ID+1000, p.ID), fmt.Sprintf(`Chatwoot Inbox Not Found.*no inbox with id %d`, sc.Inbox.ID+1000)},
			refusal{"unknown policy", cfg(sc.Inbox.ID, p.ID+1000), fmt.Sprintf(`Chatwoot Assignment Policy Not Found.*no assignment policy with id %d`, p.ID+1000)},
			refusal{"policy id 0", cfg(sc.Inbox.ID, 0), `assignment_policy_id value must be at least 1`},
		),
	})
}
