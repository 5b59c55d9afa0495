package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewConversationDataSource is the chatwoot_conversation data source.
func NewConversationDataSource() datasource.DataSource {
	return &conversationDataSource{dataSourceProviderData{typeName: "conversation"}}
}

type conversationDataSource struct{ dataSourceProviderData }

type conversationDataSourceModel struct {
	AccountID      types.Int64    `tfsdk:"account_id"`
	ConversationID types.Int64    `tfsdk:"conversation_id"`
	Status         types.String   `tfsdk:"status"`
	Priority       types.String   `tfsdk:"priority"`
	InboxID        types.Int64    `tfsdk:"inbox_id"`
	AssigneeType   types.String   `tfsdk:"assignee_type"`
	AssigneeID     types.Int64    `tfsdk:"assignee_id"`
	AgentBotID     types.Int64    `tfsdk:"agent_bot_id"`
	TeamID         types.Int64    `tfsdk:"team_id"`
	Labels         []types.String `tfsdk:"labels"`
	CreatedAt      types.String   `tfsdk:"created_at"`
}

func (d *conversationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one conversation: its status, inbox, assignee, team, labels and priority.\n\n" +
			"An administrator may read every conversation of the account; an agent only those of inboxes they are a " +
			"member of or of teams they belong to.",
		Attributes: map[string]schema.Attribute{
			"account_id": dataSourceAccountIDAttribute(),
			"conversation_id": schema.Int64Attribute{
				MarkdownDescription: "The conversation's number as shown in the Chatwoot UI and its URLs (Chatwoot's per-account " +
					"display id, not the database id).",
				Required:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"status":        computedDataString("`open`, `resolved`, `pending` or `snoozed`."),
			"priority":      computedDataString("`low`, `medium`, `high` or `urgent`; null when the conversation has no priority."),
			"inbox_id":      computedDataInt64("The id of the conversation's inbox."),
			"assignee_type": computedDataString("What the conversation is assigned to: `User` (an agent) or `AgentBot`; null when unassigned."),
			"assignee_id": computedDataInt64("The user id of the assigned agent; null when no agent is assigned (or when the agent has left " +
				"the account, which Chatwoot hides until it has cleared the assignment)."),
			"agent_bot_id": computedDataInt64("The id of the assigned agent bot; null when no bot is assigned."),
			"team_id":      computedDataInt64("The id of the conversation's team; null when it has none."),
			"labels": schema.ListAttribute{
				MarkdownDescription: "The conversation's labels.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"created_at": computedDataString("When the conversation was created, in RFC 3339 format (UTC)."),
		},
	}
}

func (d *conversationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg conversationDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	conversationID := cfg.ConversationID.ValueInt64()
	conv, err := client.GetConversation(ctx, accountID, conversationID)
	switch {
	case err == nil:
	case chatwoot.IsNotFound(err):
		resp.Diagnostics.AddAttributeError(path.Root("conversation_id"), "Chatwoot Conversation Not Found",
			fmt.Sprintf("Account %d has no conversation %d (or the account does not exist). conversation_id is the number "+
				"shown in the Chatwoot UI and in the conversation's URL, not the database id.\n\nOriginal error: %s", accountID, conversationID, err))
		return
	case chatwoot.AuthProblemOf(err) == chatwoot.AuthForbidden:
		resp.Diagnostics.AddAttributeError(path.Root("conversation_id"), "Chatwoot Conversation Not Visible to This Token",
			fmt.Sprintf("Conversation %d of account %d exists, but the token's user may not read it: an agent sees only the "+
				"conversations of inboxes they are a member of or of teams they belong to. Add the user to the inbox or team, "+
				"or use an administrator's token.\n\nOriginal error: %s", conversationID, accountID, err))
		return
	default:
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{
			action:    fmt.Sprintf("reading conversation %d", conversationID),
			accountID: accountID,
			notFound:  fmt.Sprintf("conversation %d", conversationID),
		}, err))
		return
	}

	state := conversationDataSourceModel{
		AccountID:      types.Int64Value(accountID),
		ConversationID: types.Int64Value(conversationID),
		Status:         types.StringValue(conv.Status),
		Priority:       types.StringPointerValue(conv.Priority),
		InboxID:        types.Int64Value(conv.InboxID),
		AssigneeType:   types.StringNull(),
		AssigneeID:     int64OrNull(conv.AssigneeID()),
		AgentBotID:     int64OrNull(conv.AgentBotID()),
		TeamID:         int64OrNull(conv.TeamID()),
		Labels:         make([]types.String, 0, len(conv.Labels)),
		CreatedAt:      types.StringValue(time.Unix(conv.CreatedAt, 0).UTC().Format(time.RFC3339)),
	}
	// meta.assignee_type can outlive a hidden assignee; report a type only with an id.
	if conv.Meta.Assignee != nil {
		state.AssigneeType = stringOrNull(conv.Meta.AssigneeType)
	}
	for _, l := range conv.Labels {
		state.Labels = append(state.Labels, types.StringValue(l))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}
