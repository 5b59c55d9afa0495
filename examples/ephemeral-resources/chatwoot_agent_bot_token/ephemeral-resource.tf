resource "chatwoot_agent_bot" "triage" {
  name         = "Triage"
  outgoing_url = "https://bots.example.com/chatwoot/triage"
}

# Read the bot's token when Terraform runs, without writing it to the plan or the state, and
# hand it to where the bot's runtime reads its secrets: here a write-only argument of another
# provider (Terraform 1.11+), which is not stored either.
ephemeral "chatwoot_agent_bot_token" "triage" {
  bot_id = chatwoot_agent_bot.triage.bot_id
}

resource "aws_secretsmanager_secret_version" "triage_bot" {
  secret_id                = "chatwoot/triage-bot"
  secret_string_wo         = ephemeral.chatwoot_agent_bot_token.triage.access_token
  secret_string_wo_version = 1
}
