package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewInboxAssignmentPolicyResource is the chatwoot_inbox_assignment_policy resource.
func NewInboxAssignmentPolicyResource() resource.Resource {
	return &inboxAssignmentPolicyResource{accountObjectResource{kind: objectKind{
		typeName: "inbox_assignment_policy", idAttr: "inbox_id", noun: "inbox", idDescription: "The inbox's id.",
	}}}
}

type inboxAssignmentPolicyResource struct{ accountObjectResource }

type inboxAssignmentPolicyModel struct {
	ID                 types.String `tfsdk:"id"`
	AccountID          types.Int64  `tfsdk:"account_id"`
	InboxID            types.Int64  `tfsdk:"inbox_id"`
	AssignmentPolicyID types.Int64  `tfsdk:"assignment_policy_id"`
	operationTimeouts
}

func (r *inboxAssignmentPolicyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Attaches an assignment policy to an inbox: Assignment V2 then hands out the inbox's conversations " +
			"by that policy's rules.\n\n" + assignmentV2Overview +
			"An inbox has at most one policy; use one of these resources per inbox. Changing `assignment_policy_id` replaces the " +
			"inbox's policy in place, in one request. Chatwoot assigns nothing when a policy is attached: conversations already " +
			"waiting are picked up at the next conversation event or periodic run. Auto-assignment must be on for the inbox " +
			"(`chatwoot_inbox_auto_assignment`) and the account must route with Assignment V2 for the policy to take effect.\n\n" +
			"Deleting the policy in Chatwoot detaches it from every inbox: the next refresh removes this resource from the state " +
			"with a warning that says so, and the next plan attaches the policy again (if it still exists). Destroying this " +
			"resource detaches the policy; the inbox then uses Assignment V2's defaults for an inbox without a policy (at most 5 " +
			"assignments per agent in 5 minutes, nothing inactive for more than 168 hours). Reference the policy resource's " +
			"`policy_id`, so that Terraform attaches it after creating it and detaches it before deleting it." + assignmentAdminNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"inbox_id": parentIDAttribute("The inbox's id (`chatwoot_inbox` data source). An id the account does not have is " +
				"refused before anything is sent."),
			"assignment_policy_id": schema.Int64Attribute{
				MarkdownDescription: "The policy to attach (`chatwoot_assignment_policy.<name>.policy_id`). An id the account does " +
					"not have is refused before anything is sent; a change attaches the new policy in place.",
				Required:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

// ModifyPlan resolves the account, then checks at plan time, when the ids are known, that the
// inbox and the policy exist (apply checks again before the POST, for ids known only then).
func (r *inboxAssignmentPolicyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !r.planToCheck(ctx, req, resp) {
		return
	}
	var plan, prior inboxAssignmentPolicyModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	}
	if resp.Diagnostics.HasError() || plan.AccountID.IsUnknown() || plan.InboxID.IsUnknown() || plan.AssignmentPolicyID.IsUnknown() ||
		plan.AssignmentPolicyID.Equal(prior.AssignmentPolicyID) {
		return
	}
	r.checkReferences(ctx, r.data.client, objectID{plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64()},
		plan.AssignmentPolicyID.ValueInt64(), req.State.Raw.IsNull(), &resp.Diagnostics)
}

func (r *inboxAssignmentPolicyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan inboxAssignmentPolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{plan.AccountID.ValueInt64(), plan.InboxID.ValueInt64()}
	policyID := plan.AssignmentPolicyID.ValueInt64()
	if !r.checkReferences(ctx, client, id, policyID, true, &resp.Diagnostics) {
		return
	}
	// Chatwoot replaces an inbox's binding without a word; say so when that happens, since
	// another configuration (or the UI) may own the replaced one.
	if current, err := client.GetInboxAssignmentPolicy(ctx, id.accountID, id.id); err == nil && current.ID != policyID {
		resp.Diagnostics.AddWarning("Inbox Had Another Assignment Policy",
			fmt.Sprintf("Inbox %d of account %d had assignment policy %d (%q) attached; Chatwoot allows one policy per inbox, so "+
				"attaching policy %d replaced it. If another configuration manages the inbox's policy, the two will undo each "+
				"other's changes: keep one chatwoot_inbox_assignment_policy per inbox.", id.id, id.accountID, current.ID, current.Name, policyID))
	}
	r.bind(ctx, client, id, policyID, plan.Timeouts, created(req, resp))
}

func (r *inboxAssignmentPolicyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior inboxAssignmentPolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.InboxID.ValueInt64()}
	policyID := plan.AssignmentPolicyID.ValueInt64()
	if plan.AssignmentPolicyID.Equal(prior.AssignmentPolicyID) {
		// Only the timeouts changed.
		state := prior
		r.save(ctx, updated(req, resp), id, &state)
		return
	}
	if !r.checkReferences(ctx, client, id, policyID, false, &resp.Diagnostics) {
		return
	}
	r.bind(ctx, client, id, policyID, plan.Timeouts, updated(req, resp))
}

// bind attaches the policy with one POST (Chatwoot replaces any other binding in the same
// request) and saves what Chatwoot answered.
func (r *inboxAssignmentPolicyResource) bind(ctx context.Context, client *chatwoot.Client, id objectID, policyID int64, t timeouts.Value, to saveTarget) {
	policy, err := client.SetInboxAssignmentPolicy(ctx, id.accountID, id.id, policyID)
	if err != nil {
		to.diags.Append(clientErrorDiagnostic(operation{
			action:    fmt.Sprintf("attaching assignment policy %d to inbox %d", policyID, id.id),
			accountID: id.accountID, notFound: fmt.Sprintf("inbox %d or assignment policy %d", id.id, policyID),
		}, err))
		return
	}
	state := inboxAssignmentPolicyState(id, policy.ID)
	state.Timeouts = t
	r.save(ctx, to, id, &state)
}

