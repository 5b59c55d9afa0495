data "chatwoot_account" "this" {}

# Create the SLA escalation team only on accounts where the sla feature is on.
resource "chatwoot_team" "sla_escalations" {
  count = contains(data.chatwoot_account.this.features, "sla") ? 1 : 0
  name  = "sla escalations"
}

output "chatwoot" {
  value = "${data.chatwoot_account.this.name}: Chatwoot ${data.chatwoot_account.this.chatwoot_version} (${data.chatwoot_account.this.edition})"
}
