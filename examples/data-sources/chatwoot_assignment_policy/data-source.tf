# A policy managed elsewhere (in the UI, or another configuration), attached to one more inbox.
data "chatwoot_assignment_policy" "support" {
  name = "Support desk"
}

data "chatwoot_inbox" "chat" {
  name = "Website chat"
}

resource "chatwoot_inbox_assignment_policy" "chat" {
  inbox_id             = data.chatwoot_inbox.chat.id
  assignment_policy_id = data.chatwoot_assignment_policy.support.id
}
