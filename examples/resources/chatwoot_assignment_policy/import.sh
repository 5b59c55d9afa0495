# <account_id>/<policy_id>
terraform import chatwoot_assignment_policy.support 1/7

# <policy_id> alone, when the provider block sets account_id
terraform import chatwoot_assignment_policy.support 7
