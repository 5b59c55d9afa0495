# A dropdown on contacts.
resource "chatwoot_custom_attribute_definition" "plan" {
  attribute_display_name = "Plan"
  attribute_key          = "plan"
  attribute_model        = "contact_attribute"
  attribute_display_type = "list"
  attribute_values       = ["free", "pro", "enterprise"]
  attribute_description  = "The customer's subscription"
}

# A text field on conversations that agents must fill in as six digits.
resource "chatwoot_custom_attribute_definition" "order_number" {
  attribute_display_name = "Order number"
  attribute_key          = "order_number"
  regex_pattern          = "^[0-9]{6}$"
  regex_cue              = "Six digits, as on the invoice"
}
