package export

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// A rule that delays its actions (Chatwoot 4.17, the account's delayed_automations feature) is
// exported with its execution_delay, which chatwoot_automation_rule manages; a rule without a
// delay writes none.
func TestExportAutomationRule_writesTheExecutionDelay(t *testing.T) {
	a := newAccount(t, chatwootmock.Options{ChatwootVersion: "4.17.0"})
	must(t, a.fx.Do(t.Context(), http.MethodPatch, fmt.Sprintf("/platform/api/v1/accounts/%d", a.id), platformToken,
		map[string]any{"features": map[string]bool{"delayed_automations": true}}, nil))
	status := []any{map[string]any{"attribute_key": "status", "filter_operator": "equal_to", "values": []any{"open"}, "query_operator": nil}}
	note := []any{map[string]any{"action_name": "add_private_note", "action_params": []any{"Still open?"}}}
	a.rule(t, map[string]any{"name": "Nudge", "event_name": "conversation_created", "execution_delay": 240, "conditions": status, "actions": note})
	a.rule(t, map[string]any{"name": "Now", "event_name": "conversation_created", "conditions": status, "actions": note})

	dir, res := a.export(t, "automation_rule")
	if res.Refused != 0 {
		t.Fatalf("%d rules refused; want none:\n%s", res.Refused, readFile(t, dir, "EXPORT.md"))
	}
	wantFile(t, dir, "automation_rule.tf", `resource "chatwoot_automation_rule" "nudge" {
  name            = "Nudge"
  event_name      = "conversation_created"
  execution_delay = 240
  conditions = [
    {
      attribute_key   = "status"
      filter_operator = "equal_to"
      values          = ["open"]
    },
  ]
  actions = [
    {
      action_name = "add_private_note"
      params      = ["Still open?"]
    },
  ]
}

resource "chatwoot_automation_rule" "now" {
  name       = "Now"
  event_name = "conversation_created"
  conditions = [
    {
      attribute_key   = "status"
      filter_operator = "equal_to"
      values          = ["open"]
    },
  ]
  actions = [
    {
      action_name = "add_private_note"
      params      = ["Still open?"]
    },
  ]
}
`)
}
