package provider

import (
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// chatwoot_inbox_members: the members are read by GET /inbox_members/<id>; changes go to
// /inbox_members and name the inbox in the body. The flows are memberSetTest's
// (member_set_resource_test.go).
var inboxMembersTest = memberSetTest{
	typeName:   "chatwoot_inbox_members",
	parentAttr: "inbox_id",
	parent:     func(sc *fixture.Scenario) int64 { return sc.Inbox.ID },
	list:       (*chatwoot.Client).ListInboxMembers,
	add:        (*fixture.Client).AddInboxMembers,
	readPath: func(accountID, inboxID int64) string {
		return accountAPIPath(accountID, "/inbox_members/%d", inboxID)
	},
	patchPath:      func(accountID, _ int64) string { return accountAPIPath(accountID, "/inbox_members") },
	patchParentKey: "inbox_id",
}

// Create (the seeded inbox has both agents: the set removes one), update (one PATCH with the
// inbox and the whole set), one-GET refresh, import, drift (a member added in Chatwoot is
// removed) and destroy (the inbox is emptied).
func TestAccInboxMembers_lifecycle(t *testing.T) { inboxMembersTest.lifecycle(t) }

// Ids that are not agents of the account are refused before any request that changes
// something. Chatwoot itself would silently add the user of another account to the inbox.
func TestAccInboxMembers_idsOutsideAccount(t *testing.T) { inboxMembersTest.idsOutsideAccount(t) }

// Plan-time validation: an empty set, ids below 1, and an agent's token at apply.
func TestAccInboxMembers_validationAndRole(t *testing.T) { inboxMembersTest.validationAndRole(t) }

func TestAccInboxMembers_emptySet(t *testing.T) { inboxMembersTest.emptySet(t) }
