# An ephemeral password (Terraform 1.11+, OpenTofu 1.11+) never reaches the state.
ephemeral "random_password" "alice" {
  length      = 20
  min_upper   = 1
  min_lower   = 1
  min_numeric = 1
  min_special = 1
}

resource "chatwoot_platform_user" "alice" {
  name         = "Alice Liddell"
  display_name = "Alice"
  email        = "alice@acme.example" # lowercase, as Chatwoot stores it

  # Write-only: sent on create and whenever password_wo_version changes.
  password_wo         = ephemeral.random_password.alice.result
  password_wo_version = 1

  custom_attributes = jsonencode({ employee_id = "E-77" })
}
