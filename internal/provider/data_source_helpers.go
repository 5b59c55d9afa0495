package provider

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Data sources read the account's lists through the client's per-process lookup cache
// (chatwoot.CachedList: chatwoot.Agents, Teams, AgentBots, Inboxes), so that every data source and every existence check of one
// Terraform run shares a single list call per kind and account.

// dataSourceProviderData is embedded by every data source, built with the data source's name:
// &teamDataSource{dataSourceProviderData{typeName: "team"}} is chatwoot_team. It supplies Metadata
// and Configure, and keeps what Configure handed over.
type dataSourceProviderData struct {
	typeName string
	data     *providerData
}

func (d *dataSourceProviderData) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.typeName
}

func (d *dataSourceProviderData) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, "Data Source", &resp.Diagnostics)
}

// readConfig reads the data source's configuration into cfg and returns the client and the account
// to read from. own points at cfg's account_id field, which is read once cfg is filled. ok is false
// after adding an error.
func (d *dataSourceProviderData) readConfig(ctx context.Context, req datasource.ReadRequest, diags *diag.Diagnostics, cfg any, own *types.Int64) (client *chatwoot.Client, accountID int64, ok bool) {
	diags.Append(req.Config.Get(ctx, cfg)...)
	if diags.HasError() {
		return nil, 0, false
	}
	return d.clientAndAccount(*own, diags)
}

