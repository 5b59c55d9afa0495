package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

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

const (
	capacityPolicyAddr  = "chatwoot_agent_capacity_policy.test"
	capacityMembersAddr = "chatwoot_agent_capacity_policy_members.test"
)

func capacityPolicyConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_agent_capacity_policy" "test" {
%s
}
`, body)
}

// limitsIn reads a capacity policy's limits from Chatwoot as "inbox:limit" pairs, sorted.
func limitsIn(ctx context.Context, api *chatwoot.Client, accountID, policyID int64) ([]string, error) {
	p, err := api.GetCapacityPolicy(ctx, accountID, policyID)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range p.InboxLimits {
		out = append(out, fmt.Sprintf("%d:%d", l.InboxID, l.ConversationLimit))
	}
	sort.Strings(out)
	return out, nil
}

// Create with rules and limits, then change one limit, add one and remove one, each with the
// one request it needs; refresh, import, drift restored, destroy checked.
func TestAccAgentCapacityPolicy_lifecycle(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a, in1 := sc.Account.ID, sc.Inbox.ID
	ctx, cancel := testContext()
	defer cancel()
	second, err := env.Fixtures.CreateInbox(ctx, sc.AdminToken, a, "Email", false)
	must(t, err)
	in2 := second.ID
	var policyID int64
	cfg := func(body string) string { return capacityPolicyConfig(proxy.URL, sc.AdminToken, a, body) }
	holdsLimits := func(want ...string) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			got, err := limitsIn(ctx, api, a, policyID)
			if err != nil {
				return err
			}
			sort.Strings(want)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				return fmt.Errorf("Chatwoot holds limits %v; want %v", got, want)
			}
			return nil
		})
	}
	first := fmt.Sprintf(`  name = "tier 1"
  exclusion_rules = {
    exclude_older_than_hours = 24
    excluded_labels          = ["spam", "vip"]
  }
  inbox_limits = [{ inbox_id = %d, conversation_limit = 2 }]`, in1)
	changed := fmt.Sprintf(`  name = "tier 1"
  exclusion_rules = {
    exclude_older_than_hours = 24
    excluded_labels          = ["spam", "vip"]
  }
  inbox_limits = [
    { inbox_id = %d, conversation_limit = 3 },
    { inbox_id = %d, conversation_limit = 0 },
  ]`, in1, in2)
	limitsPath := func() string { return accountAPIPath(a, "/agent_capacity_policies/%d/inbox_limits", policyID) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.GetCapacityPolicy(ctx, a, policyID); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("capacity policy %d still exists after destroy (err %w)", policyID, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config: cfg(first),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(capacityPolicyAddr, "name", "tier 1"),
					statecheck.ExpectKnownValue(capacityPolicyAddr, tfjsonpath.New("exclusion_rules").AtMapKey("excluded_labels"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("spam"), knownvalue.StringExact("vip")})),
				},
				Check: resource.ComposeTestCheckFunc(policyIDOf(capacityPolicyAddr, &policyID), holdsLimits(fmt.Sprintf("%d:2", in1)),
					inChatwoot(func(ctx context.Context) error {
						p, err := api.GetCapacityPolicy(ctx, a, policyID)
						if err != nil {
							return err
						}
						if r := p.ExclusionRules; r.ExcludeOlderThanHours == nil || *r.ExcludeOlderThanHours != 24 || len(r.ExcludedLabels) != 2 {
							return fmt.Errorf("Chatwoot holds exclusion rules %+v", r)
						}
						return nil
					})),
			},
			{
				PreConfig:        proxy.reset,
				Config:           cfg(changed),
				ConfigPlanChecks: expectAction(capacityPolicyAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(holdsLimits(fmt.Sprintf("%d:3", in1), fmt.Sprintf("%d:0", in2)), func(*terraform.State) error {
					// One PATCH of the changed limit, one POST of the new one, and the policy itself untouched.
					var mutations []string
					for _, r := range proxy.requests() {
						if r.Method != "GET" {
							mutations = append(mutations, r.Method)
						}
					}
					sort.Strings(mutations)
					if fmt.Sprint(mutations) != "[PATCH POST]" {
						return fmt.Errorf("the update sent %v; want one PATCH of a limit and one POST", proxy.requests())
					}
					_, err := proxy.sentBody("POST", limitsPath())
					return err
				}),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/agent_capacity_policies/%d", policyID))
				},
			},
			{
				ResourceName: capacityPolicyAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(capacityPolicyAddr, "policy_id"),
			},
			{
				// A limit changed and the rules cleared in the UI: the plan restores both.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					p, err := api.GetCapacityPolicy(ctx, a, policyID)
					if err != nil {
						return err
					}
					for _, l := range p.InboxLimits {
						if l.InboxID == in2 {
							if _, err := api.UpdateInboxCapacityLimit(ctx, a, policyID, l.ID, 9); err != nil {
								return err
							}
						}
					}
					_, err = api.UpdateCapacityPolicy(ctx, a, policyID, chatwoot.CapacityPolicyFields{ExclusionRules: &chatwoot.CapacityExclusionRules{}})
					return err
				}),
				Config:           cfg(changed),
				ConfigPlanChecks: expectAction(capacityPolicyAddr, plancheck.ResourceActionUpdate),
				Check:            holdsLimits(fmt.Sprintf("%d:3", in1), fmt.Sprintf("%d:0", in2)),
			},
			{
				// Down to one inbox and no rules: one DELETE of the limit, one PATCH of the rules.
				PreConfig: proxy.reset,
				Config:    cfg(fmt.Sprintf("  name = \"tier 1\"\n  inbox_limits = [{ inbox_id = %d, conversation_limit = 0 }]", in2)),
				Check: resource.ComposeTestCheckFunc(holdsLimits(fmt.Sprintf("%d:0", in2)), func(*terraform.State) error {
					n := 0
					for _, r := range proxy.requests() {
						if r.Method == "DELETE" {
							n++
						}
					}
					if n != 1 {
						return fmt.Errorf("%d DELETEs; want 1 (the removed limit): %v", n, proxy.requests())
					}
					return proxy.expectPatchKeys(accountAPIPath(a, "/agent_capacity_policies/%d", policyID), "agent_capacity_policy")
				}),
			},
		},
	})
}

// Negative limits, a duplicate inbox and an unknown inbox are refused before any mutating
// request; on a Community build the plan fails with one error.
func TestAccAgentCapacityPolicy_refusals(t *testing.T) {
	t.Parallel()
	t.Run("enterprise", func(t *testing.T) {
		t.Parallel()
		env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
		sc := env.seed(t, 0)
		in := sc.Inbox.ID
		cfg := func(body string) string { return capacityPolicyConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, body) }
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: refusalSteps(t, env.Mock, cfg(`  name = "fine"`),
				refusal{"negative limit", cfg(fmt.Sprintf("  name = \"x\"\n  inbox_limits = [{ inbox_id = %d, conversation_limit = -1 }]", in)),
					`conversation_limit value must be at least 0, got: -1`},
				refusal{"duplicate inbox", cfg(fmt.Sprintf("  name = \"x\"\n  inbox_limits = [\n    { inbox_id = %d, conversation_limit = 1 },\n    { inbox_id = %d, conversation_limit = 2 },\n  ]", in, in)),
					fmt.Sprintf(`Duplicate Inbox in inbox_limits.*Inbox %d has two limits`, in)},
				refusal{"unknown inbox", cfg(fmt.Sprintf("  name = \"x\"\n  inbox_limits = [{ inbox_id = %d, conversation_limit = 1 }]", in+1000)),
					fmt.Sprintf(`Chatwoot Inbox Not Found.*no inbox with id %d`, in+1000)},
			),
		})
	})
	t.Run("community", func(t *testing.T) {
		t.Parallel()
		env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionCommunity)
		sc := env.seed(t, 0)
		cfg := capacityPolicyConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  name = "x"`) + fmt.Sprintf(`
resource "chatwoot_agent_capacity_policy_members" "test" {
  policy_id = chatwoot_agent_capacity_policy.test.policy_id
  user_ids  = [%d]
}
`, sc.Agent1.ID)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: refusalSteps(t, env.Mock, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID)+`
resource "chatwoot_assignment_policy" "fine" {
  name = "fine"
}
`, refusal{"community", cfg, `Chatwoot Enterprise Required.*built without Chatwoot's Enterprise code`}),
		})
	})
}

