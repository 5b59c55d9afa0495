# <account_id>/<bot_id>
terraform import chatwoot_agent_bot.triage 1/4

# <bot_id> alone, when the provider block sets account_id
terraform import chatwoot_agent_bot.triage 4
