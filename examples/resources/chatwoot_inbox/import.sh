# <account_id>/<inbox_id>
terraform import chatwoot_inbox.website 1/12

# <inbox_id> alone, when the provider block sets account_id
terraform import chatwoot_inbox.website 12
