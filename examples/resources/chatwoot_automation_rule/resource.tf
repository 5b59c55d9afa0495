# Route every new conversation of the Billing inbox to the billing team.
data "chatwoot_inbox" "billing" {
  name = "Billing"
}

data "chatwoot_team" "billing" {
  name = "billing"
}

resource "chatwoot_automation_rule" "billing_inbox_to_team" {
  name        = "Billing inbox to the billing team"
  description = "Managed by Terraform"
  event_name  = "conversation_created"

  conditions = [
    {
      attribute_key   = "inbox_id"
      filter_operator = "equal_to"
      values          = [data.chatwoot_inbox.billing.id] # sent to Chatwoot as a JSON integer
    },
  ]

  actions = [
    {
      action_name = "assign_team"
      params      = [data.chatwoot_team.billing.id] # an id, or "nil" to unassign
    },
  ]
}
