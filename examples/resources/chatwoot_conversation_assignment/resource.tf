# Route conversation 42 to the billing team and to one agent of it. The provider assigns the team
# first, then the agent, and checks both exist before it sends anything.
data "chatwoot_agent" "alice" {
  email = "alice@example.com"
}

data "chatwoot_team" "billing" {
  name = "billing"
}

resource "chatwoot_conversation_assignment" "vip" {
  conversation_id = 42 # the number shown in the Chatwoot UI
  team_id         = data.chatwoot_team.billing.id
  assignee_id     = data.chatwoot_agent.alice.id
}

# Route to a team only: the agent Chatwoot's team auto-assignment picks is not drift.
resource "chatwoot_conversation_assignment" "triage" {
  conversation_id = 43
  team_id         = data.chatwoot_team.billing.id
  on_destroy      = "keep" # leave the conversation assigned when this resource is destroyed
}

# Hand a conversation to an agent bot.
resource "chatwoot_conversation_assignment" "bot" {
  account_id      = 2
  conversation_id = 7
  agent_bot_id    = 3
}
