package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

func TestAccAutomationRuleList_listsEveryRuleWithItsState(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	for i, name := range []string{"Route billing", "Close spam"} {
		if _, err := admin.CreateAutomationRule(ctx, sc.Account.ID, chatwoot.AutomationRuleInput{
			Name: name, EventName: "conversation_created", Active: i == 0,
			Conditions: []chatwoot.AutomationCondition{{AttributeKey: "inbox_id", FilterOperator: "equal_to", Values: []chatwoot.Param{chatwoot.IntParam(sc.Inbox.ID)}}},
			Actions:    []chatwoot.AutomationAction{{ActionName: "assign_team", ActionParams: []chatwoot.Param{chatwoot.IntParam(sc.Team.ID)}}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	rules, err := admin.ListAutomationRules(ctx, sc.Account.ID)
	if err != nil || len(rules) != 2 {
		t.Fatalf("rules in Chatwoot: %v, %v", rules, err)
	}
	var want []listedObject
	for _, r := range rules {
		want = append(want, listedObject{id: r.ID, display: r.Name, state: map[string]knownvalue.Check{
			"name": knownvalue.StringExact(r.Name), "event_name": knownvalue.StringExact(r.EventName), "active": knownvalue.Bool(r.Active),
			"conditions": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"attribute_key": knownvalue.StringExact(r.Conditions[0].AttributeKey),
				"values":        knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(r.Conditions[0].Values[0].String())}),
			})}),
			"actions": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"action_name": knownvalue.StringExact(r.Actions[0].ActionName),
				"params":      knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(r.Actions[0].ActionParams[0].String())}),
			})}),
		}})
	}
	queryTest(t, NewAutomationRuleListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}

// An agent may not list rules: the query says an administrator is needed, as the resource does.
func TestAccAutomationRuleList_agentTokenRefused(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	queryRefusedTest(t, NewAutomationRuleListResource, providerConfig(env.BaseURL, sc.Agent1.AccessToken, sc.Account.ID),
		regexp.MustCompile(`Chatwoot Administrator Required`))
}
