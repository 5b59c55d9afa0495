package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentCapacityPolicyDataSource is the chatwoot_agent_capacity_policy data source.
func NewAgentCapacityPolicyDataSource() datasource.DataSource {
	return &lookupDataSource[chatwoot.CapacityPolicy, capacityPolicyDataSourceModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "agent_capacity_policy"},
		description: "Looks up one agent capacity policy of an account by id or by name, for example to put agents on " +
			"a policy managed elsewhere with `chatwoot_agent_capacity_policy_members`. Chatwoot does not keep capacity-policy " +
			"names unique: a name that several policies share is an error that lists their ids. Only administrators may read " +
			"capacity policies." + enterpriseOnlyNote,
		attributes: map[string]schema.Attribute{
			"description": computedDataString("The policy's description; null when it has none."),
			"exclusion_rules": schema.SingleNestedAttribute{
				MarkdownDescription: "The conversations Assignment V2 leaves alone in the inboxes the policy limits; null when none.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"exclude_older_than_hours": computedDataInt64("The age limit in hours, or null."),
					"excluded_labels": schema.SetAttribute{
						MarkdownDescription: "The labels whose conversations are skipped, or null.", Computed: true, ElementType: types.StringType,
					},
				},
			},
			"inbox_limits": schema.SetNestedAttribute{
				MarkdownDescription: "The per-inbox limits; null when none.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"inbox_id":           computedDataInt64("The inbox."),
					"conversation_limit": computedDataInt64("The most open conversations per agent."),
				}},
			},
			"assigned_agent_count": computedDataInt64("How many agents hold the policy."),
		},
		idDescription: "The policy's id, the value `chatwoot_agent_capacity_policy_members.policy_id` takes.",
		keyDescription: "The policy's name: an exact match wins, otherwise a match that ignores case is taken when " +
			"it is the only one.",
		lookup: namedLookup[chatwoot.CapacityPolicy]{
			list: chatwoot.CapacityPolicies, attr: "name",
			id:  func(p *chatwoot.CapacityPolicy) int64 { return p.ID },
			key: func(p *chatwoot.CapacityPolicy) string { return p.Name },
		},
		enterpriseOnly: "agent capacity policies",
		stateWithDiags: func(ctx context.Context, diags *diag.Diagnostics, accountID int64, policy *chatwoot.CapacityPolicy) capacityPolicyDataSourceModel {
			s := capacityPolicyState(ctx, accountID, policy, types.ObjectNull(exclusionRulesAttrTypes), diags)
			return capacityPolicyDataSourceModel{
				AccountID: types.Int64Value(accountID), ID: s.PolicyID, Name: s.Name, Description: s.Description,
				ExclusionRules: s.ExclusionRules, InboxLimits: s.InboxLimits, AssignedAgentCount: types.Int64Value(policy.AssignedAgentCount),
			}
		},
	}
}

type capacityPolicyDataSourceModel struct {
	AccountID          types.Int64  `tfsdk:"account_id"`
	ID                 types.Int64  `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Description        types.String `tfsdk:"description"`
	ExclusionRules     types.Object `tfsdk:"exclusion_rules"`
	InboxLimits        types.Set    `tfsdk:"inbox_limits"`
	AssignedAgentCount types.Int64  `tfsdk:"assigned_agent_count"`
}
