# <account_id>/<label_id>
terraform import chatwoot_label.vip 1/7

# <label_id> alone, when the provider block sets account_id
terraform import chatwoot_label.vip 7
