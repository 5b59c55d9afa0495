package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAssignmentPoliciesDataSource is the chatwoot_assignment_policies data source.
func NewAssignmentPoliciesDataSource() datasource.DataSource {
	item := assignmentPolicyAttributes()
	item["id"] = schema.Int64Attribute{MarkdownDescription: "The policy's id.", Computed: true}
	item["name"] = schema.StringAttribute{MarkdownDescription: "The policy's name.", Computed: true}
	return &listDataSource[chatwoot.AssignmentPolicy, assignmentPolicyItemModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "assignment_policies"},
		description: "Lists the Assignment V2 assignment policies of an account, in Chatwoot's order (which Chatwoot " +
			"does not guarantee). Only administrators may read policies. It shares its single list call per Terraform run " +
			"with `chatwoot_assignment_policy`.",
		listAttr: "policies", itemsDescription: "The policies.", itemAttributes: item,
		list: chatwoot.AssignmentPolicies, item: assignmentPolicyItem,
	}
}
