package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ provider.Provider = (*noopProvider)(nil)

type noopProvider struct{}

func newProvider() provider.Provider { return &noopProvider{} }

// defaults is what Configure hands to the resource: the provider-level account_id, which the
// real provider's ModifyPlan also resolves without a request.
type defaults struct {
	accountID int64
}

func (p *noopProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "noop"
}

func (p *noopProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Benchmark floor: the chatwoot provider's schema with CRUD that only copies plan to state.",
		Attributes: map[string]schema.Attribute{
			"base_url":         schema.StringAttribute{MarkdownDescription: "Accepted and ignored.", Optional: true},
			"api_access_token": schema.StringAttribute{MarkdownDescription: "Accepted and ignored.", Optional: true, Sensitive: true},
			"platform_token":   schema.StringAttribute{MarkdownDescription: "Accepted and ignored.", Optional: true, Sensitive: true},
			"account_id":       schema.Int64Attribute{MarkdownDescription: "Default account for resources.", Optional: true},
			// The rest of the real provider's attributes, so that its schema is the same size.
			"max_retries":             schema.Int64Attribute{MarkdownDescription: "Accepted and ignored.", Optional: true},
			"request_timeout":         schema.StringAttribute{MarkdownDescription: "Accepted and ignored.", Optional: true},
			"max_requests_per_second": schema.Int64Attribute{MarkdownDescription: "Accepted and ignored.", Optional: true},
			"ca_certificate_pem":      schema.StringAttribute{MarkdownDescription: "Accepted and ignored.", Optional: true},
			"ca_certificate_file":     schema.StringAttribute{MarkdownDescription: "Accepted and ignored.", Optional: true},
			"insecure_skip_verify":    schema.BoolAttribute{MarkdownDescription: "Accepted and ignored.", Optional: true},
		},
	}
}

func (p *noopProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	// Only account_id matters here; the rest of the attributes are accepted and ignored.
	var accountID types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("account_id"), &accountID)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d := &defaults{accountID: accountID.ValueInt64()}
	resp.ResourceData, resp.DataSourceData = d, d
}

func (p *noopProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{newAssignmentResource}
}

func (p *noopProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return nil
}
