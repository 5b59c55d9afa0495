package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// nameAttribute is the required name of an object whose name Chatwoot stores in a string column:
// 1 to 255 characters, not only white space. The description says what the name is for and
// should end with "at most 255 characters".
func nameAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Required:            true,
		Validators: []validator.String{
			stringvalidator.LengthBetween(1, 255),
			stringvalidator.RegexMatches(nonBlank, "must not be blank"),
		},
	}
}
