package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Chatwoot 4.17.0 can delay a rule's actions (execution_delay, in minutes), for accounts with the
// delayed_automations feature; it refuses a delay outside these bounds and some conditions with
// one.
const (
	minExecutionDelay = 10
	maxExecutionDelay = 43200
	// delayedAutomationsFeature is the account flag that allows execution_delay.
	delayedAutomationsFeature = "delayed_automations"
)

var _ resource.ResourceWithModifyPlan = (*automationRuleResource)(nil)

// validateExecutionDelayConditions applies Chatwoot's rule for delayed rules: for events other
// than message_created, only conditions on status and inbox_id. (Its other rule, no
// attribute_changed condition with a delay, always holds: this resource does not offer that
// operator.)
func validateExecutionDelayConditions(ctx context.Context, cfg automationRuleModel, diags *diag.Diagnostics) {
	if cfg.ExecutionDelay.IsNull() || cfg.Conditions.IsNull() || cfg.Conditions.IsUnknown() {
		return
	}
	var conditions []automationConditionModel
	if d := cfg.Conditions.ElementsAs(ctx, &conditions, false); d.HasError() {
		return
	}
	event := cfg.EventName
	for i, c := range conditions {
		at := path.Root("conditions").AtListIndex(i)
		if event.IsUnknown() || event.IsNull() || event.ValueString() == "message_created" || c.AttributeKey.IsUnknown() {
			continue
		}
		if key := c.AttributeKey.ValueString(); key != "status" && key != "inbox_id" {
			diags.AddAttributeError(at.AtName("attribute_key"), "Condition Not Allowed With a Delay",
				fmt.Sprintf("%s tests %q, but on a rule with execution_delay and event_name %q Chatwoot allows only "+
					"conditions on status and inbox_id (any condition is allowed for message_created). Remove execution_delay, "+
					"or change the conditions.", counted("Condition", i), key, event.ValueString()))
		}
	}
}

// planExecutionDelay checks execution_delay against the server and the account: it needs
// Chatwoot 4.17.0 and the delayed_automations feature. Only a plan that sends the delay (a
// create, or an update of a rule with one) is checked.
func (r *automationRuleResource) planExecutionDelay(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || resp.Diagnostics.HasError() || req.Plan.Raw.Equal(req.State.Raw) {
		return
	}
	delay := path.Root("execution_delay")
	var cfgDelay types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, delay, &cfgDelay)...)
	if resp.Diagnostics.HasError() || cfgDelay.IsNull() {
		return
	}
	if !requireServerVersion(ctx, r.data, &resp.Diagnostics, delay, "`execution_delay`", chatwoot.Version4170) {
		return
	}
	accountID := planAccountID(ctx, resp.Plan)
	requireAccountFeature(ctx, r.data, &resp.Diagnostics, delay, accountID, "`execution_delay`", delayedAutomationsFeature)
}
