package provider

import (
	"cmp"
	"context"
	"fmt"
	"slices"

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

// List resources (Terraform 1.14 `terraform query`, DESIGN.md D.8): every object of a kind in an
// account, with its identity and, when asked, its state as the resource's Read stores it after an
// import, so that `terraform query -generate-config-out` writes configuration that imports and
// then plans nothing. A list resource is one accountListResource: the kind of its resource, the
// list call, and the resource's own state function; this file does the rest.

var _ provider.ProviderWithListResources = (*chatwootProvider)(nil)

// ListResources are the provider's list resources, one per resource kind that is a standalone
// object of an account (README.md, "List resources", says which kinds have none and why).
func (p *chatwootProvider) ListResources(_ context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewTeamListResource,
		NewAgentListResource,
		NewInboxListResource,
		NewAgentBotListResource,
		NewLabelListResource,
		NewCannedResponseListResource,
		NewWebhookListResource,
		NewCustomAttributeDefinitionListResource,
		NewMacroListResource,
		NewSLAPolicyListResource,
		NewAutomationRuleListResource,
		NewAssignmentPolicyListResource,
		NewAgentCapacityPolicyListResource,
	}
}

// accountListResource lists the objects T of an account as the resource whose state model is M.
type accountListResource[T, M any] struct {
	accountList
	// plural names the objects in the schema's description and in errors: "teams".
	plural string
	// leftOut, when set, says which objects are not listed and why (a sentence, for the docs).
	leftOut string
	// list reads the account's objects in one request: a client method ((*chatwoot.Client).ListTeams),
	// or cached(chatwoot.Labels) where the resource's Read uses the cached list.
	list func(client *chatwoot.Client, ctx context.Context, accountID int64) ([]T, error)
	// omit leaves out an object the resource cannot represent (the reason is in leftOut).
	omit func(*T) bool
	// available, when set, is the resource's own check that the account's Chatwoot build and
	// features can hold the kind, run before the list, so that the refusal reads as the resource's.
	available func(ctx context.Context, client *chatwoot.Client, accountID int64, diags *diag.Diagnostics)
	// failed is the resource's own diagnostic for a failed request (clientErrorDiagnostic if nil),
	// so that a kind a Chatwoot version or edition lacks is explained as the resource explains it.
	failed func(operation, error) diag.Diagnostic
	id     func(*T) int64
	name   func(*T) string
	// state is the resource's state function, as its Read calls it after an import (plainState
	// adapts one that needs no context and reports nothing).
	state func(ctx context.Context, accountID int64, obj *T, diags *diag.Diagnostics) M
}

// cached lists through the client's cache of the kind (DESIGN.md D.3), as the resource reads.
func cached[T any](kind chatwoot.CachedList[T]) func(*chatwoot.Client, context.Context, int64) ([]T, error) {
	return func(client *chatwoot.Client, ctx context.Context, accountID int64) ([]T, error) {
		return kind.All(ctx, client, accountID)
	}
}

// plainState adapts a state function of the account and the object alone (teamState).
func plainState[T, M any](state func(accountID int64, obj *T) M) func(context.Context, int64, *T, *diag.Diagnostics) M {
	return func(_ context.Context, accountID int64, obj *T, _ *diag.Diagnostics) M { return state(accountID, obj) }
}

// listing builds a list resource for the resource newResource makes, whose kind it takes.
func listing[T, M any](newResource func() resource.Resource, l accountListResource[T, M]) list.ListResource {
	if k, ok := newResource().(interface{ declaredKind() objectKind }); ok {
		l.kind = k.declaredKind()
	}
	return &l
}

// declaredKind is the kind the resource declares, for its list resource (which has it too).
func (r *accountObjectResource) declaredKind() objectKind { return r.kind }

func (l *accountListResource[T, M]) ListResourceConfigSchema(ctx context.Context, req list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	l.accountList.ListResourceConfigSchema(ctx, req, resp)
	resp.Schema.MarkdownDescription = fmt.Sprintf("The %s of a Chatwoot account, for `terraform query` (Terraform 1.14 and later), each with "+
		"the state `%s` reads, so that `terraform query -generate-config-out` writes configuration that imports without changes.",
		l.plural, l.kind.resourceType())
	if l.leftOut != "" {
		resp.Schema.MarkdownDescription += " " + l.leftOut
	}
}

func (l *accountListResource[T, M]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	accountID, client, diags := l.start(ctx, req)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	if l.available != nil {
		if l.available(ctx, client, accountID, &diags); diags.HasError() {
			stream.Results = list.ListResultsStreamDiagnostics(diags)
			return
		}
	}
	listed, err := l.list(client, ctx, accountID)
	if err != nil {
		failed := l.failed
		if failed == nil {
			failed = clientErrorDiagnostic
		}
		diags.Append(failed(operation{action: "listing the " + l.plural, accountID: accountID}, err))
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	// A copy: a cached list is shared with the provider's other readers.
	objects := slices.Clone(listed)
	if l.omit != nil {
		objects = slices.DeleteFunc(objects, func(o T) bool { return l.omit(&o) })
	}
	slices.SortFunc(objects, func(a, b T) int { return cmp.Compare(l.id(&a), l.id(&b)) })
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range objects {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			o := &objects[i]
			res := l.result(ctx, req, objectID{accountID, l.id(o)}, l.name(o))
			if req.IncludeResource {
				state := l.state(ctx, accountID, o, &res.Diagnostics)
				if m, ok := any(&state).(resourceModel); ok {
					m.setTimeouts(nullTimeouts()) // absent, as after an import: the framework refuses the zero value
				}
				res.Diagnostics.Append(res.Resource.Set(ctx, state)...)
			}
			if !push(res) {
				return
			}
		}
	}
}

// accountList is what every list resource shares with the resource it lists: the kind and the
// provider's data (so Metadata and Configure), and a config with an optional account_id.
type accountList struct{ accountObjectResource }

func (r *accountList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
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

// result is one listed object: its identity and its display name.
func (r *accountList) result(ctx context.Context, req list.ListRequest, id objectID, name string) list.ListResult {
	res := req.NewListResult(ctx)
	res.DisplayName = name
	res.Diagnostics.Append(res.Identity.SetAttribute(ctx, path.Root("account_id"), id.accountID)...)
	res.Diagnostics.Append(res.Identity.SetAttribute(ctx, path.Root(r.kind.idAttr), id.id)...)
	return res
}

// nullTimeouts is an absent timeouts block, as after an import.
func nullTimeouts() timeouts.Value {
	return timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "update": types.StringType, "delete": types.StringType,
	})}
}
