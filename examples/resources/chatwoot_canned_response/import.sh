# <account_id>/<canned_response_id>
terraform import chatwoot_canned_response.refund 1/12

# <canned_response_id> alone, when the provider block sets account_id
terraform import chatwoot_canned_response.refund 12
