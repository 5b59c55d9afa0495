package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot/filterkeys"
)

// What Chatwoot v4.15.1 accepts in an automation rule (DESIGN.md §6.6). Chatwoot checks attribute
// keys, action names and query operators when the rule is saved, but not filter operators or
// parameters: those fail later, silently or by deactivating the rule, so the provider checks
// them at plan time.

// automationEvents are the events Chatwoot's listener acts on. Chatwoot stores any string, but a
// rule on another event never runs.
var automationEvents = []string{
	"conversation_created", "conversation_updated", "conversation_opened", "conversation_resolved", "message_created",
}

// automationStandardKeys are the condition attribute keys built into Chatwoot; sla_policy_id is
// Enterprise. Any other key must be a custom attribute of the account.
var automationStandardKeys = []string{
	"content", "email", "country_code", "status", "message_type", "browser_language", "assignee_id", "team_id",
	"referer", "city", "company_name", "inbox_id", "mail_subject", "phone_number", "priority",
	"conversation_language", "labels", "private_note", "sla_policy_id",
}

// automationIDKeys are the condition keys whose values are record ids, sent as JSON integers.
var automationIDKeys = []string{"assignee_id", "team_id", "inbox_id", "sla_policy_id"}

// automationCustomAttributeTypes say which model a custom attribute key belongs to.
var automationCustomAttributeTypes = []string{"conversation_attribute", "contact_attribute"}

// automationFilterOperators is Chatwoot's filter operator vocabulary. Each evaluation checks the
// operator against the ones lib/filters/filter_keys.yml allows for the attribute; one outside
// this list never passes and gets the rule deactivated.
var automationFilterOperators = []string{
	"equal_to", "not_equal_to", "contains", "does_not_contain", "is_present", "is_not_present",
	"is_greater_than", "is_less_than", "days_before", "starts_with",
}

// automationValuelessOperators take no values.
var automationValuelessOperators = []string{"is_present", "is_not_present"}

var automationQueryOperators = []string{"AND", "OR"}

// validateAutomationConditions checks what Chatwoot would reject, or accept and then ignore.
// Unknown values (from other resources) are skipped; they are checked again at apply.
func validateAutomationConditions(ctx context.Context, list types.List, diags *diag.Diagnostics) {
	if list.IsNull() || list.IsUnknown() {
		return
	}
	var conditions []automationConditionModel
	diags.Append(list.ElementsAs(ctx, &conditions, false)...)
	if diags.HasError() {
		return
	}
	last := len(conditions) - 1
	for i, c := range conditions {
		at := path.Root("conditions").AtListIndex(i)
		switch {
		case c.QueryOperator.IsUnknown():
		case i < last && c.QueryOperator.IsNull():
			diags.AddAttributeError(at.AtName("query_operator"), "Missing Query Operator",
				fmt.Sprintf("%s is followed by another condition, so it needs query_operator = \"AND\" or \"OR\" to say how "+
					"they combine. Only the last condition has no query_operator; Chatwoot rejects a rule with more than one.", counted("Condition", i)))
		case i == last && !c.QueryOperator.IsNull():
			diags.AddAttributeError(at.AtName("query_operator"), "Unexpected Query Operator on the Last Condition",
				"The last condition has nothing to join with, so it must not set query_operator. Remove it, or add the condition it should join.")
		}

		if c.AttributeKey.IsUnknown() || c.CustomAttributeType.IsUnknown() {
			continue
		}
		key := c.AttributeKey.ValueString()
		standard := slices.Contains(automationStandardKeys, key)
		switch {
		case standard && !c.CustomAttributeType.IsNull():
			diags.AddAttributeError(at.AtName("custom_attribute_type"), "Unexpected Custom Attribute Type",
				fmt.Sprintf("%q is one of Chatwoot's standard attributes, not a custom attribute; remove custom_attribute_type.", key))
		case !standard && !chatwoot.CustomAttributeKeyPattern.MatchString(key):
			diags.AddAttributeError(at.AtName("attribute_key"), "Unknown Condition Attribute",
				fmt.Sprintf("%q is neither a standard Chatwoot attribute (%s) nor a valid custom attribute key (letters, numbers, "+
					"underscores, hyphens and dots).", key, chatwoot.QuotedList(automationStandardKeys)))
		case !standard && c.CustomAttributeType.IsNull():
			diags.AddAttributeError(at.AtName("custom_attribute_type"), "Missing Custom Attribute Type",
				fmt.Sprintf("%q is not a standard Chatwoot attribute, so it is taken as the key of a custom attribute. Set "+
					"custom_attribute_type to \"conversation_attribute\" or \"contact_attribute\" to say which model it belongs to; "+
					"Chatwoot looks the key up there, and rejects the rule if the account has no such custom attribute. "+
					"If you meant a standard attribute, check the spelling: %s.", key, chatwoot.QuotedList(automationStandardKeys)))
		}

		if op := c.FilterOperator.ValueString(); !c.FilterOperator.IsUnknown() && slices.Contains(automationFilterOperators, op) &&
			!filterkeys.Allowed(key, op) {
			allowed, isStandard := filterkeys.Operators(key)
			what := fmt.Sprintf("%q", key)
			if !isStandard {
				what = fmt.Sprintf("A custom attribute (%q)", key)
			}
			diags.AddAttributeError(at.AtName("filter_operator"), "Filter Operator Not Allowed for the Attribute",
				fmt.Sprintf("In %s, %s takes only %s, not %q. Chatwoot would save the rule, fail every evaluation of it, "+
					"and switch the rule off after two.", counted("condition", i), what, chatwoot.QuotedList(allowed), op))
		}

		if c.FilterOperator.IsUnknown() || c.Values.IsUnknown() {
			continue
		}
		valueless := slices.Contains(automationValuelessOperators, c.FilterOperator.ValueString())
		switch {
		case valueless && !c.Values.IsNull():
			diags.AddAttributeError(at.AtName("values"), "Unexpected Condition Values",
				fmt.Sprintf("filter_operator %q takes no values; remove values.", c.FilterOperator.ValueString()))
			continue
		case !valueless && c.Values.IsNull():
			diags.AddAttributeError(at.AtName("values"), "Missing Condition Values",
				fmt.Sprintf("filter_operator %q compares the attribute with values; set at least one.", c.FilterOperator.ValueString()))
			continue
		}
		var values []types.String
		diags.Append(c.Values.ElementsAs(ctx, &values, false)...)
		for j, v := range values {
			if v.IsUnknown() || v.IsNull() {
				continue
			}
			s := v.ValueString()
			switch {
			case slices.Contains(automationIDKeys, key) && !chatwoot.IsRecordID(s):
				diags.AddAttributeError(at.AtName("values").AtListIndex(j), "Invalid Condition Value",
					fmt.Sprintf("%s values are record ids: whole numbers of 1 or more, sent to Chatwoot as JSON integers; got %q.", key, s))
			case key == "status" && !slices.Contains(chatwoot.ConversationStatuses, s):
				diags.AddAttributeError(at.AtName("values").AtListIndex(j), "Invalid Condition Value",
					fmt.Sprintf("status values are conversation statuses, one of %s; got %q. Chatwoot would match nothing.",
						chatwoot.QuotedList(chatwoot.ConversationStatuses), s))
			}
		}
	}
}

