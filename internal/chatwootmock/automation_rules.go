package chatwootmock

import (
	"strings"
	"time"
)

// conditionAttributes are AutomationRule::CONDITIONS_ATTRS (Enterprise adds sla_policy_id).
var conditionAttributes = strings.Fields("content email country_code status message_type browser_language assignee_id team_id referer city company_name inbox_id mail_subject phone_number priority conversation_language labels private_note sla_policy_id")

// actionNames are AutomationRule::ACTIONS_ATTRS (Enterprise adds add_sla).
var actionNames = strings.Fields("send_message add_label remove_label send_email_to_team assign_team assign_agent remove_assigned_agent remove_assigned_team send_webhook_event mute_conversation send_attachment change_status resolve_conversation open_conversation pending_conversation snooze_conversation change_priority send_email_transcript add_private_note add_sla")

// reauthorizationThreshold is Reauthorizable's: two failed evaluations in a row deactivate a rule.
const reauthorizationThreshold = 2

type automationRule struct {
	id          int64
	accountID   int64
	name        any
	description any
	eventName   any
	conditions  any // stored as sent
	actions     any
	active      bool
	createdAt   time.Time
	failures    int
	// executionDelay is minutes or nil (4.17.0, chatwoot_versions.go).
	executionDelay any
}

func automationRuleJSON(r *automationRule) obj {
	return obj{{"id", r.id}, {"account_id", r.accountID}, {"name", r.name}, {"description", r.description},
		{"event_name", r.eventName}, {"conditions", r.conditions}, {"actions", r.actions},
		{"created_on", r.createdAt.Unix()}, {"active", r.active}}
}

func (s *Server) listAutomationRules(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	out := []any{}
	for _, r := range c.acct.automationRules {
		out = append(out, s.automationRuleJSON(r))
	}
	c.ok(obj{{"payload", out}})
	return nil
}

// fetchRule authorizes first; an unknown id is find_by's nil, which the controller then
// dereferences: 500, not 404.
func (s *Server) fetchRule(c *reqCtx) (*automationRule, error) {
	if err := c.requireAdmin(); err != nil {
		return nil, err
	}
	id, _ := c.pathID("id")
	for _, r := range c.acct.automationRules {
		if r.id == id {
			return r, nil
		}
	}
	return nil, internalError()
}

func (s *Server) showAutomationRule(c *reqCtx) error {
	r, err := s.fetchRule(c)
	if err != nil {
		return err
	}
	c.ok(obj{{"payload", s.automationRuleJSON(r)}})
	return nil
}

// ruleValidationErrors are the model validations, keyed by field in the order Rails adds them.
func (s *Server) ruleValidationErrors(a *account, conditions, actions any) (obj, error) {
	condList, ok := conditions.([]any)
	if !ok {
		return nil, internalError() // nil.each in query_operator_value
	}
	var condMsgs, actionMsgs []string
	var unsupported []string
	for _, raw := range condList {
		cond, _ := raw.(map[string]any)
		key, _ := strVal(cond["attribute_key"])
		if !containsString(conditionAttributes, key) && s.customAttribute(a, key) == nil {
			unsupported = append(unsupported, key)
		}
	}
	if len(unsupported) > 0 {
		condMsgs = append(condMsgs, "Automation conditions "+strings.Join(unsupported, ",")+" not supported.")
	}
	if actList, isList := actions.([]any); isList {
		var bad []string
		for _, raw := range actList {
			act, _ := raw.(map[string]any)
			name, _ := strVal(act["action_name"])
			if !containsString(actionNames, name) {
				bad = append(bad, name)
			}
		}
		if len(bad) > 0 {
			actionMsgs = append(actionMsgs, "Automation actions "+strings.Join(bad, ",")+" not supported.")
		}
	}
	nilOperators := 0
	badOperator := false
	for _, raw := range condList {
		cond, _ := raw.(map[string]any)
		op, present := cond["query_operator"]
		if !present || op == nil {
			nilOperators++
			continue
		}
		if str, _ := strVal(op); str != "" && strings.ToUpper(str) != "AND" && strings.ToUpper(str) != "OR" {
			badOperator = true
		}
	}
	if nilOperators > 1 {
		condMsgs = append(condMsgs, "Automation conditions should have query operator.")
	}
	if badOperator {
		condMsgs = append(condMsgs, `Query operator must be either "AND" or "OR"`)
	}
	errs := obj{}
	if len(unsupported) > 0 {
		errs = append(errs, field{"conditions", condMsgs})
		if len(actionMsgs) > 0 {
			errs = append(errs, field{"actions", actionMsgs})
		}
	} else {
		if len(actionMsgs) > 0 {
			errs = append(errs, field{"actions", actionMsgs})
		}
		if len(condMsgs) > 0 {
			errs = append(errs, field{"conditions", condMsgs})
		}
	}
	return errs, nil
}

