data "chatwoot_inbox" "website" {
  name = "Website"
}

resource "chatwoot_webhook" "crm" {
  url           = "https://crm.example.com/hooks/chatwoot"
  name          = "CRM sync"
  subscriptions = ["conversation_created", "conversation_status_changed", "message_created"]
  inbox_id      = data.chatwoot_inbox.website.id # leave out for the events of every inbox
}

# The receiver checks X-Chatwoot-Signature with this secret.
output "crm_webhook_secret" {
  value     = chatwoot_webhook.crm.secret
  sensitive = true
}
