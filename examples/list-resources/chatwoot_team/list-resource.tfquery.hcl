# Every team of the provider's account: `terraform query` lists them, and
# `terraform query -generate-config-out=generated.tf` writes their resource and import blocks.
list "chatwoot_team" "all" {
  provider = chatwoot
}

# Another account's teams, with their state.
list "chatwoot_team" "other" {
  provider         = chatwoot
  include_resource = true

  config {
    account_id = 2
  }
}
