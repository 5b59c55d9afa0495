// Package provider implements the chatwoot Terraform provider on terraform-plugin-framework.
package provider

import (
	"context"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
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
	EnvPlatformToken  = "CHATWOOT_PLATFORM_TOKEN" //nolint:gosec // the name of an environment variable, not a credential
)

var (
	_ provider.Provider                       = (*chatwootProvider)(nil)
	_ provider.ProviderWithValidateConfig     = (*chatwootProvider)(nil)
	_ provider.ProviderWithFunctions          = (*chatwootProvider)(nil)
	_ provider.ProviderWithActions            = (*chatwootProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*chatwootProvider)(nil)
)

// New returns a constructor for the provider, stamped with the binary's version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &chatwootProvider{version: version}
	}
}

type chatwootProvider struct {
	version string
	// retrySleep replaces the wait between retries; acceptance tests set it so that backoff takes
	// milliseconds. nil in every real use.
	retrySleep func(ctx context.Context, d time.Duration) error
}

type providerModel struct {
	BaseURL              types.String `tfsdk:"base_url"`
	APIAccessToken       types.String `tfsdk:"api_access_token"`
	AccountID            types.Int64  `tfsdk:"account_id"`
	MaxRetries           types.Int64  `tfsdk:"max_retries"`
	RequestTimeout       types.String `tfsdk:"request_timeout"`
	MaxRequestsPerSecond types.Int64  `tfsdk:"max_requests_per_second"`
	CACertificatePEM     types.String `tfsdk:"ca_certificate_pem"`
	CACertificateFile    types.String `tfsdk:"ca_certificate_file"`
	InsecureSkipVerify   types.Bool   `tfsdk:"insecure_skip_verify"`
	PlatformToken        types.String `tfsdk:"platform_token"`
}

// Defaults of the transport settings.
const (
	defaultMaxRetries     = 5
	defaultRequestTimeout = 30 * time.Second
)

