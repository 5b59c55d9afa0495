package export

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// automationRuleKind: one chatwoot_automation_rule per rule, named after the rule. Ids in
// conditions and actions become references to the teams, agents, inboxes and SLA policies, and
// label titles to the labels. A rule the resource cannot hold as Chatwoot stores it is refused
// with the reason (one list call: the list carries whole rules).
var automationRuleKind = &Kind{
	Name:     "automation_rule",
	Resource: "chatwoot_automation_rule",
	Export: listedKind[chatwoot.AutomationRule]{
		list: (*chatwoot.Client).ListAutomationRules,
		id:   func(r *chatwoot.AutomationRule) int64 { return r.ID },
		name: func(r *chatwoot.AutomationRule) string { return r.Name },
		what: func(r *chatwoot.AutomationRule) string {
			return fmt.Sprintf("automation rule %q (rule %d)", r.Name, r.ID)
		},
		refAttr: "rule_id",
		attrs:   automationRuleAttrs,
	}.Export,
}

// The condition keys whose values name other objects (ids, or label titles), and what they name.
var automationIDKeys = map[string]string{"assignee_id": "agent", "team_id": "team", "inbox_id": "inbox", "sla_policy_id": "sla_policy",
	"labels": "label"}

// actionValueKinds: what the params of the actions rules and macros share name.
var actionValueKinds = map[string]string{"assign_agent": "agent", "assign_team": "team", "add_sla": "sla_policy",
	"add_label": "label", "remove_label": "label"}

func automationRuleAttrs(ctx context.Context, s *Session, r *chatwoot.AutomationRule) ([]Attr, error) {
	if len(r.Conditions) == 0 || len(r.Actions) == 0 {
		return nil, refuseBecause("it has no conditions or no actions, and the resource needs at least one of each")
	}
	attrs := []Attr{{"name", String(r.Name)}}
	if r.Description != "" {
		attrs = append(attrs, Attr{"description", String(r.Description)})
	}
	attrs = append(attrs, Attr{"event_name", String(r.EventName)})
	if !r.Active {
		attrs = append(attrs, Attr{"active", Bool(false)})
	}
	if r.ExecutionDelay != nil { // Chatwoot 4.17's delayed rules; null runs the actions at once
		attrs = append(attrs, Attr{"execution_delay", Int(*r.ExecutionDelay)})
	}
	conditions := make(Objects, 0, len(r.Conditions))
	for i, c := range r.Conditions {
		cond, err := automationCondition(ctx, s, i, i == len(r.Conditions)-1, c)
		if err != nil {
			return nil, err
		}
		conditions = append(conditions, cond)
	}
	actions := make(Objects, 0, len(r.Actions))
	for i, a := range r.Actions {
		act, err := automationAction(ctx, s, i, a)
		if err != nil {
			return nil, err
		}
		actions = append(actions, act)
	}
	return append(attrs, Attr{"conditions", conditions}, Attr{"actions", actions}), nil
}

func automationCondition(ctx context.Context, s *Session, i int, last bool, c chatwoot.AutomationCondition) (Object, error) {
	obj := Object{{"attribute_key", String(c.AttributeKey)}, {"filter_operator", String(c.FilterOperator)}}
	idKind := automationIDKeys[c.AttributeKey]
	if c.CustomAttributeType != "" {
		idKind = ""
	}
	var values List
	for _, v := range c.Values {
		e, err := automationValue(ctx, s, idKind, v, fmt.Sprintf("condition %d", i+1))
		if err != nil {
			return nil, err
		}
		values = append(values, e)
	}
	if len(values) > 0 {
		obj = append(obj, Attr{"values", values})
	}
	op := ""
	if c.QueryOperator != nil {
		op = strings.ToUpper(*c.QueryOperator)
	}
	switch {
	case last && op != "":
		return nil, refuseBecause("its last condition joins the next with %q, but there is no next condition; the resource cannot hold that", op)
	case !last && op == "":
		return nil, refuseBecause("condition %d has no query_operator although another condition follows", i+1)
	case op != "":
		obj = append(obj, Attr{"query_operator", String(op)})
	}
	if c.CustomAttributeType != "" {
		obj = append(obj, Attr{"custom_attribute_type", String(c.CustomAttributeType)})
	}
	return obj, nil
}

