# Route a conversation once, now: terraform apply -invoke=action.chatwoot_conversation_assign.vip
action "chatwoot_conversation_assign" "vip" {
  config {
    conversation_id = 42
    team_id         = data.chatwoot_team.billing.id
    assignee_id     = data.chatwoot_agent.alice.id
  }
}

# Or whenever another resource is created, for example a ticket a pipeline opens.
resource "terraform_data" "escalation" {
  input = "escalated"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.chatwoot_conversation_assign.vip]
    }
  }
}

data "chatwoot_team" "billing" {
  name = "billing"
}

data "chatwoot_agent" "alice" {
  email = "alice@example.com"
}