// providerData is what Configure hands to every resource and data source.
type providerData struct {
	client *chatwoot.Client
	// defaultAccountID is the provider-level account_id (0 when not set).
	defaultAccountID int64
	// defaultAccountUnknown is true during a plan where account_id comes from another resource.
	defaultAccountUnknown bool
	// hasAPIToken and hasPlatformToken say which tokens the client holds, so that a resource can
	// name the missing one at plan time.
	hasAPIToken, hasPlatformToken bool
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
					"It is sent in Chatwoot's `api_access_token` header (spelled `Api-Access-Token`, which nginx does not drop), only to `base_url`, and never logged. " +
					"May also be set with the `" + EnvAPIAccessToken + "` environment variable. Needed by the resources and data " +
					"sources of an account; a configuration with only `chatwoot_platform_*` resources may set `platform_token` instead.",
				Optional:   true,
				Sensitive:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"platform_token": schema.StringAttribute{
				MarkdownDescription: "The access token of a Chatwoot Platform App (created by a super admin in the Super Admin " +
					"console, Platform Apps), for the `chatwoot_platform_*` resources, which manage accounts, users and memberships. " +
					"Like `api_access_token` it is sent only to `base_url`, in the same header, only on the Platform API, and never logged. " +
					"May also be set with the `" + EnvPlatformToken + "` environment variable. Either token alone is a valid " +
					"configuration; a resource whose token is missing says so.",
				Optional:   true,
				Sensitive:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"account_id": schema.Int64Attribute{
				MarkdownDescription: "The default account for resources and data sources that do not set their own `account_id`. " +
					"May also be set with the `" + EnvAccountID + "` environment variable.",
				Optional: true,
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times a failed request is retried, with capped exponential backoff and jitter. "+
					"Retried: 429 (honouring a `Retry-After` header that a proxy adds), and, for requests that are safe to repeat "+
					"(reads and assignments), 502, 503, 504, dropped connections and timeouts. Requests that create objects are not "+
					"repeated after an unknown outcome, and a 500 is never retried. Defaults to `%d`; `0` turns retries off.", defaultMaxRetries),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 100)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "How long one request attempt may take, as a Go duration such as `30s` or `2m`. A resource's " +
					"`timeouts` block bounds a whole operation, retries included. Defaults to `" + defaultRequestTimeout.String() + "`.",
				Optional:   true,
				Validators: []validator.String{positiveDurationValidator},
			},
			"max_requests_per_second": schema.Int64Attribute{
				MarkdownDescription: "The most requests per second the provider sends to Chatwoot, shared by all resources and data " +
					"sources and counting retries. Chatwoot's rack-attack allows 3,000 requests per minute per IP by default " +
					"(`RACK_ATTACK_LIMIT`). Unlimited when not set.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"ca_certificate_pem": schema.StringAttribute{
				MarkdownDescription: "PEM-encoded certificates of private certificate authorities to trust, in addition to the " +
					"system's, when Chatwoot's TLS certificate is issued by a private CA. Conflicts with `ca_certificate_file`.",
				Optional: true,
				Validators: []validator.String{
					stringvalidator.ConflictsWith(path.MatchRoot("ca_certificate_file")),
					stringvalidator.LengthAtLeast(1),
				},
			},
			"ca_certificate_file": schema.StringAttribute{
				MarkdownDescription: "The path of a file with PEM-encoded certificates of private certificate authorities to trust, " +
					"like `ca_certificate_pem`.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"insecure_skip_verify": schema.BoolAttribute{
				MarkdownDescription: "Turns off verification of Chatwoot's TLS certificate. Anyone on the network path could then " +
					"read the access token; every plan warns while it is `true`. Prefer `ca_certificate_pem`. Defaults to `false`.",
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
	if !cfg.CACertificatePEM.IsNull() && !cfg.CACertificatePEM.IsUnknown() && cfg.CACertificatePEM.ValueString() != "" {
		if _, err := chatwoot.CertPoolWith([]byte(cfg.CACertificatePEM.ValueString())); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("ca_certificate_pem"), "Invalid CA Certificate",
				"ca_certificate_pem must hold one or more PEM-encoded certificates of the CA that issued Chatwoot's TLS certificate.\n\nOriginal error: "+err.Error())
		}
	}

	// Warnings are raised here, not in Configure, so that every plan shows them.
	if cfg.InsecureSkipVerify.ValueBool() {
		resp.Diagnostics.AddAttributeWarning(path.Root("insecure_skip_verify"), "TLS Certificate Verification Disabled",
			"insecure_skip_verify is true, so the provider does not check who it sends the Chatwoot access token to: anyone able "+
				"to intercept the connection can read the token. Trust a private CA with ca_certificate_pem or ca_certificate_file instead.")
	}
	baseURL := os.Getenv(EnvBaseURL)
	if !cfg.BaseURL.IsNull() {
		baseURL = cfg.BaseURL.ValueString()
	}
	if !cfg.BaseURL.IsUnknown() && baseURL != "" {
		if u, err := chatwoot.ParseBaseURL(baseURL); err == nil && u.Scheme == "http" && !isLoopbackHost(u.Hostname()) {
			resp.Diagnostics.AddAttributeWarning(path.Root("base_url"), "Chatwoot Access Token Sent Unencrypted",
				fmt.Sprintf("base_url %q uses plain http:// to a host that is not this machine, so the access token travels in "+
					"clear text and anyone on the network path can read it. Serve Chatwoot over https:// and use an https:// base_url.", baseURL))
		}
	}
}

