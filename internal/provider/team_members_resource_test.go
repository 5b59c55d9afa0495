package provider

import (
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// chatwoot_team_members: the members live at /teams/<id>/team_members, read by GET and replaced
// by PATCH there. The flows are memberSetTest's (member_set_resource_test.go).
var teamMembersTest = memberSetTest{
	typeName:   "chatwoot_team_members",
	parentAttr: "team_id",
	parent:     func(sc *fixture.Scenario) int64 { return sc.Team.ID },
	list:       (*chatwoot.Client).ListTeamMembers,
	add:        (*fixture.Client).AddTeamMembers,
	readPath:   teamMembersPath,
	patchPath:  teamMembersPath,
}

func teamMembersPath(accountID, teamID int64) string {
	return accountAPIPath(accountID, "/teams/%d/team_members", teamID)
}

// Create (the seeded team has both agents: the set removes one), update, one-GET refresh,
// import, drift (a member added in Chatwoot is removed) and destroy (the team is emptied).
func TestAccTeamMembers_lifecycle(t *testing.T) { teamMembersTest.lifecycle(t) }

// Ids that are not agents of the account (unknown, or users of another account) are refused
// before any request that changes something; the team keeps its members. Chatwoot itself would
// answer them with a bare 401.
func TestAccTeamMembers_idsOutsideAccount(t *testing.T) { teamMembersTest.idsOutsideAccount(t) }

// Plan-time validation: an empty set, ids below 1, and an agent's token at apply.
func TestAccTeamMembers_validationAndRole(t *testing.T) { teamMembersTest.validationAndRole(t) }

func TestAccTeamMembers_emptySet(t *testing.T) { teamMembersTest.emptySet(t) }
