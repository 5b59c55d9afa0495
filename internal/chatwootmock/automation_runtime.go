package chatwootmock

import (
	"strings"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot/filterkeys"
)

// dispatchEvent hands conversation events to AutomationRuleListener, which runs asynchronously in
// Chatwoot: here the rules run right after the response is rendered.
func (s *Server) dispatchEvent(c *reqCtx, cv *conversation, events ...string) {
	a := c.acct
	c.after = append(c.after, func() {
		for _, ev := range events {
			s.runAutomationRules(a, cv, ev)
		}
	})
}

// runAutomationRules evaluates the account's active rules for one event. Changes made by the
// actions dispatch no further events (rules ignore events performed by an AutomationRule).
func (s *Server) runAutomationRules(a *account, cv *conversation, event string) {
	if s.state.accounts[a.id] == nil || a.conversation(cv.displayID) != cv {
		return
	}
	for _, r := range append([]*automationRule(nil), a.automationRules...) {
		if !r.active || r.eventName != event {
			continue
		}
		if !s.ruleConditionsValid(a, r) {
			// Reauthorizable: consecutive failures deactivate the rule.
			r.failures++
			if r.failures >= reauthorizationThreshold {
				r.active = false
			}
			continue
		}
		r.failures = 0
		if s.conditionsMatch(a, cv, r) {
			s.applyActions(a, cv, r)
		}
	}
}

func ruleConditions(r *automationRule) []map[string]any {
	list, _ := r.conditions.([]any)
	out := make([]map[string]any, 0, len(list))
	for _, raw := range list {
		m, _ := raw.(map[string]any)
		out = append(out, m)
	}
	return out
}

// ruleConditionsValid is ConditionValidationService: every operator must be allowed for its
// attribute in filter_keys.yml, and custom attributes must exist.
func (s *Server) ruleConditionsValid(a *account, r *automationRule) bool {
	for _, cond := range ruleConditions(r) {
		key, _ := strVal(cond["attribute_key"])
		op, _ := strVal(cond["filter_operator"])
		if !filterkeys.Allowed(key, op) {
			return false
		}
		if _, standard := filterkeys.Operators(key); !standard && s.customAttribute(a, key) == nil {
			return false
		}
	}
	return true
}

// conditionsMatch joins the conditions with their query operators using SQL precedence (AND
// binds tighter than OR), as ConditionsFilterService's generated WHERE clause does.
func (s *Server) conditionsMatch(a *account, cv *conversation, r *automationRule) bool {
	conds := ruleConditions(r)
	if len(conds) == 0 {
		return false
	}
	result, group := false, true
	for i, cond := range conds {
		group = group && s.conditionHolds(a, cv, cond)
		op := ""
		if i < len(conds)-1 {
			op, _ = strVal(cond["query_operator"])
		}
		if strings.EqualFold(op, "OR") || i == len(conds)-1 {
			result = result || group
			group = true
		}
	}
	return result
}

// conditionValues reads the conversation's (or its contact's) value for an attribute; nil is SQL NULL.
func (s *Server) conditionValues(a *account, cv *conversation, key string) []any {
	ct := s.state.contacts[cv.contactID]
	switch key {
	case "status":
		return []any{cv.status}
	case "inbox_id":
		return []any{cv.inboxID}
	case "team_id":
		return []any{nullableID(cv.teamID)}
	case "assignee_id":
		return []any{nullableID(cv.assigneeID)}
	case "priority":
		return []any{cv.priority}
	case "labels":
		out := []any{}
		for _, l := range cv.labels {
			out = append(out, l)
		}
		return out
	case "email", "phone_number":
		if ct == nil {
			return []any{nil}
		}
		if key == "email" {
			return []any{ct.email}
		}
		return []any{ct.phoneNumber}
	case "browser_language", "country_code", "referer", "conversation_language", "mail_subject":
		return []any{cv.additional[key]}
	case "city", "company_name":
		if ct == nil {
			return []any{nil}
		}
		return []any{ct.additional[key]}
	}
	if def := s.customAttribute(a, key); def != nil {
		if def.model == "contact_attribute" && ct != nil {
			return []any{ct.customAttributes[key]}
		}
		return []any{cv.custom[key]}
	}
	return []any{nil}
}

