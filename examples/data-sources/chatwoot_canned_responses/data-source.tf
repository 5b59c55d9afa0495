data "chatwoot_canned_responses" "all" {}

output "canned_short_codes" {
  value = { for r in data.chatwoot_canned_responses.all.canned_responses : r.short_code => r.id }
}