func automationAction(ctx context.Context, s *Session, i int, a chatwoot.AutomationAction) (Object, error) {
	if a.ActionName != "send_email_to_team" {
		return actionObject(ctx, s, i, a, chatwoot.AutomationActionNames, chatwoot.AutomationActionParams, "chatwoot_automation_rule")
	}
	if len(a.ActionParams) != 1 || a.ActionParams[0].EmailToTeam == nil {
		return nil, refuseBecause("action %d (send_email_to_team) does not hold a message and team ids", i+1)
	}
	email := a.ActionParams[0].EmailToTeam
	teams := make(List, 0, len(email.TeamIDs))
	for _, id := range email.TeamIDs {
		r, err := s.TeamRef(ctx, id)
		if err != nil {
			return nil, err
		}
		teams = append(teams, r)
	}
	return Object{{"action_name", String(a.ActionName)}, {"team_ids", teams}, {"message", String(email.Message)}}, nil
}

// actionObject is one action of a rule or a macro, which share one vocabulary
// (internal/chatwoot/action_vocabulary.go): names lists the actions the resource takes, and rules
// what their params must be, as the resource checks them at plan time.
func actionObject(ctx context.Context, s *Session, i int, a chatwoot.AutomationAction, names []string,
	rules map[string]chatwoot.ActionParamRule, resource string) (Object, error) {
	rule, known := rules[a.ActionName]
	if !known || !slices.Contains(names, a.ActionName) {
		return nil, refuseBecause("action %d is %s, which %s does not support", i+1, a.ActionName, resource)
	}
	where := fmt.Sprintf("action %d (%s)", i+1, a.ActionName)
	obj := Object{{"action_name", String(a.ActionName)}}
	var params List
	for _, p := range a.ActionParams {
		e, err := automationValue(ctx, s, actionValueKinds[a.ActionName], p, where)
		if err != nil {
			return nil, err
		}
		if rule.Check != nil {
			if problem := rule.Check(p.String()); problem != "" {
				return nil, refuseBecause("%s takes %s; %s", where, rule.Help, problem)
			}
		}
		params = append(params, e)
	}
	if n := len(params); (rule.Count >= 0 && n != rule.Count) || (rule.Count < 0 && n == 0) {
		return nil, refuseBecause("%s has %d params, and %s takes %s", where, n, resource, paramCount(rule))
	}
	if len(params) > 0 {
		obj = append(obj, Attr{"params", params})
	}
	return obj, nil
}

func paramCount(rule chatwoot.ActionParamRule) string {
	if rule.Count == 0 {
		return "none"
	}
	return rule.Help
}

// automationValue is one value or parameter: a reference where it is an id, text otherwise.
func automationValue(ctx context.Context, s *Session, idKind string, p chatwoot.Param, where string) (Expr, error) {
	switch {
	case len(p.Raw) > 0 || p.EmailToTeam != nil:
		return nil, refuseBecause("%s holds %s, which is neither text nor an id", where, p.String())
	case idKind == "label":
		return s.LabelRef(ctx, p.String())
	case idKind == "":
		return String(p.String()), nil
	case p.Str != nil:
		if _, err := strconv.ParseInt(*p.Str, 10, 64); err == nil {
			return nil, refuseBecause("%s holds the id %q as text, which Chatwoot ignores: the resource would change it into a number on the first apply", where, *p.Str)
		}
		return String(*p.Str), nil // "nil", "last_responding_agent"
	}
	switch idKind {
	case "agent":
		return s.AgentRef(ctx, *p.Int)
	case "team":
		return s.TeamRef(ctx, *p.Int)
	case "inbox":
		return s.InboxRef(ctx, *p.Int)
	}
	return s.SLAPolicyRef(*p.Int)
}
