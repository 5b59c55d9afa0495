package chatwoot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// AutomationRule is Chatwoot's automation rule JSON (DESIGN.md §6.6). Chatwoot stores conditions and
// actions as sent, so their values come back in whatever JSON type they were written with.
type AutomationRule struct {
	ID          int64                 `json:"id"`
	AccountID   int64                 `json:"account_id"`
	Name        string                `json:"name"`
	Description string                `json:"description"`
	EventName   string                `json:"event_name"`
	Active      bool                  `json:"active"`
	Conditions  []AutomationCondition `json:"conditions"`
	Actions     []AutomationAction    `json:"actions"`
	CreatedOn   int64                 `json:"created_on"`
	// ExecutionDelay is the delay in minutes before the actions run (Chatwoot 4.17.0 and later,
	// with the delayed_automations feature); nil means at once, and older servers never send it.
	ExecutionDelay *int64 `json:"execution_delay"`
}

// AutomationCondition is one condition. QueryOperator joins it to the next condition; the last
// condition has none (nil, sent as JSON null).
type AutomationCondition struct {
	AttributeKey   string  `json:"attribute_key"`
	FilterOperator string  `json:"filter_operator"`
	Values         []Param `json:"values"`
	QueryOperator  *string `json:"query_operator"`
	// CustomAttributeType is "conversation_attribute" or "contact_attribute" for a custom
	// attribute key, and empty for Chatwoot's standard keys.
	CustomAttributeType string `json:"custom_attribute_type,omitempty"`
}

// AutomationAction is one action with its parameters.
type AutomationAction struct {
	ActionName   string  `json:"action_name"`
	ActionParams []Param `json:"action_params,omitempty"`
}

// AutomationRuleInput is the body of a create or update. Every field is sent: Chatwoot answers
// 500 when name, event_name, conditions or actions are missing on create.
type AutomationRuleInput struct {
	Name        string                `json:"name"`
	Description string                `json:"description"`
	EventName   string                `json:"event_name"`
	Active      bool                  `json:"active"`
	Conditions  []AutomationCondition `json:"conditions"`
	Actions     []AutomationAction    `json:"actions"`
	// ExecutionDelay, in minutes (10 to 43200), is sent when set. Chatwoot 4.17.0 and later
	// refuse a delay on accounts without delayed_automations (422); older servers drop it.
	ExecutionDelay *int64 `json:"execution_delay,omitempty"`
	// ClearExecutionDelay sends "execution_delay": null when ExecutionDelay is nil, which
	// removes a stored delay on update.
	ClearExecutionDelay bool `json:"-"`
}

// MarshalJSON sends execution_delay only when there is one or it is being cleared, so servers and
// accounts without delayed automations see the body they always did.
func (in AutomationRuleInput) MarshalJSON() ([]byte, error) {
	type plain AutomationRuleInput // without this method
	if in.ExecutionDelay != nil || !in.ClearExecutionDelay {
		return json.Marshal(plain(in))
	}
	return json.Marshal(struct {
		plain
		ExecutionDelay *int64 `json:"execution_delay"`
	}{plain: plain(in)})
}

// EmailToTeam is the single parameter of the send_email_to_team action.
type EmailToTeam struct {
	Message string  `json:"message"`
	TeamIDs []int64 `json:"team_ids"`
}

// Param is one element of a condition's values or an action's action_params. Chatwoot compares
// ids as integers (a string "5" silently matches nothing), takes text as strings, and wants an
// object for send_email_to_team, so the type is kept exactly. Exactly one field is set; Raw keeps
// any other JSON as it was.
type Param struct {
	Int         *int64
	Str         *string
	EmailToTeam *EmailToTeam
	Raw         json.RawMessage
}

// IntParam is an integer parameter, such as an agent or team id.
func IntParam(n int64) Param { return Param{Int: &n} }

// StringParam is a string parameter, such as a label, a message or "nil".
func StringParam(s string) Param { return Param{Str: &s} }

// EmailToTeamParam is send_email_to_team's object parameter.
func EmailToTeamParam(message string, teamIDs []int64) Param {
	return Param{EmailToTeam: &EmailToTeam{Message: message, TeamIDs: teamIDs}}
}

// MarshalJSON writes the parameter in its own JSON type.
func (p Param) MarshalJSON() ([]byte, error) {
	switch {
	case p.Int != nil:
		return json.Marshal(*p.Int)
	case p.Str != nil:
		return json.Marshal(*p.Str)
	case p.EmailToTeam != nil:
		teamIDs := p.EmailToTeam.TeamIDs
		if teamIDs == nil {
			teamIDs = []int64{}
		}
		return json.Marshal(EmailToTeam{Message: p.EmailToTeam.Message, TeamIDs: teamIDs})
	case len(p.Raw) > 0:
		return p.Raw, nil
	}
	return []byte("null"), nil
}

