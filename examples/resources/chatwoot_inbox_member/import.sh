# <account_id>/<inbox_id>/<user_id>
terraform import chatwoot_inbox_member.alice_support 1/5/42

# <inbox_id>/<user_id>, with the provider's account_id
terraform import chatwoot_inbox_member.alice_support 5/42
