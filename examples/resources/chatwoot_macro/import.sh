# <account_id>/<macro_id>
terraform import chatwoot_macro.to_billing 1/12

# <macro_id> alone, with the provider's account_id
terraform import chatwoot_macro.to_billing 12
