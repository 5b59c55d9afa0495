package provider

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// List resources (Terraform 1.14 `terraform query`): every object of a kind in an account, with
// its identity and, when asked, its state as the resource's Read would store it, so that
// `terraform query -generate-config-out` writes configuration that imports without changes.

var _ provider.ProviderWithListResources = (*chatwootProvider)(nil)

// ListResources are the provider's list resources.
func (p *chatwootProvider) ListResources(_ context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewTeamListResource,
	}
}

// NewTeamListResource lists the teams of an account as chatwoot_team.
func NewTeamListResource() list.ListResource {
	return &teamListResource{accountList{kind: objectKind{typeName: "team", idAttr: "team_id"}}}
}

type teamListResource struct{ accountList }

func (r *teamListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	accountID, client, diags := r.start(ctx, req)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	teams, err := client.ListTeams(ctx, accountID)
	if err != nil {
		diags.Append(clientErrorDiagnostic(operation{action: "listing the teams", accountID: accountID}, err))
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	sort.Slice(teams, func(i, j int) bool { return teams[i].ID < teams[j].ID })
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range teams {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			t := &teams[i]
			state := teamState(accountID, t)
			state.Timeouts = nullTimeouts()
			if !push(r.result(ctx, req, objectID{accountID, t.ID}, t.Name, state)) {
				return
			}
		}
	}
}

// accountList is what every list resource shares: the kind, the provider's data, a config with
// an optional account_id, and the result for one object.
type accountList struct {
	kind objectKind
	data *providerData
}

func (r *accountList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.kind.typeName
}

func (r *accountList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, "List resource", &resp.Diagnostics)
}

func (r *accountList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: fmt.Sprintf("Every %s of a Chatwoot account, for `terraform query` (Terraform 1.14 and later).", r.kind.typeName),
		Attributes: map[string]listschema.Attribute{
			"account_id": listschema.Int64Attribute{
				MarkdownDescription: "The account to list. Defaults to the provider's `account_id`.",
				Optional:            true,
			},
		},
	}
}

type accountListConfig struct {
	AccountID types.Int64 `tfsdk:"account_id"`
}

// start resolves the account and the client.
func (r *accountList) start(ctx context.Context, req list.ListRequest) (int64, *chatwoot.Client, diag.Diagnostics) {
	var cfg accountListConfig
	diags := req.Config.Get(ctx, &cfg)
	if diags.HasError() {
		return 0, nil, diags
	}
	if r.data == nil || r.data.client == nil {
		diags.AddError("Chatwoot Provider Not Configured", "The list resource has no configured provider. Check the provider block.")
		return 0, nil, diags
	}
	accountID := cfg.AccountID.ValueInt64()
	if accountID == 0 {
		accountID = r.data.defaultAccountID
	}
	if accountID < 1 {
		diags.AddAttributeError(path.Root("account_id"), "Missing Chatwoot Account",
			"Set account_id in the list block's config, or account_id in the provider block (or CHATWOOT_ACCOUNT_ID).")
	}
	return accountID, r.data.client, diags
}

// result is one listed object: its identity, its display name and, when asked, its state.
func (r *accountList) result(ctx context.Context, req list.ListRequest, id objectID, name string, state any) list.ListResult {
	res := req.NewListResult(ctx)
	res.DisplayName = name
	res.Diagnostics.Append(res.Identity.SetAttribute(ctx, path.Root("account_id"), id.accountID)...)
	res.Diagnostics.Append(res.Identity.SetAttribute(ctx, path.Root(r.kind.idAttr), id.id)...)
	if req.IncludeResource {
		res.Diagnostics.Append(res.Resource.Set(ctx, state)...)
	}
	return res
}

// nullTimeouts is an absent timeouts block, as after an import.
func nullTimeouts() timeouts.Value {
	return timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "update": types.StringType, "delete": types.StringType,
	})}
}
