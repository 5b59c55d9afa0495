package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Clearing a field is safe only against what Chatwoot holds now, not against what the state
// says: with -refresh=false (or a plan saved long before its apply) the state can be older than
// a human's change. So a destroy or a field removal reads the conversation before it clears
// anything, and the plan warns about a field it will leave alone, reading the conversation too
// unless a refresh in this same provider process has just read it.

// liveAssignment is what a conversation holds, as far as this resource manages it.
type liveAssignment struct {
	AssigneeID, AgentBotID, TeamID types.Int64
}

func liveAssignmentOf(conv *chatwoot.Conversation) liveAssignment {
	return liveAssignment{int64OrNull(conv.AssigneeID()), int64OrNull(conv.AgentBotID()), int64OrNull(conv.TeamID())}
}

func (l liveAssignment) field(attr string) types.Int64 {
	switch attr {
	case "assignee_id":
		return l.AssigneeID
	case "agent_bot_id":
		return l.AgentBotID
	default:
		return l.TeamID
	}
}

type observedKey struct {
	client               *chatwoot.Client
	accountID, displayID int64
}

// observedAssignments holds what a Read in this provider process saw, so that the plan that
// follows the refresh does not read the conversation a second time.
var observedAssignments sync.Map // observedKey -> liveAssignment

func observeAssignment(client *chatwoot.Client, id objectID, conv *chatwoot.Conversation) {
	observedAssignments.Store(observedKey{client, id.accountID, id.id}, liveAssignmentOf(conv))
}

// readLiveAssignment reads the conversation; gone is true when Chatwoot no longer has it.
func readLiveAssignment(ctx context.Context, client *chatwoot.Client, id objectID, diags *diag.Diagnostics) (live liveAssignment, gone, ok bool) {
	conv, err := client.GetConversation(ctx, id.accountID, id.id)
	if chatwoot.IsNotFound(err) {
		return liveAssignment{}, true, true
	}
	if err != nil {
		diags.Append(clientErrorDiagnostic(conversationOperation("reading, before clearing what this resource assigned,", id), err))
		return liveAssignment{}, false, false
	}
	observeAssignment(client, id, conv)
	return liveAssignmentOf(conv), false, true
}

// releasePlan is a field a plan proposes to clear, with the value this resource assigned to it.
type releasePlan struct {
	attr    string
	applied int64
}

// plannedReleases lists the fields the apply of this plan would clear (plan is nil on destroy):
// on destroy with on_destroy = "unassign", every field this resource assigned; on update, the
// team when the configuration no longer sets it, and the agent or bot when it sets neither.
func plannedReleases(applied appliedValues, plan *conversationAssignmentModel, onDestroy string) []releasePlan {
	if plan == nil && onDestroy == onDestroyKeep {
		return nil
	}
	var out []releasePlan
	agentReleased := plan == nil || (plan.AssigneeID.IsNull() && plan.AgentBotID.IsNull())
	if agentReleased && applied.AssigneeID != nil {
		out = append(out, releasePlan{"assignee_id", *applied.AssigneeID})
	}
	if agentReleased && applied.AgentBotID != nil {
		out = append(out, releasePlan{"agent_bot_id", *applied.AgentBotID})
	}
	if (plan == nil || plan.TeamID.IsNull()) && applied.TeamID != nil {
		out = append(out, releasePlan{"team_id", *applied.TeamID})
	}
	return out
}

func (r *conversationAssignmentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.planAccount(ctx, req, resp)
	planCtx, cancel, client, accountID := r.planClient(ctx, req, resp)
	defer cancel()
	if client != nil {
		r.checkPlannedReferences(planCtx, client, accountID, req, resp)
	}
	if resp.Diagnostics.HasError() || req.State.Raw.IsNull() {
		return
	}
	var state conversationAssignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	var plan *conversationAssignmentModel
	if !req.Plan.Raw.IsNull() {
		plan = &conversationAssignmentModel{}
		resp.Diagnostics.Append(req.Plan.Get(ctx, plan)...)
		if !plan.AccountID.Equal(state.AccountID) || !plan.ConversationID.Equal(state.ConversationID) {
			return // replaced: the destroy half is planned on its own
		}
	}
	applied, diags := getApplied(ctx, req.Private, state)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	releases := plannedReleases(applied, plan, state.OnDestroy.ValueString())
	if len(releases) == 0 || r.data == nil || r.data.client == nil {
		return
	}
	client = r.data.client
	id := objectID{state.AccountID.ValueInt64(), state.ConversationID.ValueInt64()}
	var live liveAssignment
	if seen, ok := observedAssignments.Load(observedKey{client, id.accountID, id.id}); ok {
		live, _ = seen.(liveAssignment)
	} else {
		var gone, ok bool
		if live, gone, ok = readLiveAssignment(ctx, client, id, &resp.Diagnostics); !ok || gone {
			return // an error is reported; a gone conversation has nothing to clear
		}
	}
	for _, rel := range releases {
		current := live.field(rel.attr)
		if current.IsNull() || current.ValueInt64() == rel.applied {
			continue
		}
		resp.Diagnostics.AddAttributeWarning(path.Root(rel.attr), "Conversation Assignment Changed Outside Terraform",
			fmt.Sprintf("Conversation %d in account %d now has %s = %d, not the %d this resource assigned. Apply will leave it "+
				"as it is and only stop managing it, whatever the plan shows for %s: someone changed it in Chatwoot after "+
				"Terraform did.", id.id, id.accountID, rel.attr, current.ValueInt64(), rel.applied, rel.attr))
	}
}

// checkPlannedReferences fails the plan where the apply would: an agent, bot or team the account
// does not have (the cached lists the apply uses), and, for a new resource, a conversation
// Chatwoot does not have (one read).
func (r *conversationAssignmentResource) checkPlannedReferences(ctx context.Context, client *chatwoot.Client, accountID int64,
	req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var plan conversationAssignmentModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	refs := plan
	if !req.State.Raw.IsNull() {
		var prior conversationAssignmentModel
		resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
		if !prior.ConversationID.Equal(plan.ConversationID) || !prior.AccountID.Equal(plan.AccountID) {
			prior = conversationAssignmentModel{} // replaced: everything is sent again
		}
		refs = changedReferences(plan, prior)
		if prior.ConversationID.IsNull() {
			refs = plan
		}
	}
	checkAssignmentReferences(ctx, client, accountID, refs, &resp.Diagnostics)
	if resp.Diagnostics.HasError() || plan.ConversationID.IsUnknown() {
		return
	}
	var priorConversation types.Int64
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("conversation_id"), &priorConversation)...)
	}
	if plan.ConversationID.Equal(priorConversation) {
		return
	}
	id := objectID{accountID, plan.ConversationID.ValueInt64()}
	if _, err := client.GetConversation(ctx, id.accountID, id.id); err != nil {
		d := clientErrorDiagnostic(conversationOperation("checking", id), err)
		resp.Diagnostics.AddAttributeError(path.Root("conversation_id"), d.Summary(), d.Detail())
	}
}
