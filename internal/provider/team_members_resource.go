package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewTeamMembersResource is the chatwoot_team_members resource; its logic is memberSetResource's.
func NewTeamMembersResource() resource.Resource {
	return &memberSetResource{accountObjectResource: accountObjectResource{kind: memberKind("team_members", "team")}, memberSet: memberSet{
		parentDescription: "The id of the team, for example `chatwoot_team.billing.team_id`.",
		description: "The complete set of agents in one Chatwoot team. This resource is **authoritative**: " +
			"members added in Chatwoot's UI or by other tools show as drift in the next plan and are removed by apply. " +
			"Use one `chatwoot_team_members` per team.\n\n" +
			"Use `chatwoot_team_member` (one per user) instead when several configurations add their own people to the team. " +
			"A plan with both kinds on one team is refused; `chatwoot_team_member` describes the limits of that check.\n\n" +
			"Every id must be an agent (or administrator) of the account; the provider checks this before it sends " +
			"anything, because Chatwoot answers an outsider's id with a bare \"Invalid User IDs\".\n\n" +
			"Each apply sends the whole set in one request. Destroying the resource removes every member from the team " +
			"(the team itself stays)." + adminOnlyNote,
		listMembers: (*chatwoot.Client).ListTeamMembers,
		setMembers:  (*chatwoot.Client).SetTeamMembers,
	}}
}