// The members of a policy: set, shrunk with one DELETE, refreshed, imported, restored after a
// member was moved to another policy; destroy takes them off.
func TestAccAgentCapacityPolicyMembers_lifecycle(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a, alice, bob := sc.Account.ID, sc.Agent1.ID, sc.Agent2.ID
	var policyID int64
	cfg := func(users string) string {
		return capacityPolicyConfig(proxy.URL, sc.AdminToken, a, `  name = "tier 1"`) + fmt.Sprintf(`
resource "chatwoot_agent_capacity_policy_members" "test" {
  policy_id = chatwoot_agent_capacity_policy.test.policy_id
  user_ids  = [%s]
}
`, users)
	}
	holds := func(want ...int64) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			members, err := api.ListCapacityPolicyMembers(ctx, a, policyID)
			if err != nil {
				return err
			}
			var got []int64
			for _, m := range members {
				got = append(got, m.ID)
			}
			sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
			sort.Slice(want, func(i, j int) bool { return want[i] < want[j] })
			if fmt.Sprint(got) != fmt.Sprint(want) {
				return fmt.Errorf("policy %d has members %v; want %v", policyID, got, want)
			}
			return nil
		})
	}
	both := fmt.Sprintf("%d, %d", alice, bob)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			// The policy is destroyed too, which releases its members; nobody holds a policy now.
			for _, p := range []int64{policyID} {
				if _, err := api.GetCapacityPolicy(ctx, a, p); !chatwoot.IsNotFound(err) {
					return fmt.Errorf("policy %d still exists (err %w)", p, err)
				}
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:            cfg(both),
				ConfigStateChecks: []statecheck.StateCheck{stateUserIDs(capacityMembersAddr, alice, bob)},
				Check:             resource.ComposeTestCheckFunc(policyIDOf(capacityPolicyAddr, &policyID), holds(alice, bob)),
			},
			{
				PreConfig: proxy.reset,
				Config:    cfg(fmt.Sprint(alice)),
				Check: resource.ComposeTestCheckFunc(holds(alice), func(*terraform.State) error {
					for _, r := range proxy.requests() {
						if r.Method != "GET" && r.Path != accountAPIPath(a, "/agent_capacity_policies/%d/users/%d", policyID, bob) {
							return fmt.Errorf("shrinking the members sent %s %s; want only the DELETE of user %d", r.Method, r.Path, bob)
						}
					}
					_, err := proxy.sentBody("DELETE", accountAPIPath(a, "/agent_capacity_policies/%d/users/%d", policyID, bob))
					return err
				}),
			},
			{
				ResourceName: capacityMembersAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(capacityMembersAddr, "policy_id"),
			},
			{
				// Alice is moved to another policy in the UI: the refresh warns, the plan moves her back.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					other, err := api.CreateCapacityPolicy(ctx, a, chatwoot.CapacityPolicyFields{Name: ptr("other")})
					if err != nil {
						return err
					}
					_, err = api.AddCapacityPolicyMember(ctx, a, other.ID, alice)
					return err
				}),
				Config:           cfg(fmt.Sprint(alice)),
				ConfigPlanChecks: expectAction(capacityMembersAddr, plancheck.ResourceActionUpdate),
				Check:            holds(alice),
			},
		},
	})
}

