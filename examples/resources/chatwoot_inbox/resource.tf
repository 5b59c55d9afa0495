# The chat bubble of a website, open Monday to Thursday 8:30 to 18:00 and Friday to 16:00 (Berlin time), with a
# satisfaction survey after each resolved conversation.
resource "chatwoot_inbox" "website" {
  name         = "Website"
  channel_type = "web_widget"
  web_widget = {
    website_url     = "https://shop.example.com"
    widget_color    = "#009966"
    welcome_title   = "Hi there!"
    welcome_tagline = "We usually answer within minutes."
    reply_time      = "in_a_few_minutes"
  }

  greeting_enabled      = true
  greeting_message      = "Thanks for reaching out, an agent will be with you shortly."
  timezone              = "Europe/Berlin"
  working_hours_enabled = true
  out_of_office_message = "We are closed right now and will answer tomorrow morning."
  # All seven days, Sunday (0) first.
  working_hours = [
    { day_of_week = 0, closed_all_day = true },
    { day_of_week = 1, open_hour = 8, open_minutes = 30, close_hour = 18, close_minutes = 0 },
    { day_of_week = 2, open_hour = 8, open_minutes = 30, close_hour = 18, close_minutes = 0 },
    { day_of_week = 3, open_hour = 8, open_minutes = 30, close_hour = 18, close_minutes = 0 },
    { day_of_week = 4, open_hour = 8, open_minutes = 30, close_hour = 18, close_minutes = 0 },
    { day_of_week = 5, open_hour = 8, open_minutes = 30, close_hour = 16, close_minutes = 0 },
    { day_of_week = 6, closed_all_day = true },
  ]

  csat_survey_enabled = true
  csat_config = {
    display_type = "star"
    message      = "How did we do?"
  }
}

# An inbox for conversations your backend creates through Chatwoot's API. Its events are posted
# to webhook_url, signed with the sensitive attribute secret.
resource "chatwoot_inbox" "backend" {
  name         = "In-app support"
  channel_type = "api"
  api = {
    webhook_url = "https://backend.example.com/chatwoot/events"
  }
}

output "widget_token" {
  value = chatwoot_inbox.website.website_token
}
