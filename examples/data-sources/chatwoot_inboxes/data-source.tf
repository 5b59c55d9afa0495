# With an agent's token, only the inboxes the agent is a member of are listed.
data "chatwoot_inboxes" "visible" {}

output "api_inboxes" {
  value = [for i in data.chatwoot_inboxes.visible.inboxes : i.name if i.channel_type == "Channel::Api"]
}
