data "chatwoot_team" "billing" {
  name = "billing"
}

resource "chatwoot_label" "billing" {
  title = "billing"
}

# A global macro every agent can run on a conversation: hand it to billing, tag it and say so.
# The label is referred to by its attribute, so Terraform creates it before the macro.
resource "chatwoot_macro" "to_billing" {
  name = "Hand over to billing"

  actions = [
    { action_name = "assign_team", params = [data.chatwoot_team.billing.id] },
    { action_name = "add_label", params = [chatwoot_label.billing.title] },
    { action_name = "send_message", params = ["The billing team will take it from here."] },
    { action_name = "change_priority", params = ["high"] },
  ]
}
