resource "chatwoot_agent" "carol" {
  email = "carol@example.com" # lowercase: Chatwoot downcases emails
  name  = "Carol"
  role  = "agent" # or "administrator"
}

# An agent who works only through the API (a script or an integration) is auto-assigned
# conversations only while Chatwoot sees them online.
resource "chatwoot_agent" "night_shift" {
  email        = "night-shift@example.com"
  name         = "Night Shift"
  availability = "online"
  auto_offline = false
}
