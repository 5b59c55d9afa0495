package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// agentBotKind is chatwoot_agent_bot.
var agentBotKind = objectKind{typeName: "agent_bot", idAttr: "bot_id", noun: "agent bot", idDescription: "The agent bot's id."}

// NewAgentBotResource is the chatwoot_agent_bot resource.
func NewAgentBotResource() resource.Resource {
	return &agentBotResource{accountObjectResource{kind: agentBotKind}}
}

type agentBotResource struct{ accountObjectResource }

// agentBotModel holds no access token or secret: Chatwoot shows them on every read, but keeping
// them in state would put a credential in every state file. chatwoot_agent_bot_token reads the
// token when it is needed.
type agentBotModel struct {
	ID          types.String `tfsdk:"id"`
	AccountID   types.Int64  `tfsdk:"account_id"`
	BotID       types.Int64  `tfsdk:"bot_id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	OutgoingURL types.String `tfsdk:"outgoing_url"`
	BotType     types.String `tfsdk:"bot_type"`
	operationTimeouts
}

func (r *agentBotResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An agent bot of the account: a webhook that receives the conversations of the inboxes it is " +
			"attached to (`chatwoot_inbox_agent_bot`) and answers them first.\n\n" +
			"The bot's access token is not kept in the state. Read it with the ephemeral resource " +
			"`chatwoot_agent_bot_token` (Terraform 1.10+, OpenTofu 1.11+) to hand it to the bot's runtime, and rotate it " +
			"with the action `chatwoot_agent_bot_reset_token` (Terraform 1.14+). Global (system) bots are made by the " +
			"Chatwoot installation's administrator and cannot be managed here; find them with the data source " +
			"`chatwoot_agent_bots`.\n\n" +
			"Destroy deletes the bot at once and unassigns its conversations; Chatwoot unlinks it from its inboxes later, in a " +
			"background job, and the destroy says so in a warning." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"bot_id": computedIDAttribute("The bot's id in Chatwoot, as `agent_bot_id` of `chatwoot_inbox_agent_bot` and " +
				"`chatwoot_agent_bot_token` take it."),
			"name":        requiredTextAttribute("The bot's name, as agents see it in conversations; at most 255 characters.", 255),
			"description": optionalTextAttribute("A description of the bot. Defaults to empty.", 20000),
			"outgoing_url": optionalTextAttribute("Where Chatwoot posts the events of the bot's conversations (signed with the bot's secret); "+
				"at most 2,048 characters. Chatwoot does not check the URL's form. Defaults to empty (no deliveries).", 2048),
			"bot_type": schema.StringAttribute{
				MarkdownDescription: "The kind of bot. Chatwoot knows only `webhook` (the default) and fails on any other value, " +
					"so others are refused at plan time.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("webhook"),
				Validators: []validator.String{stringvalidator.OneOf("webhook")},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *agentBotResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan agentBotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	bot, err := client.CreateAgentBot(ctx, accountID, chatwoot.AgentBotFields{
		Name:        plan.Name.ValueStringPointer(),
		Description: plan.Description.ValueStringPointer(),
		OutgoingURL: plan.OutgoingURL.ValueStringPointer(),
		BotType:     plan.BotType.ValueStringPointer(),
	})
	if err != nil {
		appendClientErrorOnAttribute(&resp.Diagnostics, operation{
			action: fmt.Sprintf("creating agent bot %q", plan.Name.ValueString()), accountID: accountID,
		}, err, "name", "description", "outgoing_url")
		return
	}
	state := agentBotState(accountID, bot)
	r.save(ctx, created(req, resp), objectID{accountID, bot.ID}, &state)
}

func (r *agentBotResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state agentBotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{state.AccountID.ValueInt64(), state.BotID.ValueInt64()}
	bot, err := client.GetAgentBot(ctx, id.accountID, id.id)
	if err == nil && bot.SystemBot {
		// The show endpoint also answers for global bots, which this resource cannot manage:
		// an imported global bot id is the user's mistake, not a bot of the account.
		resp.Diagnostics.AddError("Agent Bot Is a Global Bot",
			fmt.Sprintf("Agent bot %d is a global (system) bot of the Chatwoot installation, not a bot of account %d, so "+
				"chatwoot_agent_bot cannot manage it. Use the data source chatwoot_agent_bots to find it and attach it with "+
				"chatwoot_inbox_agent_bot.", id.id, id.accountID))
		return
	}
	if !r.readFound(ctx, resp, id, err, operation{
		action: fmt.Sprintf("reading agent bot %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("agent bot %d", id.id),
	}) {
		return
	}
	read := agentBotState(id.accountID, bot)
	r.save(ctx, refreshed(req, resp), id, &read)
}

func (r *agentBotResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior agentBotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.BotID.ValueInt64()}

	// Send only what changed, so that an apply does not undo an unrelated change made meanwhile.
	var fields chatwoot.AgentBotFields
	changed := false
	for _, f := range []struct {
		plan, prior types.String
		to          **string
	}{
		{plan.Name, prior.Name, &fields.Name},
		{plan.Description, prior.Description, &fields.Description},
		{plan.OutgoingURL, prior.OutgoingURL, &fields.OutgoingURL},
		{plan.BotType, prior.BotType, &fields.BotType},
	} {
		if !f.plan.Equal(f.prior) {
			*f.to, changed = f.plan.ValueStringPointer(), true
		}
	}
	state := prior
	if changed {
		bot, err := client.UpdateAgentBot(ctx, id.accountID, id.id, fields)
		if err != nil {
			appendClientErrorOnAttribute(&resp.Diagnostics, operation{
				action: fmt.Sprintf("updating agent bot %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("agent bot %d", id.id),
			}, err, "name", "description", "outgoing_url")
			return
		}
		state = agentBotState(id.accountID, bot)
	}
	r.save(ctx, updated(req, resp), id, &state)
}

func (r *agentBotResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state agentBotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, botID := state.AccountID.ValueInt64(), state.BotID.ValueInt64()
	// Chatwoot deletes a bot at once and unassigns its conversations; its inbox bindings go later.
	err := client.DeleteAgentBot(ctx, accountID, botID)
	endDeleteLeaving(&resp.Diagnostics, err, operation{
		action: fmt.Sprintf("deleting agent bot %d", botID), accountID: accountID, notFound: fmt.Sprintf("agent bot %d", botID),
	}, "Agent Bot Deleted, Its Inbox Links Go Later",
		fmt.Sprintf("Agent bot %d was deleted from account %d and its conversations were unassigned. Chatwoot removes the bot's "+
			"links to inboxes in a background job: until it runs, those inboxes still count as having an active bot, although "+
			"they show none. A chatwoot_inbox_agent_bot that attached this bot is removed from the state at its next refresh.",
			botID, accountID))
}

func agentBotState(accountID int64, bot *chatwoot.AgentBot) agentBotModel {
	botType := bot.BotType
	if botType == "" {
		botType = "webhook"
	}
	return agentBotModel{
		ID:          types.StringValue(objectID{accountID, bot.ID}.String()),
		AccountID:   types.Int64Value(accountID),
		BotID:       types.Int64Value(bot.ID),
		Name:        types.StringValue(bot.Name),
		Description: types.StringValue(bot.Description),
		OutgoingURL: types.StringValue(bot.OutgoingURL),
		BotType:     types.StringValue(botType),
	}
}
