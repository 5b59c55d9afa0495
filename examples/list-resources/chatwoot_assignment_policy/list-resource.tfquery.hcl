# Every assignment policy of the provider's account, with its state: `terraform query
# -generate-config-out=generated.tf` writes their resource and import blocks.
list "chatwoot_assignment_policy" "all" {
  provider         = chatwoot
  include_resource = true
}
