package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Plan-time existence checks. In a pull-request pipeline the plan is the review, so what an apply
// would refuse for want of an object, or because a name or email is taken, fails the plan with
// the apply's message. The checks use the cached lists the apply uses (one list call per kind and
// account per provider process), run only for values known at plan time, and only when the plan
// creates the resource or changes the value: a plan without changes sends nothing more.

// planClient is the client for a plan check, or nil when the plan has nothing to check: a
// destroy, an unconfigured provider, or an account not known yet. The checks are bounded like
// the operation they precede, by the create (or update) duration of the timeouts block; call
// cancel in any case.
func (r *accountObjectResource) planClient(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) (context.Context, context.CancelFunc, *chatwoot.Client, int64) {
	if resp.Diagnostics.HasError() || req.Plan.Raw.IsNull() || r.data == nil || r.data.client == nil {
		return ctx, func() {}, nil, 0
	}
	var account types.Int64
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("account_id"), &account)...)
	var bounds timeouts.Value
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("timeouts"), &bounds)...)
	if resp.Diagnostics.HasError() || account.IsUnknown() || account.IsNull() {
		return ctx, func() {}, nil, 0
	}
	limit := bounds.Create
	if !req.State.Raw.IsNull() {
		limit = bounds.Update
	}
	d, diags := limit(ctx, defaultOperationTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, cancel, r.data.client, account.ValueInt64()
}

// plannedChange returns the planned value of name, and whether there is something to check: the
// plan creates the resource or changes the value, and the value is known.
func plannedChange[T attr.Value](ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, name string) (T, bool) {
	var planned, prior T
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root(name), &planned)...)
	if resp.Diagnostics.HasError() || planned.IsUnknown() || planned.IsNull() {
		return planned, false
	}
	if req.State.Raw.IsNull() {
		return planned, true
	}
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(name), &prior)...)
	return planned, !planned.Equal(prior)
}

// checkExists fails the plan when the account's cached list of kind lacks id, with the message of
// the apply's 404.
func checkExists[T any](ctx context.Context, client *chatwoot.Client, list chatwoot.CachedList[T], accountID, id int64, attr string, diags *diag.Diagnostics) {
	_, err := list.Get(ctx, client, accountID, id)
	if err == nil {
		return
	}
	op := operation{action: fmt.Sprintf("checking %s %d", list.Kind, id), accountID: accountID, notFound: fmt.Sprintf("%s %d", list.Kind, id)}
	if chatwoot.IsNotFound(err) {
		summary, advice := notFoundAdvice(op)
		diags.AddAttributeError(path.Root(attr), summary, advice)
		return
	}
	diags.Append(clientErrorDiagnostic(op, err))
}

// planExistence of chatwoot_team_members and chatwoot_inbox_members: the team or inbox exists and
// every user is an agent of the account.
func (r *memberSetResource) planExistence(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	ctx, cancel, client, accountID := r.planClient(ctx, req, resp)
	defer cancel()
	if client == nil {
		return
	}
	if parentID, check := plannedChange[types.Int64](ctx, req, resp, r.kind.idAttr); check {
		switch r.kind.noun {
		case "team":
			checkExists(ctx, client, chatwoot.Teams, accountID, parentID.ValueInt64(), r.kind.idAttr, &resp.Diagnostics)
		case "inbox":
			checkExists(ctx, client, chatwoot.Inboxes, accountID, parentID.ValueInt64(), r.kind.idAttr, &resp.Diagnostics)
		}
	}
	if users, check := plannedChange[types.Set](ctx, req, resp, "user_ids"); check {
		for _, e := range users.Elements() {
			if e.IsUnknown() {
				return
			}
		}
		ids := memberIDsFrom(ctx, users, &resp.Diagnostics)
		if !resp.Diagnostics.HasError() {
			checkAccountAgents(ctx, client, accountID, ids, r.kind.noun, &resp.Diagnostics)
		}
	}
}

// planExistence of chatwoot_inbox_auto_assignment: the inbox exists.
func (r *inboxAutoAssignmentResource) planExistence(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	ctx, cancel, client, accountID := r.planClient(ctx, req, resp)
	defer cancel()
	if client == nil {
		return
	}
	if inboxID, check := plannedChange[types.Int64](ctx, req, resp, "inbox_id"); check {
		checkExists(ctx, client, chatwoot.Inboxes, accountID, inboxID.ValueInt64(), "inbox_id", &resp.Diagnostics)
	}
}

// planExistence of chatwoot_team: no other team of the account has the name (Chatwoot keeps names
// unique per account).
func (r *teamResource) planExistence(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	ctx, cancel, client, accountID := r.planClient(ctx, req, resp)
	defer cancel()
	if client == nil {
		return
	}
	name, check := plannedChange[types.String](ctx, req, resp, "name")
	if !check {
		return
	}
	var self types.Int64
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("team_id"), &self)...)
	}
	existing, err := chatwoot.Teams.Find(ctx, client, accountID, func(t *chatwoot.Team) bool {
		return t.Name == name.ValueString() && t.ID != self.ValueInt64()
	})
	switch {
	case chatwoot.IsNotFound(err):
	case err != nil:
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{action: "listing the teams of the account to check the name", accountID: accountID}, err))
	default:
		teamExistsError(&resp.Diagnostics, accountID, existing, "")
	}
}

// teamExistsError is the refusal of a name another team of the account has; cause is the
// original error when Chatwoot gave one.
func teamExistsError(diags *diag.Diagnostics, accountID int64, existing *chatwoot.Team, cause string) {
	detail := fmt.Sprintf("Account %d already has a team named %q, team %d, and Chatwoot keeps team names unique per account. "+
		"Choose another name, or import the team to manage it with Terraform:\n\n  terraform import <resource address> %s",
		accountID, existing.Name, existing.ID, objectID{accountID, existing.ID})
	if cause != "" {
		detail += "\n\nOriginal error: " + cause
	}
	diags.AddAttributeError(path.Root("name"), "Chatwoot Team Already Exists", detail)
}
