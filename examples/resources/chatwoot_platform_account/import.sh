# <account_id>: only an account this Platform App created can be imported
terraform import chatwoot_platform_account.acme 3
