package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewProfileDataSource is the chatwoot_profile data source.
func NewProfileDataSource() datasource.DataSource {
	return &profileDataSource{dataSourceProviderData{typeName: "profile"}}
}

type profileDataSource struct{ dataSourceProviderData }

type profileDataSourceModel struct {
	AccountID     types.Int64           `tfsdk:"account_id"`
	Role          types.String          `tfsdk:"role"`
	ID            types.Int64           `tfsdk:"id"`
	Name          types.String          `tfsdk:"name"`
	Email         types.String          `tfsdk:"email"`
	AvailableName types.String          `tfsdk:"available_name"`
	Accounts      []profileAccountModel `tfsdk:"accounts"`
}

type profileAccountModel struct {
	ID                 types.Int64  `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Role               types.String `tfsdk:"role"`
	Status             types.String `tfsdk:"status"`
	Availability       types.String `tfsdk:"availability"`
	AvailabilityStatus types.String `tfsdk:"availability_status"`
	AutoOffline        types.Bool   `tfsdk:"auto_offline"`
}

func (d *profileDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	// account_id is the one every data source takes, but it says only which account role reports.
	accountID := dataSourceAccountIDAttribute()
	accountID.MarkdownDescription = "The account whose role `role` reports. Defaults to the provider's `account_id`; when " +
		"neither is set, `role` is null. It is an error if the user is not a member of this account."
	resp.Schema = schema.Schema{
		MarkdownDescription: "Who the provider's access token belongs to, and the user's role in each of their accounts. " +
			"Use it to stop a run early when the token is not an administrator's (see the example), rather than " +
			"failing halfway through an apply.\n\n" +
			"Only a user's token has a profile: an agent bot's or a platform app's token is refused by Chatwoot.",
		Attributes: map[string]schema.Attribute{
			"account_id":     accountID,
			"role":           computedDataString("The user's role in `account_id`: `agent` or `administrator`. Null when no account is set."),
			"id":             computedDataInt64("The user's id, the value `chatwoot_conversation_assignment.assignee_id` takes."),
			"name":           computedDataString("The user's full name."),
			"email":          computedDataString("The user's email address, downcased by Chatwoot."),
			"available_name": computedDataString("The name shown to customers: the display name if the user set one, otherwise `name`."),
			"accounts": schema.ListNestedAttribute{
				MarkdownDescription: "Every account the user is a member of.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                  computedDataInt64("The account's id."),
					"name":                computedDataString("The account's name."),
					"role":                computedDataString("The user's role in the account: `agent` or `administrator`."),
					"status":              computedDataString("The account's status: `active` or `suspended`."),
					"availability":        computedDataString("The availability the user chose in the account: `online`, `busy` or `offline`."),
					"availability_status": computedDataString("The effective availability: `offline` when `auto_offline` is true and the user has no open Chatwoot session."),
					"auto_offline":        computedDataBool("Whether Chatwoot marks the user offline when they close the app."),
				}},
			},
		},
	}
}

func (d *profileDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg profileDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, ok := d.client(&resp.Diagnostics)
	if !ok {
		return
	}
	// The profile is not account-scoped: without any account_id it is still readable.
	accountID, unknown, hasAccount := resolveAccountID(cfg.AccountID, d.data)
	if unknown {
		hasAccount = false
	}

	profile, err := client.GetProfile(ctx)
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{action: "reading the token's profile"}, err))
		return
	}
	state := profileDataSourceModel{
		AccountID:     types.Int64Null(),
		Role:          types.StringNull(),
		ID:            types.Int64Value(profile.ID),
		Name:          types.StringValue(profile.Name),
		Email:         types.StringValue(profile.Email),
		AvailableName: types.StringValue(profile.AvailableName),
		Accounts:      make([]profileAccountModel, 0, len(profile.Accounts)),
	}
	for _, a := range profile.Accounts {
		state.Accounts = append(state.Accounts, profileAccount(a))
	}
	if hasAccount {
		membership := findMembership(profile, accountID)
		if membership == nil {
			resp.Diagnostics.AddAttributeError(path.Root("account_id"), "Not a Member of the Chatwoot Account",
				fmt.Sprintf("The token belongs to %s (user %d), who is not a member of account %d. Check account_id (here or in "+
					"the provider block), or add the user to that account.", profile.Email, profile.ID, accountID))
			return
		}
		state.AccountID = types.Int64Value(accountID)
		state.Role = types.StringValue(membership.Role)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func findMembership(p *chatwoot.Profile, accountID int64) *chatwoot.ProfileAccount {
	for i := range p.Accounts {
		if p.Accounts[i].ID == accountID {
			return &p.Accounts[i]
		}
	}
	return nil
}

func profileAccount(a chatwoot.ProfileAccount) profileAccountModel {
	return profileAccountModel{
		ID:                 types.Int64Value(a.ID),
		Name:               types.StringValue(a.Name),
		Role:               types.StringValue(a.Role),
		Status:             types.StringValue(a.Status),
		Availability:       types.StringValue(a.Availability),
		AvailabilityStatus: types.StringValue(a.AvailabilityStatus),
		AutoOffline:        types.BoolValue(a.AutoOffline),
	}
}
