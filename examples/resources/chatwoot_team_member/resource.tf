data "chatwoot_team" "billing" {
  name = "billing"
}

data "chatwoot_agent" "alice" {
  email = "alice@example.com"
}

# Adds Alice to the shared billing team; other members, added by other configurations or in
# Chatwoot, stay. Do not also manage this team with chatwoot_team_members.
resource "chatwoot_team_member" "alice_billing" {
  team_id = data.chatwoot_team.billing.id
  user_id = data.chatwoot_agent.alice.id
}
