# By name. An exact match wins; otherwise a match that ignores case is taken when it is the only
# one. Several inboxes with the name are an error that lists their ids: then look up by id.
data "chatwoot_inbox" "website" {
  name = "Website"
}

data "chatwoot_inbox" "support_email" {
  id = 4
}

output "website_auto_assignment" {
  value = {
    enabled   = data.chatwoot_inbox.website.enable_auto_assignment
    max_limit = data.chatwoot_inbox.website.auto_assignment_config.max_assignment_limit
  }
}
