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

// NewAssignmentPolicyDataSource is the chatwoot_assignment_policy data source.
func NewAssignmentPolicyDataSource() datasource.DataSource {
	return &lookupDataSource[chatwoot.AssignmentPolicy, assignmentPolicyDataSourceModel]{
		dataSourceProviderData: dataSourceProviderData{typeName: "assignment_policy"},
		description: "Looks up one Assignment V2 assignment policy of an account by id or by name, for example to attach " +
			"a policy managed elsewhere with `chatwoot_inbox_assignment_policy`. Only administrators may read policies.\n\n" +
			"Within one Terraform run the account's policy list is fetched once and shared with `chatwoot_assignment_policies` " +
			"and the existence checks of `chatwoot_inbox_assignment_policy`.",
		attributes:    assignmentPolicyAttributes(),
		idDescription: "The policy's id, the value `chatwoot_inbox_assignment_policy.assignment_policy_id` takes. Set exactly one of `id` and `name`.",
		keyAttr:       "name",
		keyDescription: "The policy's name. Chatwoot keeps names unique with case; an exact match wins, otherwise a match " +
			"that ignores case is taken when it is the only one. Set exactly one of `id` and `name`.",
		find: func(ctx context.Context, diags *diag.Diagnostics, client *chatwoot.Client, accountID int64, id types.Int64, name types.String) *chatwoot.AssignmentPolicy {
			return assignmentPoliciesByName.read(ctx, diags, client, accountID, id, name,
				fmt.Sprintf("Account %d has no assignment policy with id %d. Check the id, or look the policy up by name instead.", accountID, id.ValueInt64()),
				fmt.Sprintf("Account %d has no assignment policy named %q. Check the name; the chatwoot_assignment_policies data source "+
					"lists the account's policies.", accountID, name.ValueString()))
		},
		state: func(_ context.Context, _ *diag.Diagnostics, accountID int64, policy *chatwoot.AssignmentPolicy) assignmentPolicyDataSourceModel {
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
		"description":              schema.StringAttribute{MarkdownDescription: "The policy's description; null when it has none.", Computed: true},
		"assignment_order":         schema.StringAttribute{MarkdownDescription: "`round_robin` or `balanced`.", Computed: true},
		"conversation_priority":    schema.StringAttribute{MarkdownDescription: "`earliest_created` or `longest_waiting`.", Computed: true},
		"fair_distribution_limit":  schema.Int64Attribute{MarkdownDescription: "Assignments per agent and inbox within the window.", Computed: true},
		"fair_distribution_window": schema.Int64Attribute{MarkdownDescription: "The fair-distribution window, in seconds.", Computed: true},
		"exclude_older_than_hours": schema.Int64Attribute{
			MarkdownDescription: "The age limit in hours; null for none (and on Chatwoot before 4.16.0, which has no age limit).",
			Computed:            true,
		},
		"enabled": schema.BoolAttribute{
			MarkdownDescription: "Chatwoot's `enabled` flag, which its assignment code does not read.", Computed: true,
		},
		"assigned_inbox_count": schema.Int64Attribute{MarkdownDescription: "How many inboxes the policy is attached to.", Computed: true},
	}
}

// assignmentPoliciesByName looks policies up by id or name in the cached list.
var assignmentPoliciesByName = namedLookup[chatwoot.AssignmentPolicy]{
	list: chatwoot.AssignmentPolicies, attr: "name",
	id:  func(p *chatwoot.AssignmentPolicy) int64 { return p.ID },
	key: func(p *chatwoot.AssignmentPolicy) string { return p.Name },
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
