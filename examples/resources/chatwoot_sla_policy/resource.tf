# Needs Chatwoot's Enterprise build; from Chatwoot 4.17 also the account's "sla" feature.
resource "chatwoot_sla_policy" "gold" {
  name                          = "Gold"
  description                   = "Paying customers"
  first_response_time_threshold = 3600  # an hour
  next_response_time_threshold  = 14400 # four hours
  resolution_time_threshold     = 86400 # a day
  only_during_business_hours    = true
}

# Applied by an automation rule.
resource "chatwoot_automation_rule" "gold_customers" {
  name       = "Gold SLA for VIP contacts"
  event_name = "conversation_created"
  conditions = [
    { attribute_key = "email", filter_operator = "contains", values = ["@vip.example.com"] },
  ]
  actions = [
    { action_name = "add_sla", params = [chatwoot_sla_policy.gold.sla_policy_id] },
  ]
}
