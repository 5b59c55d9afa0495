# Conversation 42 as numbered in the Chatwoot UI.
data "chatwoot_conversation" "escalated" {
  conversation_id = 42
}

output "escalated" {
  value = {
    status   = data.chatwoot_conversation.escalated.status
    priority = data.chatwoot_conversation.escalated.priority
    assignee = data.chatwoot_conversation.escalated.assignee_id
    team     = data.chatwoot_conversation.escalated.team_id
  }
}
