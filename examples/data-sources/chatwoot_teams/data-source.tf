data "chatwoot_teams" "all" {}

# Team ids by name, for use elsewhere in the configuration.
locals {
  team_ids = { for t in data.chatwoot_teams.all.teams : t.name => t.id }
}

output "team_ids" {
  value = local.team_ids
}
