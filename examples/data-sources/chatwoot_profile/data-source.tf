# Stop at plan time, before anything changes, when the token is not an administrator's.
data "chatwoot_profile" "me" {
  lifecycle {
    postcondition {
      condition     = self.role == "administrator"
      error_message = "This configuration needs an administrator's access token; ${self.email} has the role ${coalesce(self.role, "(none: set account_id)")}."
    }
  }
}

# Every account the token's user belongs to, with their role in each.
output "my_accounts" {
  value = { for a in data.chatwoot_profile.me.accounts : a.name => a.role }
}
