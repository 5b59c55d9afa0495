# <account_id>/<inbox_id>
terraform import chatwoot_inbox_members.support 1/2

# <inbox_id> alone, when the provider block sets account_id
terraform import chatwoot_inbox_members.support 2