// validateAutomationActions checks each action's parameters against what Chatwoot's
// ActionService reads, since Chatwoot stores any parameters and ignores the wrong ones silently.
// send_email_to_team takes team_ids and message; every other action is checked by the shared
// vocabulary (checkActionParams).
func validateAutomationActions(ctx context.Context, list types.List, diags *diag.Diagnostics) {
	if list.IsNull() || list.IsUnknown() {
		return
	}
	var actions []automationActionModel
	diags.Append(list.ElementsAs(ctx, &actions, false)...)
	if diags.HasError() {
		return
	}
	for i, a := range actions {
		at := path.Root("actions").AtListIndex(i)
		if a.ActionName.IsUnknown() {
			continue
		}
		name := a.ActionName.ValueString()
		if name == "send_email_to_team" {
			if !a.Params.IsNull() {
				diags.AddAttributeError(at.AtName("params"), "Unexpected Action Params",
					"send_email_to_team takes team_ids and message instead of params.")
			}
			if a.TeamIDs.IsNull() {
				diags.AddAttributeError(at.AtName("team_ids"), "Missing Team IDs", "send_email_to_team needs team_ids: the teams to email.")
			}
			if a.Message.IsNull() {
				diags.AddAttributeError(at.AtName("message"), "Missing Message", "send_email_to_team needs message: the email's text.")
			}
			continue
		}
		for _, attr := range []struct {
			name string
			set  bool
		}{{"team_ids", !a.TeamIDs.IsNull()}, {"message", !a.Message.IsNull()}} {
			if attr.set && name != "send_attachment" {
				diags.AddAttributeError(at.AtName(attr.name), "Unexpected Action Attribute",
					fmt.Sprintf("%s is only for send_email_to_team; %s takes params.", attr.name, name))
			}
		}
		checkActionParams(ctx, "Automation", at, name, a.Params, chatwoot.AutomationActionParams, diags)
	}
}

// disallowedConditions names the conditions of a rule Chatwoot cannot evaluate because their
// operator is not one the attribute takes: "condition 2 (status contains)".
func disallowedConditions(conditions []chatwoot.AutomationCondition) []string {
	var out []string
	for i, c := range conditions {
		if !filterkeys.Allowed(c.AttributeKey, c.FilterOperator) {
			out = append(out, fmt.Sprintf("%s (%s %s)", counted("condition", i), c.AttributeKey, c.FilterOperator))
		}
	}
	return out
}

// filterOperatorTableMarkdown is the operator table for the docs: "`status`: `equal_to`,
// `not_equal_to`; …; a custom attribute: …".
func filterOperatorTableMarkdown() string {
	parts := make([]string, 0, len(automationStandardKeys)+1)
	for _, key := range filterkeys.StandardKeys() {
		ops, _ := filterkeys.Operators(key)
		parts = append(parts, "`"+key+"`: "+automationCodeList(ops))
	}
	ops, _ := filterkeys.Operators("")
	parts = append(parts, "a custom attribute: "+automationCodeList(ops))
	return strings.Join(parts, "; ")
}
