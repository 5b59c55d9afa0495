package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Every agent but the token's own user is listed, with the availability an import reads: the
// configured one where Chatwoot shows it (an agent who is not auto-offline), else none.
func TestAccAgentList_listsEveryAgentButTheTokensUser(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	busy, off := "busy", false
	if _, err := admin.UpdateAgent(ctx, sc.Account.ID, sc.Agent1.ID, chatwoot.AgentFields{Availability: &busy, AutoOffline: &off}); err != nil {
		t.Fatal(err)
	}
	agents, err := admin.ListAgents(ctx, sc.Account.ID)
	if err != nil || len(agents) != 3 {
		t.Fatalf("agents in Chatwoot: %v, %v", agents, err)
	}
	var want []listedObject
	for _, a := range agents {
		if a.ID == sc.Admin.ID {
			continue
		}
		var availability knownvalue.Check = knownvalue.Null()
		if a.ID == sc.Agent1.ID {
			availability = knownvalue.StringExact("busy")
		}
		want = append(want, listedObject{id: a.ID, display: a.Email, state: map[string]knownvalue.Check{
			"email": knownvalue.StringExact(a.Email), "name": knownvalue.StringExact(a.Name), "role": knownvalue.StringExact(a.Role),
			"availability": availability, "auto_offline": knownvalue.Bool(a.AutoOffline), "allow_self_demotion": knownvalue.Bool(false),
		}})
	}
	queryTest(t, NewAgentListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}
