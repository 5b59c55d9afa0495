# By email, in any case: Chatwoot stores emails downcased.
data "chatwoot_agent" "alice" {
  email = "Alice@Example.com"
}

# By user id, in another account than the provider's.
data "chatwoot_agent" "bob" {
  account_id = 2
  id         = 17
}

resource "chatwoot_conversation_assignment" "vip" {
  conversation_id = 42
  assignee_id     = data.chatwoot_agent.alice.id
}
