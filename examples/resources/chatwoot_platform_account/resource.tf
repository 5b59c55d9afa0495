# A provider block with a Platform App's token (or CHATWOOT_PLATFORM_TOKEN) manages tenants.
provider "chatwoot" {
  base_url       = "https://chatwoot.example.com"
  platform_token = var.chatwoot_platform_token
}

variable "chatwoot_platform_token" {
  type      = string
  sensitive = true
}

resource "chatwoot_platform_account" "acme" {
  name   = "Acme Inc."
  locale = "en"

  # Only the flags named here are managed; the others keep Chatwoot's defaults.
  features = {
    help_center = false
    sla         = true
  }

  limits            = { agents = 10, inboxes = 5 }
  custom_attributes = jsonencode({ plan = "gold", crm_id = "A-1042" })

  timeouts {
    delete = "10m" # Chatwoot deletes accounts in a background job; destroy waits for it
  }
}
