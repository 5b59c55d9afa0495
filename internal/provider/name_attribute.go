package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// requiredNameAttribute is the required "name" of an object that Chatwoot stores in a string
// column of 255 characters and refuses blank. description says whose name it is and whether it
// must be unique.
func requiredNameAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Required:            true,
		Validators: []validator.String{
			stringvalidator.LengthBetween(1, 255),
			stringvalidator.RegexMatches(nonBlank, "must not be blank"),
		},
	}
}
