package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewTeamListResource lists the teams of an account as chatwoot_team.
func NewTeamListResource() list.ListResource {
	return listing(NewTeamResource, accountListResource[chatwoot.Team, teamModel]{
		plural: "teams",
		list:   (*chatwoot.Client).ListTeams,
		id:     func(t *chatwoot.Team) int64 { return t.ID },
		name:   func(t *chatwoot.Team) string { return t.Name },
		state:  plainState(teamState),
	})
}
