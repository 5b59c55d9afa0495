# <account_id>/<custom_attribute_definition_id>
terraform import chatwoot_custom_attribute_definition.plan 1/9

# <custom_attribute_definition_id> alone, when the provider block sets account_id
terraform import chatwoot_custom_attribute_definition.plan 9
