package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentsDataSource is the chatwoot_agents data source.
func NewAgentsDataSource() datasource.DataSource {
	return &agentsDataSource{dataSourceProviderData{typeName: "agents"}}
}

type agentsDataSource struct{ dataSourceProviderData }

type agentsDataSourceModel struct {
	AccountID types.Int64      `tfsdk:"account_id"`
	Role      types.String     `tfsdk:"role"`
	Agents    []agentItemModel `tfsdk:"agents"`
}

type agentItemModel struct {
	ID                 types.Int64  `tfsdk:"id"`
	Email              types.String `tfsdk:"email"`
	Name               types.String `tfsdk:"name"`
	AvailableName      types.String `tfsdk:"available_name"`
	Role               types.String `tfsdk:"role"`
	AvailabilityStatus types.String `tfsdk:"availability_status"`
	AutoOffline        types.Bool   `tfsdk:"auto_offline"`
	Confirmed          types.Bool   `tfsdk:"confirmed"`
}

func (d *agentsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	item := agentAttributes()
	item["id"] = schema.Int64Attribute{MarkdownDescription: "The agent's user id.", Computed: true}
	item["email"] = schema.StringAttribute{MarkdownDescription: "The agent's email address, downcased by Chatwoot.", Computed: true}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the agents of an account (every member, administrators included), in Chatwoot's order " +
			"(by name, ignoring case). Any member of the account may read it.\n\n" +
			"It shares its single list call per Terraform run with `chatwoot_agent` and the existence checks of " +
			"`chatwoot_conversation_assignment`.",
		Attributes: map[string]schema.Attribute{
			"account_id": dataSourceAccountIDAttribute(),
			"role": schema.StringAttribute{
				MarkdownDescription: "Keep only the members with this role: `agent` or `administrator`. Unset, all members are listed.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("agent", "administrator")},
			},
			"agents": schema.ListNestedAttribute{
				MarkdownDescription: "The agents.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: item},
			},
		},
	}
}

func (d *agentsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg agentsDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	agents, ok := listItems(ctx, &resp.Diagnostics, client, chatwoot.Agents, accountID, agentItem)
	if !ok {
		return
	}
	if !cfg.Role.IsNull() {
		role := cfg.Role.ValueString()
		agents = slices.DeleteFunc(agents, func(a agentItemModel) bool { return a.Role.ValueString() != role })
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, agentsDataSourceModel{AccountID: types.Int64Value(accountID), Role: cfg.Role, Agents: agents})...)
}

func agentItem(a *chatwoot.Agent) agentItemModel {
	return agentItemModel{
		ID:                 types.Int64Value(a.ID),
		Email:              types.StringValue(a.Email),
		Name:               types.StringValue(a.Name),
		AvailableName:      types.StringValue(a.AvailableName),
		Role:               types.StringValue(a.Role),
		AvailabilityStatus: types.StringValue(a.AvailabilityStatus),
		AutoOffline:        types.BoolValue(a.AutoOffline),
		Confirmed:          types.BoolValue(a.Confirmed),
	}
}
