# Needs an administrator's token. The signing secrets are not part of it.
data "chatwoot_webhooks" "all" {}

output "webhook_urls" {
  value = [for w in data.chatwoot_webhooks.all.webhooks : w.url]
}
