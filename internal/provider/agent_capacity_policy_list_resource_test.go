package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

func TestAccAgentCapacityPolicyList_listsEveryPolicyWithItsLimits(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	name, other := "Day shift", "Night shift"
	limited, err := admin.CreateCapacityPolicy(ctx, sc.Account.ID, chatwoot.CapacityPolicyFields{Name: &name})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.CreateInboxCapacityLimit(ctx, sc.Account.ID, limited.ID, sc.Inbox.ID, 7); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.CreateCapacityPolicy(ctx, sc.Account.ID, chatwoot.CapacityPolicyFields{Name: &other}); err != nil {
		t.Fatal(err)
	}
	policies, err := admin.ListCapacityPolicies(ctx, sc.Account.ID)
	if err != nil || len(policies) != 2 {
		t.Fatalf("capacity policies in Chatwoot: %v, %v", policies, err)
	}
	var want []listedObject
	for _, p := range policies {
		var limits knownvalue.Check = knownvalue.Null()
		if len(p.InboxLimits) > 0 {
			items := make([]knownvalue.Check, 0, len(p.InboxLimits))
			for _, l := range p.InboxLimits {
				items = append(items, knownvalue.ObjectExact(map[string]knownvalue.Check{
					"inbox_id": knownvalue.Int64Exact(l.InboxID), "conversation_limit": knownvalue.Int64Exact(l.ConversationLimit),
				}))
			}
			limits = knownvalue.SetExact(items)
		}
		want = append(want, listedObject{id: p.ID, display: p.Name, state: map[string]knownvalue.Check{
			"name": knownvalue.StringExact(p.Name), "inbox_limits": limits, "exclusion_rules": knownvalue.Null(),
		}})
	}
	queryTest(t, NewAgentCapacityPolicyListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}

// The Community build has no capacity policies: the query says so, as the resource does.
func TestAccAgentCapacityPolicyList_communityBuild(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionCommunity)
	sc := env.seed(t, 0)
	queryRefusedTest(t, NewAgentCapacityPolicyListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID),
		regexp.MustCompile(`Chatwoot Enterprise Required[\s\S]*no agent capacity policies`))
}
