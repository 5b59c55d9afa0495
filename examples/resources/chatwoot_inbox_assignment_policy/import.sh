# <account_id>/<inbox_id>: the inbox's current policy is adopted
terraform import chatwoot_inbox_assignment_policy.website 1/4

# <inbox_id> alone, when the provider block sets account_id
terraform import chatwoot_inbox_assignment_policy.website 4
