package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAssignmentPoliciesDataSource is the chatwoot_assignment_policies data source.
func NewAssignmentPoliciesDataSource() datasource.DataSource {
	return &assignmentPoliciesDataSource{dataSourceProviderData{typeName: "assignment_policies"}}
}

type assignmentPoliciesDataSource struct{ dataSourceProviderData }

type assignmentPoliciesDataSourceModel struct {
	AccountID types.Int64                 `tfsdk:"account_id"`
	Policies  []assignmentPolicyItemModel `tfsdk:"policies"`
}

func (d *assignmentPoliciesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	item := assignmentPolicyAttributes()
	item["id"] = schema.Int64Attribute{MarkdownDescription: "The policy's id.", Computed: true}
	item["name"] = schema.StringAttribute{MarkdownDescription: "The policy's name.", Computed: true}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Assignment V2 assignment policies of an account, in Chatwoot's order (which Chatwoot " +
			"does not guarantee). Only administrators may read policies. It shares its single list call per Terraform run " +
			"with `chatwoot_assignment_policy`.",
		Attributes: map[string]schema.Attribute{
			"account_id": dataSourceAccountIDAttribute(),
			"policies": schema.ListNestedAttribute{
				MarkdownDescription: "The policies.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: item},
			},
		},
	}
}

func (d *assignmentPoliciesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg assignmentPoliciesDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	policies, ok := listItems(ctx, &resp.Diagnostics, client, chatwoot.AssignmentPolicies, accountID, assignmentPolicyItem)
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, assignmentPoliciesDataSourceModel{AccountID: types.Int64Value(accountID), Policies: policies})...)
}
