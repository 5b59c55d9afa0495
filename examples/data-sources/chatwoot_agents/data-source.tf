# Every administrator of the account.
data "chatwoot_agents" "admins" {
  role = "administrator"
}

output "administrator_emails" {
  value = data.chatwoot_agents.admins.agents[*].email
}

# Agents who can be auto-assigned through the API right now.
data "chatwoot_agents" "all" {}

output "auto_assignable" {
  value = [
    for a in data.chatwoot_agents.all.agents : a.email
    if !a.auto_offline && a.availability_status == "online"
  ]
}