// isLoopbackHost reports whether host names this machine: localhost (RFC 6761) or a loopback IP.
func isLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// positiveDurationValidator accepts a Go duration string greater than zero, such as "30s".
var positiveDurationValidator = stringCheck{
	description: "value must be a duration greater than zero, such as \"30s\" or \"2m\"",
	check: func(raw string, req validator.StringRequest, resp *validator.StringResponse) {
		d, err := time.ParseDuration(raw)
		if err == nil && d <= 0 {
			err = fmt.Errorf("%s is not greater than zero", d)
		}
		if err != nil {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid Duration",
				fmt.Sprintf("%s must be a duration greater than zero: a number with a unit (ms, s, m, h), such as \"30s\", \"1m30s\" or \"2m\"; got %q.\n\nOriginal error: %s",
					req.Path, raw, err))
		}
	},
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

	if cfg.BaseURL.IsUnknown() || cfg.APIAccessToken.IsUnknown() || cfg.PlatformToken.IsUnknown() {
		// Planning with credentials that are not known yet: resources plan without a client and
		// Terraform configures the provider again, with known values, before applying.
		resp.ResourceData, resp.DataSourceData, resp.ActionData, resp.EphemeralResourceData = data, data, data, data
		resp.ListResourceData = data
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
	platformToken := cfg.PlatformToken.ValueString()
	if cfg.PlatformToken.IsNull() {
		platformToken = os.Getenv(EnvPlatformToken)
	}
	if token == "" && platformToken == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_access_token"), "Missing Chatwoot API Access Token",
			"The provider needs a Chatwoot token. For the resources and data sources of an account, set api_access_token in the "+
				"provider block, or set the "+EnvAPIAccessToken+" environment variable, to a user's access token (Chatwoot: "+
				"Profile Settings → Access Token). For the chatwoot_platform_* resources, set platform_token (or "+
				EnvPlatformToken+") to a Platform App's token. Either alone is enough.")
		return
	}
	data.hasAPIToken, data.hasPlatformToken = token != "", platformToken != ""
	ctx = maskTokens(ctx, token, platformToken)

	transport, ok := transportSettings(cfg, &resp.Diagnostics)
	if !ok {
		return
	}
	client, err := chatwoot.New(chatwoot.Config{
		BaseURL:              baseURL,
		Token:                token,
		PlatformToken:        platformToken,
		UserAgent:            "terraform-provider-chatwoot/" + p.version,
		Logger:               tflogHTTPLogger{tokens: []string{token, platformToken}},
		MaxRetries:           transport.MaxRetries,
		RequestTimeout:       transport.RequestTimeout,
		MaxRequestsPerSecond: transport.MaxRequestsPerSecond,
		CACertificatePEM:     transport.CACertificatePEM,
		InsecureSkipVerify:   transport.InsecureSkipVerify,
		Sleep:                p.retrySleep,
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to Create Chatwoot API Client",
			"The provider could not set up its Chatwoot client; check base_url, api_access_token and platform_token.\n\nOriginal error: "+err.Error())
		return
	}
	tflog.Debug(ctx, "Configured Chatwoot client", map[string]any{
		"base_url": baseURL, "default_account_id": data.defaultAccountID, "max_retries": transport.MaxRetries,
		"request_timeout": transport.RequestTimeout.String(), "max_requests_per_second": transport.MaxRequestsPerSecond,
		"private_ca": len(transport.CACertificatePEM) > 0, "insecure_skip_verify": transport.InsecureSkipVerify,
	})
	data.client = client
	resp.ResourceData, resp.DataSourceData, resp.ActionData, resp.EphemeralResourceData = data, data, data, data
	resp.ListResourceData = data
}

