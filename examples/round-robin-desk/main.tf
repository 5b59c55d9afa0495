# A round-robin support desk on Chatwoot's Assignment V2: the support inbox hands new
# conversations to its online agents in turn, at most 10 per agent and hour, skips conversations
# idle for three days, and (on Chatwoot Enterprise with the account feature advanced_assignment)
# never gives an agent more than 5 open conversations of the inbox at once.
#
# The provider reads CHATWOOT_BASE_URL, CHATWOOT_API_ACCESS_TOKEN (an administrator's token) and
# CHATWOOT_ACCOUNT_ID from the environment.
terraform {
  required_providers {
    chatwoot = {
      source = "chatwoot-community/chatwoot"
    }
  }
}

provider "chatwoot" {}

variable "inbox_name" {
  description = "The inbox the desk answers."
  type        = string
  default     = "Support"
}

variable "agent_emails" {
  description = "The agents of the desk."
  type        = list(string)
}

variable "enterprise" {
  description = "Whether the Chatwoot server has the Enterprise code (capacity policies need it)."
  type        = bool
  default     = false
}

data "chatwoot_inbox" "support" {
  name = var.inbox_name
}

data "chatwoot_agent" "desk" {
  count = length(var.agent_emails)
  email = var.agent_emails[count.index]
}

locals {
  desk_agents = data.chatwoot_agent.desk[*].id
}

# Who Assignment V2 picks from: the inbox's members who are online.
resource "chatwoot_inbox_members" "support" {
  inbox_id = data.chatwoot_inbox.support.id
  user_ids = local.desk_agents
}

# Nothing is auto-assigned while the inbox's auto-assignment is off.
resource "chatwoot_inbox_auto_assignment" "support" {
  inbox_id               = data.chatwoot_inbox.support.id
  enable_auto_assignment = true
}

resource "chatwoot_assignment_policy" "desk" {
  name                     = "Round-robin support desk"
  description              = "Each online agent in turn, 10 per hour at most"
  assignment_order         = "round_robin"
  conversation_priority    = "earliest_created"
  fair_distribution_limit  = 10
  fair_distribution_window = 3600
  exclude_older_than_hours = 72 # Chatwoot 4.16.0 or newer; remove on an older server
}

resource "chatwoot_inbox_assignment_policy" "support" {
  inbox_id             = data.chatwoot_inbox.support.id
  assignment_policy_id = chatwoot_assignment_policy.desk.policy_id
}

# Chatwoot Enterprise only.
resource "chatwoot_agent_capacity_policy" "desk" {
  count = var.enterprise ? 1 : 0

  name         = "Support desk capacity"
  inbox_limits = [{ inbox_id = data.chatwoot_inbox.support.id, conversation_limit = 5 }]
  exclusion_rules = {
    excluded_labels = ["spam"]
  }
}

resource "chatwoot_agent_capacity_policy_members" "desk" {
  count = var.enterprise ? 1 : 0

  policy_id = chatwoot_agent_capacity_policy.desk[0].policy_id
  user_ids  = local.desk_agents
}

output "assignment_policy_id" {
  value = chatwoot_assignment_policy.desk.policy_id
}