// Two member resources of one configuration that list the same user are refused at plan time,
// before any member request.
func TestAccAgentCapacityPolicyMembers_sameUserTwice(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seedWith(t, fixture.SeedOptions{})
	api := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	p1, err := api.CreateCapacityPolicy(ctx, sc.Account.ID, chatwoot.CapacityPolicyFields{Name: ptr("one")})
	must(t, err)
	p2, err := api.CreateCapacityPolicy(ctx, sc.Account.ID, chatwoot.CapacityPolicyFields{Name: ptr("two")})
	must(t, err)
	members := func(name string, policy int64, users string) string {
		return fmt.Sprintf(`
resource "chatwoot_agent_capacity_policy_members" %q {
  policy_id = %d
  user_ids  = [%s]
}
`, name, policy, users)
	}
	base := providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: refusalSteps(t, env.Mock,
			base+members("one", p1.ID, fmt.Sprint(sc.Agent1.ID))+members("two", p2.ID, fmt.Sprint(sc.Agent2.ID)),
			refusal{"same user", base + members("one", p1.ID, fmt.Sprint(sc.Agent1.ID)) + members("two", p2.ID, fmt.Sprintf("%d, %d", sc.Agent1.ID, sc.Agent2.ID)),
				fmt.Sprintf(`User on Two Capacity Policies.*User %d is listed by the members of capacity policy`, sc.Agent1.ID)},
			refusal{"not an agent", base + members("one", p1.ID, "999999"), `Users Not in the Chatwoot Account.*999999`},
		),
	})
}

