# <account_id>/<inbox_id>
terraform import chatwoot_inbox_auto_assignment.support 1/2

# <inbox_id> alone, when the provider block sets account_id
terraform import chatwoot_inbox_auto_assignment.support 2
