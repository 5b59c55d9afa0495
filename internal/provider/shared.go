package provider

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// providerDataFrom type-asserts what Configure handed over. It returns nil (and no error) before
// the provider is configured, which the framework does during validation.
func providerDataFrom(data any, kind string, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected "+kind+" Configure Type",
			fmt.Sprintf("Expected *provider.providerData, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return pd
}

// accountIDAttribute is the description every resource and data source uses for account_id.
const accountIDDescription = "The Chatwoot account id. Defaults to the provider's `account_id`."

// resolveAccountID returns the account to use: the object's own account_id if set, else the
// provider's. unknown is true when the provider's account_id is not known yet (plan time).
func resolveAccountID(own types.Int64, pd *providerData) (id int64, unknown bool, ok bool) {
	if own.IsUnknown() {
		return 0, true, true
	}
	if !own.IsNull() {
		return own.ValueInt64(), false, true
	}
	if pd == nil || pd.defaultAccountUnknown {
		return 0, true, true
	}
	if pd.defaultAccountID > 0 {
		return pd.defaultAccountID, false, true
	}
	return 0, false, false
}

// missingAccountDiagnostic is the error for an object without account_id under a provider without one.
func missingAccountDiagnostic(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("account_id"), "Missing Chatwoot Account ID",
		"Set account_id on this resource or data source, or set account_id in the provider block "+
			"(or the "+EnvAccountID+" environment variable) to give every object a default account.")
}

// parseAccountScopedID reads an import id of the form "<account_id>/<id>", or "<id>" when the
// provider has a default account. what names the second part in errors ("conversation_id").
func parseAccountScopedID(raw string, defaultAccountID int64, what string) (accountID, id int64, err error) {
	form := fmt.Sprintf("Expected \"<account_id>/<%s>\" such as \"1/42\", or \"<%s>\" alone when the provider sets account_id; both whole numbers of 1 or more.", what, what)
	parts := strings.Split(raw, "/")
	switch len(parts) {
	case 1:
		if defaultAccountID < 1 {
			return 0, 0, fmt.Errorf("the import id %q has no account, and the provider has no account_id. %s", raw, form)
		}
		id, err = parsePositiveID(parts[0])
		if err != nil {
			return 0, 0, fmt.Errorf("the import id %q is malformed: %w %s", raw, err, form)
		}
		return defaultAccountID, id, nil
	case 2:
		accountID, err = parsePositiveID(parts[0])
		if err != nil {
			return 0, 0, fmt.Errorf("the import id %q has a malformed account id: %w %s", raw, err, form)
		}
		id, err = parsePositiveID(parts[1])
		if err != nil {
			return 0, 0, fmt.Errorf("the import id %q has a malformed %s: %w %s", raw, what, err, form)
		}
		return accountID, id, nil
	}
	return 0, 0, fmt.Errorf("the import id %q is malformed. %s", raw, form)
}

func parsePositiveID(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a whole number within 1 to 9223372036854775807", s)
	}
	if n < 1 {
		return 0, fmt.Errorf("%d is not 1 or more", n)
	}
	return n, nil
}

// int64OrNull maps Chatwoot's "0 means none" to a null attribute.
func int64OrNull(v int64) types.Int64 {
	if v == 0 {
		return types.Int64Null()
	}
	return types.Int64Value(v)
}

// compositeID builds "<account_id>/<id>".
func compositeID(accountID, id int64) string {
	return fmt.Sprintf("%d/%d", accountID, id)
}

// titleCase capitalises each word, for diagnostic summaries built from a kind ("agent bot").
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
