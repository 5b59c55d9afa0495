package provider

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var (
	_ resource.ResourceWithConfigValidators = (*conversationAssignmentResource)(nil)
	_ resource.ResourceWithIdentity         = (*conversationAssignmentResource)(nil)
)

const (
	onDestroyUnassign = "unassign"
	onDestroyKeep     = "keep"

	// privateApplied is the private-state key holding the values this resource last assigned. It
	// tells "still what we set" (safe to clear) from "changed by someone since" (leave it), and
	// which fields are managed at all. It is stored only when the state does not already say it
	// (see appliedKey).
	privateApplied = "applied"
	// privateImporting marks a state fresh from import, whose first Read adopts whatever the
	// conversation holds.
	privateImporting = "importing"
)

// NewConversationAssignmentResource is the chatwoot_conversation_assignment resource.
func NewConversationAssignmentResource() resource.Resource {
	return &conversationAssignmentResource{accountObjectResource{kind: objectKind{
		typeName: "conversation_assignment", idAttr: "conversation_id", noun: "conversation",
		idDescription: "The conversation's display id.",
	}}}
}

type conversationAssignmentResource struct {
	accountObjectResource
}

type conversationAssignmentModel struct {
	ID             types.String `tfsdk:"id"`
	AccountID      types.Int64  `tfsdk:"account_id"`
	ConversationID types.Int64  `tfsdk:"conversation_id"`
	AssigneeID     types.Int64  `tfsdk:"assignee_id"`
	AgentBotID     types.Int64  `tfsdk:"agent_bot_id"`
	TeamID         types.Int64  `tfsdk:"team_id"`
	OnDestroy      types.String `tfsdk:"on_destroy"`
	operationTimeouts
}

// appliedValues is what this resource last assigned; a nil field is not managed.
type appliedValues struct {
	AssigneeID *int64 `json:"assignee_id,omitempty"`
	AgentBotID *int64 `json:"agent_bot_id,omitempty"`
	TeamID     *int64 `json:"team_id,omitempty"`
}

