package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// ModifyPlan resolves the account, then checks the rule's references and its execution delay.
func (r *automationRuleResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.planAccount(ctx, req, resp)
	if resp.Diagnostics.HasError() {
		return
	}
	r.planReferences(ctx, req, resp)
	r.planExecutionDelay(ctx, req, resp)
}

// planReferences checks at plan time, with the same cached lists the apply uses, what the apply
// would refuse (a team, agent or label the account does not have), so that a reviewed plan is one
// that applies, and warns about an assign_agent Chatwoot would skip.
func (r *automationRuleResource) planReferences(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if resp.Diagnostics.HasError() || req.Plan.Raw.IsNull() || r.data == nil || r.data.client == nil {
		return
	}
	var plan automationRuleModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || plan.AccountID.IsUnknown() || plan.Actions.IsUnknown() || plan.Actions.IsNull() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	actions := knownReferenceActions(ctx, plan.Actions, &resp.Diagnostics)
	checkActionReferences(ctx, r.data.client, "rule", accountID, actions, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	for i, a := range actions {
		if a.ActionName != "assign_agent" {
			continue
		}
		for _, id := range automationIntParams(a.ActionParams) {
			agent, err := chatwoot.Agents.Get(ctx, r.data.client, accountID, id)
			if err != nil {
				continue // reported by checkActionReferences
			}
			warnUnassignableAgent(&resp.Diagnostics, path.Root("actions").AtListIndex(i).AtName("params"), accountID, agent)
		}
	}
}

// warnUnassignableAgent says, at plan time, that Chatwoot will not assign agent automatically.
func warnUnassignableAgent(diags *diag.Diagnostics, at path.Path, accountID int64, agent *chatwoot.Agent) {
	if agent.Confirmed {
		return
	}
	diags.AddAttributeWarning(at, "Agent Cannot Be Auto-Assigned",
		fmt.Sprintf("Agent %d (%s, %s) of account %d has not confirmed their Chatwoot account, and Chatwoot skips unconfirmed "+
			"agents: the assign_agent action will do nothing for them. An agent is confirmed when they accept the invitation "+
			"email (an agent that chatwoot_agent creates starts unconfirmed) or when a Chatwoot super admin confirms them; "+
			"chatwoot_agent's confirmed attribute shows it.", agent.ID, agent.Name, agent.Email, accountID))
}

// knownReferenceActions is the plan's actions as Chatwoot would receive them, with only what is
// known at plan time: the ids of assign_team, assign_agent and send_email_to_team.
func knownReferenceActions(ctx context.Context, list types.List, diags *diag.Diagnostics) []chatwoot.AutomationAction {
	var models []automationActionModel
	diags.Append(list.ElementsAs(ctx, &models, false)...)
	out := make([]chatwoot.AutomationAction, len(models))
	for i, m := range models {
		if m.ActionName.IsUnknown() {
			continue
		}
		out[i].ActionName = m.ActionName.ValueString()
		switch out[i].ActionName {
		case "assign_team", "assign_agent":
			if m.Params.IsUnknown() || m.Params.IsNull() {
				continue
			}
			var params []types.String
			diags.Append(m.Params.ElementsAs(ctx, &params, false)...)
			for _, p := range params {
				if n, err := strconv.ParseInt(p.ValueString(), 10, 64); err == nil && !p.IsUnknown() {
					out[i].ActionParams = append(out[i].ActionParams, chatwoot.IntParam(n))
				}
			}
		case "send_email_to_team":
			if m.TeamIDs.IsUnknown() || m.TeamIDs.IsNull() {
				continue
			}
			var ids []types.Int64
			diags.Append(m.TeamIDs.ElementsAs(ctx, &ids, false)...)
			var known []int64
			for _, id := range ids {
				if !id.IsUnknown() && !id.IsNull() {
					known = append(known, id.ValueInt64())
				}
			}
			out[i].ActionParams = []chatwoot.Param{chatwoot.EmailToTeamParam("", known)}
		}
	}
	return out
}
