data "chatwoot_team" "billing" {
  name = "billing"
}

# A global macro every agent can run on a conversation: hand it to billing, tag it and say so.
resource "chatwoot_macro" "to_billing" {
  name = "Hand over to billing"

  actions = [
    { action_name = "assign_team", params = [data.chatwoot_team.billing.id] },
    { action_name = "add_label", params = ["billing"] },
    { action_name = "send_message", params = ["The billing team will take it from here."] },
    { action_name = "change_priority", params = ["high"] },
  ]
}
