# When a conversation of the Billing inbox is labelled "vip", hand it to Alice and tell her team.
# Labels are added after a conversation is created, so the rule runs on conversation_updated.
data "chatwoot_inbox" "billing" {
  name = "Billing"
}

data "chatwoot_agent" "alice" {
  email = "alice@example.com"
}

data "chatwoot_team" "billing" {
  name = "billing"
}

resource "chatwoot_automation_rule" "vip_to_alice" {
  name       = "VIPs in Billing go to Alice"
  event_name = "conversation_updated"

  conditions = [
    {
      attribute_key   = "inbox_id"
      filter_operator = "equal_to"
      values          = [data.chatwoot_inbox.billing.id]
      query_operator  = "AND" # joins this condition with the next; the last one has none
    },
    {
      attribute_key   = "labels"
      filter_operator = "equal_to"
      values          = ["vip"]
    },
  ]

  actions = [
    {
      action_name = "assign_agent"
      params      = [data.chatwoot_agent.alice.id]
    },
    {
      action_name = "add_label"
      params      = ["routed"]
    },
    {
      action_name = "send_email_to_team"
      team_ids    = [data.chatwoot_team.billing.id]
      message     = "A VIP conversation was assigned to Alice."
    },
  ]
}
