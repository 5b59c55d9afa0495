package export

import (
	"context"
	"fmt"
	"net/http"
	"testing"
)

// seedVocabulary adds n of each vocabulary kind to an account that uiAccount made, as an
// administrator makes them in Chatwoot's UI: titles typed with capitals (Chatwoot downcases
// labels), server defaults left alone for most objects and changed for some, the label
// "website" that uiAccount's rules add, macros that name its teams, agents and labels, and a
// first rule that applies an SLA policy and tests labels.
func seedVocabulary(t *testing.T, a *account, n int) {
	t.Helper()
	var slas []int64
	for i := range n {
		label := map[string]any{"title": fmt.Sprintf("Tier-%d", i+1), "description": "", "color": "#1f93ff", "show_on_sidebar": i%2 == 0}
		switch i {
		case 0:
			label = map[string]any{"title": "Website"} // the server's defaults
		case 1:
			label["description"], label["color"] = "Paying customers", "#FFAA00"
		}
		a.do(t, http.MethodPost, "labels", map[string]any{"label": label})

		shortCode := fmt.Sprintf("reply-%d", i+1)
		switch i {
		case 0:
			shortCode = "Thanks"
		case 1:
			shortCode = "thanks" // short codes are unique case-sensitively
		}
		a.do(t, http.MethodPost, "canned_responses", map[string]any{"canned_response": map[string]any{
			"short_code": shortCode, "content": fmt.Sprintf("Thank you for writing, {{contact.name}} (%d).", i+1)}})

		attribute := map[string]any{"attribute_display_name": fmt.Sprintf("Field %d", i+1), "attribute_key": fmt.Sprintf("field_%d", i+1),
			"attribute_model": []string{"conversation_attribute", "contact_attribute"}[i%2], "attribute_display_type": "number"}
		switch i {
		case 0:
			attribute = map[string]any{"attribute_display_name": "Plan", "attribute_key": "plan", "attribute_display_type": "list",
				"attribute_values": []any{"Gold", "Silver"}, "attribute_description": "The customer's plan"}
		case 1: // the same key on contacts
			attribute = map[string]any{"attribute_display_name": "Plan", "attribute_key": "plan", "attribute_model": "contact_attribute",
				"regex_pattern": "^[A-Z]+$", "regex_cue": "Capitals only"}
		}
		a.do(t, http.MethodPost, "custom_attribute_definitions", map[string]any{"custom_attribute_definition": attribute})

		webhook := map[string]any{"url": fmt.Sprintf("https://hooks.example.test/chatwoot/%d", i+1), "name": fmt.Sprintf("Sync %d", i+1)}
		switch i {
		case 0:
			delete(webhook, "name")
		case 1:
			webhook["subscriptions"] = []any{"conversation_created", "message_created"}
			webhook["inbox_id"] = a.inboxes[0]
		}
		a.do(t, http.MethodPost, "webhooks", map[string]any{"webhook": webhook})

		sla := map[string]any{"name": fmt.Sprintf("Tier %d", i+1), "description": "", "first_response_time_threshold": 3600,
			"next_response_time_threshold": nil, "resolution_time_threshold": 86400, "only_during_business_hours": i%2 == 1}
		if i == 0 {
			sla = map[string]any{"name": "Tier 1"} // names need not be unique
		}
		slas = append(slas, idOf(t, a.do(t, http.MethodPost, "sla_policies", map[string]any{"sla_policy": sla})))

		a.do(t, http.MethodPost, "macros", map[string]any{"name": fmt.Sprintf("Escalate %d", i+1), "visibility": "global", "actions": []any{
			map[string]any{"action_name": "add_label", "action_params": []any{"website", fmt.Sprintf("tier-%d", i+1)}},
			map[string]any{"action_name": "assign_team", "action_params": []any{a.teams[i]}},
			map[string]any{"action_name": "assign_agent", "action_params": []any{[]any{a.agents[i], "self"}[i%2]}},
			map[string]any{"action_name": "send_message", "action_params": []any{"We are on it."}},
			map[string]any{"action_name": "resolve_conversation"},
		}})
	}

	// The first rule applies the first SLA policy and tests a label.
	var rules struct {
		Payload []struct {
			ID         int64            `json:"id"`
			Conditions []map[string]any `json:"conditions"`
			Actions    []any            `json:"actions"`
		} `json:"payload"`
	}
	must(t, a.fx.Do(context.Background(), http.MethodGet, fmt.Sprintf("/api/v1/accounts/%d/automation_rules", a.id), a.token, nil, &rules))
	rule := rules.Payload[0]
	rule.Conditions[len(rule.Conditions)-1]["query_operator"] = "and"
	conditions := append(rule.Conditions,
		map[string]any{"attribute_key": "labels", "filter_operator": "equal_to", "values": []any{"website"}, "query_operator": "and"},
		map[string]any{"attribute_key": "sla_policy_id", "filter_operator": "not_equal_to", "values": []any{slas[1]}, "query_operator": nil})
	actions := append(rule.Actions, map[string]any{"action_name": "add_sla", "action_params": []any{slas[0]}})
	a.do(t, http.MethodPatch, fmt.Sprintf("automation_rules/%d", rule.ID), map[string]any{"conditions": conditions, "actions": actions})
}
