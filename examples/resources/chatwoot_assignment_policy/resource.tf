# Round robin over the inbox's online agents, at most 10 new conversations per agent and hour,
# nothing left waiting for more than three days.
resource "chatwoot_assignment_policy" "support" {
  name                     = "Support desk"
  description              = "Tier 1 inboxes"
  assignment_order         = "round_robin"      # "balanced" needs Chatwoot Enterprise and advanced_assignment
  conversation_priority    = "earliest_created" # or "longest_waiting"
  fair_distribution_limit  = 10
  fair_distribution_window = 3600 # seconds
  exclude_older_than_hours = 72   # Chatwoot 4.16.0 or newer; omit for no age limit
}
