resource "chatwoot_team" "billing" {
  name = "billing"
}

data "chatwoot_agent" "alice" {
  email = "alice@example.com"
}

resource "chatwoot_agent" "bob" {
  email = "bob@example.com"
  name  = "Bob Builder"
}

# The complete member set: anyone else added to the team in Chatwoot is removed on apply.
resource "chatwoot_team_members" "billing" {
  team_id = chatwoot_team.billing.team_id
  user_ids = [
    data.chatwoot_agent.alice.id,
    chatwoot_agent.bob.user_id,
  ]
}
