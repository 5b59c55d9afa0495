terraform {
  required_providers {
    chatwoot = {
      # Without this, Terraform looks for hashicorp/chatwoot, which does not exist.
      source = "chatwoot-community/chatwoot"
    }
  }
}

provider "chatwoot" {
  # Or set CHATWOOT_BASE_URL; installs under a sub-path work too (https://example.com/chatwoot).
  base_url = "https://chatwoot.example.com"

  # Better set CHATWOOT_API_ACCESS_TOKEN than write a token into a file.
  api_access_token = var.chatwoot_api_access_token

  # For the chatwoot_platform_* resources (accounts, users, memberships): a Platform App's token.
  # Better set CHATWOOT_PLATFORM_TOKEN. Either token alone is enough for the resources that use it.
  # platform_token = var.chatwoot_platform_token

  # Default account for resources and data sources that do not set their own (CHATWOOT_ACCOUNT_ID).
  account_id = 1
}

variable "chatwoot_api_access_token" {
  type      = string
  sensitive = true
}
