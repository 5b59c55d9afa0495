package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var _ resource.ResourceWithModifyPlan = (*inboxAutoAssignmentResource)(nil)

// ModifyPlan resolves the account, checks that the inbox exists, then checks a max_assignment_limit that the plan sends against
// the build and the account: only the Enterprise build keeps it, and Enterprise ignores it while
// the account's assignment_v2 feature is on.
func (r *inboxAutoAssignmentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.planAccount(ctx, req, resp)
	if req.Plan.Raw.IsNull() || resp.Diagnostics.HasError() {
		return
	}
	r.planExistence(ctx, req, resp)
	limit := path.Root("max_assignment_limit")
	var planned, prior types.Int64
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, limit, &planned)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, limit, &prior)...)
	} else {
		prior = types.Int64Null()
	}
	if resp.Diagnostics.HasError() || planned.IsNull() || planned.Equal(prior) {
		return
	}
	checkMaxAssignmentLimit(ctx, r.data, planAccountID(ctx, resp.Plan), &resp.Diagnostics)
}

// checkMaxAssignmentLimit says, at plan time, what Chatwoot will do with a max_assignment_limit
// in account accountID: the community build drops it (an error), and the Enterprise build ignores
// it while assignment_v2 is on (a warning pointing to capacity policies).
func checkMaxAssignmentLimit(ctx context.Context, data *providerData, accountID int64, diags *diag.Diagnostics) {
	account := accountInfo(ctx, data, accountID, diags)
	if account == nil {
		return
	}
	attr := path.Root("max_assignment_limit")
	if account.Edition == chatwoot.EditionCommunity {
		diags.AddAttributeError(attr, "Setting Needs Chatwoot Enterprise",
			fmt.Sprintf("max_assignment_limit is kept only by Chatwoot's Enterprise build; this server runs the community build, "+
				"which drops it without an error (account %d). Remove max_assignment_limit, or use an Enterprise installation.", accountID))
		return
	}
	if account.Features.Has("assignment_v2") {
		diags.AddAttributeWarning(attr, "Chatwoot Ignores max_assignment_limit With assignment_v2",
			fmt.Sprintf("Account %d (%q) has the feature flag \"assignment_v2\" on, and while it is, Chatwoot Enterprise ignores the "+
				"inbox's max_assignment_limit: the new auto-assignment limits agents through agent capacity policies instead "+
				"(per-inbox limits of a capacity policy, with the account's \"advanced_assignment\" feature). The limit is still "+
				"saved, and takes effect if assignment_v2 is turned off.", accountID, account.Name))
	}
}
