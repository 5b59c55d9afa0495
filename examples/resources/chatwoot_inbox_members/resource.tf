data "chatwoot_inbox" "support" {
  name = "Support"
}

resource "chatwoot_agent" "carol" {
  email = "carol@example.com"
  name  = "Carol"
}

# The complete member set of the inbox: who sees its conversations and who its
# auto-assignment picks from. Members added in Chatwoot are removed on apply.
resource "chatwoot_inbox_members" "support" {
  inbox_id = data.chatwoot_inbox.support.id
  user_ids = [chatwoot_agent.carol.user_id]
}
