package chatwootmock

import (
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// Every rule JSON carries execution_delay from 4.17.0, the show and the update included (not only
// the list and the create); before 4.17.0 none does.
func TestAutomationRuleShowAndUpdateRenderExecutionDelayFrom4170(t *testing.T) {
	for _, vc := range sides("4.17.0") {
		t.Run(vc.version, func(t *testing.T) {
			h := newVersionHarness(t, Options{ChatwootVersion: vc.version})
			sc := h.seed(fixture.SeedOptions{Features: featuresFor(vc.changed)})
			body := map[string]any{"name": "r", "event_name": "conversation_created",
				"conditions": []any{map[string]any{"attribute_key": "status", "filter_operator": "equal_to", "values": []any{"open"}, "query_operator": nil}},
				"actions":    []any{map[string]any{"action_name": "resolve_conversation"}}}
			if vc.changed {
				body["execution_delay"] = 240
			}
			created := h.call("POST", acctPath(sc, "automation_rules"), sc.AdminToken, body)
			created.expect(t, 200, "")
			id := num(created.obj(t)["id"])
			for name, r := range map[string]reply{
				"show":   h.call("GET", acctPath(sc, "automation_rules/%d", id), sc.AdminToken, nil),
				"update": h.call("PATCH", acctPath(sc, "automation_rules/%d", id), sc.AdminToken, map[string]any{"name": "renamed"}),
			} {
				r.expect(t, 200, "")
				payload := asObj(t, r.obj(t)["payload"])
				v, has := payload["execution_delay"]
				if vc.changed && (!has || num(v) != 240) {
					t.Errorf("%s: execution_delay = %v (present %v), want 240", name, v, has)
				}
				if !vc.changed && has {
					t.Errorf("%s: execution_delay present before 4.17.0", name)
				}
			}
		})
	}
}

func featuresFor(delayed bool) map[string]bool {
	if !delayed {
		return nil
	}
	return map[string]bool{"delayed_automations": true}
}