// UnmarshalJSON reads integers, strings and send_email_to_team objects into their typed field
// and keeps anything else (floats, booleans, other objects) raw.
func (p *Param) UnmarshalJSON(data []byte) error {
	*p = Param{}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return errors.New("empty JSON value")
	}
	switch trimmed[0] {
	case '"':
		var s string
		if err := json.Unmarshal(trimmed, &s); err != nil {
			return err
		}
		p.Str = &s
		return nil
	case '{':
		var obj struct {
			Message *string           `json:"message"`
			TeamIDs []json.RawMessage `json:"team_ids"`
		}
		if json.Unmarshal(trimmed, &obj) == nil && obj.Message != nil {
			ids := make([]int64, 0, len(obj.TeamIDs))
			allInts := true
			for _, raw := range obj.TeamIDs {
				id, ok := jsonInteger(raw)
				if !ok {
					allInts = false
					break
				}
				ids = append(ids, id)
			}
			if allInts {
				p.EmailToTeam = &EmailToTeam{Message: *obj.Message, TeamIDs: ids}
				return nil
			}
		}
	default:
		if n, ok := jsonInteger(trimmed); ok {
			p.Int = &n
			return nil
		}
	}
	p.Raw = append(json.RawMessage(nil), trimmed...)
	return nil
}

// jsonInteger reads a JSON number that is a whole number; 3.0 counts, because a rule written by
// another tool may hold one.
func jsonInteger(raw json.RawMessage) (int64, bool) {
	s := string(bytes.TrimSpace(raw))
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == float64(int64(f)) {
		return int64(f), true
	}
	return 0, false
}

// String is the parameter as text: the decimal integer, the string itself, or raw JSON.
func (p Param) String() string {
	switch {
	case p.Int != nil:
		return strconv.FormatInt(*p.Int, 10)
	case p.Str != nil:
		return *p.Str
	}
	b, err := p.MarshalJSON()
	if err != nil {
		return ""
	}
	return string(b)
}

// ListAutomationRules returns every rule of the account (not paginated). Administrators only.
func (c *Client) ListAutomationRules(ctx context.Context, accountID int64) ([]AutomationRule, error) {
	return payloadListOf[AutomationRule](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/automation_rules"), idempotent: true})
}

// GetAutomationRule reads one rule. A rule that does not exist gives a *NotFoundError.
func (c *Client) GetAutomationRule(ctx context.Context, accountID, ruleID int64) (*AutomationRule, error) {
	rule, err := payloadOf[AutomationRule](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/automation_rules/%d", ruleID), idempotent: true})
	if err != nil {
		return nil, c.confirmRuleMissing(ctx, accountID, ruleID, err)
	}
	return rule, nil
}

// CreateAutomationRule creates a rule. Chatwoot answers create with the bare rule, unlike every
// other automation endpoint. The POST is not retried after an unknown outcome: that could create
// the rule twice.
func (c *Client) CreateAutomationRule(ctx context.Context, accountID int64, in AutomationRuleInput) (*AutomationRule, error) {
	cl := call{method: http.MethodPost, path: accountPath(accountID, "/automation_rules"), body: normalizedInput(in)}
	rule, err := objectOf[AutomationRule](ctx, c, cl)
	if err != nil {
		return nil, err
	}
	if rule.ID == 0 {
		return nil, &DecodeError{Method: cl.method, Path: cl.path, StatusCode: http.StatusOK, Err: errors.New("the created rule has no id")}
	}
	return rule, nil
}

// UpdateAutomationRule replaces every field of a rule. A rule that does not exist gives
// a *NotFoundError.
func (c *Client) UpdateAutomationRule(ctx context.Context, accountID, ruleID int64, in AutomationRuleInput) (*AutomationRule, error) {
	rule, err := payloadOf[AutomationRule](ctx, c, call{method: http.MethodPatch, path: accountPath(accountID, "/automation_rules/%d", ruleID),
		body: normalizedInput(in), idempotent: true})
	if err != nil {
		return nil, c.confirmRuleMissing(ctx, accountID, ruleID, err)
	}
	return rule, nil
}

// DeleteAutomationRule deletes a rule. A rule that does not exist gives a *NotFoundError.
func (c *Client) DeleteAutomationRule(ctx context.Context, accountID, ruleID int64) error {
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/automation_rules/%d", ruleID), idempotent: true}, nil)
	if err != nil {
		return c.confirmRuleMissing(ctx, accountID, ruleID, err)
	}
	return nil
}

// confirmRuleMissing turns Chatwoot's 500 for an unknown rule id into a *NotFoundError
// when the account's list confirms the rule is gone. Any other failure, or a 500 for a rule that
// does exist, is returned as it was.
func (c *Client) confirmRuleMissing(ctx context.Context, accountID, ruleID int64, err error) error {
	apiErr, ok := asAPIError(err)
	if !ok || apiErr.StatusCode != http.StatusInternalServerError {
		return err
	}
	rules, listErr := c.ListAutomationRules(ctx, accountID)
	if listErr != nil {
		// Only err is wrapped: callers classify the delete's failure, not the list's.
		return fmt.Errorf("%w (listing the account's rules to check whether rule %d still exists also failed: %s)", err, ruleID, listErr.Error())
	}
	for _, r := range rules {
		if r.ID == ruleID {
			return err
		}
	}
	return &NotFoundError{Kind: "automation rule", AccountID: accountID, ID: ruleID, Cause: err}
}

// normalizedInput sends empty lists as [] rather than null: Chatwoot's validators call .each on
// conditions and answer 500 for null.
func normalizedInput(in AutomationRuleInput) AutomationRuleInput {
	if in.Conditions == nil {
		in.Conditions = []AutomationCondition{}
	}
	if in.Actions == nil {
		in.Actions = []AutomationAction{}
	}
	conds := make([]AutomationCondition, len(in.Conditions))
	for i, cond := range in.Conditions {
		if cond.Values == nil {
			cond.Values = []Param{}
		}
		conds[i] = cond
	}
	in.Conditions = conds
	return in
}
