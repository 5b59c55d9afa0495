# <account_id>/<webhook_id>
terraform import chatwoot_webhook.crm 1/4

# <webhook_id> alone, when the provider block sets account_id
terraform import chatwoot_webhook.crm 4
