# <account_id>/<team_id>
terraform import chatwoot_team_members.billing 1/3

# <team_id> alone, when the provider block sets account_id
terraform import chatwoot_team_members.billing 3
