package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Labels, canned responses, webhooks and custom attribute definitions each have a field Chatwoot
// keeps unique within an account (a title, a short code, a URL, a key per model). A duplicate is
// a 422 at apply; the provider already holds the account's list of the kind (it reads through it),
// so it refuses the duplicate at plan time with the existing object's id and how to import it,
// and adds the same hint to Chatwoot's 422 when the duplicate appears only at apply.

// uniqueFields describes the fields of one kind that Chatwoot keeps unique together.
type uniqueFields[T any] struct {
	kind   objectKind
	list   chatwoot.CachedList[T]
	attrs  []string                         // the schema attributes, in the order same takes them
	field  string                           // the field Chatwoot's 422 names ("title")
	id     func(*T) int64                   // the object's id
	same   func(x *T, values []string) bool // whether x already holds values
	reason string                           // how Chatwoot compares: "in any letter case"
}

// planValues reads the attributes from the plan; ok is false when one is null or unknown, so that
// nothing can be checked yet.
func (u uniqueFields[T]) planValues(ctx context.Context, plan interface {
	GetAttribute(context.Context, path.Path, any) diag.Diagnostics
}, diags *diag.Diagnostics) (values []string, ok bool) {
	for _, attr := range u.attrs {
		var v types.String
		diags.Append(plan.GetAttribute(ctx, path.Root(attr), &v)...)
		if diags.HasError() || v.IsNull() || v.IsUnknown() {
			return nil, false
		}
		values = append(values, v.ValueString())
	}
	return values, true
}

// checkPlan refuses a planned create or change of the unique fields that another object of the
// account already holds. It sends at most the kind's one list call per provider process (the one
// the refresh already made), and nothing when the fields do not change. A failed list is a warning:
// the apply reports Chatwoot's own answer. ModifyPlan calls it when planToCheck says there is a
// plan to check.
func (u uniqueFields[T]) checkPlan(ctx context.Context, client *chatwoot.Client, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var accountID types.Int64
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("account_id"), &accountID)...)
	values, ok := u.planValues(ctx, &resp.Plan, &resp.Diagnostics)
	if !ok || accountID.IsUnknown() || accountID.IsNull() {
		return
	}
	ownID := int64(0)
	if !req.State.Raw.IsNull() {
		prior, _ := u.planValues(ctx, &req.State, &resp.Diagnostics)
		var stateAccount, stateID types.Int64
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("account_id"), &stateAccount)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(u.kind.idAttr), &stateID)...)
		if stateAccount.Equal(accountID) {
			if strings.Join(prior, "\x00") == strings.Join(values, "\x00") {
				return // unchanged: Chatwoot already accepted it
			}
			ownID = stateID.ValueInt64()
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	taken, err := u.holder(ctx, client, accountID.ValueInt64(), values, ownID)
	if err != nil {
		resp.Diagnostics.AddWarning("Could Not Check For A Duplicate "+titleCase(u.kind.noun),
			fmt.Sprintf("Listing the %s of account %d failed, so the plan cannot tell whether %s is taken. The apply will "+
				"report Chatwoot's answer.\n\nOriginal error: %s", pluralOf(u.kind.noun), accountID.ValueInt64(), u.describe(values), err))
		return
	}
	if taken == nil {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root(u.attrs[0]), titleCase(u.kind.noun)+" Already Exists",
		u.takenDetail(accountID.ValueInt64(), values, u.id(taken), false)+
			"\n\nIf another resource of this configuration gives this value up in the same apply, apply that change first.")
}

// holder is the account's other object (not ownID) that already holds values, or nil.
func (u uniqueFields[T]) holder(ctx context.Context, client *chatwoot.Client, accountID int64, values []string, ownID int64) (*T, error) {
	all, err := u.list.All(ctx, client, accountID)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if u.id(&all[i]) != ownID && u.same(&all[i], values) {
			return &all[i], nil
		}
	}
	return nil, nil
}

func (u uniqueFields[T]) describe(values []string) string {
	parts := make([]string, len(u.attrs))
	for i, attr := range u.attrs {
		parts[i] = fmt.Sprintf("%s %q", attr, values[i])
	}
	return strings.Join(parts, " with ")
}

// takenDetail says which object holds the values and how to adopt it.
func (u uniqueFields[T]) takenDetail(accountID int64, values []string, existing int64, refused bool) string {
	id := objectID{accountID, existing}
	outcome := "Chatwoot would refuse this one"
	if refused {
		outcome = "Chatwoot refused this one; nothing was changed"
	}
	return fmt.Sprintf("%s %d of account %d already has %s, and Chatwoot keeps it unique within an account%s, so "+
		"%s. To manage the existing %s with this resource, import it:\n\n"+
		"  terraform import %s.<name> %s\n\nor add an import block with to = %s.<name> and id = %q. Otherwise choose another %s.",
		strings.ToUpper(u.kind.noun[:1])+u.kind.noun[1:], existing, accountID, u.describe(values), u.reason, outcome, u.kind.noun,
		u.kind.resourceType(), id, u.kind.resourceType(), id.String(), u.field)
}

// appendWriteError reports a failed create or update. When Chatwoot's 422 names the unique field,
// the error also names the object that holds the value and how to import it (from a fresh list:
// the failed write invalidated the cached one).
func (u uniqueFields[T]) appendWriteError(ctx context.Context, diags *diag.Diagnostics, client *chatwoot.Client, op operation,
	err error, values []string, ownID int64, attrs ...string,
) {
	var apiErr *chatwoot.APIError
	if chatwoot.IsUnprocessable(err) && errors.As(err, &apiErr) && containsString(apiErr.Attributes, u.field) {
		if taken, lerr := u.holder(ctx, client, op.accountID, values, ownID); lerr == nil && taken != nil {
			d := clientErrorDiagnostic(op, err)
			diags.AddAttributeError(path.Root(u.attrs[0]), d.Summary(), u.takenDetail(op.accountID, values, u.id(taken), true)+"\n\n"+d.Detail())
			return
		}
	}
	appendClientErrorOnAttribute(diags, op, err, attrs...)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
