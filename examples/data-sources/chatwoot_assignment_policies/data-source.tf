data "chatwoot_assignment_policies" "all" {}

output "assignment_policies" {
  value = { for p in data.chatwoot_assignment_policies.all.policies : p.name => p.assigned_inbox_count }
}
