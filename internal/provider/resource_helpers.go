package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// appendClientErrorOnAttribute is clientErrorDiagnostic, attached to the attribute Chatwoot's 422
// names when it is one of attrs (its field names match the schema's), so the CLI points at it.
func appendClientErrorOnAttribute(diags *diag.Diagnostics, op operation, err error, attrs ...string) {
	fields := make(map[string]string, len(attrs))
	for _, attr := range attrs {
		fields[attr] = attr
	}
	appendClientErrorOnFields(diags, op, err, fields)
}

// appendClientErrorOnFields is appendClientErrorOnAttribute for fields whose names differ from the
// schema's: fields maps Chatwoot's field name to the attribute.
func appendClientErrorOnFields(diags *diag.Diagnostics, op operation, err error, fields map[string]string) {
	d := clientErrorDiagnostic(op, err)
	var apiErr *chatwoot.APIError
	if chatwoot.IsUnprocessable(err) && errors.As(err, &apiErr) {
		for _, field := range apiErr.Attributes {
			if attr, ok := fields[field]; ok {
				diags.AddAttributeError(path.Root(attr), d.Summary(), d.Detail())
				return
			}
		}
	}
	diags.Append(d)
}

// referenceExists reports whether the account has the object with the id, from the client's
// cached list (re-read once on a miss). Resources check every id they are about to send where
// Chatwoot would accept an unknown one silently.
func referenceExists[T any](ctx context.Context, client *chatwoot.Client, list chatwoot.CachedList[T], accountID, id int64) (bool, error) {
	_, err := list.Get(ctx, client, accountID, id)
	if chatwoot.IsNotFound(err) {
		return false, nil
	}
	return err == nil, err
}

// exists is referenceExists for one kind, in the shape of a table of checks.
func exists[T any](list chatwoot.CachedList[T]) func(context.Context, *chatwoot.Client, int64, int64) (bool, error) {
	return func(ctx context.Context, client *chatwoot.Client, accountID, id int64) (bool, error) {
		return referenceExists(ctx, client, list, accountID, id)
	}
}

var nonBlank = regexp.MustCompile(`\S`)

// stringCheck is a string validator made of what it accepts (description) and a check of a known
// value, which adds its error or warning to resp at req.Path. Null and unknown values are not
// checked; an unknown one is, once known, at apply.
type stringCheck struct {
	description string
	check       func(value string, req validator.StringRequest, resp *validator.StringResponse)
}

var _ validator.String = stringCheck{}

func (v stringCheck) Description(context.Context) string { return v.description }

func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	v.check(req.ConfigValue.ValueString(), req, resp)
}

// lowercaseStringValidator refuses values Chatwoot would store downcased, showing the form to
// write instead, so that state and Chatwoot never disagree only in case.
type lowercaseStringValidator struct {
	what string // "team names"
}

var _ validator.String = lowercaseStringValidator{}

func (v lowercaseStringValidator) Description(_ context.Context) string {
	return "must be lowercase, as Chatwoot stores " + v.what
}

func (v lowercaseStringValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v lowercaseStringValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueString()
	if lower := strings.ToLower(value); lower != value {
		resp.Diagnostics.AddAttributeError(req.Path, "Value Must Be Lowercase",
			fmt.Sprintf("Chatwoot stores %s in lowercase, so %q would be saved as %q and show as a change on every plan. "+
				"Write %q instead.", v.what, value, lower, lower))
	}
}
