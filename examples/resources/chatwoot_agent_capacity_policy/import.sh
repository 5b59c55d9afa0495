# <account_id>/<policy_id>
terraform import chatwoot_agent_capacity_policy.tier1 1/4

# <policy_id> alone, when the provider block sets account_id
terraform import chatwoot_agent_capacity_policy.tier1 4