// transportSettings reads the retry, timeout, rate and TLS settings with their defaults. The
// values were validated at plan; here they are known, and the CA file is read.
func transportSettings(cfg providerModel, diags *diag.Diagnostics) (chatwoot.Config, bool) {
	out := chatwoot.Config{MaxRetries: defaultMaxRetries, RequestTimeout: defaultRequestTimeout}
	if !cfg.MaxRetries.IsNull() {
		out.MaxRetries = int(cfg.MaxRetries.ValueInt64())
	}
	if !cfg.RequestTimeout.IsNull() {
		d, err := time.ParseDuration(cfg.RequestTimeout.ValueString())
		if err != nil || d <= 0 {
			diags.AddAttributeError(path.Root("request_timeout"), "Invalid Duration",
				fmt.Sprintf("request_timeout must be a duration greater than zero, such as \"30s\"; got %q.", cfg.RequestTimeout.ValueString()))
			return out, false
		}
		out.RequestTimeout = d
	}
	if !cfg.MaxRequestsPerSecond.IsNull() {
		out.MaxRequestsPerSecond = float64(cfg.MaxRequestsPerSecond.ValueInt64())
	}
	out.InsecureSkipVerify = cfg.InsecureSkipVerify.ValueBool()
	switch {
	case !cfg.CACertificatePEM.IsNull():
		out.CACertificatePEM = []byte(cfg.CACertificatePEM.ValueString())
	case !cfg.CACertificateFile.IsNull():
		name := cfg.CACertificateFile.ValueString()
		pemData, err := os.ReadFile(name)
		if err != nil {
			diags.AddAttributeError(path.Root("ca_certificate_file"), "Unable to Read CA Certificate File",
				fmt.Sprintf("The provider could not read ca_certificate_file %q. Check the path and its permissions.\n\nOriginal error: %s", name, err))
			return out, false
		}
		out.CACertificatePEM = pemData
	}
	if len(out.CACertificatePEM) > 0 {
		if _, err := chatwoot.CertPoolWith(out.CACertificatePEM); err != nil {
			attr := "ca_certificate_pem"
			if cfg.CACertificatePEM.IsNull() {
				attr = "ca_certificate_file"
			}
			diags.AddAttributeError(path.Root(attr), "Invalid CA Certificate",
				attr+" must hold one or more PEM-encoded certificates of the CA that issued Chatwoot's TLS certificate.\n\nOriginal error: "+err.Error())
			return out, false
		}
	}
	return out, true
}

func (p *chatwootProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewConversationAssignmentResource,
		NewTeamResource,
		NewTeamMembersResource,
		NewInboxMembersResource,
		NewAgentResource,
		NewInboxAutoAssignmentResource,
		NewAutomationRuleResource,
		// Inboxes and agent bots (issue 17).
		NewAgentBotResource,
		NewInboxResource,
		NewInboxAgentBotResource,
		// issue 18 (r18b): macros, SLA policies, single members.
		NewMacroResource,
		NewSLAPolicyResource,
		NewTeamMemberResource,
		NewInboxMemberResource,
		// Assignment V2 (issue 21).
		NewAssignmentPolicyResource,
		NewInboxAssignmentPolicyResource,
		NewAgentCapacityPolicyResource,
		NewAgentCapacityPolicyMembersResource,
		// The account's vocabulary (issue 18, labels to custom attributes).
		NewLabelResource,
		NewCannedResponseResource,
		NewWebhookResource,
		NewCustomAttributeDefinitionResource,
		NewPlatformAccountResource,
		NewPlatformUserResource,
		NewPlatformAccountUserResource,
	}
}

func (p *chatwootProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		NewPlatformUserTokenEphemeral,
		NewAgentBotTokenEphemeralResource,
	}
}

func (p *chatwootProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewAccountDataSource,
		NewAgentBotDataSource,
		NewAgentDataSource,
		NewAgentsDataSource,
		NewConversationDataSource,
		NewInboxDataSource,
		NewInboxesDataSource,
		NewProfileDataSource,
		NewTeamDataSource,
		NewTeamsDataSource,
		// Assignment V2 (issue 21).
		NewAssignmentPolicyDataSource,
		NewAssignmentPoliciesDataSource,
		NewAgentCapacityPolicyDataSource,
		// The account's vocabulary (issue 18).
		NewLabelsDataSource,
		NewCannedResponsesDataSource,
		NewWebhooksDataSource,
		NewCustomAttributeDefinitionsDataSource,
		// Inboxes and agent bots (issue 17).
		NewAgentBotsDataSource,
	}
}

// Actions are supported by Terraform 1.14 and later; older CLIs and OpenTofu do not see them.
func (p *chatwootProvider) Actions(_ context.Context) []func() action.Action {
	return []func() action.Action{
		NewConversationAssignAction,
		NewAgentBotResetTokenAction,
		NewInboxResetSecretAction,
	}
}

func (p *chatwootProvider) Functions(_ context.Context) []func() function.Function {
	return []func() function.Function{
		NewConversationURLFunction,
	}
}
