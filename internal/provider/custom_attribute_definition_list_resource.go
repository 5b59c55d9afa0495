package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewCustomAttributeDefinitionListResource lists the custom attribute definitions of an account, of every model, as chatwoot_custom_attribute_definition.
func NewCustomAttributeDefinitionListResource() list.ListResource {
	return listing(NewCustomAttributeDefinitionResource, accountListResource[chatwoot.CustomAttributeDefinition, customAttributeModel]{
		plural: "custom attribute definitions (contact and conversation attributes)",
		list:   cached(chatwoot.CustomAttributeDefinitions),
		id:     func(d *chatwoot.CustomAttributeDefinition) int64 { return d.ID },
		// A key is unique per model only.
		name:  func(d *chatwoot.CustomAttributeDefinition) string { return d.AttributeModel + "." + d.AttributeKey },
		state: plainState(customAttributeState),
	})
}
