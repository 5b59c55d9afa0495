package export

import "testing"

func TestExportInboxAssignmentPolicy_refersToTheInboxAndThePolicy(t *testing.T) {
	a := newAccount(t)
	web := a.inbox(t, "Website")
	phone := a.inbox(t, "Phone")
	a.inbox(t, "Unbound")
	shared := a.assignmentPolicy(t, map[string]any{"name": "Shared"})
	a.assignmentPolicy(t, map[string]any{"name": "Unused"})
	a.bindPolicy(t, web, shared)
	a.bindPolicy(t, phone, shared)

	dir, res := a.export(t, "inbox", "assignment_policy", "inbox_assignment_policy")
	if res.ByKind["inbox_assignment_policy"] != 2 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	wantFile(t, dir, "inbox_assignment_policy.tf", `resource "chatwoot_inbox_assignment_policy" "website" {
  inbox_id             = chatwoot_inbox.website.inbox_id
  assignment_policy_id = chatwoot_assignment_policy.shared.policy_id
}

resource "chatwoot_inbox_assignment_policy" "phone" {
  inbox_id             = chatwoot_inbox.phone.inbox_id
  assignment_policy_id = chatwoot_assignment_policy.shared.policy_id
}
`)
	noFile(t, dir, "data.tf")

	// Alone, the bindings find the inboxes and the policy by name.
	dir, _ = a.export(t, "inbox_assignment_policy")
	wantFile(t, dir, "data.tf", `data "chatwoot_assignment_policy" "shared" {
  name = "Shared"
}

data "chatwoot_inbox" "phone" {
  name = "Phone"
}

data "chatwoot_inbox" "website" {
  name = "Website"
}
`)
}