// applyRuleAttributes is params.permit(:name, :description, :event_name, :active).
func applyRuleAttributes(p params, r *automationRule) {
	if p.has("name") {
		r.name = nullableStr(p.get("name"))
	}
	if p.has("description") {
		r.description = nullableStr(p.get("description"))
	}
	if p.has("event_name") {
		r.eventName = nullableStr(p.get("event_name")) // not validated
	}
	if b, ok := castBool(p.get("active")); ok {
		r.active = b
	}
}

// createAutomationRule answers the bare rule, unlike every other automation endpoint.
func (s *Server) createAutomationRule(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	r := &automationRule{accountID: c.acct.id, active: true}
	applyRuleAttributes(c.p, r)
	if err := s.applyExecutionDelay(c, r); err != nil {
		return err
	}
	r.conditions, r.actions = c.p.get("conditions"), c.p.get("actions")
	errs, err := s.ruleValidationErrors(c.acct, r.conditions, r.actions)
	if err != nil {
		return err
	}
	errs = withExecutionDelayErrors(errs, r)
	if len(errs) > 0 {
		return couldNotCreate(errs)
	}
	if r.name == nil || r.eventName == nil || r.actions == nil {
		return internalError() // NOT NULL violation on save!
	}
	r.id = s.nextID("automation_rules")
	r.createdAt = s.now()
	c.acct.automationRules = append(c.acct.automationRules, r)
	c.ok(s.automationRuleJSON(r))
	return nil
}

// updateAutomationRule replaces conditions and actions only when they are sent.
func (s *Server) updateAutomationRule(c *reqCtx) error {
	r, err := s.fetchRule(c)
	if err != nil {
		return err
	}
	next := *r
	applyRuleAttributes(c.p, &next)
	if v := c.p.get("conditions"); v != nil {
		next.conditions = v
	}
	if v := c.p.get("actions"); v != nil {
		next.actions = v
	}
	if err := s.applyExecutionDelay(c, &next); err != nil {
		return err
	}
	errs, err := s.ruleValidationErrors(c.acct, next.conditions, next.actions)
	if err != nil {
		return err
	}
	errs = withExecutionDelayErrors(errs, &next)
	if len(errs) > 0 {
		return couldNotCreate(errs)
	}
	if next.name == nil || next.eventName == nil {
		return couldNotCreate(obj{})
	}
	*r = next
	c.ok(obj{{"payload", s.automationRuleJSON(r)}})
	return nil
}

func (s *Server) deleteAutomationRule(c *reqCtx) error {
	r, err := s.fetchRule(c)
	if err != nil {
		return err
	}
	kept := c.acct.automationRules[:0:0]
	for _, x := range c.acct.automationRules {
		if x.id != r.id {
			kept = append(kept, x)
		}
	}
	c.acct.automationRules = kept
	c.okEmpty()
	return nil
}

func (s *Server) cloneAutomationRule(c *reqCtx) error {
	r, err := s.fetchRule(c)
	if err != nil {
		return err
	}
	if r.executionDelay != nil && !c.acct.featureOn("delayed_automations") {
		return delayedAutomationsDisabled()
	}
	clone := *r
	clone.id = s.nextID("automation_rules")
	clone.createdAt = s.now()
	clone.failures = 0
	c.acct.automationRules = append(c.acct.automationRules, &clone)
	c.ok(obj{{"payload", s.automationRuleJSON(&clone)}})
	return nil
}