// A refresh that finds a member moved to another policy warns and names that policy.
func TestAgentCapacityPolicyMembers_readWarnsWhereAMemberWent(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	ctx := context.Background()
	a, alice, bob := sc.Account.ID, sc.Agent1.ID, sc.Agent2.ID
	mine, err := api.CreateCapacityPolicy(ctx, a, chatwoot.CapacityPolicyFields{Name: ptr("mine")})
	must(t, err)
	theirs, err := api.CreateCapacityPolicy(ctx, a, chatwoot.CapacityPolicyFields{Name: ptr("theirs")})
	must(t, err)
	for _, u := range []int64{alice, bob} {
		_, err = api.AddCapacityPolicyMember(ctx, a, mine.ID, u)
		must(t, err)
	}
	_, err = api.AddCapacityPolicyMember(ctx, a, theirs.ID, alice) // moves Alice
	must(t, err)

	r, _ := NewAgentCapacityPolicyMembersResource().(*capacityMembersResource)
	r.data = &providerData{client: api}
	var sch fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &sch)
	state := tfsdk.State{Schema: sch.Schema}
	prior := capacityMembersState(objectID{a, mine.ID}, []chatwoot.CapacityPolicyMember{{ID: alice}, {ID: bob}})
	timeoutsType, _ := sch.Schema.Blocks["timeouts"].Type().(attr.TypeWithAttributeTypes)
	prior.Timeouts.Object = types.ObjectNull(timeoutsType.AttributeTypes())
	if d := state.Set(ctx, prior); d.HasError() {
		t.Fatal(d)
	}
	resp := fwresource.ReadResponse{State: state}
	r.Read(ctx, fwresource.ReadRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() || len(resp.Diagnostics.Warnings()) != 1 {
		t.Fatalf("diagnostics %v; want one warning", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0].Detail()
	if want := fmt.Sprintf("User %d no longer holds capacity policy %d of account %d; they hold capacity policy %d now", alice, mine.ID, a, theirs.ID); !strings.Contains(w, want) {
		t.Errorf("warning %q does not say %q", w, want)
	}
	var after capacityMembersModel
	resp.Diagnostics.Append(resp.State.Get(ctx, &after)...)
	if ids := memberIDsFrom(ctx, after.UserIDs, &resp.Diagnostics); fmt.Sprint(ids) != fmt.Sprint([]int64{bob}) {
		t.Errorf("user_ids after the refresh = %v; want [%d]", ids, bob)
	}
}

// A capacity policy deleted in Chatwoot is removed from the state (with its members resource)
// and created again.
func TestAccAgentCapacityPolicy_deletedInChatwoot(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	cfg := capacityPolicyConfig(env.BaseURL, sc.AdminToken, a, `  name = "tier 1"`) + fmt.Sprintf(`
resource "chatwoot_agent_capacity_policy_members" "test" {
  policy_id = chatwoot_agent_capacity_policy.test.policy_id
  user_ids  = [%d]
}
`, sc.Agent1.ID)
	var first int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: policyIDOf(capacityPolicyAddr, &first)},
			{
				PreConfig: behindTerraform(t, func(ctx context.Context) error { return api.DeleteCapacityPolicy(ctx, a, first) }),
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(capacityPolicyAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(capacityMembersAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}
