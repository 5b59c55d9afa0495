resource "chatwoot_platform_account_user" "alice_admin" {
  account_id = chatwoot_platform_account.acme.account_id
  user_id    = chatwoot_platform_user.alice.user_id
  role       = "administrator" # or "agent", the default
}
