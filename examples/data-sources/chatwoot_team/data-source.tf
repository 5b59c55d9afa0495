# By name, in any case: Chatwoot stores team names downcased ("Billing" is "billing").
data "chatwoot_team" "billing" {
  name = "Billing"
}

resource "chatwoot_conversation_assignment" "invoice_question" {
  conversation_id = 42
  team_id         = data.chatwoot_team.billing.id
}
