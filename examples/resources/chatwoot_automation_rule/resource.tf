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

# Chatwoot 4.17.0 and later, on accounts with the delayed_automations feature: a reminder one day
# after a conversation of the Billing inbox was created. With a delay, conversation events may
# only test status and inbox_id.
data "chatwoot_account" "this" {}

resource "chatwoot_automation_rule" "billing_follow_up" {
  count = contains(data.chatwoot_account.this.features, "delayed_automations") ? 1 : 0

  name            = "Billing follow-up"
  event_name      = "conversation_created"
  execution_delay = 1440 # minutes

  conditions = [
    {
      attribute_key   = "inbox_id"
      filter_operator = "equal_to"
      values          = [data.chatwoot_inbox.billing.id]
    },
  ]

  actions = [
    {
      action_name = "add_private_note"
      params      = ["A day has passed: check that the customer got an answer."]
    },
  ]
}
