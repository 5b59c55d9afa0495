package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ action.ActionWithConfigValidators = (*conversationAssignAction)(nil)

// NewConversationAssignAction is the chatwoot_conversation_assign action: the imperative "route
// this conversation now", with the safety of chatwoot_conversation_assignment (every id checked
// before anything is sent, team then agent, Chatwoot's answer checked) and no state.
func NewConversationAssignAction() action.Action {
	return &conversationAssignAction{actionKit{typeName: "conversation_assign"}}
}

type conversationAssignAction struct{ actionKit }

type conversationAssignModel struct {
	AccountID      types.Int64 `tfsdk:"account_id"`
	ConversationID types.Int64 `tfsdk:"conversation_id"`
	AssigneeID     types.Int64 `tfsdk:"assignee_id"`
	AgentBotID     types.Int64 `tfsdk:"agent_bot_id"`
	TeamID         types.Int64 `tfsdk:"team_id"`
}

func (a *conversationAssignAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Assigns a conversation to an agent (or an agent bot) and/or a team, once, when Terraform invokes " +
			"the action (`terraform apply -invoke=action.chatwoot_conversation_assign.<name>`, or an `action_trigger` in another " +
			"resource's `lifecycle`). Terraform 1.14 or later.\n\n" +
			"Unlike `chatwoot_conversation_assignment`, it keeps no state: nothing is restored if the assignment changes later, and " +
			"nothing is cleared on destroy. It is as careful as the resource: every agent, bot and team id is checked against the " +
			"account before anything is sent (Chatwoot would silently clear the assignment for an unknown one), the team is " +
			"assigned before the agent (Chatwoot ignores `team_id` in a request that names an agent), and Chatwoot's answer is " +
			"checked.",
		Attributes: map[string]schema.Attribute{
			"account_id":      actionIDAttribute(accountIDDescription, false),
			"conversation_id": actionIDAttribute("The conversation's number as shown in the Chatwoot UI and its URLs (its display id).", true),
			"assignee_id":     actionIDAttribute("The user id of the agent to assign. Conflicts with `agent_bot_id`.", false),
			"agent_bot_id":    actionIDAttribute("The id of an agent bot (the account's or a global one) to assign instead of an agent.", false),
			"team_id":         actionIDAttribute("The id of the team to assign; assigned before the agent.", false),
		},
	}
}

func (a *conversationAssignAction) ConfigValidators(_ context.Context) []action.ConfigValidator {
	return []action.ConfigValidator{
		actionvalidator.AtLeastOneOf(path.MatchRoot("assignee_id"), path.MatchRoot("agent_bot_id"), path.MatchRoot("team_id")),
		actionvalidator.Conflicting(path.MatchRoot("assignee_id"), path.MatchRoot("agent_bot_id")),
	}
}

func (a *conversationAssignAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg conversationAssignModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, client := accountAndClient(cfg.AccountID, a.data, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{accountID, cfg.ConversationID.ValueInt64()}
	refs := conversationAssignmentModel{AssigneeID: cfg.AssigneeID, AgentBotID: cfg.AgentBotID, TeamID: cfg.TeamID}
	if checkAssignmentReferences(ctx, client, accountID, refs, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}

	progress := func(format string, args ...any) {
		sendProgress(resp, format, args...)
	}
	steps := assignmentSteps{client: client, id: id}
	if !cfg.TeamID.IsNull() {
		if !steps.assignTeam(ctx, cfg.TeamID.ValueInt64(), &resp.Diagnostics) {
			return
		}
		progress("Conversation %d of account %d: team %d assigned.", id.id, id.accountID, cfg.TeamID.ValueInt64())
	}
	switch {
	case !cfg.AssigneeID.IsNull():
		if !steps.assignAgent(ctx, cfg.AssigneeID.ValueInt64(), &resp.Diagnostics) {
			return
		}
		progress("Conversation %d of account %d: agent %d assigned.", id.id, id.accountID, cfg.AssigneeID.ValueInt64())
	case !cfg.AgentBotID.IsNull():
		if !steps.assignAgentBot(ctx, cfg.AgentBotID.ValueInt64(), &resp.Diagnostics) {
			return
		}
		progress("Conversation %d of account %d: agent bot %d assigned.", id.id, id.accountID, cfg.AgentBotID.ValueInt64())
	}
}
