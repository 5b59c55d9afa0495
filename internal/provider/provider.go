// Package provider implements the chatwoot Terraform provider on terraform-plugin-framework.
package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// RegistryAddress is the provider's source address.
const RegistryAddress = "registry.terraform.io/chatwoot-community/chatwoot"

// Environment variables the provider reads when an argument is not set.
const (
	EnvBaseURL        = "CHATWOOT_BASE_URL"
	EnvAPIAccessToken = "CHATWOOT_API_ACCESS_TOKEN"
	EnvAccountID      = "CHATWOOT_ACCOUNT_ID"
)

var (
	_ provider.Provider                   = (*chatwootProvider)(nil)
	_ provider.ProviderWithValidateConfig = (*chatwootProvider)(nil)
	_ provider.ProviderWithFunctions      = (*chatwootProvider)(nil)
)

// New returns a constructor for the provider, stamped with the binary's version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &chatwootProvider{version: version}
	}
}

type chatwootProvider struct {
	version string
}

type providerModel struct {
	BaseURL        types.String `tfsdk:"base_url"`
	APIAccessToken types.String `tfsdk:"api_access_token"`
	AccountID      types.Int64  `tfsdk:"account_id"`
}

// providerData is what Configure hands to every resource and data source.
type providerData struct {
	client *chatwoot.Client
	// defaultAccountID is the provider-level account_id (0 when not set).
	defaultAccountID int64
	// defaultAccountUnknown is true during a plan where account_id comes from another resource.
	defaultAccountUnknown bool
}

func (p *chatwootProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "chatwoot"
	resp.Version = p.version
}

func (p *chatwootProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Chatwoot provider manages conversation routing in [Chatwoot](https://www.chatwoot.com) " +
			"through its Application API: who handles which conversation, and the teams, members and rules around it.",
		Attributes: map[string]schema.Attribute{
			"base_url": schema.StringAttribute{
				MarkdownDescription: "The address of the Chatwoot installation, for example `https://chatwoot.example.com` or, " +
					"for an install under a sub-path, `https://example.com/chatwoot`. A trailing slash is accepted. " +
					"May also be set with the `" + EnvBaseURL + "` environment variable. Defaults to `" + chatwoot.DefaultBaseURL + "`.",
				Optional: true,
			},
			"api_access_token": schema.StringAttribute{
				MarkdownDescription: "The access token of a Chatwoot user (Profile Settings → Access Token). " +
					"It is sent in the `api_access_token` header and never logged. " +
					"May also be set with the `" + EnvAPIAccessToken + "` environment variable.",
				Optional:  true,
				Sensitive: true,
			},
			"account_id": schema.Int64Attribute{
				MarkdownDescription: "The default account for resources and data sources that do not set their own `account_id`. " +
					"May also be set with the `" + EnvAccountID + "` environment variable.",
				Optional: true,
			},
		},
	}
}

// ValidateConfig catches a malformed base_url or account_id at plan time. Values that are unknown
// (they come from other resources) are checked in Configure once they are known.
func (p *chatwootProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !cfg.BaseURL.IsNull() && !cfg.BaseURL.IsUnknown() {
		if _, err := chatwoot.ParseBaseURL(cfg.BaseURL.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid Chatwoot Base URL",
				"base_url must be the absolute http:// or https:// address of a Chatwoot installation, such as "+
					"https://chatwoot.example.com, without a query string or fragment.\n\nOriginal error: "+err.Error())
		}
	}
	if !cfg.AccountID.IsNull() && !cfg.AccountID.IsUnknown() && cfg.AccountID.ValueInt64() < 1 {
		resp.Diagnostics.AddAttributeError(path.Root("account_id"), "Invalid Chatwoot Account ID",
			fmt.Sprintf("account_id must be a Chatwoot account id, a whole number of 1 or more; got %d.", cfg.AccountID.ValueInt64()))
	}
}

func (p *chatwootProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	data := &providerData{}

	// An unknown account_id (from another resource) leaves resources' account_id unknown at plan.
	switch {
	case cfg.AccountID.IsUnknown():
		data.defaultAccountUnknown = true
	case !cfg.AccountID.IsNull():
		data.defaultAccountID = cfg.AccountID.ValueInt64()
	default:
		if raw := os.Getenv(EnvAccountID); raw != "" {
			id, err := strconv.ParseInt(raw, 10, 64)
			if err != nil || id < 1 {
				resp.Diagnostics.AddError("Invalid Chatwoot Account ID",
					fmt.Sprintf("The %s environment variable must be a Chatwoot account id, a whole number of 1 or more; got %q.", EnvAccountID, raw))
				return
			}
			data.defaultAccountID = id
		}
	}

	if cfg.BaseURL.IsUnknown() || cfg.APIAccessToken.IsUnknown() {
		// Planning with credentials that are not known yet: resources plan without a client and
		// Terraform configures the provider again, with known values, before applying.
		resp.ResourceData, resp.DataSourceData = data, data
		return
	}

	baseURL := cfg.BaseURL.ValueString()
	if cfg.BaseURL.IsNull() {
		baseURL = os.Getenv(EnvBaseURL)
	}
	if baseURL == "" {
		baseURL = chatwoot.DefaultBaseURL
	}
	if _, err := chatwoot.ParseBaseURL(baseURL); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid Chatwoot Base URL",
			"base_url (or "+EnvBaseURL+") must be the absolute http:// or https:// address of a Chatwoot installation, "+
				"such as https://chatwoot.example.com, without a query string or fragment.\n\nOriginal error: "+err.Error())
		return
	}

	token := cfg.APIAccessToken.ValueString()
	if cfg.APIAccessToken.IsNull() {
		token = os.Getenv(EnvAPIAccessToken)
	}
	if token == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_access_token"), "Missing Chatwoot API Access Token",
			"The provider needs the access token of a Chatwoot user. Set api_access_token in the provider block, or set the "+
				EnvAPIAccessToken+" environment variable. The token is shown in Chatwoot under Profile Settings → Access Token.")
		return
	}
	ctx = tflog.MaskAllFieldValuesStrings(ctx, token)

	client, err := chatwoot.New(chatwoot.Config{
		BaseURL:    baseURL,
		Token:      token,
		UserAgent:  "terraform-provider-chatwoot/" + p.version,
		Logger:     tflogHTTPLogger{token: token},
		MaxRetries: 5,
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to Create Chatwoot API Client",
			"The provider could not set up its Chatwoot client; check base_url and api_access_token.\n\nOriginal error: "+err.Error())
		return
	}
	tflog.Debug(ctx, "Configured Chatwoot client", map[string]any{"base_url": baseURL, "default_account_id": data.defaultAccountID})
	data.client = client
	resp.ResourceData, resp.DataSourceData = data, data
}

func (p *chatwootProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewConversationAssignmentResource,
		NewAutomationRuleResource,
		NewTeamResource,
		NewTeamMembersResource,
		NewInboxMembersResource,
		NewAgentResource,
		NewInboxAutoAssignmentResource,
	}
}

func (p *chatwootProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewAgentBotDataSource,
		NewAgentDataSource,
		NewAgentsDataSource,
		NewConversationDataSource,
		NewInboxDataSource,
		NewInboxesDataSource,
		NewProfileDataSource,
		NewTeamDataSource,
		NewTeamsDataSource,
	}
}

func (p *chatwootProvider) Functions(_ context.Context) []func() function.Function {
	return []func() function.Function{}
}
