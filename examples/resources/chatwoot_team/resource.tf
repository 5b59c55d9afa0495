# Chatwoot stores team names in lowercase, so they are written in lowercase here too.
resource "chatwoot_team" "billing" {
  name              = "billing"
  description       = "Invoices, refunds and payment failures"
  allow_auto_assign = true # Chatwoot's default: pick an online member when no agent is assigned
}

# Team icons need Chatwoot 4.16.0 or later.
resource "chatwoot_team" "vip" {
  name       = "vip"
  icon       = "crown"
  icon_color = "#ff9900"
}
