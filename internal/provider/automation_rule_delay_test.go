package provider

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// delayedRule is a rule on new conversations of an inbox, with the execution_delay line given.
func delayedRule(inboxID int64, delay string) string {
	return fmt.Sprintf(`
resource "chatwoot_automation_rule" "test" {
  name       = "follow up"
  event_name = "conversation_created"
  %s

  conditions = [
    {
      attribute_key   = "inbox_id"
      filter_operator = "equal_to"
      values          = [%d]
    },
  ]

  actions = [
    {
      action_name = "add_private_note"
      params      = ["still open?"]
    },
  ]
}
`, delay, inboxID)
}

// execution_delay as Chatwoot holds it: nil when the rule has none (or the key is absent).
func (a automationRulesAPI) checkExecutionDelay(ruleID *int64, want any) resource.TestCheckFunc {
	return func(*terraform.State) error {
		rule, err := a.find(*ruleID)
		if err != nil {
			return fmt.Errorf("reading rule %d: %w", *ruleID, err)
		}
		if rule == nil {
			return fmt.Errorf("rule %d is not in Chatwoot", *ruleID)
		}
		got := rule["execution_delay"]
		if n, ok := got.(json.Number); ok {
			got = n.String()
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("rule %d has execution_delay %v in Chatwoot, want %v", *ruleID, got, want)
		}
		return nil
	}
}

// execution_delay exists from Chatwoot 4.17.0 and needs the account's delayed_automations
// feature: on the oldest version and on an account without the flag it is refused at plan time
// (naming the version or the flag and the account) with nothing sent; with both it is created,
// imported, changed and removed.
func TestAccAutomationRule_executionDelayByVersion(t *testing.T) {
	for _, version := range []string{oldestChatwoot, newestChatwoot} {
		t.Run(version, func(t *testing.T) {
			env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: version})
			sc := env.seed(t, 0)
			api := newAutomationRulesAPI(env, sc)
			a := sc.Account.ID
			provider := env.providerBlock(sc.AdminToken, a)
			cfg := func(delay string) string {
				return provider + delayedRule(sc.Inbox.ID, delay)
			}
			refusedAtPlan := func(want *regexp.Regexp) resource.TestStep {
				return resource.TestStep{
					PreConfig:   env.Mock.ResetRequests,
					Config:      cfg("execution_delay = 240"),
					ExpectError: want,
				}
			}
			noWrites := func(t *testing.T) {
				if m := mutatingRequests(env.Mock.Requests()); len(m) != 0 {
					t.Errorf("requests that could change something were sent for a refused plan: %v", m)
				}
			}
			if version == oldestChatwoot {
				resource.Test(t, resource.TestCase{
					ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
					Steps: []resource.TestStep{refusedAtPlan(regexp.MustCompile(
						`(?s)Setting Needs a Newer Chatwoot.*execution_delay` + "`" + `\s+needs\s+Chatwoot\s+4\.17\.0.*runs\s+Chatwoot\s+4\.15\.1`))},
				})
				noWrites(t)
				return
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{refusedAtPlan(regexp.MustCompile(
					fmt.Sprintf(`(?s)Chatwoot Account Feature Not Enabled.*"delayed_automations".*off\s+in\s+account\s+%d`, a)))},
			})
			noWrites(t)

			setAccountFeatures(t, env, a, map[string]bool{delayedAutomationsFeature: true})
			var ruleID int64
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				CheckDestroy:             api.checkDestroyed,
				Steps: []resource.TestStep{
					{
						Config:            cfg("execution_delay = 240"),
						ConfigStateChecks: []statecheck.StateCheck{stateInt64(automationRuleAddr, "execution_delay", 240)},
						Check:             resource.ComposeTestCheckFunc(captureRuleID(&ruleID), api.checkExecutionDelay(&ruleID, 240)),
					},
					{
						ResourceName:      automationRuleAddr,
						ImportState:       true,
						ImportStateVerify: true,
						ImportStateIdFunc: importIDOf(automationRuleAddr, "rule_id"),
					},
					{
						Config:           cfg("execution_delay = 60"),
						ConfigPlanChecks: expectAction(automationRuleAddr, plancheck.ResourceActionUpdate),
						Check:            api.checkExecutionDelay(&ruleID, 60),
					},
					{
						// Removed from the configuration: the rule runs at once again.
						Config:           cfg(""),
						ConfigPlanChecks: expectAction(automationRuleAddr, plancheck.ResourceActionUpdate),
						Check:            api.checkExecutionDelay(&ruleID, nil),
					},
				},
			})
		})
	}
}

// A rule without a delay works on every version, and Chatwoot's older versions (which send no
// execution_delay key) show no drift.
func TestAccAutomationRule_withoutDelayByVersion(t *testing.T) {
	for _, version := range []string{oldestChatwoot, newestChatwoot} {
		t.Run(version, func(t *testing.T) {
			env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: version})
			sc := env.seed(t, 0)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + delayedRule(sc.Inbox.ID, ""),
				}},
			})
		})
	}
}

// Chatwoot's rules for delayed rules, checked before anything is sent: the range, and only
// status and inbox conditions for conversation events (message_created may use any).
func TestAccAutomationRule_executionDelayRules(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	provider := env.providerBlock(sc.AdminToken, sc.Account.ID)
	teamCondition := func(event string) string {
		return provider + fmt.Sprintf(`
resource "chatwoot_automation_rule" "test" {
  name            = "delayed"
  event_name      = %q
  execution_delay = 30
  conditions = [
    { attribute_key = "status", filter_operator = "equal_to", values = ["open"], query_operator = "AND" },
    { attribute_key = "team_id", filter_operator = "equal_to", values = [%d] },
  ]
  actions = [{ action_name = "add_private_note", params = ["ping"] }]
}
`, event, sc.Team.ID)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      provider + delayedRule(sc.Inbox.ID, "execution_delay = 5"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)execution_delay.*between 10 and 43200`),
			},
			{
				Config:      provider + delayedRule(sc.Inbox.ID, "execution_delay = 43201"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)execution_delay.*between 10 and 43200`),
			},
			{
				Config:      teamCondition("conversation_updated"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Condition Not Allowed With a Delay.*Condition\s+2\s+\(counting\s+from\s+1\)\s+tests\s+"team_id".*status\s+and\s+inbox_id`),
			},
		},
	})
}
