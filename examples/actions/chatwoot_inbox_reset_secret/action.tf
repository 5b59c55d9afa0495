resource "chatwoot_inbox" "backend" {
  name         = "In-app support"
  channel_type = "api"
  api = {
    webhook_url = "https://backend.example.com/chatwoot/events"
  }
}

# Rotate the secret that signs the inbox's webhook deliveries (Terraform 1.14+):
#   terraform apply -invoke=action.chatwoot_inbox_reset_secret.backend
action "chatwoot_inbox_reset_secret" "backend" {
  config {
    inbox_id = chatwoot_inbox.backend.inbox_id
  }
}
