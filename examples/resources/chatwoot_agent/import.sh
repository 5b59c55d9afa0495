# <account_id>/<user_id>
terraform import chatwoot_agent.carol 1/17

# <user_id> alone, when the provider block sets account_id
terraform import chatwoot_agent.carol 17
