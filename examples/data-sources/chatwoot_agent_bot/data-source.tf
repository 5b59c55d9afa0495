# An account bot or a system (global) bot, by name.
data "chatwoot_agent_bot" "triage" {
  name = "Triage Bot"
}

resource "chatwoot_conversation_assignment" "new_lead" {
  conversation_id = 42
  agent_bot_id    = data.chatwoot_agent_bot.triage.id
}