// checkReferences makes sure the inbox (on create) and the policy exist, from the cached lists,
// before the POST: a Chatwoot 404 would say only "Resource could not be found".
func (r *inboxAssignmentPolicyResource) checkReferences(ctx context.Context, client *chatwoot.Client, id objectID, policyID int64,
	inbox bool, diags *diag.Diagnostics) bool {
	if inbox {
		found, err := referenceExists(ctx, client, chatwoot.Inboxes, id.accountID, id.id)
		if err != nil {
			diags.Append(clientErrorDiagnostic(operation{action: fmt.Sprintf("listing the inboxes to check inbox %d", id.id), accountID: id.accountID}, err))
			return false
		}
		if !found {
			diags.AddAttributeError(path.Root("inbox_id"), "Chatwoot Inbox Not Found",
				fmt.Sprintf("Account %d has no inbox with id %d, so no policy can be attached. Check the id; the chatwoot_inbox data "+
					"source finds an inbox's id by name.", id.accountID, id.id))
			return false
		}
	}
	found, err := referenceExists(ctx, client, chatwoot.AssignmentPolicies, id.accountID, policyID)
	if err != nil {
		diags.Append(clientErrorDiagnostic(operation{action: fmt.Sprintf("listing the assignment policies to check policy %d", policyID), accountID: id.accountID}, err))
		return false
	}
	if !found {
		diags.AddAttributeError(path.Root("assignment_policy_id"), "Chatwoot Assignment Policy Not Found",
			fmt.Sprintf("Account %d has no assignment policy with id %d, so inbox %d is left as it is. Check the id; "+
				"chatwoot_assignment_policy (resource or data source) gives a policy's policy_id.", id.accountID, policyID, id.id))
		return false
	}
	return true
}

func (r *inboxAssignmentPolicyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior inboxAssignmentPolicyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.InboxID.ValueInt64()}
	policy, err := client.GetInboxAssignmentPolicy(ctx, id.accountID, id.id)
	if chatwoot.IsPolicyNotBound(err) {
		r.removeUnbound(ctx, client, resp, id, prior.AssignmentPolicyID.ValueInt64())
		return
	}
	// Otherwise a 404 means the inbox itself is gone.
	if !r.readFound(ctx, resp, id, err, operation{
		action: fmt.Sprintf("reading the assignment policy of inbox %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("inbox %d", id.id),
	}) {
		return
	}
	state := inboxAssignmentPolicyState(id, policy.ID)
	r.save(ctx, refreshed(req, resp), id, &state)
}

// removeUnbound ends a Read of an inbox that has no policy any more, with a warning that says
// why when it can tell: Chatwoot detaches a deleted policy from every inbox.
func (r *inboxAssignmentPolicyResource) removeUnbound(ctx context.Context, client *chatwoot.Client, resp *resource.ReadResponse, id objectID, policyID int64) {
	why := "someone detached it in Chatwoot"
	if _, err := client.GetAssignmentPolicy(ctx, id.accountID, policyID); chatwoot.IsNotFound(err) {
		why = fmt.Sprintf("assignment policy %d was deleted, and Chatwoot detaches a deleted policy from every inbox", policyID)
	}
	resp.Diagnostics.AddWarning("Inbox No Longer Has Its Assignment Policy",
		fmt.Sprintf("Inbox %d of account %d has no assignment policy any more: %s. The inbox now uses Assignment V2's defaults "+
			"for an inbox without a policy, and chatwoot_inbox_assignment_policy %s is removed from the Terraform state. If the "+
			"configuration still has it, the next plan attaches the policy again (a deleted policy must be created again first); if it "+
			"was removed from the configuration, nothing more happens.",
			id.id, id.accountID, why, id))
	resp.Diagnostics.Append(r.setIdentity(ctx, resp.Identity, id)...)
	resp.State.RemoveResource(ctx)
}

func (r *inboxAssignmentPolicyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state inboxAssignmentPolicyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, inboxID := state.AccountID.ValueInt64(), state.InboxID.ValueInt64()
	// Gone (no binding, or no inbox) is success.
	endDeleteLeaving(&resp.Diagnostics, client.DeleteInboxAssignmentPolicy(ctx, accountID, inboxID), operation{
		action: fmt.Sprintf("detaching the assignment policy of inbox %d", inboxID), accountID: accountID, notFound: fmt.Sprintf("inbox %d", inboxID),
	}, "Assignment Policy Detached, Not Deleted",
		fmt.Sprintf("Inbox %d of account %d no longer uses assignment policy %d, which stays in the account. The inbox now "+
			"follows Assignment V2's defaults for an inbox without a policy.", inboxID, accountID, state.AssignmentPolicyID.ValueInt64()))
}

func inboxAssignmentPolicyState(id objectID, policyID int64) inboxAssignmentPolicyModel {
	return inboxAssignmentPolicyModel{
		ID:                 types.StringValue(id.String()),
		AccountID:          types.Int64Value(id.accountID),
		InboxID:            types.Int64Value(id.id),
		AssignmentPolicyID: types.Int64Value(policyID),
	}
}
