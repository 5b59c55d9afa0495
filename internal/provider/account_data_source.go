package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// NewAccountDataSource is the chatwoot_account data source.
func NewAccountDataSource() datasource.DataSource {
	return &accountDataSource{dataSourceProviderData{typeName: "account"}}
}

type accountDataSource struct{ dataSourceProviderData }

type accountDataSourceModel struct {
	ID                    types.Int64  `tfsdk:"id"`
	AccountID             types.Int64  `tfsdk:"account_id"`
	Name                  types.String `tfsdk:"name"`
	Locale                types.String `tfsdk:"locale"`
	Domain                types.String `tfsdk:"domain"`
	SupportEmail          types.String `tfsdk:"support_email"`
	Status                types.String `tfsdk:"status"`
	Features              types.Set    `tfsdk:"features"`
	ChatwootVersion       types.String `tfsdk:"chatwoot_version"`
	Edition               types.String `tfsdk:"edition"`
	LatestChatwootVersion types.String `tfsdk:"latest_chatwoot_version"`
}

func (d *accountDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Chatwoot account and the server it runs on: the account's name and locale, its enabled " +
			"feature flags, the Chatwoot version and the edition. Any member of the account (agent or administrator) may " +
			"read it.\n\n" +
			"Feature flags decide whether some settings do anything at all (`sla`, `assignment_v2`, `advanced_assignment`, " +
			"`custom_roles`, `delayed_automations`, …), so a configuration can create an object only where it takes " +
			"effect: `count = contains(data.chatwoot_account.this.features, \"sla\") ? 1 : 0`.\n\n" +
			"The account and the version are read once per Terraform command and shared with the provider's own " +
			"plan-time checks.",
		Attributes: map[string]schema.Attribute{
			"id":            computedDataInt64("The account's id (the same number as `account_id`)."),
			"account_id":    dataSourceAccountIDAttribute(),
			"name":          computedDataString("The account's name."),
			"locale":        computedDataString("The account's language, such as `en`."),
			"domain":        computedDataString("The account's e-mail domain; empty when none is set."),
			"support_email": computedDataString("The account's support e-mail address; empty when none is set."),
			"status":        computedDataString("`active` or `suspended`."),
			"features": schema.SetAttribute{
				MarkdownDescription: "The feature flags switched on for the account, such as `assignment_v2` or `sla`. A flag " +
					"that is not in the set is off (Chatwoot lists only the enabled ones). Which flags exist depends on the " +
					"Chatwoot version: `api_and_webhooks` from 4.16.0, `delayed_automations` from 4.17.0.",
				ElementType: types.StringType,
				Computed:    true,
			},
			"chatwoot_version": computedDataString("The Chatwoot version the server reports (`GET /api`), such as `4.16.2`; empty when the " +
				"server does not say (the provider then warns once and assumes the newest behaviour it knows). A " +
				"development build reports the last release before it."),
			"edition": computedDataString("The Chatwoot build: `enterprise` (Chatwoot's standard image, which carries the Enterprise " +
				"code; premium features are still off unless the account's flags turn them on) or `community` (the image " +
				"built without it). Chatwoot shows this only through the account, which the Enterprise build renders with " +
				"`subscribed_features`."),
			"latest_chatwoot_version": computedDataString("The newest Chatwoot release the server knows of; empty when it has not checked."),
		},
	}
}

func (d *accountDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg accountDataSourceModel
	client, accountID, ok := d.readConfig(ctx, req, &resp.Diagnostics, &cfg, &cfg.AccountID)
	if !ok {
		return
	}
	account, err := client.Account(ctx, accountID)
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{
			action: fmt.Sprintf("reading account %d", accountID), accountID: accountID, notFound: "membership for the token's user",
		}, err))
		return
	}
	version, _ := serverVersion(ctx, d.data, &resp.Diagnostics)
	features, diags := types.SetValueFrom(ctx, types.StringType, account.Features.Names())
	resp.Diagnostics.Append(diags...)
	state := accountDataSourceModel{
		ID:                    types.Int64Value(accountID),
		AccountID:             types.Int64Value(accountID),
		Name:                  types.StringValue(account.Name),
		Locale:                types.StringValue(account.Locale),
		Domain:                types.StringValue(account.Domain),
		SupportEmail:          types.StringValue(account.SupportEmail),
		Status:                types.StringValue(account.Status),
		Features:              features,
		ChatwootVersion:       types.StringValue(""),
		Edition:               types.StringValue(account.Edition),
		LatestChatwootVersion: types.StringValue(account.LatestChatwootVersion),
	}
	if version.Known() {
		state.ChatwootVersion = types.StringValue(version.String())
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}
