package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAutomationRuleListResource lists the automation rules of an account as chatwoot_automation_rule (administrators only).
func NewAutomationRuleListResource() list.ListResource {
	return listing(NewAutomationRuleResource, accountListResource[chatwoot.AutomationRule, automationRuleModel]{
		plural: "automation rules",
		list:   (*chatwoot.Client).ListAutomationRules,
		failed: automationRuleErrorDiagnostic,
		id:     func(r *chatwoot.AutomationRule) int64 { return r.ID },
		name:   func(r *chatwoot.AutomationRule) string { return r.Name },
		state:  automationRuleState,
	})
}
