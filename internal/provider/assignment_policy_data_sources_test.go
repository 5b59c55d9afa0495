package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// chatwoot_assignment_policy by id and by name, chatwoot_assignment_policies, and
// chatwoot_agent_capacity_policy by name, over policies made through the API.
func TestAccAssignmentPolicyDataSources_read(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	ctx, cancel := testContext()
	defer cancel()
	day, err := api.CreateAssignmentPolicy(ctx, a, chatwoot.AssignmentPolicyFields{Name: ptr("Day shift"), FairDistributionLimit: ptr(int64(4))})
	must(t, err)
	night, err := api.CreateAssignmentPolicy(ctx, a, chatwoot.AssignmentPolicyFields{Name: ptr("Night shift"), NoAgeLimit: true})
	must(t, err)
	tier, err := api.CreateCapacityPolicy(ctx, a, chatwoot.CapacityPolicyFields{Name: ptr("Tier 1")})
	must(t, err)
	_, err = api.CreateInboxCapacityLimit(ctx, a, tier.ID, sc.Inbox.ID, 3)
	must(t, err)
	cfg := providerConfig(env.BaseURL, sc.AdminToken, a) + fmt.Sprintf(`
data "chatwoot_assignment_policy" "by_id" {
  id = %d
}

data "chatwoot_assignment_policy" "by_name" {
  name = "night shift" # no exact match: the one case-insensitive match
}

data "chatwoot_assignment_policies" "all" {}

data "chatwoot_agent_capacity_policy" "tier" {
  name = "Tier 1"
}
`, day.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					stateString("data.chatwoot_assignment_policy.by_id", "name", "Day shift"),
					stateInt64("data.chatwoot_assignment_policy.by_id", "fair_distribution_limit", 4),
					stateInt64("data.chatwoot_assignment_policy.by_id", "exclude_older_than_hours", 168),
					stateInt64("data.chatwoot_assignment_policy.by_name", "id", night.ID),
					statecheck.ExpectKnownValue("data.chatwoot_assignment_policy.by_name", tfjsonpath.New("exclude_older_than_hours"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.chatwoot_assignment_policies.all", tfjsonpath.New("policies"), knownvalue.ListSizeExact(2)),
					stateInt64("data.chatwoot_agent_capacity_policy.tier", "id", tier.ID),
					statecheck.ExpectKnownValue("data.chatwoot_agent_capacity_policy.tier", tfjsonpath.New("inbox_limits"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
							"inbox_id": knownvalue.Int64Exact(sc.Inbox.ID), "conversation_limit": knownvalue.Int64Exact(3),
						})})),
				},
			},
			{
				Config: providerConfig(env.BaseURL, sc.AdminToken, a) + `
data "chatwoot_assignment_policy" "missing" {
  name = "weekend"
}
`,
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Assignment Policy Not Found.*no assignment policy named "weekend"`),
			},
		},
	})
}

// On a Community build the capacity-policy data source fails with one clear error.
func TestAccAgentCapacityPolicyDataSource_community(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionCommunity)
	sc := env.seed(t, 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID) + `
data "chatwoot_agent_capacity_policy" "x" {
  name = "Tier 1"
}
`,
			ExpectError: regexp.MustCompile(`(?s)Chatwoot Enterprise Required`),
		}},
	})
}
