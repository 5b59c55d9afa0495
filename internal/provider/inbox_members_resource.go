package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewInboxMembersResource is the chatwoot_inbox_members resource; its logic is memberSetResource's.
func NewInboxMembersResource() resource.Resource {
	return &memberSetResource{accountObjectResource: accountObjectResource{kind: objectKind{
		typeName: "inbox_members", idAttr: "inbox_id", noun: "inbox", idDescription: "The inbox's id.",
	}}, memberSet: memberSet{
		parentDescription: "The id of the inbox, for example from the `chatwoot_inbox` data source.",
		description: "The complete set of agents in one Chatwoot inbox: who may see its conversations and who " +
			"its auto-assignment picks from. This resource is **authoritative**: members added in Chatwoot's UI or by other " +
			"tools show as drift in the next plan and are removed by apply. Use one `chatwoot_inbox_members` per inbox; the " +
			"inbox itself is not managed here.\n\n" +
			"Use `chatwoot_inbox_member` (one per user) instead when several configurations add their own people to the inbox. " +
			"A plan with both kinds on one inbox is refused; `chatwoot_inbox_member` describes the limits of that check.\n\n" +
			"Every id must be an agent (or administrator) of the account; the provider checks this before it sends " +
			"anything, because Chatwoot silently adds users of other accounts to an inbox (and then hides them).\n\n" +
			"Each apply sends the whole set in one request. Destroying the resource removes every member from the inbox." +
			adminOnlyNote,
		listMembers: (*chatwoot.Client).ListInboxMembers,
		setMembers:  (*chatwoot.Client).SetInboxMembers,
	}}
}