// readAccount reads only the configuration's account_id and returns the client and the account to
// read from, for the data sources below that have no model of their whole configuration. ok is
// false after adding an error.
func (d *dataSourceProviderData) readAccount(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) (client *chatwoot.Client, accountID int64, ok bool) {
	var own types.Int64
	diags.Append(config.GetAttribute(ctx, path.Root("account_id"), &own)...)
	if diags.HasError() {
		return nil, 0, false
	}
	return d.clientAndAccount(own, diags)
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

// namedLookup is the one lookup flow of the data sources that find one object by id or by a
// name-like key (a name or an email), in the account's cached list. Chatwoot compares some keys
// case-insensitively and stores them downcased (emails, team names) and others exactly (inbox
// and bot names), so the rule is the same for all: an exact match wins; without one, a
// case-insensitive match is taken when it is the only one.
//
// Its not-found errors are composed from the list's kind and the key attribute; the fields
// after key add what a kind needs said beyond that.
type namedLookup[T any] struct {
	list chatwoot.CachedList[T]
	attr string // the attribute the key is given in: "name" or "email"
	id   func(*T) int64
	key  func(*T) string

	idName   string // what the id is called when it is not just "id": agents' "user id"
	scope    string // where the lookup searched when the kind does not say: "neither its own nor a system bot"
	check    string // what to check when no key matches, when it is more than "the name" (or the email)
	listedBy string // the data source that lists the account's objects of the kind, if there is one
}

// read finds the object by id when id is set, else by key. No such object is an error on the
// attribute used; several matches of the key and a failed list call are errors too. It returns
// nil after adding an error.
func (l namedLookup[T]) read(ctx context.Context, diags *diag.Diagnostics, client *chatwoot.Client, accountID int64,
	id types.Int64, key types.String,
) *T {
	if !id.IsNull() {
		found, err := l.list.Get(ctx, client, accountID, id.ValueInt64())
		if err != nil && !chatwoot.IsNotFound(err) {
			listLoadError(diags, l.list.Kind, accountID, err)
			return nil
		}
		if found == nil {
			diags.AddAttributeError(path.Root("id"), l.notFoundSummary(), l.missingID(accountID, id.ValueInt64()))
		}
		return found
	}
	found, ok := l.match(ctx, diags, client, accountID, key.ValueString())
	if ok && found == nil {
		diags.AddAttributeError(path.Root(l.attr), l.notFoundSummary(), l.missingKey(accountID, key.ValueString()))
	}
	return found
}

// notFoundSummary is the summary of both not-found errors: "Chatwoot Team Not Found".
func (l namedLookup[T]) notFoundSummary() string {
	return "Chatwoot " + titleCase(l.list.Kind) + " Not Found"
}

// missingID is the detail of the error for an id the account has no object with.
func (l namedLookup[T]) missingID(accountID, id int64) string {
	return fmt.Sprintf("Account %d has no %s with %s %d%s. Check the id, or look the %s up by %s instead.",
		accountID, l.list.Kind, cmp.Or(l.idName, "id"), id, l.scopeClause(), l.list.Kind, l.attr)
}

// missingKey is the detail of the error for a key that matches no object, even ignoring case.
func (l namedLookup[T]) missingKey(accountID int64, key string) string {
	with := "named"
	if l.attr != "name" {
		with = "with " + l.attr
	}
	detail := fmt.Sprintf("Account %d has no %s %s %q (compared without regard to case)%s. Check %s",
		accountID, l.list.Kind, with, key, l.scopeClause(), cmp.Or(l.check, "the "+l.attr))
	if l.listedBy != "" {
		detail += fmt.Sprintf("; the %s data source lists the account's %s", l.listedBy, pluralOf(l.list.Kind))
	}
	return detail + "."
}

func (l namedLookup[T]) scopeClause() string {
	if l.scope == "" {
		return ""
	}
	return ", " + l.scope
}

// match returns the one object whose key matches value. A failed list call or several matches
// add an error (ok is false); no match returns nil without one, for the caller to explain.
func (l namedLookup[T]) match(ctx context.Context, diags *diag.Diagnostics, client *chatwoot.Client, accountID int64, value string) (found *T, ok bool) {
	matches, err := l.matches(ctx, client, accountID, value)
	if err != nil {
		listLoadError(diags, l.list.Kind, accountID, err)
		return nil, false
	}
	switch len(matches) {
	case 0:
		return nil, true
	case 1:
		return &matches[0], true
	}
	kinds := pluralOf(l.list.Kind)
	diags.AddAttributeError(path.Root(l.attr), fmt.Sprintf("Several Chatwoot %s Match", titleCase(kinds)),
		fmt.Sprintf("Account %d has more than one %s whose %s is %q: %s. Look it up by id instead, or rename the %s in Chatwoot so that the %s is unique.",
			accountID, l.list.Kind, l.attr, value, l.describe(matches), kinds, l.attr))
	return nil, false
}

// matches are the exact matches when there are any, else the case-insensitive ones.
func (l namedLookup[T]) matches(ctx context.Context, client *chatwoot.Client, accountID int64, value string) ([]T, error) {
	_, err := l.list.Find(ctx, client, accountID, func(x *T) bool { return strings.EqualFold(l.key(x), value) })
	if chatwoot.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// Find has loaded (or re-read) the list; this is served from the cache. When the cache was
	// refreshed between the two calls and the object is gone, there is no match.
	list, err := l.list.All(ctx, client, accountID)
	if err != nil {
		return nil, err
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
	if len(exact) > 0 {
		return exact, nil
	}
	return folded, nil
}

// describe lists ambiguous matches as `12 ("Support")`, sorted by id.
func (l namedLookup[T]) describe(list []T) string {
	sorted := append([]T(nil), list...)
	sort.Slice(sorted, func(i, j int) bool { return l.id(&sorted[i]) < l.id(&sorted[j]) })
	parts := make([]string, 0, len(sorted))
	for i := range sorted {
		parts = append(parts, fmt.Sprintf("%d (%q)", l.id(&sorted[i]), l.key(&sorted[i])))
	}
	return strings.Join(parts, ", ")
}

// listItems maps the account's cached list to a list data source's items, in the list's order;
// never nil, so that an empty list is an empty list and not null. ok is false after adding an error.
func listItems[T, M any](ctx context.Context, diags *diag.Diagnostics, client *chatwoot.Client, list chatwoot.CachedList[T],
	accountID int64, item func(*T) M,
) (items []M, ok bool) {
	all, err := list.All(ctx, client, accountID)
	if err != nil {
		listLoadError(diags, list.Kind, accountID, err)
		return nil, false
	}
	items = make([]M, 0, len(all))
	for i := range all {
		items = append(items, item(&all[i]))
	}
	return items, true
}

// listLoadError reports a failed list call.
func listLoadError(diags *diag.Diagnostics, kind string, accountID int64, err error) {
	diags.Append(clientErrorDiagnostic(operation{action: "listing the " + pluralOf(kind), accountID: accountID}, err))
}

// pluralOf is the plural of a kind of Chatwoot object ("agent bot", "team", "inbox").
func pluralOf(kind string) string {
	if strings.HasSuffix(kind, "x") {
		return kind + "es"
	}
	return kind + "s"
}

// stringOrNull maps Chatwoot's empty string ("not set") to null.
func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// lookupIDAttribute and lookupKeyAttribute are the two optional attributes of a data source that
// looks one object up by its id or by a key such as its name; lookupValidators makes the
// configuration set exactly one of them.
func lookupIDAttribute(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
}

func lookupKeyAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

func lookupValidators(key string) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot(key))}
}

