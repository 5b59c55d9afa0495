# Chatwoot stores label titles in lowercase, so they are written in lowercase here too.
resource "chatwoot_label" "vip" {
  title           = "vip"
  description     = "Customers on the enterprise plan"
  color           = "#ff6600"
  show_on_sidebar = true
}
