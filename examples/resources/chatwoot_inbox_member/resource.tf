data "chatwoot_inbox" "support" {
  name = "Support"
}

data "chatwoot_agent" "alice" {
  email = "alice@example.com"
}

# Adds Alice to the shared support inbox; other members stay. Do not also manage this inbox
# with chatwoot_inbox_members.
resource "chatwoot_inbox_member" "alice_support" {
  inbox_id = data.chatwoot_inbox.support.id
  user_id  = data.chatwoot_agent.alice.id
}
