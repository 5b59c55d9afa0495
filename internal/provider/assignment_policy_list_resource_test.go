package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

func TestAccAssignmentPolicyList_listsEveryPolicyWithItsState(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	for _, name := range []string{"Round robin", "Oldest first"} {
		description := name + " policy"
		limit := int64(20)
		if _, err := admin.CreateAssignmentPolicy(ctx, sc.Account.ID, chatwoot.AssignmentPolicyFields{Name: &name, Description: &description,
			FairDistributionLimit: &limit, NoAgeLimit: name == "Oldest first"}); err != nil {
			t.Fatal(err)
		}
	}
	policies, err := admin.ListAssignmentPolicies(ctx, sc.Account.ID)
	if err != nil || len(policies) != 2 {
		t.Fatalf("assignment policies in Chatwoot: %v, %v", policies, err)
	}
	var want []listedObject
	for _, p := range policies {
		var hours knownvalue.Check = knownvalue.Null()
		if p.ExcludeOlderThanHours != nil {
			hours = knownvalue.Int64Exact(*p.ExcludeOlderThanHours)
		}
		want = append(want, listedObject{id: p.ID, display: p.Name, state: map[string]knownvalue.Check{
			"name": knownvalue.StringExact(p.Name), "description": knownvalue.StringExact(*p.Description),
			"assignment_order": knownvalue.StringExact(p.AssignmentOrder), "fair_distribution_limit": knownvalue.Int64Exact(p.FairDistributionLimit),
			"exclude_older_than_hours": hours, "enabled": knownvalue.Bool(p.Enabled),
		}})
	}
	queryTest(t, NewAssignmentPolicyListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}
