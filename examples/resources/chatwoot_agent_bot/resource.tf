# A webhook bot that answers new conversations first. Its access token is not kept in the state:
# read it with the ephemeral resource chatwoot_agent_bot_token where the bot's runtime needs it.
resource "chatwoot_agent_bot" "triage" {
  name         = "Triage"
  description  = "Answers first and hands over to the support team"
  outgoing_url = "https://bots.example.com/chatwoot/triage"
}
