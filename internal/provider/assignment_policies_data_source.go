package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAssignmentPoliciesDataSource is the chatwoot_assignment_policies data source.
func NewAssignmentPoliciesDataSource() datasource.DataSource {
	item := assignmentPolicyAttributes()
	item["id"] = computedDataInt64("The policy's id.")
	item["name"] = computedDataString("The policy's name.")
	return &listDataSource[chatwoot.AssignmentPolicy, assignmentPolicyItemModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "assignment_policies"},
		description: "Lists the Assignment V2 assignment policies of an account, in Chatwoot's order (which Chatwoot " +
			"does not guarantee). Only administrators may read policies. It shares its single list call per Terraform run " +
			"with `chatwoot_assignment_policy`.",
		listAttr: "policies", itemsDescription: "The policies.", itemAttributes: item,
		list: chatwoot.AssignmentPolicies, item: assignmentPolicyItem,
	}
}
