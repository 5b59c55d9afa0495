package export

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

func TestExportSLAPolicy_wholeSecondsAndRulesReferToThem(t *testing.T) {
	a := newAccount(t)
	sla := func(body map[string]any) int64 {
		return idOf(t, a.do(t, http.MethodPost, "sla_policies", map[string]any{"sla_policy": body}))
	}
	gold := sla(map[string]any{"name": "Gold", "description": "Paying customers", "first_response_time_threshold": 900,
		"resolution_time_threshold": 86400.4, "only_during_business_hours": true})
	basic := sla(map[string]any{"name": "Basic"})
	sla(map[string]any{"name": "Basic", "next_response_time_threshold": "3600"})
	a.rule(t, map[string]any{"name": "Gold first", "event_name": "conversation_created",
		"conditions": []any{map[string]any{"attribute_key": "sla_policy_id", "filter_operator": "not_equal_to", "values": []any{basic}, "query_operator": nil}},
		"actions":    []any{map[string]any{"action_name": "add_sla", "action_params": []any{gold}}}})

	dir, res := a.export(t, "sla_policy", "automation_rule")
	if res.Objects != 4 || res.Refused != 0 {
		t.Fatalf("result %+v:\n%s", res, readFile(t, dir, "EXPORT.md"))
	}
	wantFile(t, dir, "sla_policy.tf", `resource "chatwoot_sla_policy" "gold" {
  name                          = "Gold"
  description                   = "Paying customers"
  first_response_time_threshold = 900
  resolution_time_threshold     = 86400
  only_during_business_hours    = true
}

resource "chatwoot_sla_policy" "basic" {
  name = "Basic"
}

resource "chatwoot_sla_policy" "basic_2" {
  name                         = "Basic"
  next_response_time_threshold = 3600
}
`)
	wantFile(t, dir, "automation_rule.tf", `resource "chatwoot_automation_rule" "gold_first" {
  name       = "Gold first"
  event_name = "conversation_created"
  conditions = [
    {
      attribute_key   = "sla_policy_id"
      filter_operator = "not_equal_to"
      values          = [chatwoot_sla_policy.basic.sla_policy_id]
    },
  ]
  actions = [
    {
      action_name = "add_sla"
      params      = [chatwoot_sla_policy.gold.sla_policy_id]
    },
  ]
}
`)

	// Without the policies, the rule cannot refer to one: no data source finds them.
	dir, res = a.export(t, "automation_rule")
	if res.Refused != 1 || !strings.Contains(readFile(t, dir, "EXPORT.md"), fmt.Sprintf("it names SLA policy %d, and SLA policies were not exported", basic)) {
		t.Errorf("result %+v:\n%s", res, readFile(t, dir, "EXPORT.md"))
	}
}

// A Chatwoot without SLA policies (the Community build, or 4.17 without the account's sla
// feature) answers the list with an error: the export says why and exits 0.
func TestExportSLAPolicy_chatwootWithoutSLAPolicies(t *testing.T) {
	for name, tc := range map[string]struct {
		opts chatwootmock.Options
		want string
	}{
		"community build":       {chatwootmock.Options{Edition: chatwootmock.EditionCommunity}, "its Community build has no SLA policies"},
		"4.17 without the flag": {chatwootmock.Options{ChatwootVersion: "4.17.0"}, "the account lacks the sla feature"},
	} {
		t.Run(name, func(t *testing.T) {
			a := newAccount(t, tc.opts)
			a.team(t, "Billing", "", true)
			dir, res := a.export(t, "team", "sla_policy")
			if res.Objects != 1 || res.Refused != 0 {
				t.Fatalf("result %+v:\n%s", res, readFile(t, dir, "EXPORT.md"))
			}
			if report := readFile(t, dir, "EXPORT.md"); !strings.Contains(report, "sla_policy: all SLA policies: ") || !strings.Contains(report, tc.want) {
				t.Errorf("EXPORT.md does not say why there are no SLA policies:\n%s", report)
			}
			noFile(t, dir, "sla_policy.tf")
		})
	}
}
