# <account_id>/<inbox_id>: the binding is imported by its inbox
terraform import chatwoot_inbox_agent_bot.support 1/12

# <inbox_id> alone, when the provider block sets account_id
terraform import chatwoot_inbox_agent_bot.support 12
