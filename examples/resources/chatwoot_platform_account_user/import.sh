# <account_id>/<user_id>
terraform import chatwoot_platform_account_user.alice_admin 3/7
