data "chatwoot_custom_attribute_definitions" "contacts" {
  attribute_model = "contact_attribute" # leave out for every model
}

output "contact_attribute_keys" {
  value = [for d in data.chatwoot_custom_attribute_definitions.contacts.custom_attribute_definitions : d.attribute_key]
}
