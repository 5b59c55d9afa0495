# Assign the conversation whose link someone pasted into a ticket (Terraform 1.8+, OpenTofu 1.7+).
locals {
  escalated = provider::chatwoot::conversation_url("https://chatwoot.example.com/app/accounts/1/inbox/3/conversations/42")
}

resource "chatwoot_conversation_assignment" "escalated" {
  account_id      = local.escalated.account_id      # 1
  conversation_id = local.escalated.conversation_id # 42
  team_id         = 7
}
