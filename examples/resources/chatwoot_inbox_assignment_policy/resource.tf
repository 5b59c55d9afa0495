data "chatwoot_inbox" "website" {
  name = "Website"
}

resource "chatwoot_assignment_policy" "support" {
  name                    = "Support desk"
  fair_distribution_limit = 10
}

# One per inbox. Referencing policy_id makes Terraform attach the policy after creating it, and
# detach it before deleting it.
resource "chatwoot_inbox_assignment_policy" "website" {
  inbox_id             = data.chatwoot_inbox.website.id
  assignment_policy_id = chatwoot_assignment_policy.support.policy_id
}
