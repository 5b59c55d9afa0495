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

# The labels a rule names must exist: the provider checks before it saves the rule. Referring to
# them by attribute makes Terraform create them first.
resource "chatwoot_label" "vip" {
  title = "vip"
}

resource "chatwoot_label" "routed" {
  title = "routed"
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
      values          = [chatwoot_label.vip.title]
    },
  ]

  actions = [
    {
      action_name = "assign_agent"
      params      = [data.chatwoot_agent.alice.id]
    },
    {
      action_name = "add_label"
      params      = [chatwoot_label.routed.title]
    },
    {
      action_name = "send_email_to_team"
      team_ids    = [data.chatwoot_team.billing.id]
      message     = "A VIP conversation was assigned to Alice."
    },
  ]
}
