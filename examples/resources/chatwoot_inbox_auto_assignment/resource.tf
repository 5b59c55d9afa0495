data "chatwoot_inbox" "support" {
  name = "Support"
}

# Auto-assign the inbox's new conversations, at most 10 open ones per agent
# (max_assignment_limit needs Chatwoot's Enterprise edition).
resource "chatwoot_inbox_auto_assignment" "support" {
  inbox_id               = data.chatwoot_inbox.support.id
  enable_auto_assignment = true
  max_assignment_limit   = 10
}
