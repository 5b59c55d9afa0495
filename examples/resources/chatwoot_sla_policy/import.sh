# <account_id>/<sla_policy_id>
terraform import chatwoot_sla_policy.gold 1/4

# <sla_policy_id> alone, with the provider's account_id
terraform import chatwoot_sla_policy.gold 4
