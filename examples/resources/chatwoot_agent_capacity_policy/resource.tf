data "chatwoot_inbox" "website" {
  name = "Website"
}

data "chatwoot_inbox" "email" {
  name = "Support email"
}

# Chatwoot Enterprise: agents holding this policy get at most 5 open website chats and 10 open
# e-mails each; conversations labelled "spam" or idle for two days are not auto-assigned.
resource "chatwoot_agent_capacity_policy" "tier1" {
  name        = "Tier 1"
  description = "Front-line agents"

  exclusion_rules = {
    exclude_older_than_hours = 48
    excluded_labels          = ["spam"]
  }

  inbox_limits = [
    { inbox_id = data.chatwoot_inbox.website.id, conversation_limit = 5 },
    { inbox_id = data.chatwoot_inbox.email.id, conversation_limit = 10 },
  ]
}
