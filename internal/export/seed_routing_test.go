package export

import (
	"context"
	"fmt"
	"net/http"
	"testing"
)

// seedRouting adds to an account made by uiAccount, the way Chatwoot's UI makes them, n of each
// routing kind: two website inboxes (one left as created, one with its own hours and a survey),
// agent bots of the account and one global bot, an agent bot on n+1 inboxes, assignment policies
// bound to inboxes, and capacity policies with an inbox limit and a member each. The first inbox
// keeps no bot (its conversations would open as pending) and the web widgets no members (empty
// member sets).
func seedRouting(t *testing.T, a *account, n int) {
	t.Helper()
	ctx := context.Background()
	web := a.webWidget(t, "Website Chat", map[string]any{"website_url": "https://acme.test", "welcome_title": "Hi there",
		"welcome_tagline": "We reply in minutes"})
	hours := a.webWidget(t, "Support Site", map[string]any{"website_url": "https://support.acme.test", "widget_color": "#009CE0",
		"reply_time": "in_a_few_hours", "selected_feature_flags": []any{"attachments", "emoji_picker"}})
	a.do(t, http.MethodPatch, fmt.Sprintf("inboxes/%d", hours), map[string]any{
		"timezone": "Europe/Berlin", "working_hours_enabled": true, "out_of_office_message": "We are closed",
		"csat_survey_enabled": true, "csat_config": map[string]any{"display_type": "star", "message": "How did we do?"},
		"working_hours": []any{
			map[string]any{"day_of_week": 0, "closed_all_day": true},
			map[string]any{"day_of_week": 1, "open_all_day": true},
			map[string]any{"day_of_week": 2, "open_hour": 8, "open_minutes": 30, "close_hour": 18, "close_minutes": 0},
			map[string]any{"day_of_week": 3, "open_hour": 9, "open_minutes": 0, "close_hour": 17, "close_minutes": 0},
			map[string]any{"day_of_week": 4, "open_hour": 9, "open_minutes": 0, "close_hour": 17, "close_minutes": 0},
			map[string]any{"day_of_week": 5, "open_hour": 9, "open_minutes": 0, "close_hour": 15, "close_minutes": 45},
			map[string]any{"day_of_week": 6, "closed_all_day": true},
		},
	})
	// An API inbox that posts its events to a backend.
	a.do(t, http.MethodPatch, fmt.Sprintf("inboxes/%d", a.inboxes[1]), map[string]any{
		"channel": map[string]any{"webhook_url": "https://hooks.acme.test/chatwoot", "hmac_mandatory": true}})

	withBot := append(append([]int64{}, a.inboxes[1:]...), web)
	for i := range n {
		body := map[string]any{"name": fmt.Sprintf("Triage %d", i+1), "outgoing_url": fmt.Sprintf("https://bots.acme.test/%d", i+1)}
		if i%2 == 1 {
			body["description"] = "Answers first, hands over to agents"
		}
		a.setInboxBot(t, withBot[i], a.agentBot(t, body))
	}
	global, err := a.fx.CreatePlatformAgentBot(ctx, "Installation Helper", nil)
	must(t, err)
	a.setInboxBot(t, hours, global.ID)

	for i := range n {
		policy := map[string]any{"name": fmt.Sprintf("Routing %d", i+1), "description": "", "assignment_order": "round_robin",
			"conversation_priority": "earliest_created", "fair_distribution_limit": 100, "fair_distribution_window": 3600, "enabled": true}
		if i%3 == 1 {
			policy["conversation_priority"], policy["fair_distribution_limit"], policy["fair_distribution_window"] = "longest_waiting", 10, 600
			policy["description"] = "Oldest waiting first"
		}
		if i%3 == 2 {
			policy["enabled"] = false
		}
		a.bindPolicy(t, a.inboxes[i], a.assignmentPolicy(t, policy))

		capacity := map[string]any{"name": fmt.Sprintf("Capacity %d", i+1)}
		if i%2 == 1 {
			capacity["description"] = "Busy hours"
			capacity["exclusion_rules"] = map[string]any{"exclude_older_than_hours": 24, "excluded_labels": []any{"vip", "website"}}
		}
		cp := a.capacityPolicy(t, capacity)
		a.do(t, http.MethodPost, fmt.Sprintf("agent_capacity_policies/%d/inbox_limits", cp), map[string]any{"inbox_id": a.inboxes[i], "conversation_limit": 10 + i})
		a.capacityMember(t, cp, a.agents[i])
	}
}

// webWidget creates a website inbox as the UI's "Website" channel form does.
func (a *account) webWidget(t *testing.T, name string, channel map[string]any) int64 {
	t.Helper()
	channel["type"] = "web_widget"
	return idOf(t, a.do(t, http.MethodPost, "inboxes", map[string]any{"name": name, "channel": channel}))
}

// unmanagedInbox adds an e-mail inbox with a member: a channel the provider does not manage, so
// the export refuses the inbox and what refers to it keeps the chatwoot_inbox data source.
func (a *account) unmanagedInbox(t *testing.T) int64 {
	t.Helper()
	id := idOf(t, a.do(t, http.MethodPost, "inboxes", map[string]any{"name": "Support Mail",
		"channel": map[string]any{"type": "email", "email": "support@acme.test"}}))
	a.inboxMembers(t, id, a.agents[0])
	return id
}

// The UI's forms for bots, policies and their bindings.

func (a *account) agentBot(t *testing.T, body map[string]any) int64 {
	t.Helper()
	return idOf(t, a.do(t, http.MethodPost, "agent_bots", body))
}

func (a *account) setInboxBot(t *testing.T, inbox, bot int64) {
	t.Helper()
	a.do(t, http.MethodPost, fmt.Sprintf("inboxes/%d/set_agent_bot", inbox), map[string]any{"agent_bot": bot})
}

func (a *account) assignmentPolicy(t *testing.T, body map[string]any) int64 {
	t.Helper()
	return idOf(t, a.do(t, http.MethodPost, "assignment_policies", map[string]any{"assignment_policy": body}))
}

func (a *account) bindPolicy(t *testing.T, inbox, policy int64) {
	t.Helper()
	a.do(t, http.MethodPost, fmt.Sprintf("inboxes/%d/assignment_policy", inbox), map[string]any{"assignment_policy_id": policy})
}

func (a *account) capacityPolicy(t *testing.T, body map[string]any) int64 {
	t.Helper()
	return idOf(t, a.do(t, http.MethodPost, "agent_capacity_policies", map[string]any{"agent_capacity_policy": body}))
}

func (a *account) capacityMember(t *testing.T, policy, user int64) {
	t.Helper()
	a.do(t, http.MethodPost, fmt.Sprintf("agent_capacity_policies/%d/users", policy), map[string]any{"user_id": user})
}
