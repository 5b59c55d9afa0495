data "chatwoot_inbox" "support" {
  name = "Support"
}

resource "chatwoot_agent_bot" "triage" {
  name         = "Triage"
  outgoing_url = "https://bots.example.com/chatwoot/triage"
}

# The bot answers the inbox's new conversations first (they open as pending).
resource "chatwoot_inbox_agent_bot" "support" {
  inbox_id     = data.chatwoot_inbox.support.id
  agent_bot_id = chatwoot_agent_bot.triage.bot_id
}
