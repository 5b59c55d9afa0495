package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAssignmentPolicyDataSource is the chatwoot_assignment_policy data source.
func NewAssignmentPolicyDataSource() datasource.DataSource {
	return &lookupDataSource[chatwoot.AssignmentPolicy, assignmentPolicyDataSourceModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "assignment_policy"},
		description: "Looks up one Assignment V2 assignment policy of an account by id or by name, for example to attach " +
			"a policy managed elsewhere with `chatwoot_inbox_assignment_policy`. Only administrators may read policies.\n\n" +
			"Within one Terraform run the account's policy list is fetched once and shared with `chatwoot_assignment_policies` " +
			"and the existence checks of `chatwoot_inbox_assignment_policy`.",
		attributes:    assignmentPolicyAttributes(),
		idDescription: "The policy's id, the value `chatwoot_inbox_assignment_policy.assignment_policy_id` takes.",
		keyDescription: "The policy's name. Chatwoot keeps names unique with case; an exact match wins, otherwise a match " +
			"that ignores case is taken when it is the only one.",
		lookup: namedLookup[chatwoot.AssignmentPolicy]{
			list: chatwoot.AssignmentPolicies, attr: "name", listedBy: "chatwoot_assignment_policies",
			id:  func(p *chatwoot.AssignmentPolicy) int64 { return p.ID },
			key: func(p *chatwoot.AssignmentPolicy) string { return p.Name },
		},
		state: func(accountID int64, policy *chatwoot.AssignmentPolicy) assignmentPolicyDataSourceModel {
			return assignmentPolicyDataSourceModel{AccountID: types.Int64Value(accountID), assignmentPolicyItemModel: assignmentPolicyItem(policy)}
		},
	}
}

// assignmentPolicyItemModel is one policy, in the data source and in chatwoot_assignment_policies.
type assignmentPolicyItemModel struct {
	ID                     types.Int64  `tfsdk:"id"`
	Name                   types.String `tfsdk:"name"`
	Description            types.String `tfsdk:"description"`
	AssignmentOrder        types.String `tfsdk:"assignment_order"`
	ConversationPriority   types.String `tfsdk:"conversation_priority"`
	FairDistributionLimit  types.Int64  `tfsdk:"fair_distribution_limit"`
	FairDistributionWindow types.Int64  `tfsdk:"fair_distribution_window"`
	ExcludeOlderThanHours  types.Int64  `tfsdk:"exclude_older_than_hours"`
	Enabled                types.Bool   `tfsdk:"enabled"`
	AssignedInboxCount     types.Int64  `tfsdk:"assigned_inbox_count"`
}

type assignmentPolicyDataSourceModel struct {
	AccountID types.Int64 `tfsdk:"account_id"`
	assignmentPolicyItemModel
}

// assignmentPolicyAttributes are the computed attributes of a policy, shared with
// chatwoot_assignment_policies.
func assignmentPolicyAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"description":              computedDataString("The policy's description; null when it has none."),
		"assignment_order":         computedDataString("`round_robin` or `balanced`."),
		"conversation_priority":    computedDataString("`earliest_created` or `longest_waiting`."),
		"fair_distribution_limit":  computedDataInt64("Assignments per agent and inbox within the window."),
		"fair_distribution_window": computedDataInt64("The fair-distribution window, in seconds."),
		"exclude_older_than_hours": computedDataInt64("The age limit in hours; null for none (and on Chatwoot before 4.16.0, which has no age limit)."),
		"enabled":                  computedDataBool("Chatwoot's `enabled` flag, which its assignment code does not read."),
		"assigned_inbox_count":     computedDataInt64("How many inboxes the policy is attached to."),
	}
}

func assignmentPolicyItem(p *chatwoot.AssignmentPolicy) assignmentPolicyItemModel {
	return assignmentPolicyItemModel{
		ID:                     types.Int64Value(p.ID),
		Name:                   types.StringValue(p.Name),
		Description:            types.StringPointerValue(p.Description),
		AssignmentOrder:        types.StringValue(p.AssignmentOrder),
		ConversationPriority:   types.StringValue(p.ConversationPriority),
		FairDistributionLimit:  types.Int64Value(p.FairDistributionLimit),
		FairDistributionWindow: types.Int64Value(p.FairDistributionWindow),
		ExcludeOlderThanHours:  types.Int64PointerValue(p.ExcludeOlderThanHours),
		Enabled:                types.BoolValue(p.Enabled),
		AssignedInboxCount:     types.Int64Value(p.AssignedInboxCount),
	}
}
