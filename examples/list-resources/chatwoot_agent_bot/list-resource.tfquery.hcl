# The provider's account's own agent bots (not the global ones), with their state: `terraform query
# -generate-config-out=generated.tf` writes their resource and import blocks.
list "chatwoot_agent_bot" "all" {
  provider         = chatwoot
  include_resource = true
}
