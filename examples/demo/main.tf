# The demo routes conversations by agent email and team name: no numeric ids are copied from the
# Chatwoot UI. scripts/demo.sh (make demo) supplies the inputs from the seeded mock; the provider
# reads CHATWOOT_BASE_URL, CHATWOOT_API_ACCESS_TOKEN and CHATWOOT_ACCOUNT_ID from the environment.
terraform {
  required_providers {
    chatwoot = {
      source = "chatwoot-community/chatwoot"
    }
  }
}

provider "chatwoot" {}

variable "agent_email" {
  description = "Email of the agent who takes the first conversations."
  type        = string
}

variable "team_name" {
  description = "Name of the team the conversations are routed to."
  type        = string
}

variable "conversation_ids" {
  description = "Conversation numbers, as shown in the Chatwoot UI."
  type        = list(number)
}

data "chatwoot_agent" "lead" {
  email = var.agent_email
}

data "chatwoot_team" "support" {
  name = var.team_name
}

locals {
  # The first two conversations go to the team and the agent; the rest to the team alone, where
  # Chatwoot's own team auto-assignment picks an online member (not drift: assignee_id is not
  # managed by those resources, so the second plan stays empty).
  routes = {
    for index, id in var.conversation_ids : tostring(id) => {
      assignee_id = index < 2 ? data.chatwoot_agent.lead.id : null
    }
  }
}

resource "chatwoot_conversation_assignment" "routed" {
  for_each = local.routes

  conversation_id = tonumber(each.key)
  team_id         = data.chatwoot_team.support.id
  assignee_id     = each.value.assignee_id
}

# Read back what Chatwoot holds after the assignments, with names instead of ids.
data "chatwoot_conversation" "routed" {
  for_each = chatwoot_conversation_assignment.routed

  conversation_id = each.value.conversation_id
}

data "chatwoot_agents" "all" {}

data "chatwoot_teams" "all" {}

locals {
  agent_names = { for a in data.chatwoot_agents.all.agents : a.id => a.name }
  team_names  = { for t in data.chatwoot_teams.all.teams : t.id => t.name }
}

output "conversations" {
  description = "What Chatwoot shows for each routed conversation."
  value = {
    for id, c in data.chatwoot_conversation.routed : "conversation ${id}" => {
      status   = c.status
      team     = c.team_id == null ? "(none)" : lookup(local.team_names, c.team_id, "#${c.team_id}")
      assignee = c.assignee_id == null ? "(none)" : lookup(local.agent_names, c.assignee_id, "#${c.assignee_id}")
    }
  }
}
