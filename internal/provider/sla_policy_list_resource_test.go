package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

func TestAccSLAPolicyList_listsEveryPolicyWithItsState(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	first, resolution := 600.0, 86400.0
	for _, name := range []string{"Gold", "Silver"} {
		if _, err := admin.CreateSLAPolicy(ctx, sc.Account.ID, chatwoot.SLAPolicyInput{Name: name,
			FirstResponseTimeThreshold: &first, ResolutionTimeThreshold: &resolution, OnlyDuringBusinessHours: name == "Gold"}); err != nil {
			t.Fatal(err)
		}
	}
	policies, err := admin.ListSLAPolicies(ctx, sc.Account.ID)
	if err != nil || len(policies) != 2 {
		t.Fatalf("SLA policies in Chatwoot: %v, %v", policies, err)
	}
	var want []listedObject
	for _, p := range policies {
		want = append(want, listedObject{id: p.ID, display: p.Name, state: map[string]knownvalue.Check{
			"name":                          knownvalue.StringExact(p.Name),
			"first_response_time_threshold": knownvalue.Int64Exact(int64(*p.FirstResponseTimeThreshold)),
			"next_response_time_threshold":  knownvalue.Null(),
			"resolution_time_threshold":     knownvalue.Int64Exact(int64(*p.ResolutionTimeThreshold)),
			"only_during_business_hours":    knownvalue.Bool(p.OnlyDuringBusinessHours),
		}})
	}
	queryTest(t, NewSLAPolicyListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}

// Where Chatwoot cannot hold SLA policies, the query fails as the resource's plan does.
func TestAccSLAPolicyList_unavailable(t *testing.T) {
	for _, c := range []struct {
		name string
		opts chatwootmock.Options
		want string
	}{
		{"community", chatwootmock.Options{Edition: chatwootmock.EditionCommunity}, `Chatwoot Enterprise Required for SLA Policies[\s\S]*Community build`},
		{"4.17 without the sla feature", chatwootmock.Options{ChatwootVersion: "4.17.0"}, `Chatwoot Account Lacks the SLA Feature[\s\S]*Account %d`},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := newMockEnv(t, c.opts)
			sc := env.seed(t, 0)
			queryRefusedTest(t, NewSLAPolicyListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID),
				regexp.MustCompile(regexpFormat(c.want, sc.Account.ID)))
		})
	}
}
