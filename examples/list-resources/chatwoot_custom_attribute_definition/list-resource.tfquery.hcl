# Every custom attribute definition of the provider's account, with its state: `terraform query
# -generate-config-out=generated.tf` writes their resource and import blocks.
list "chatwoot_custom_attribute_definition" "all" {
  provider         = chatwoot
  include_resource = true
}