// lookupDataSource is a data source that looks one object of the account up by id or by a
// name-like key: its schema is account_id, id, the key (lookup's attr) and the object's computed
// attributes. lookup finds the object; state maps what it found to the data source's model, or
// stateWithDiags does for a model whose values are built with diagnostics (sets, objects).
type lookupDataSource[T, M any] struct {
	dataSourceProviderData
	description    string
	attributes     map[string]schema.Attribute // the computed attributes of the object
	idDescription  string                      // the schema adds that exactly one of id and the key is set
	keyDescription string
	lookup         namedLookup[T]
	enterpriseOnly string // the kind, in the plural, when only Chatwoot Enterprise has it; checked before the lookup
	// find, when set, replaces lookup's read, for a kind whose misses need more explaining (inboxes).
	find           func(ctx context.Context, diags *diag.Diagnostics, client *chatwoot.Client, accountID int64, id types.Int64, key types.String) *T
	state          func(accountID int64, found *T) M
	stateWithDiags func(ctx context.Context, diags *diag.Diagnostics, accountID int64, found *T) M
}

var _ datasource.DataSourceWithConfigValidators = (*lookupDataSource[chatwoot.Team, teamDataSourceModel])(nil)

func (d *lookupDataSource[T, M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := maps.Clone(d.attributes)
	attrs["account_id"] = dataSourceAccountIDAttribute()
	exactlyOne := " Set exactly one of `id` and `" + d.lookup.attr + "`."
	attrs["id"] = lookupIDAttribute(d.idDescription + exactlyOne)
	attrs[d.lookup.attr] = lookupKeyAttribute(d.keyDescription + exactlyOne)
	resp.Schema = schema.Schema{MarkdownDescription: d.description, Attributes: attrs}
}

func (d *lookupDataSource[T, M]) ConfigValidators(_ context.Context) []datasource.ConfigValidator {
	return lookupValidators(d.lookup.attr)
}

func (d *lookupDataSource[T, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	client, accountID, ok := d.readAccount(ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	var id types.Int64
	var key types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(d.lookup.attr), &key)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if d.enterpriseOnly != "" {
		if requireEnterprise(ctx, client, accountID, d.enterpriseOnly, &resp.Diagnostics); resp.Diagnostics.HasError() {
			return
		}
	}
	find := d.lookup.read
	if d.find != nil {
		find = d.find
	}
	found := find(ctx, &resp.Diagnostics, client, accountID, id, key)
	if found == nil || resp.Diagnostics.HasError() {
		return
	}
	var state M
	if d.stateWithDiags != nil {
		state = d.stateWithDiags(ctx, &resp.Diagnostics, accountID, found)
	} else {
		state = d.state(accountID, found)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// listDataSource is a data source that lists the account's cached list of one kind: its schema
// is account_id, perhaps one filter, and the computed list of items (listAttr), which item maps
// from the objects in the list's order.
type listDataSource[T, M any] struct {
	dataSourceProviderData
	description      string
	listAttr         string
	itemsDescription string
	itemAttributes   map[string]schema.Attribute
	list             chatwoot.CachedList[T]
	item             func(*T) M
	filter           *listFilter[M] // nil: every item is listed
}

// listFilter is an optional string attribute of a list data source that takes one of values;
// when set, only the items whose field (of) holds that value are listed. The cached list holds
// every item, so that the resources' refresh and the data source share one request; the filter
// is applied here.
type listFilter[M any] struct {
	attr        string
	description string
	values      []string
	of          func(item M) types.String
}

func (d *listDataSource[T, M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	s := listDataSourceSchema(d.description, d.listAttr, d.itemsDescription, d.itemAttributes)
	if d.filter != nil {
		s.Attributes[d.filter.attr] = schema.StringAttribute{
			MarkdownDescription: d.filter.description,
			Optional:            true,
			Validators:          []validator.String{stringvalidator.OneOf(d.filter.values...)},
		}
	}
	resp.Schema = s
}

func (d *listDataSource[T, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	client, accountID, ok := d.readAccount(ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	items, ok := listItems(ctx, &resp.Diagnostics, client, d.list, accountID, d.item)
	if !ok {
		return
	}
	if d.filter != nil {
		var value types.String
		if resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(d.filter.attr), &value)...); resp.Diagnostics.HasError() {
			return
		}
		if !value.IsNull() {
			items = slices.DeleteFunc(items, func(item M) bool { return d.filter.of(item).ValueString() != value.ValueString() })
		}
	}
	// The state starts as the configuration, so the filter keeps the value it was given.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_id"), accountID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(d.listAttr), items)...)
}

// listDataSourceSchema is a data source of account_id and one computed list of items.
func listDataSourceSchema(description, listAttr, itemsDescription string, item map[string]schema.Attribute) schema.Schema {
	return schema.Schema{
		MarkdownDescription: description,
		Attributes: map[string]schema.Attribute{
			"account_id": dataSourceAccountIDAttribute(),
			listAttr: schema.ListNestedAttribute{
				MarkdownDescription: itemsDescription,
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: item},
			},
		},
	}
}

func computedDataString(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Computed: true}
}

func computedDataInt64(description string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: description, Computed: true}
}

func computedDataBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: description, Computed: true}
}
