package export

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// customAttributeKind: one chatwoot_custom_attribute_definition per conversation or contact
// attribute, named after its model and key (contact_plan, conversation_plan: a key is unique
// only within its model). Every model is one list request. The schema's defaults are model
// conversation_attribute, display type text, description "" and no values; those are omitted.
var customAttributeKind = &Kind{
	Name:     "custom_attribute_definition",
	Resource: "chatwoot_custom_attribute_definition",
	Export: listedKind[chatwoot.CustomAttributeDefinition]{
		list: func(c *chatwoot.Client, ctx context.Context, accountID int64) ([]chatwoot.CustomAttributeDefinition, error) {
			return c.ListCustomAttributeDefinitions(ctx, accountID, "")
		},
		id: func(d *chatwoot.CustomAttributeDefinition) int64 { return d.ID },
		name: func(d *chatwoot.CustomAttributeDefinition) string {
			return strings.TrimSuffix(d.AttributeModel, "_attribute") + "_" + d.AttributeKey
		},
		what: func(d *chatwoot.CustomAttributeDefinition) string {
			return fmt.Sprintf("%s %q (definition %d)", strings.ReplaceAll(d.AttributeModel, "_", " "), d.AttributeKey, d.ID)
		},
		refAttr: "custom_attribute_definition_id",
		attrs:   customAttributeAttrs,
	}.Export,
}

// customAttributeAttrs refuses what the resource's plan checks refuse: Chatwoot checks neither
// the key against its standard attributes on update nor the values against the display type.
func customAttributeAttrs(_ context.Context, _ *Session, d *chatwoot.CustomAttributeDefinition) ([]Attr, error) {
	list := d.AttributeDisplayType == "list"
	switch {
	case d.AttributeModel != "conversation_attribute" && d.AttributeModel != "contact_attribute":
		return nil, refuseBecause("chatwoot_custom_attribute_definition manages conversation and contact attributes, not %s", d.AttributeModel)
	case chatwoot.CustomAttributeKeyReserved(d.AttributeModel, d.AttributeKey):
		return nil, refuseBecause("its key is one of Chatwoot's standard attribute keys, which the resource refuses")
	case !slices.Contains(chatwoot.CustomAttributeDisplayTypes, d.AttributeDisplayType):
		return nil, refuseBecause("its display type %q is not one the resource knows", d.AttributeDisplayType)
	case list == (len(d.AttributeValues) == 0):
		return nil, refuseBecause("it is a %s attribute with %d values; the resource takes values for list attributes only, and at least one", d.AttributeDisplayType, len(d.AttributeValues))
	case d.RegexPattern != "" && d.AttributeDisplayType != "text", d.RegexCue != "" && d.RegexPattern == "":
		return nil, refuseBecause("it has a regex pattern or cue the resource takes only for a text attribute with a pattern")
	}
	values := List{}
	for i, v := range d.AttributeValues {
		if strings.TrimSpace(v) == "" || slices.Contains(d.AttributeValues[:i], v) {
			return nil, refuseBecause("its values hold %q blank or twice, which the resource refuses", v)
		}
		values = append(values, String(v))
	}
	a := attrList{{"attribute_display_name", String(d.AttributeDisplayName)}, {"attribute_key", String(d.AttributeKey)}}
	a.str("attribute_model", d.AttributeModel, "conversation_attribute")
	a.str("attribute_display_type", d.AttributeDisplayType, "text")
	a.str("attribute_description", d.AttributeDescription, "")
	if list {
		a.add("attribute_values", values)
	}
	a.str("regex_pattern", d.RegexPattern, "")
	a.str("regex_cue", d.RegexCue, "")
	return a, nil
}
