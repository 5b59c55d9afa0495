# The account's bots and the global (system) bots of the Chatwoot installation.
data "chatwoot_agent_bots" "all" {}

locals {
  global_bot_ids = [for b in data.chatwoot_agent_bots.all.bots : b.id if b.system_bot]
}
