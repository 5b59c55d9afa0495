package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Data sources read the account's lists through the client's per-process lookup cache
// (chatwoot.Client.Cached*, Find*), so that every data source and every existence check of one
// Terraform run shares a single list call per kind and account.

// dataSourceProviderData is embedded by every data source: it keeps what Configure handed over.
type dataSourceProviderData struct {
	data *providerData
}

func (d *dataSourceProviderData) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, "Data Source", &resp.Diagnostics)
}

// clientAndAccount returns the client and the account a data source reads from: its own
// account_id, else the provider's. ok is false after adding an error.
func (d *dataSourceProviderData) clientAndAccount(own types.Int64, diags *diag.Diagnostics) (client *chatwoot.Client, accountID int64, ok bool) {
	client, ok = d.client(diags)
	if !ok {
		return nil, 0, false
	}
	accountID, unknown, ok := resolveAccountID(own, d.data)
	if !ok {
		missingAccountDiagnostic(diags)
		return nil, 0, false
	}
	if unknown {
		// Terraform reads a data source whose own configuration is known even when the
		// provider's account_id is not known yet.
		diags.AddAttributeError(path.Root("account_id"), "Unknown Chatwoot Account ID",
			"The provider's account_id depends on a value that is not known until apply, so this data source cannot be read "+
				"during plan. Set account_id on the data source, or give the provider a known account_id.")
		return nil, 0, false
	}
	return client, accountID, true
}

func (d *dataSourceProviderData) client(diags *diag.Diagnostics) (*chatwoot.Client, bool) {
	if d.data == nil || d.data.client == nil {
		diags.AddError("Chatwoot Provider Not Configured",
			"The provider has no Chatwoot client, so it cannot read anything. Check the provider block's base_url and "+
				"api_access_token; if they come from other resources, they must be known before data sources are read.")
		return nil, false
	}
	return d.data.client, true
}

// dataSourceAccountIDAttribute is the account_id every account-scoped data source takes.
func dataSourceAccountIDAttribute() schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: accountIDDescription,
		Optional:            true,
		Computed:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
}

// namedLookup finds one object of an account by a name-like key (a name or an email). Chatwoot
// compares some keys case-insensitively and stores them downcased (emails, team names) and others
// exactly (inbox and bot names), so the rule is the same for all: an exact match wins; without
// one, a case-insensitive match is taken when it is the only one.
type namedLookup[T any] struct {
	// find searches the cached list and re-reads it once on a miss.
	find func(ctx context.Context, accountID int64, match func(*T) bool) (*T, error)
	// list returns the cached list.
	list func(ctx context.Context, accountID int64) ([]T, error)
	key  func(*T) string
}

// lookupResult is the one match, or the candidates when there are several (found is then nil).
type lookupResult[T any] struct {
	found      *T
	candidates []T
}

func (l namedLookup[T]) lookup(ctx context.Context, accountID int64, value string) (lookupResult[T], error) {
	first, err := l.find(ctx, accountID, func(x *T) bool { return strings.EqualFold(l.key(x), value) })
	if err != nil || first == nil {
		return lookupResult[T]{}, err
	}
	// find has loaded (or re-read) the list; this is served from the cache.
	list, err := l.list(ctx, accountID)
	if err != nil {
		return lookupResult[T]{}, err
	}
	var exact, folded []T
	for i := range list {
		k := l.key(&list[i])
		if k == value {
			exact = append(exact, list[i])
		}
		if strings.EqualFold(k, value) {
			folded = append(folded, list[i])
		}
	}
	matches := folded
	if len(exact) > 0 {
		matches = exact
	}
	switch len(matches) {
	case 0:
		// The cache was refreshed between the two calls and the object is gone.
		return lookupResult[T]{}, nil
	case 1:
		return lookupResult[T]{found: &matches[0]}, nil
	}
	return lookupResult[T]{candidates: matches}, nil
}

// describeCandidates lists ambiguous matches as `12 ("Support")`, sorted by id.
func describeCandidates[T any](list []T, id func(*T) int64, key func(*T) string) string {
	sorted := append([]T(nil), list...)
	sort.Slice(sorted, func(i, j int) bool { return id(&sorted[i]) < id(&sorted[j]) })
	parts := make([]string, 0, len(sorted))
	for i := range sorted {
		parts = append(parts, fmt.Sprintf("%d (%q)", id(&sorted[i]), key(&sorted[i])))
	}
	return strings.Join(parts, ", ")
}

// addAmbiguousError reports several objects matching a name; kinds is the plural of kind.
func addAmbiguousError(diags *diag.Diagnostics, attr, kind, kinds string, accountID int64, value, candidates string) {
	diags.AddAttributeError(path.Root(attr), fmt.Sprintf("Several Chatwoot %s Match", titleCase(kinds)),
		fmt.Sprintf("Account %d has more than one %s whose %s is %q: %s. Look it up by id instead, or rename the %s in Chatwoot so that the %s is unique.",
			accountID, kind, attr, value, candidates, kinds, attr))
}

// listLoadError reports a failed list call.
func listLoadError(diags *diag.Diagnostics, kind string, accountID int64, err error) {
	diags.Append(clientErrorDiagnostic(operation{action: "listing the " + kind + "s", accountID: accountID}, err))
}

// stringOrNull maps Chatwoot's empty string ("not set") to null.
func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
