package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Global macros are listed with their actions; the token's own personal macro is not.
func TestAccMacroList_listsGlobalMacros(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	actions := []chatwoot.AutomationAction{
		{ActionName: "assign_team", ActionParams: []chatwoot.Param{chatwoot.IntParam(sc.Team.ID)}},
		{ActionName: "resolve_conversation"},
	}
	global, err := admin.CreateMacro(ctx, sc.Account.ID, chatwoot.MacroInput{Name: "Escalate", Visibility: "global", Actions: actions})
	if err != nil {
		t.Fatal(err)
	}
	personal, err := admin.CreateMacro(ctx, sc.Account.ID, chatwoot.MacroInput{Name: "Mine", Visibility: "personal", Actions: actions[1:]})
	if err != nil {
		t.Fatal(err)
	}
	macros, err := admin.ListMacros(ctx, sc.Account.ID)
	if err != nil || len(macros) != 2 {
		t.Fatalf("Chatwoot lists the token's macros %v (%v): want %d and %d", macros, err, global.ID, personal.ID)
	}
	queryTest(t, NewMacroListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, []listedObject{{
		id: global.ID, display: global.Name, state: map[string]knownvalue.Check{
			"name": knownvalue.StringExact(global.Name), "visibility": knownvalue.StringExact("global"),
			"actions": knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{
					"action_name": knownvalue.StringExact("assign_team"),
					"params":      knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(global.Actions[0].ActionParams[0].String())}),
				}),
				knownvalue.ObjectPartial(map[string]knownvalue.Check{"action_name": knownvalue.StringExact("resolve_conversation")}),
			}),
		},
	}})
}
