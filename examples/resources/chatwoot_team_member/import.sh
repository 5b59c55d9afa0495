# <account_id>/<team_id>/<user_id>
terraform import chatwoot_team_member.alice_billing 1/3/42

# <team_id>/<user_id>, with the provider's account_id
terraform import chatwoot_team_member.alice_billing 3/42
