# A website's chat widget, answered first by a bot, which hands conversations over to a support
# team: the inbox, the bot and the routing as code, with no ids copied from the Chatwoot UI.
# The provider reads CHATWOOT_BASE_URL, CHATWOOT_API_ACCESS_TOKEN (an administrator's) and
# CHATWOOT_ACCOUNT_ID from the environment.
terraform {
  required_providers {
    chatwoot = {
      source = "chatwoot-community/chatwoot"
    }
  }
}

provider "chatwoot" {}

variable "website_url" {
  description = "The website the chat widget is embedded on."
  type        = string
  default     = "https://shop.example.com"
}

variable "bot_url" {
  description = "Where the bot's runtime receives Chatwoot's events."
  type        = string
  default     = "https://bots.example.com/chatwoot/triage"
}

variable "agent_emails" {
  description = "The agents of the support team, who take over from the bot."
  type        = list(string)
}

data "chatwoot_agent" "support" {
  count = length(var.agent_emails)
  email = var.agent_emails[count.index]
}

locals {
  agent_ids = data.chatwoot_agent.support[*].id
}

# Where conversations arrive: the widget, open on weekdays (Berlin time). Outside these hours
# visitors get the out-of-office reply.
resource "chatwoot_inbox" "website" {
  name         = "Website"
  channel_type = "web_widget"
  web_widget = {
    website_url     = var.website_url
    welcome_title   = "Hi there!"
    welcome_tagline = "Our assistant answers right away; a person takes over when needed."
    reply_time      = "in_a_few_minutes"
  }
  timezone              = "Europe/Berlin"
  working_hours_enabled = true
  out_of_office_message = "We are closed right now; we will answer tomorrow morning."
  working_hours = [
    { day_of_week = 0, closed_all_day = true },
    { day_of_week = 1, open_hour = 8, open_minutes = 0, close_hour = 18, close_minutes = 0 },
    { day_of_week = 2, open_hour = 8, open_minutes = 0, close_hour = 18, close_minutes = 0 },
    { day_of_week = 3, open_hour = 8, open_minutes = 0, close_hour = 18, close_minutes = 0 },
    { day_of_week = 4, open_hour = 8, open_minutes = 0, close_hour = 18, close_minutes = 0 },
    { day_of_week = 5, open_hour = 8, open_minutes = 0, close_hour = 16, close_minutes = 0 },
    { day_of_week = 6, closed_all_day = true },
  ]
  csat_survey_enabled = true
  csat_config = {
    display_type = "star"
    message      = "How did we do?"
  }
}

# Who answers first: a bot. While it is attached, the inbox's new conversations open as pending
# and the bot talks to the visitor.
resource "chatwoot_agent_bot" "triage" {
  name         = "Website assistant"
  description  = "Answers common questions and hands over to support"
  outgoing_url = var.bot_url
}

resource "chatwoot_inbox_agent_bot" "website" {
  inbox_id     = chatwoot_inbox.website.inbox_id
  agent_bot_id = chatwoot_agent_bot.triage.bot_id
}

# Who answers next: the support team, whose agents are members of the inbox.
resource "chatwoot_team" "support" {
  name        = "website support"
  description = "Takes over website conversations from the assistant"
}

resource "chatwoot_team_members" "support" {
  team_id  = chatwoot_team.support.team_id
  user_ids = local.agent_ids
}

resource "chatwoot_inbox_members" "website" {
  inbox_id = chatwoot_inbox.website.inbox_id
  user_ids = local.agent_ids
}

resource "chatwoot_inbox_auto_assignment" "website" {
  inbox_id               = chatwoot_inbox.website.inbox_id
  enable_auto_assignment = true
}

# The hand-over: when the bot opens a conversation (pending to open), it goes to the team, whose
# auto-assignment picks an online member.
resource "chatwoot_automation_rule" "handoff" {
  name        = "website: bot hand-over to support"
  description = "Conversations the assistant opens go to the website support team"
  event_name  = "conversation_opened"
  conditions = [
    { attribute_key = "inbox_id", filter_operator = "equal_to", values = [tostring(chatwoot_inbox.website.inbox_id)] },
  ]
  actions = [
    { action_name = "assign_team", params = [tostring(chatwoot_team.support.team_id)] },
  ]
}

# The bot's runtime needs its token: read it ephemerally (Terraform 1.10+, OpenTofu 1.11+) where
# a secret store takes it, instead of keeping it in the state.
#
# ephemeral "chatwoot_agent_bot_token" "triage" {
#   bot_id = chatwoot_agent_bot.triage.bot_id
# }

output "widget_script" {
  description = "The snippet to paste into the website's pages."
  value       = chatwoot_inbox.website.web_widget_script
}

output "inbox_id" {
  value = chatwoot_inbox.website.inbox_id
}
