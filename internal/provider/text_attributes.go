package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The string attributes that resources declare alike.

// requiredTextAttribute is a required string of 1 to maxLength characters that is not blank: a
// name, a short code, a reply's text.
func requiredTextAttribute(description string, maxLength int) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Required:            true,
		Validators: []validator.String{
			stringvalidator.LengthBetween(1, maxLength),
			stringvalidator.RegexMatches(nonBlank, "must not be blank"),
		},
	}
}

// optionalTextAttribute is an optional string of at most maxLength characters that defaults to
// empty: a description, a team's icon, a bot's URL.
func optionalTextAttribute(description string, maxLength int) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true,
		Default:             stringdefault.StaticString(""),
		Validators:          []validator.String{stringvalidator.LengthAtMost(maxLength)},
	}
}
