# Chatwoot Enterprise: put a new agent on a capacity policy made in the UI.
data "chatwoot_agent_capacity_policy" "tier1" {
  name = "Tier 1"
}

data "chatwoot_agent" "carol" {
  email = "carol@example.com"
}

resource "chatwoot_agent_capacity_policy_members" "tier1" {
  policy_id = data.chatwoot_agent_capacity_policy.tier1.id
  user_ids  = [data.chatwoot_agent.carol.id]
}