func (r *conversationAssignmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	idValidators := []validator.Int64{int64validator.AtLeast(1)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Assigns one Chatwoot conversation to an agent (or an agent bot) and/or a team, and keeps it that way.\n\n" +
			"Chatwoot's assignment API clears the assignment when it is given an agent, bot or team id it does not know. " +
			"This resource checks every id against the account before it sends anything, sends the team and the agent in two " +
			"requests (team first), and checks what Chatwoot answers.\n\n" +
			"Only the fields you set are managed. When you set only `team_id`, the agent that Chatwoot's team auto-assignment " +
			"picks is not drift. A managed field that someone changes in Chatwoot shows in the next plan and is restored by apply.\n\n" +
			"Removing a field, or destroying with `on_destroy = \"unassign\"`, clears it only if the conversation still holds the " +
			"value this resource set; otherwise it is left alone with a warning.\n\n" +
			"Any member of the account who can see the conversation may assign it: an administrator, or an agent who belongs to the " +
			"conversation's inbox or team.\n\n" +
			"**Conversation status.** From Chatwoot 4.17.0, assigning an agent bot also sets the conversation's status to " +
			"`pending`, and assigning an agent to a bot's `pending` conversation sets it to `open`. This resource does not manage " +
			"the status, so neither change (nor any later one) is drift. From 4.17.0 Chatwoot also refuses an unknown team id " +
			"with an error instead of clearing the team; the provider checks team ids before sending them on every version.",
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"conversation_id": parentIDAttribute("The conversation's number as shown in the Chatwoot UI and its URLs (Chatwoot's " +
				"per-account display id, not the database id)."),
			"assignee_id": schema.Int64Attribute{
				MarkdownDescription: "The user id of the agent to assign. It must be an agent (or administrator) of the account; " +
					"the `chatwoot_agent` data source finds it by email. Conflicts with `agent_bot_id`.",
				Optional: true,
				Validators: append([]validator.Int64{
					int64validator.ConflictsWith(path.MatchRoot("agent_bot_id")),
				}, idValidators...),
			},
			"agent_bot_id": schema.Int64Attribute{
				MarkdownDescription: "The id of an agent bot to assign instead of an agent: one of the account's bots or a global " +
					"(system) bot. Conflicts with `assignee_id`.",
				Optional:   true,
				Validators: idValidators,
			},
			"team_id": schema.Int64Attribute{
				MarkdownDescription: "The id of the team to assign. Setting a team makes Chatwoot clear an assigned agent who is not " +
					"a member of it, and, when the team allows auto-assignment, pick an online member of both team and inbox if " +
					"no agent is assigned. When `assignee_id` is set too, the provider assigns the team first and then the agent.",
				Optional:   true,
				Validators: idValidators,
			},
			"on_destroy": schema.StringAttribute{
				MarkdownDescription: "What destroy does: `unassign` (the default) clears the managed fields that still hold the " +
					"values this resource set; `keep` leaves the conversation as it is and only forgets it.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(onDestroyUnassign),
				Validators: []validator.String{stringvalidator.OneOf(onDestroyUnassign, onDestroyKeep)},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *conversationAssignmentResource) ConfigValidators(_ context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.AtLeastOneOf(path.MatchRoot("assignee_id"), path.MatchRoot("agent_bot_id"), path.MatchRoot("team_id")),
	}
}

func (r *conversationAssignmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan conversationAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{plan.AccountID.ValueInt64(), plan.ConversationID.ValueInt64()}
	if checkAssignmentReferences(ctx, client, id.accountID, plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}

	// Build the state as requests succeed, so that a failure halfway leaves a state (tainted by
	// Terraform) that knows what was assigned.
	state := plan
	state.ID = types.StringValue(id.String())
	state.AssigneeID, state.AgentBotID, state.TeamID = types.Int64Null(), types.Int64Null(), types.Int64Null()
	applied := appliedValues{}
	defer func() {
		// A create that assigned nothing changed nothing: leave no (tainted) instance behind.
		if (applied == appliedValues{}) && resp.Diagnostics.HasError() {
			return
		}
		r.save(ctx, created(req, resp), id, &state, appliedKey(applied, state))
	}()

	steps := assignmentSteps{client: client, id: id}
	if !plan.TeamID.IsNull() {
		if !steps.assignTeam(ctx, plan.TeamID.ValueInt64(), &resp.Diagnostics) {
			return
		}
		state.TeamID, applied.TeamID = plan.TeamID, ptr(plan.TeamID.ValueInt64())
	}
	switch {
	case !plan.AssigneeID.IsNull():
		if !steps.assignAgent(ctx, plan.AssigneeID.ValueInt64(), &resp.Diagnostics) {
			return
		}
		state.AssigneeID, applied.AssigneeID = plan.AssigneeID, ptr(plan.AssigneeID.ValueInt64())
	case !plan.AgentBotID.IsNull():
		if !steps.assignAgentBot(ctx, plan.AgentBotID.ValueInt64(), &resp.Diagnostics) {
			return
		}
		state.AgentBotID, applied.AgentBotID = plan.AgentBotID, ptr(plan.AgentBotID.ValueInt64())
	}
}

func (r *conversationAssignmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state conversationAssignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{state.AccountID.ValueInt64(), state.ConversationID.ValueInt64()}
	conv, err := client.GetConversation(ctx, id.accountID, id.id)
	if chatwoot.IsNotFound(err) {
		r.removeGone(ctx, resp, id)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(conversationOperation("reading", id), err))
		return
	}

	observeAssignment(client, id, conv)
	applied, diags := getApplied(ctx, req.Private, state)
	resp.Diagnostics.Append(diags...)
	importing, diags := req.Private.GetKey(ctx, privateImporting)
	resp.Diagnostics.Append(diags...)
	if importing != nil {
		// Import adopts the conversation's current assignment.
		applied = appliedValues{}
		if v := conv.AssigneeID(); v != 0 {
			applied.AssigneeID = ptr(v)
		}
		if v := conv.AgentBotID(); v != 0 {
			applied.AgentBotID = ptr(v)
		}
		if v := conv.TeamID(); v != 0 {
			applied.TeamID = ptr(v)
		}
	}

	// A field this resource does not manage stays null, whatever Chatwoot holds: an agent picked
	// by team auto-assignment is not drift. A managed one shows Chatwoot's value, so a change made
	// in the UI appears in the plan.
	state.AssigneeID = managedValue(applied.AssigneeID, conv.AssigneeID())
	state.AgentBotID = managedValue(applied.AgentBotID, conv.AgentBotID())
	state.TeamID = managedValue(applied.TeamID, conv.TeamID())
	if state.OnDestroy.IsNull() {
		state.OnDestroy = types.StringValue(onDestroyUnassign)
	}
	state.ID = types.StringValue(id.String())
	// Drift makes the state differ from what this resource assigned, which is when the private
	// state has to say it.
	r.save(ctx, refreshed(req, resp), id, &state, appliedKey(applied, state), privateKey{privateImporting, nil})
}

