# Every automation rule of the provider's account, with its state: `terraform query
# -generate-config-out=generated.tf` writes their resource and import blocks.
list "chatwoot_automation_rule" "all" {
  provider         = chatwoot
  include_resource = true
}
