# Every agent of the provider's account but the token's own user, with its state: `terraform query
# -generate-config-out=generated.tf` writes their resource and import blocks.
list "chatwoot_agent" "all" {
  provider         = chatwoot
  include_resource = true
}