func (r *conversationAssignmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior conversationAssignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	applied, diags := getApplied(ctx, req.Private, prior)
	resp.Diagnostics.Append(diags...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{plan.AccountID.ValueInt64(), plan.ConversationID.ValueInt64()}
	if checkAssignmentReferences(ctx, client, id.accountID, changedReferences(plan, prior), &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}

	// prior holds what Chatwoot showed at the refresh before this plan; state starts from it and
	// follows each request that succeeds.
	state := prior
	state.OnDestroy = plan.OnDestroy
	defer func() { r.save(ctx, updated(req, resp), id, &state, appliedKey(applied, state)) }()
	steps := assignmentSteps{client: client, id: id}
	// A field is cleared only against what the conversation holds now (the state may predate a
	// human's change: -refresh=false), read once, after any team change that can move the agent.
	var live *liveAssignment
	liveNow := func() (liveAssignment, bool) {
		if live == nil {
			l, gone, ok := readLiveAssignment(ctx, client, id, &resp.Diagnostics)
			if !ok {
				return liveAssignment{}, false
			}
			if gone {
				resp.Diagnostics.AddError("Chatwoot Conversation No Longer Exists",
					fmt.Sprintf("Conversation %d was not found in account %d, so nothing was cleared. Run terraform plan again: "+
						"its refresh removes the resource from the state.", id.id, id.accountID))
				return liveAssignment{}, false
			}
			live = &l
		}
		return *live, true
	}

	// Team first: a new team can clear or replace the agent, so the agent is sent after it.
	teamChanged := false
	switch {
	case !plan.TeamID.IsNull() && !plan.TeamID.Equal(prior.TeamID):
		if !steps.assignTeam(ctx, plan.TeamID.ValueInt64(), &resp.Diagnostics) {
			return
		}
		state.TeamID, applied.TeamID, teamChanged = plan.TeamID, ptr(plan.TeamID.ValueInt64()), true
		live = nil
	case plan.TeamID.IsNull() && applied.TeamID != nil:
		now, ok := liveNow()
		if !ok {
			return
		}
		if steps.releaseIfUnchanged(ctx, "team_id", now.TeamID, *applied.TeamID, client.UnassignTeam, &resp.Diagnostics) {
			state.TeamID, applied.TeamID = types.Int64Null(), nil
		} else if resp.Diagnostics.HasError() {
			return
		}
	case plan.TeamID.IsNull():
		state.TeamID = types.Int64Null()
	}

	switch {
	case !plan.AssigneeID.IsNull():
		if teamChanged || !plan.AssigneeID.Equal(prior.AssigneeID) {
			if !steps.assignAgent(ctx, plan.AssigneeID.ValueInt64(), &resp.Diagnostics) {
				return
			}
		}
		state.AssigneeID, state.AgentBotID = plan.AssigneeID, types.Int64Null()
		applied.AssigneeID, applied.AgentBotID = ptr(plan.AssigneeID.ValueInt64()), nil
	case !plan.AgentBotID.IsNull():
		if teamChanged || !plan.AgentBotID.Equal(prior.AgentBotID) {
			if !steps.assignAgentBot(ctx, plan.AgentBotID.ValueInt64(), &resp.Diagnostics) {
				return
			}
		}
		state.AgentBotID, state.AssigneeID = plan.AgentBotID, types.Int64Null()
		applied.AgentBotID, applied.AssigneeID = ptr(plan.AgentBotID.ValueInt64()), nil
	default:
		// Neither is configured any more: release whichever this resource had assigned.
		var now liveAssignment
		if applied.AssigneeID != nil || applied.AgentBotID != nil {
			var ok bool
			if now, ok = liveNow(); !ok {
				return
			}
		}
		for _, f := range []struct {
			name    string
			current types.Int64
			applied *int64
		}{{"assignee_id", now.AssigneeID, applied.AssigneeID}, {"agent_bot_id", now.AgentBotID, applied.AgentBotID}} {
			if f.applied == nil {
				continue
			}
			steps.releaseIfUnchanged(ctx, f.name, f.current, *f.applied, client.UnassignAgent, &resp.Diagnostics)
			if resp.Diagnostics.HasError() {
				return
			}
		}
		state.AssigneeID, state.AgentBotID = types.Int64Null(), types.Int64Null()
		applied.AssigneeID, applied.AgentBotID = nil, nil
	}
}

func (r *conversationAssignmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state conversationAssignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if state.OnDestroy.ValueString() == onDestroyKeep {
		resp.Diagnostics.AddWarning("Conversation Assignment Kept",
			fmt.Sprintf("on_destroy is \"keep\", so conversation %d of account %d keeps its assignee, agent bot and team as they are; "+
				"Terraform only forgot the assignment.", state.ConversationID.ValueInt64(), state.AccountID.ValueInt64()))
		return
	}
	applied, diags := getApplied(ctx, req.Private, state)
	resp.Diagnostics.Append(diags...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	steps := assignmentSteps{client: client, id: objectID{state.AccountID.ValueInt64(), state.ConversationID.ValueInt64()}, destroying: true}
	if applied.AssigneeID == nil && applied.AgentBotID == nil && applied.TeamID == nil {
		return
	}
	// The state may predate a human's change (destroy -refresh=false): compare with what the
	// conversation holds now.
	live, gone, ok := readLiveAssignment(ctx, client, steps.id, &resp.Diagnostics)
	if !ok || gone {
		return
	}
	if applied.AssigneeID != nil {
		steps.releaseIfUnchanged(ctx, "assignee_id", live.AssigneeID, *applied.AssigneeID, client.UnassignAgent, &resp.Diagnostics)
	} else if applied.AgentBotID != nil {
		steps.releaseIfUnchanged(ctx, "agent_bot_id", live.AgentBotID, *applied.AgentBotID, client.UnassignAgent, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() || steps.vanished {
		return
	}
	if applied.TeamID != nil {
		steps.releaseIfUnchanged(ctx, "team_id", live.TeamID, *applied.TeamID, client.UnassignTeam, &resp.Diagnostics)
	}
}

func (r *conversationAssignmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !r.importObject(ctx, req, resp) {
		return
	}
	// The first Read adopts whatever the conversation holds.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("on_destroy"), onDestroyUnassign)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateImporting, []byte(`true`))...)
}

// checkAssignmentReferences makes sure every agent, bot and team an assignment is about to send
// exists in the account, because Chatwoot would answer an unknown one by silently clearing the
// assignment. Nothing is sent when one is missing. The resource and the chatwoot_conversation_assign
// action both call it.
func checkAssignmentReferences(ctx context.Context, client *chatwoot.Client, accountID int64, refs conversationAssignmentModel, diags *diag.Diagnostics) {
	type check struct {
		attr   string
		value  types.Int64
		kind   string
		exists func(context.Context, *chatwoot.Client, int64, int64) (bool, error)
		hint   string
	}
	checks := []check{
		{"team_id", refs.TeamID, "team", exists(chatwoot.Teams), "The chatwoot_team data source finds a team's id by name."},
		{"assignee_id", refs.AssigneeID, "agent", exists(chatwoot.Agents), "The chatwoot_agent data source finds an agent's id by email."},
		{"agent_bot_id", refs.AgentBotID, "agent bot", exists(chatwoot.AgentBots), "The chatwoot_agent_bot data source finds a bot's id by name."},
	}
	for _, c := range checks {
		if c.value.IsNull() || c.value.IsUnknown() {
			continue
		}
		id := c.value.ValueInt64()
		found, err := c.exists(ctx, client, accountID, id)
		if err != nil {
			diags.Append(clientErrorDiagnosticFor(ctx, client, operation{action: fmt.Sprintf("listing the %ss of the account to check %s %d", c.kind, c.attr, id), accountID: accountID}, err))
			return
		}
		if !found {
			diags.AddAttributeError(path.Root(c.attr), fmt.Sprintf("Chatwoot %s Not Found", titleCase(c.kind)),
				fmt.Sprintf("Account %d has no %s with id %d, so no assignment was sent: Chatwoot would have silently cleared the "+
					"conversation's assignment instead of failing. Check %s. %s", accountID, c.kind, id, c.attr, c.hint))
		}
	}
}

// changedReferences keeps only the references an update will send.
func changedReferences(plan, prior conversationAssignmentModel) conversationAssignmentModel {
	refs := conversationAssignmentModel{AssigneeID: types.Int64Null(), AgentBotID: types.Int64Null(), TeamID: types.Int64Null()}
	teamChanged := !plan.TeamID.IsNull() && !plan.TeamID.Equal(prior.TeamID)
	if teamChanged {
		refs.TeamID = plan.TeamID
	}
	if !plan.AssigneeID.IsNull() && (teamChanged || !plan.AssigneeID.Equal(prior.AssigneeID)) {
		refs.AssigneeID = plan.AssigneeID
	}
	if !plan.AgentBotID.IsNull() && (teamChanged || !plan.AgentBotID.Equal(prior.AgentBotID)) {
		refs.AgentBotID = plan.AgentBotID
	}
	return refs
}

// assignmentSteps sends the assignment requests of one operation and reports failures.
type assignmentSteps struct {
	client     *chatwoot.Client
	id         objectID // the conversation
	destroying bool
	// vanished is set when the conversation turned out not to exist any more.
	vanished bool
}

// conversationOperation names a request about the conversation for diagnostics: "<action> conversation 42".
func conversationOperation(action string, id objectID) operation {
	return operation{
		action:    fmt.Sprintf("%s conversation %d", action, id.id),
		accountID: id.accountID,
		notFound:  fmt.Sprintf("conversation %d", id.id),
	}
}

func (s *assignmentSteps) assignTeam(ctx context.Context, teamID int64, diags *diag.Diagnostics) bool {
	err := s.client.AssignTeam(ctx, s.id.accountID, s.id.id, teamID)
	if chatwoot.IsNotFound(err) && teamGone(ctx, s.client, s.id.accountID, teamID) {
		// Chatwoot 4.17.0 and later answer a team that is not in the account with a 404 (older
		// versions clear the team); here the team was deleted after the plan checked it.
		diags.AddAttributeError(path.Root("team_id"), "Chatwoot Team Not Found",
			fmt.Sprintf("Team %d no longer exists in account %d (it was deleted after the plan checked it), so Chatwoot refused "+
				"to assign it to conversation %d and changed nothing. Check team_id; the chatwoot_team data source finds a "+
				"team's id by name.\n\nOriginal error: %s", teamID, s.id.accountID, s.id.id, err))
		return false
	}
	return s.report(err, fmt.Sprintf("assigning team %d to", teamID), diags)
}

// teamGone reports whether Chatwoot, asked afresh (the cached list predates the change), says the
// team does not exist; any other answer says nothing.
func teamGone(ctx context.Context, client *chatwoot.Client, accountID, teamID int64) bool {
	_, err := client.GetTeam(ctx, accountID, teamID)
	return chatwoot.IsNotFound(err)
}

func (s *assignmentSteps) assignAgent(ctx context.Context, agentID int64, diags *diag.Diagnostics) bool {
	return s.report(s.client.AssignAgent(ctx, s.id.accountID, s.id.id, agentID), fmt.Sprintf("assigning agent %d to", agentID), diags)
}

func (s *assignmentSteps) assignAgentBot(ctx context.Context, botID int64, diags *diag.Diagnostics) bool {
	return s.report(s.client.AssignAgentBot(ctx, s.id.accountID, s.id.id, botID), fmt.Sprintf("assigning agent bot %d to", botID), diags)
}

func (s *assignmentSteps) report(err error, action string, diags *diag.Diagnostics) bool {
	if err == nil {
		return true
	}
	diags.Append(clientErrorDiagnostic(conversationOperation(action, s.id), err))
	return false
}

// releaseIfUnchanged clears a field only if the conversation still holds the value this resource
// assigned; if someone changed it since, it is left alone with a warning. It reports whether the
// field no longer holds this resource's value (cleared, or already gone).
func (s *assignmentSteps) releaseIfUnchanged(ctx context.Context, attr string, current types.Int64, applied int64,
	unassign func(context.Context, int64, int64) error, diags *diag.Diagnostics) bool {
	if current.IsNull() {
		return true // already clear
	}
	if current.ValueInt64() != applied {
		diags.AddAttributeWarning(path.Root(attr), "Conversation Assignment Changed Outside Terraform",
			fmt.Sprintf("Conversation %d in account %d now has %s = %d, not the %d this resource assigned, so it was left as it is. "+
				"Someone changed it in Chatwoot after Terraform did.", s.id.id, s.id.accountID, attr, current.ValueInt64(), applied))
		return true
	}
	err := unassign(ctx, s.id.accountID, s.id.id)
	if chatwoot.IsNotFound(err) && s.destroying {
		s.vanished = true // nothing left to unassign
		return true
	}
	return s.report(err, "clearing "+attr+" of", diags)
}

func managedValue(applied *int64, current int64) types.Int64 {
	if applied == nil {
		return types.Int64Null()
	}
	return int64OrNull(current)
}

func (a appliedValues) equal(b appliedValues) bool {
	same := func(x, y *int64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return same(a.AssigneeID, b.AssigneeID) && same(a.AgentBotID, b.AgentBotID) && same(a.TeamID, b.TeamID)
}

// appliedInState is what a state says this resource assigned when the private state does not
// say otherwise: every field it holds, at the value it holds. Create and Update leave the state
// equal to what they sent, and a refresh without drift keeps it so.
func appliedInState(m conversationAssignmentModel) appliedValues {
	value := func(v types.Int64) *int64 {
		if v.IsNull() || v.IsUnknown() {
			return nil
		}
		return ptr(v.ValueInt64())
	}
	return appliedValues{AssigneeID: value(m.AssigneeID), AgentBotID: value(m.AgentBotID), TeamID: value(m.TeamID)}
}

// getApplied reads what this resource last assigned: the private state's record when there is
// one, otherwise what state (the state that came with that private state) says.
func getApplied(ctx context.Context, private interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}, state conversationAssignmentModel) (appliedValues, diag.Diagnostics) {
	raw, diags := private.GetKey(ctx, privateApplied)
	if len(raw) == 0 || diags.HasError() {
		return appliedInState(state), diags
	}
	var applied appliedValues
	if err := json.Unmarshal(raw, &applied); err != nil {
		diags.AddError("Corrupt Private State", "The provider could not read what it last assigned; run terraform apply -refresh-only, then apply again.\n\nOriginal error: "+err.Error())
	}
	return applied, diags
}

// appliedKey is the private state recording what this resource last assigned, next to state, the
// state saved with it. Most of the time state already says it, and then nothing is stored: the
// private state is written into Terraform's state file for every instance and rewritten after
// every resource an apply changes, so bytes here cost O(N) per write (see BENCHMARKS.md). Only
// drift, a refresh that saw Chatwoot hold something else, makes it store the record.
func appliedKey(applied appliedValues, state conversationAssignmentModel) privateKey {
	if applied.equal(appliedInState(state)) {
		return privateKey{privateApplied, nil}
	}
	raw, _ := json.Marshal(applied) // three optional integers always marshal
	return privateKey{privateApplied, raw}
}

func ptr[T any](v T) *T { return &v }
