# A new tenant in one apply: the account and its administrator through the Platform API, then the
# account's routing (an inbox, a team and its agents) as that administrator, through a second provider block
# configured with the administrator's token from the ephemeral chatwoot_platform_user_token.
#
# Needs Terraform 1.11+ or OpenTofu 1.11+ (ephemeral resources and variables, write-only passwords).
# The providers read CHATWOOT_BASE_URL and CHATWOOT_PLATFORM_TOKEN (a Platform App's token) from the
# environment.
#
# How the first apply is ordered: while planning, the user and the account do not exist yet, so the
# administrator's token and the account id are unknown. Terraform then plans the "tenant" provider's
# resources with unknown values (the provider has no client yet and sends nothing). During the apply,
# Terraform creates the account, the user and the membership, opens the ephemeral token once the
# membership exists (depends_on), configures the "tenant" provider with it, and only then creates the
# team and the agent. Later plans read the token first and refresh everything as usual; destroy
# removes the tenant's resources before the membership, the user and the account.
terraform {
  required_providers {
    chatwoot = {
      source = "chatwoot-community/chatwoot"
    }
  }
}

# The Platform App: accounts, users, memberships.
provider "chatwoot" {}

variable "tenant_name" {
  description = "The customer's name, for the new account."
  type        = string
}

variable "admin_email" {
  description = "E-mail of the account's administrator, in lowercase."
  type        = string
}

variable "admin_password" {
  description = "The administrator's first password; ephemeral, so it never reaches the state or the plan."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "agent_email" {
  description = "E-mail of the first support agent, in lowercase."
  type        = string
}

resource "chatwoot_platform_account" "tenant" {
  name     = var.tenant_name
  features = { help_center = false }
}

resource "chatwoot_platform_user" "admin" {
  name                = "${var.tenant_name} administrator"
  email               = var.admin_email
  password_wo         = var.admin_password
  password_wo_version = 1
}

resource "chatwoot_platform_account_user" "admin" {
  account_id = chatwoot_platform_account.tenant.account_id
  user_id    = chatwoot_platform_user.admin.user_id
  role       = "administrator"
}

# The administrator's token, read only when needed and never stored.
ephemeral "chatwoot_platform_user_token" "admin" {
  user_id    = chatwoot_platform_user.admin.user_id
  depends_on = [chatwoot_platform_account_user.admin]
}

# The new account, as its administrator.
provider "chatwoot" {
  alias            = "tenant"
  api_access_token = ephemeral.chatwoot_platform_user_token.admin.access_token
  account_id       = chatwoot_platform_account.tenant.account_id
}

resource "chatwoot_team" "support" {
  provider    = chatwoot.tenant
  name        = "support"
  description = "First-line support for ${var.tenant_name}"
}

resource "chatwoot_agent" "support" {
  provider = chatwoot.tenant
  email    = var.agent_email
  name     = split("@", var.agent_email)[0]
  role     = "agent"
}

resource "chatwoot_team_members" "support" {
  provider = chatwoot.tenant
  team_id  = chatwoot_team.support.team_id
  user_ids = [chatwoot_platform_user.admin.user_id, chatwoot_agent.support.user_id]
}

# The tenant's website chat, answered by the support team's agents.
resource "chatwoot_inbox" "website" {
  provider     = chatwoot.tenant
  name         = "${var.tenant_name} website"
  channel_type = "web_widget"
  web_widget = {
    website_url = "https://www.${lower(var.tenant_name)}.example"
  }
}

resource "chatwoot_inbox_members" "website" {
  provider = chatwoot.tenant
  inbox_id = chatwoot_inbox.website.inbox_id
  user_ids = chatwoot_team_members.support.user_ids
}

output "account_id" {
  value = chatwoot_platform_account.tenant.account_id
}

output "team_id" {
  value = chatwoot_team.support.team_id
}

output "website_token" {
  description = "The token of the tenant's website widget, for the chat snippet on their site."
  value       = chatwoot_inbox.website.website_token
}
