# The administrator's token configures a second provider block for the new account; see
# examples/tenant for the whole pattern.
ephemeral "chatwoot_platform_user_token" "admin" {
  user_id    = chatwoot_platform_user.admin.user_id
  depends_on = [chatwoot_platform_account_user.admin] # use the token once the user is a member
}

provider "chatwoot" {
  alias            = "tenant"
  api_access_token = ephemeral.chatwoot_platform_user_token.admin.access_token
  account_id       = chatwoot_platform_account.tenant.account_id
}
