# <account_id>/<policy_id>: the policy's current members are adopted
terraform import chatwoot_agent_capacity_policy_members.tier1 1/4

# <policy_id> alone, when the provider block sets account_id
terraform import chatwoot_agent_capacity_policy_members.tier1 4