func (s *Server) conditionHolds(a *account, cv *conversation, cond map[string]any) bool {
	key, _ := strVal(cond["attribute_key"])
	op, _ := strVal(cond["filter_operator"])
	wanted, _ := cond["values"].([]any)
	actual := s.conditionValues(a, cv, key)
	anyEqual := func() bool {
		for _, v := range actual {
			for _, w := range wanted {
				if sameValue(v, w) {
					return true
				}
			}
		}
		return false
	}
	nonNull := false
	for _, v := range actual {
		if present(v) {
			nonNull = true
		}
	}
	switch op {
	case "equal_to":
		return anyEqual()
	case "not_equal_to":
		return nonNull && !anyEqual() // NULL NOT IN (…) is not true
	case "is_present":
		return nonNull
	case "is_not_present":
		return !nonNull
	case "contains", "does_not_contain":
		found := false
		for _, v := range actual {
			vs, _ := strVal(v)
			for _, w := range wanted {
				ws, _ := strVal(w)
				if vs != "" && strings.Contains(strings.ToLower(vs), strings.ToLower(ws)) {
					found = true
				}
			}
		}
		if op == "contains" {
			return found
		}
		return nonNull && !found
	}
	return false
}

// sameValue compares like SQL with implicit casts: 3 matches "3", "Open" does not match "open".
func sameValue(v, w any) bool {
	if v == nil || w == nil {
		return false
	}
	if n, ok := v.(int64); ok {
		m, isNum := castInt(w)
		if s, isStr := w.(string); isStr && strings.TrimSpace(s) != itoa(m) {
			return false
		}
		return isNum && m == n
	}
	vs, _ := strVal(v)
	ws, _ := strVal(w)
	return vs == ws
}

// applyActions is ActionService for the actions that touch state the mock models.
func (s *Server) applyActions(a *account, cv *conversation, r *automationRule) {
	list, _ := r.actions.([]any)
	for _, raw := range list {
		act, _ := raw.(map[string]any)
		name, _ := strVal(act["action_name"])
		params, _ := act["action_params"].([]any)
		var first any
		if len(params) > 0 {
			first = params[0]
		}
		switch name {
		case "assign_agent":
			s.automationAssignAgent(a, cv, first)
		case "assign_team":
			s.automationAssignTeam(a, cv, params, first)
		case "remove_assigned_agent":
			cv.assigneeID = 0
		case "remove_assigned_team":
			cv.teamID = 0
		case "change_status":
			if st, _ := strVal(first); containsString(conversationStatuses, st) {
				cv.status = st
			}
		case "resolve_conversation":
			cv.status = "resolved"
		case "open_conversation":
			cv.status = "open"
		case "pending_conversation":
			cv.status = "pending"
		case "snooze_conversation":
			cv.status = "snoozed"
		case "change_priority":
			_ = setPriority(cv, first)
		case "add_label":
			for _, p := range params {
				if l, ok := strVal(p); ok && !containsString(cv.labels, l) {
					cv.labels = append(cv.labels, l)
				}
			}
		case "remove_label":
			kept := cv.labels[:0:0]
			for _, l := range cv.labels {
				drop := false
				for _, p := range params {
					if pl, _ := strVal(p); pl == l {
						drop = true
					}
				}
				if !drop {
					kept = append(kept, l)
				}
			}
			cv.labels = kept
		}
		cv.updatedAt = s.now()
	}
}

// automationAssignAgent: ["nil"] unassigns; otherwise the JSON integer id must be an inbox member
// or an administrator, and confirmed. String ids never match (Array#include? on integers).
func (s *Server) automationAssignAgent(a *account, cv *conversation, first any) {
	if str, ok := first.(string); ok && str == "nil" {
		cv.assigneeID = 0
		return
	}
	id, ok := jsonInt(first)
	if !ok {
		return
	}
	in := s.state.inboxes[cv.inboxID]
	m := a.member(id)
	eligible := (in != nil && in.hasMember(id)) || (m != nil && m.role == "administrator")
	u := s.state.users[id]
	if !eligible || m == nil || u == nil || !u.confirmed {
		return
	}
	cv.assigneeID, cv.assigneeBotID = id, 0
}

// automationAssignTeam: blank, "nil" or 0 unassign; a JSON integer of an account team assigns,
// with the model's team-change side effects.
func (s *Server) automationAssignTeam(a *account, cv *conversation, params []any, first any) {
	if fs, _ := strVal(first); len(params) == 0 || fs == "nil" || fs == "0" {
		cv.teamID = 0
		return
	}
	id, ok := jsonInt(first)
	if !ok || !containsID(a.teamIDs, id) || cv.teamID == id {
		return
	}
	cv.teamID = id
	s.ensureAssigneeFromTeam(a, cv)
}
