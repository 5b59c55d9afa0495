package provider

import (
	"context"
	"fmt"

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
			"description": schema.StringAttribute{MarkdownDescription: "The policy's description; null when it has none.", Computed: true},
			"exclusion_rules": schema.SingleNestedAttribute{
				MarkdownDescription: "The conversations Assignment V2 leaves alone in the inboxes the policy limits; null when none.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"exclude_older_than_hours": schema.Int64Attribute{MarkdownDescription: "The age limit in hours, or null.", Computed: true},
					"excluded_labels": schema.SetAttribute{
						MarkdownDescription: "The labels whose conversations are skipped, or null.", Computed: true, ElementType: types.StringType,
					},
				},
			},
			"inbox_limits": schema.SetNestedAttribute{
				MarkdownDescription: "The per-inbox limits; null when none.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"inbox_id":           schema.Int64Attribute{MarkdownDescription: "The inbox.", Computed: true},
					"conversation_limit": schema.Int64Attribute{MarkdownDescription: "The most open conversations per agent.", Computed: true},
				}},
			},
			"assigned_agent_count": schema.Int64Attribute{MarkdownDescription: "How many agents hold the policy.", Computed: true},
		},
		idDescription: "The policy's id, the value `chatwoot_agent_capacity_policy_members.policy_id` takes. Set exactly one of `id` and `name`.",
		keyAttr:       "name",
		keyDescription: "The policy's name: an exact match wins, otherwise a match that ignores case is taken when " +
			"it is the only one. Set exactly one of `id` and `name`.",
		find: func(ctx context.Context, diags *diag.Diagnostics, client *chatwoot.Client, accountID int64, id types.Int64, name types.String) *chatwoot.CapacityPolicy {
			if requireEnterprise(ctx, client, accountID, "agent capacity policies", diags); diags.HasError() {
				return nil
			}
			return capacityPoliciesByName.read(ctx, diags, client, accountID, id, name,
				fmt.Sprintf("Account %d has no agent capacity policy with id %d. Check the id, or look the policy up by name instead.", accountID, id.ValueInt64()),
				fmt.Sprintf("Account %d has no agent capacity policy named %q. Check the name.", accountID, name.ValueString()))
		},
		state: func(ctx context.Context, diags *diag.Diagnostics, accountID int64, policy *chatwoot.CapacityPolicy) capacityPolicyDataSourceModel {
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

// capacityPoliciesByName looks capacity policies up by id or name in the cached list.
var capacityPoliciesByName = namedLookup[chatwoot.CapacityPolicy]{
	list: chatwoot.CapacityPolicies, attr: "name",
	id:  func(p *chatwoot.CapacityPolicy) int64 { return p.ID },
	key: func(p *chatwoot.CapacityPolicy) string { return p.Name },
}
