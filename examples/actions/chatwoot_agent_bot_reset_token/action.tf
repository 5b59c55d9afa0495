resource "chatwoot_agent_bot" "triage" {
  name = "Triage"
}

# Rotate the bot's access token on demand (Terraform 1.14+):
#   terraform apply -invoke=action.chatwoot_agent_bot_reset_token.triage
action "chatwoot_agent_bot_reset_token" "triage" {
  config {
    bot_id = chatwoot_agent_bot.triage.bot_id
  }
}
