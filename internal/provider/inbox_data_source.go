package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// inboxVisibilityNote is said wherever an agent's token could hide an inbox.
const inboxVisibilityNote = "Chatwoot shows an agent (a member without the administrator role) only the inboxes they are a member of; " +
	"administrators see every inbox."

// NewInboxDataSource is the chatwoot_inbox data source.
func NewInboxDataSource() datasource.DataSource {
	return &lookupDataSource[chatwoot.Inbox, inboxDataSourceModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "inbox"},
		description: "Looks up one inbox of an account by id or by name.\n\n" +
			"~> **Visibility:** " + inboxVisibilityNote + " With an agent's token, an inbox the agent does not belong to " +
			"cannot be found, and the error says so.\n\n" +
			"Within one Terraform run, the account's inbox list is fetched once and shared by every `chatwoot_inbox` and " +
			"`chatwoot_inboxes` data source.",
		attributes:    inboxAttributes(),
		idDescription: "The inbox's id.",
		keyDescription: "The inbox's name. Chatwoot keeps inbox names as typed and does not require them to be unique, " +
			"so an exact match wins; without one, a match that ignores case is taken when it is the only one. Several " +
			"matches are an error that lists them with their ids.",
		lookup: inboxesByName,
		find: func(ctx context.Context, diags *diag.Diagnostics, client *chatwoot.Client, accountID int64, id types.Int64, name types.String) *chatwoot.Inbox {
			if !id.IsNull() {
				return findInboxByID(ctx, client, accountID, id.ValueInt64(), diags)
			}
			return findInboxByName(ctx, client, accountID, name.ValueString(), diags)
		},
		state: func(accountID int64, inbox *chatwoot.Inbox) inboxDataSourceModel {
			return inboxDataSourceModel{AccountID: types.Int64Value(accountID), inboxItemModel: inboxItem(inbox)}
		},
	}
}

type inboxDataSourceModel struct {
	AccountID types.Int64 `tfsdk:"account_id"`
	inboxItemModel
}

type autoAssignmentConfigModel struct {
	MaxAssignmentLimit types.Int64 `tfsdk:"max_assignment_limit"`
}

// inboxAttributes are the computed attributes of an inbox, shared with chatwoot_inboxes.
func inboxAttributes() map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"channel_type":           computedDataString("The inbox's channel, as Chatwoot names it: `Channel::Api`, `Channel::WebWidget`, `Channel::Email`, …."),
		"enable_auto_assignment": computedDataBool("Whether Chatwoot assigns new and reopened conversations of the inbox to an online member."),
		"auto_assignment_config": schema.SingleNestedAttribute{
			MarkdownDescription: "The inbox's auto-assignment settings.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"max_assignment_limit": computedDataInt64("The most open conversations of the inbox auto-assignment gives one agent " +
					"(Chatwoot Enterprise); null when there is no limit."),
			},
		},
	}
	for name, a := range inboxDetailAttributes() {
		attrs[name] = a
	}
	return attrs
}

func autoAssignmentConfig(c chatwoot.AutoAssignmentConfig) *autoAssignmentConfigModel {
	return &autoAssignmentConfigModel{MaxAssignmentLimit: types.Int64PointerValue(c.MaxAssignmentLimit)}
}

// inboxesByName looks inboxes up by name in the cached list of the inboxes the token sees; the
// data source's find adds what a token that may not see every inbox needs explained.
var inboxesByName = namedLookup[chatwoot.Inbox]{
	list: chatwoot.Inboxes, attr: "name", listedBy: "chatwoot_inboxes",
	id:  func(in *chatwoot.Inbox) int64 { return in.ID },
	key: func(in *chatwoot.Inbox) string { return in.Name },
}

// findInboxByID looks in the inbox list the token sees. On a miss it asks for the inbox itself:
// Chatwoot answers 404 when it does not exist and 401 when it exists but the agent is not a member.
func findInboxByID(ctx context.Context, client *chatwoot.Client, accountID, id int64, diags *diag.Diagnostics) *chatwoot.Inbox {
	found, err := chatwoot.Inboxes.Get(ctx, client, accountID, id)
	if err != nil && !chatwoot.IsNotFound(err) {
		listLoadError(diags, "inbox", accountID, err)
		return nil
	}
	if found != nil {
		return found
	}
	inbox, err := client.GetInbox(ctx, accountID, id)
	switch {
	case err == nil:
		return inbox
	case chatwoot.IsNotFound(err):
		diags.AddAttributeError(path.Root("id"), inboxesByName.notFoundSummary(), inboxesByName.missingID(accountID, id))
	case chatwoot.AuthProblemOf(err) == chatwoot.AuthForbidden:
		diags.AddAttributeError(path.Root("id"), "Chatwoot Inbox Not Visible to This Token",
			fmt.Sprintf("Inbox %d exists in account %d, but the token's user may not see it. %s Add the user to the inbox, "+
				"or use an administrator's token.\n\nOriginal error: %s", id, accountID, inboxVisibilityNote, err))
	default:
		diags.Append(clientErrorDiagnostic(operation{action: fmt.Sprintf("reading inbox %d", id), accountID: accountID, notFound: fmt.Sprintf("inbox %d", id)}, err))
	}
	return nil
}

func findInboxByName(ctx context.Context, client *chatwoot.Client, accountID int64, name string, diags *diag.Diagnostics) *chatwoot.Inbox {
	inbox, ok := inboxesByName.match(ctx, diags, client, accountID, name)
	if !ok || inbox != nil {
		return inbox
	}
	// A name cannot be probed like an id; the token's role says whether the miss may be visibility.
	if role, ok := profileRole(ctx, client, accountID); ok && role != "administrator" {
		diags.AddAttributeError(path.Root("name"), "Chatwoot Inbox Not Visible to This Token",
			fmt.Sprintf("The token's user sees no inbox named %q in account %d. %s The token belongs to an agent, so the "+
				"inbox may exist without the agent being a member. Add the user to the inbox, or use an administrator's token.",
				name, accountID, inboxVisibilityNote))
		return nil
	}
	diags.AddAttributeError(path.Root("name"), inboxesByName.notFoundSummary(), inboxesByName.missingKey(accountID, name))
	return nil
}

// profileRole is the token user's role in the account, when the profile says it.
func profileRole(ctx context.Context, client *chatwoot.Client, accountID int64) (string, bool) {
	profile, err := client.GetProfile(ctx)
	if err != nil {
		return "", false
	}
	if m := findMembership(profile, accountID); m != nil {
		return m.Role, true
	}
	return "", false
}
