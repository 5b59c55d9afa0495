# <account_id>/<rule_id>
terraform import chatwoot_automation_rule.billing_inbox_to_team 1/12

# <rule_id> alone, when the provider block sets account_id
terraform import chatwoot_automation_rule.billing_inbox_to_team 12
