# <account_id>/<conversation_id>
terraform import chatwoot_conversation_assignment.vip 1/42

# <conversation_id> alone, when the provider block sets account_id
terraform import chatwoot_conversation_assignment.vip 42
