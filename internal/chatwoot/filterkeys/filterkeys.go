// Package filterkeys is Chatwoot's table of the filter operators each automation condition
// attribute takes, the one definition the provider (plan-time checks) and the mock (evaluation)
// share. Chatwoot saves a rule with any operator, then checks the operator against this table at
// every evaluation; two failures in a row switch the rule off.
//
// It imports nothing, so that both internal/chatwoot's tests and the mock can use it.
package filterkeys

import "slices"

// standard is the operators each standard attribute allows.
var standard = map[string][]string{
	"status":                {"equal_to", "not_equal_to"},
	"assignee_id":           {"equal_to", "not_equal_to", "is_present", "is_not_present"},
	"inbox_id":              {"equal_to", "not_equal_to", "is_present", "is_not_present"},
	"team_id":               {"equal_to", "not_equal_to", "is_present", "is_not_present"},
	"priority":              {"equal_to", "not_equal_to"},
	"labels":                {"equal_to", "not_equal_to", "is_present", "is_not_present"},
	"browser_language":      {"equal_to", "not_equal_to"},
	"conversation_language": {"equal_to", "not_equal_to"},
	"country_code":          {"equal_to", "not_equal_to"},
	"referer":               {"equal_to", "not_equal_to", "contains", "does_not_contain"},
	"mail_subject":          {"equal_to", "not_equal_to", "contains", "does_not_contain"},
	"email":                 {"equal_to", "not_equal_to", "contains", "does_not_contain"},
	"phone_number":          {"equal_to", "not_equal_to", "contains", "does_not_contain", "starts_with"},
	"city":                  {"equal_to", "not_equal_to", "contains", "does_not_contain"},
	"company_name":          {"equal_to", "not_equal_to", "contains", "does_not_contain"},
	"content":               {"equal_to", "not_equal_to", "contains", "does_not_contain"},
	"message_type":          {"equal_to", "not_equal_to"},
	"private_note":          {"equal_to", "not_equal_to"},
	"sla_policy_id":         {"equal_to", "not_equal_to"},
}

// customAttribute is the operators a custom attribute condition allows.
var customAttribute = []string{"equal_to", "not_equal_to", "contains", "does_not_contain",
	"is_present", "is_not_present", "is_greater_than", "is_less_than"}

// Operators returns the operators attribute key allows, and whether key is a standard attribute;
// any other key is a custom attribute's. The slice is a copy.
func Operators(key string) (ops []string, isStandard bool) {
	if ops, ok := standard[key]; ok {
		return slices.Clone(ops), true
	}
	return slices.Clone(customAttribute), false
}

// Allowed reports whether Chatwoot evaluates attribute key with operator op.
func Allowed(key, op string) bool {
	ops, _ := Operators(key)
	return slices.Contains(ops, op)
}

// StandardKeys returns the standard attributes of the table, sorted.
func StandardKeys() []string {
	keys := make([]string, 0, len(standard))
	for k := range standard {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
