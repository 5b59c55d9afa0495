package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewInboxAgentBotResource is the chatwoot_inbox_agent_bot resource.
func NewInboxAgentBotResource() resource.Resource {
	return &inboxAgentBotResource{accountObjectResource{kind: objectKind{
		typeName: "inbox_agent_bot", idAttr: "inbox_id", noun: "inbox's agent bot", idDescription: "The inbox's id.",
	}}}
}

type inboxAgentBotResource struct{ accountObjectResource }

type inboxAgentBotModel struct {
	ID         types.String `tfsdk:"id"`
	AccountID  types.Int64  `tfsdk:"account_id"`
	InboxID    types.Int64  `tfsdk:"inbox_id"`
	AgentBotID types.Int64  `tfsdk:"agent_bot_id"`
	operationTimeouts
}

func (r *inboxAgentBotResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The agent bot that answers an inbox's new conversations first: one bot per inbox, a bot of the " +
			"account (`chatwoot_agent_bot`) or a global one (the data source `chatwoot_agent_bots`). While an inbox has a " +
			"bot, Chatwoot opens its new conversations as pending, for the bot to hand over.\n\n" +
			"Destroy detaches the bot, if it is still the one this resource attached, and warns that the bot and the inbox " +
			"stay." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"inbox_id":   parentIDAttribute("The inbox's id (`chatwoot_inbox.x.inbox_id` or the data source `chatwoot_inbox`)."),
			"agent_bot_id": schema.Int64Attribute{
				MarkdownDescription: "The bot's id: `chatwoot_agent_bot.x.bot_id`, or a global bot's id. Changing it re-points " +
					"the inbox to the other bot.",
				Required:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

// attach binds the bot after checking both ids, so that an unknown inbox and an unknown bot
// (which Chatwoot both answer with a bare 404) get errors that say which one it is.
func (r *inboxAgentBotResource) attach(ctx context.Context, client *chatwoot.Client, plan inboxAgentBotModel, diags *diag.Diagnostics) bool {
	accountID, inboxID, botID := plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64(), plan.AgentBotID.ValueInt64()
	op := operation{action: fmt.Sprintf("attaching agent bot %d to inbox %d", botID, inboxID), accountID: accountID}
	if _, err := client.GetInbox(ctx, accountID, inboxID); err != nil {
		if chatwoot.IsNotFound(err) {
			diags.AddAttributeError(path.Root("inbox_id"), "Inbox Not Found",
				fmt.Sprintf("Inbox %d does not exist in account %d, so no bot can be attached to it. Check inbox_id.", inboxID, accountID))
			return false
		}
		diags.Append(clientErrorDiagnostic(op, err))
		return false
	}
	ok, err := referenceExists(ctx, client, chatwoot.AgentBots, accountID, botID)
	if err != nil {
		diags.Append(clientErrorDiagnostic(op, err))
		return false
	}
	if !ok {
		diags.AddAttributeError(path.Root("agent_bot_id"), "Agent Bot Not Found",
			fmt.Sprintf("Agent bot %d is neither a bot of account %d nor a global bot, so Chatwoot would refuse it. Check "+
				"agent_bot_id (chatwoot_agent_bot.x.bot_id, or the data source chatwoot_agent_bots).", botID, accountID))
		return false
	}
	if err := client.SetInboxAgentBot(ctx, accountID, inboxID, botID); err != nil {
		diags.Append(clientErrorDiagnostic(op, err))
		return false
	}
	return true
}

func (r *inboxAgentBotResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan inboxAgentBotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() || !r.attach(ctx, client, plan, &resp.Diagnostics) {
		return
	}
	id := objectID{plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64()}
	r.save(ctx, created(req, resp), id, inboxAgentBotState(id, plan.AgentBotID.ValueInt64()))
}

func (r *inboxAgentBotResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state inboxAgentBotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{state.AccountID.ValueInt64(), state.InboxID.ValueInt64()}
	// No bot bound and no inbox are both "not found": either way the binding is gone.
	bot, err := client.GetInboxAgentBot(ctx, id.accountID, id.id)
	if !r.readFound(ctx, resp, id, err, operation{
		action: fmt.Sprintf("reading the agent bot of inbox %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("inbox %d", id.id),
	}) {
		return
	}
	r.save(ctx, refreshed(req, resp), id, inboxAgentBotState(id, bot.ID))
}

func (r *inboxAgentBotResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan inboxAgentBotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64()}
	var prior inboxAgentBotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	// Chatwoot re-points the inbox's one binding, so a change of bot is one request.
	if !plan.AgentBotID.Equal(prior.AgentBotID) && !r.attach(ctx, client, plan, &resp.Diagnostics) {
		return
	}
	r.save(ctx, updated(req, resp), id, inboxAgentBotState(id, plan.AgentBotID.ValueInt64()))
}

func (r *inboxAgentBotResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state inboxAgentBotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, inboxID, botID := state.AccountID.ValueInt64(), state.InboxID.ValueInt64(), state.AgentBotID.ValueInt64()
	op := operation{action: fmt.Sprintf("detaching the agent bot of inbox %d", inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID)}
	bot, err := client.GetInboxAgentBot(ctx, accountID, inboxID)
	switch {
	case chatwoot.IsNotFound(err):
		return // no bot, or no inbox: nothing to detach
	case err != nil:
		resp.Diagnostics.Append(clientErrorDiagnostic(op, err))
		return
	case bot.ID != botID:
		resp.Diagnostics.AddWarning("Inbox Has Another Agent Bot",
			fmt.Sprintf("Inbox %d of account %d now has agent bot %d, not bot %d that this resource attached, so it is left "+
				"attached. Detach it in Chatwoot if it should not answer the inbox.", inboxID, accountID, bot.ID, botID))
		return
	}
	endDeleteLeaving(&resp.Diagnostics, client.DetachInboxAgentBot(ctx, accountID, inboxID), op, "Agent Bot Detached, Not Deleted",
		fmt.Sprintf("Agent bot %d no longer answers inbox %d of account %d. The bot and the inbox both stay in Chatwoot; delete "+
			"the bot with its own resource if it is no longer needed.", botID, inboxID, accountID))
}

func inboxAgentBotState(id objectID, botID int64) *inboxAgentBotModel {
	return &inboxAgentBotModel{
		ID:         types.StringValue(id.String()),
		AccountID:  types.Int64Value(id.accountID),
		InboxID:    types.Int64Value(id.id),
		AgentBotID: types.Int64Value(botID),
	}
}
