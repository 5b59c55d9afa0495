data "chatwoot_agent" "alice" {
  email = "alice@example.com"
}

data "chatwoot_agent" "bob" {
  email = "bob@example.com"
}

resource "chatwoot_agent_capacity_policy" "tier1" {
  name = "Tier 1"
}

# A user holds one capacity policy: list each user in one members resource only.
resource "chatwoot_agent_capacity_policy_members" "tier1" {
  policy_id = chatwoot_agent_capacity_policy.tier1.policy_id
  user_ids  = [data.chatwoot_agent.alice.id, data.chatwoot_agent.bob.id]
}
