package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// assignmentV2Overview opens the description of every Assignment V2 resource, for a reader who
// has not met Chatwoot's routing model yet.
const assignmentV2Overview = "**Assignment V2 in a paragraph.** Since Chatwoot 4.13 new accounts route conversations with " +
	"\"Assignment V2\" (the account feature `assignment_v2`). Whenever a conversation of an inbox with auto-assignment on " +
	"is created, reopened, resolved or snoozed (and every 30 minutes), Chatwoot looks at the inbox's open, unassigned " +
	"conversations, oldest first, and hands each to an online member of the inbox in turn (round robin). An **assignment " +
	"policy** (`chatwoot_assignment_policy`), attached to an inbox with `chatwoot_inbox_assignment_policy` (one policy per " +
	"inbox, one policy for many inboxes), tunes that run: the order (`round_robin`, or `balanced`: the agent with the fewest " +
	"open conversations), which conversations go first, how many conversations one agent may receive in a time window " +
	"(fair distribution), and how old a conversation may be and still be assigned. An inbox without a policy uses fixed " +
	"defaults: at most 5 assignments per agent in 5 minutes, and nothing inactive for more than 168 hours. On Chatwoot " +
	"Enterprise, an **agent capacity policy** (`chatwoot_agent_capacity_policy` with `chatwoot_agent_capacity_policy_members`) " +
	"caps how many open conversations each of its agents holds per inbox. Attaching or changing a policy assigns nothing " +
	"by itself: the waiting conversations are picked up at the next conversation event or periodic run. The inbox's old " +
	"`max_assignment_limit` (`chatwoot_inbox_auto_assignment`) is ignored under V2.\n\n"

// assignmentAdminNote ends the description of the Assignment V2 resources.
const assignmentAdminNote = "\n\n**Token role:** an administrator's access token. Chatwoot lets only administrators read or " +
	"change assignment and capacity policies; an agent's token is refused with a permission error."

// NewAssignmentPolicyResource is the chatwoot_assignment_policy resource.
func NewAssignmentPolicyResource() resource.Resource {
	return &assignmentPolicyResource{accountObjectResource{kind: objectKind{
		typeName: "assignment_policy", idAttr: "policy_id", noun: "assignment policy", idDescription: "The assignment policy's id.",
	}}}
}

type assignmentPolicyResource struct{ accountObjectResource }

type assignmentPolicyModel struct {
	ID                     types.String `tfsdk:"id"`
	AccountID              types.Int64  `tfsdk:"account_id"`
	PolicyID               types.Int64  `tfsdk:"policy_id"`
	Name                   types.String `tfsdk:"name"`
	Description            types.String `tfsdk:"description"`
	AssignmentOrder        types.String `tfsdk:"assignment_order"`
	ConversationPriority   types.String `tfsdk:"conversation_priority"`
	FairDistributionLimit  types.Int64  `tfsdk:"fair_distribution_limit"`
	FairDistributionWindow types.Int64  `tfsdk:"fair_distribution_window"`
	ExcludeOlderThanHours  types.Int64  `tfsdk:"exclude_older_than_hours"`
	Enabled                types.Bool   `tfsdk:"enabled"`
	AssignedInboxCount     types.Int64  `tfsdk:"assigned_inbox_count"`
	operationTimeouts
}

// The Chatwoot version that stores exclude_older_than_hours; older servers drop it silently.
const excludeOlderThanHoursSince = chatwoot.Version4160

// The account feature that makes balanced ordering (and capacity limits) take effect.
const advancedAssignmentFlag = "advanced_assignment"

func (r *assignmentPolicyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Assignment V2 assignment policy of a Chatwoot account: how the conversations of the inboxes it " +
			"is attached to are handed out to agents.\n\n" + assignmentV2Overview +
			"Every argument but `name` and `exclude_older_than_hours` has Chatwoot's default for a new policy, so a policy with only a name plans what " +
			"Chatwoot stores. `enabled` is stored and shown in Chatwoot, but Chatwoot's assignment code does not read it: a " +
			"policy with `enabled = false` that is attached to an inbox is applied like any other. To stop using a policy for an " +
			"inbox, remove its `chatwoot_inbox_assignment_policy`.\n\n" +
			"Names are unique within an account and compared with case (`Support` and `support` are two names); a name the account " +
			"already uses is refused before anything is sent." + assignmentAdminNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"policy_id": computedIDAttribute("The policy's id in Chatwoot, as `assignment_policy_id` of " +
				"`chatwoot_inbox_assignment_policy` takes it."),
			"name": schema.StringAttribute{
				MarkdownDescription: "The policy's name, unique within the account (compared with case); at most 255 characters.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(nonBlank, "must not be blank"),
				},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "A description of the policy; at most 20,000 characters. Omitted, the policy has none (Chatwoot " +
					"stores null).",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtMost(20000)},
			},
			"assignment_order": schema.StringAttribute{
				MarkdownDescription: "How an agent is chosen among the online members of the inbox: `round_robin` (the default: " +
					"each in turn) or `balanced` (the agent with the fewest open conversations in the inbox). `balanced` needs a " +
					"Chatwoot server built with its Enterprise code and the account feature `advanced_assignment`; without either " +
					"it is refused at plan time (Chatwoot would answer a server error, or silently use round robin).",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(chatwoot.AssignmentOrderRoundRobin),
				Validators: []validator.String{stringvalidator.OneOf(chatwoot.AssignmentOrderRoundRobin, chatwoot.AssignmentOrderBalanced)},
			},
			"conversation_priority": schema.StringAttribute{
				MarkdownDescription: "Which waiting conversations are assigned first: `earliest_created` (the default: oldest " +
					"conversation first) or `longest_waiting` (least recent activity first).",
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(chatwoot.ConversationPriorityEarliestCreated),
				Validators: []validator.String{stringvalidator.OneOf(chatwoot.ConversationPriorityEarliestCreated,
					chatwoot.ConversationPriorityLongestWaiting)},
			},
			"fair_distribution_limit": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many conversations of one inbox an agent may be assigned by Assignment V2 "+
					"within `fair_distribution_window`; an agent at the limit is skipped until the oldest of those assignments "+
					"leaves the window. At least 1; defaults to %d, as in Chatwoot.", chatwoot.DefaultFairDistributionLimit),
				Optional:   true,
				Computed:   true,
				Default:    int64default.StaticInt64(chatwoot.DefaultFairDistributionLimit),
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"fair_distribution_window": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("The sliding window of `fair_distribution_limit`, in seconds. At least 1; defaults "+
					"to %d (one hour), as in Chatwoot.", chatwoot.DefaultFairDistributionWindow),
				Optional:   true,
				Computed:   true,
				Default:    int64default.StaticInt64(chatwoot.DefaultFairDistributionWindow),
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"exclude_older_than_hours": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("Conversations without activity for more than this many hours are left "+
					"unassigned. Omitted (null), the policy has no age limit. At least 1. Chatwoot's own form proposes %d "+
					"(7 days): write it to keep that. Chatwoot stores this from version 4.16.0; on an older server a value is "+
					"refused at plan time, because Chatwoot would drop it silently.", chatwoot.DefaultExcludeOlderThanHours),
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"enabled": schema.BoolAttribute{
				MarkdownDescription: "Stored and shown by Chatwoot, but **not read by Chatwoot's assignment code**: an attached " +
					"policy applies whatever this says. Defaults to `true`, as in Chatwoot.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"assigned_inbox_count": schema.Int64Attribute{
				MarkdownDescription: "How many inboxes the policy is attached to, as Chatwoot counted when the policy was last read.",
				Computed:            true,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

// ModifyPlan resolves the account, then refuses at plan time what Chatwoot would answer with a
// server error or drop silently: balanced ordering without the Enterprise code or the account's
// advanced_assignment feature, and an age limit on a server older than 4.16.0.
func (r *assignmentPolicyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !r.planToCheck(ctx, req, resp) {
		return
	}
	var plan, prior assignmentPolicyModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	}
	if resp.Diagnostics.HasError() || plan.AccountID.IsUnknown() {
		return
	}
	client, accountID := r.data.client, plan.AccountID.ValueInt64()
	// Only what this plan sets or changes is checked, so that a plan of an unchanged policy does
	// not depend on the server.
	changed := func(planned, before attr.Value) bool { return !planned.IsUnknown() && !planned.Equal(before) }

	if changed(plan.AssignmentOrder, prior.AssignmentOrder) && plan.AssignmentOrder.ValueString() == chatwoot.AssignmentOrderBalanced {
		checkBalancedAllowed(ctx, client, accountID, path.Root("assignment_order"), &resp.Diagnostics)
	}
	if changed(plan.ExcludeOlderThanHours, prior.ExcludeOlderThanHours) && !plan.ExcludeOlderThanHours.IsNull() {
		if info := client.ServerInfo(ctx); !info.Version.AtLeast(excludeOlderThanHoursSince) {
			resp.Diagnostics.AddAttributeError(path.Root("exclude_older_than_hours"), "Chatwoot Too Old for exclude_older_than_hours",
				fmt.Sprintf("The Chatwoot server is version %s; it stores an assignment policy's exclude_older_than_hours only from "+
					"version %s and would silently drop it, so the policy would have no age limit. Remove exclude_older_than_hours "+
					"(an older Chatwoot applies no age limit to policies), or upgrade Chatwoot.", info.Version, excludeOlderThanHoursSince))
		}
	}
}

// checkBalancedAllowed refuses balanced ordering where Chatwoot cannot store it (a server built
// without the Enterprise code answers a 500) or would not use it (without advanced_assignment,
// Chatwoot silently assigns round robin).
func checkBalancedAllowed(ctx context.Context, client *chatwoot.Client, accountID int64, at path.Path, diags *diag.Diagnostics) {
	account, err := client.Account(ctx, accountID)
	if err != nil {
		diags.Append(clientErrorDiagnostic(operation{action: "reading the account's features to check balanced ordering", accountID: accountID}, err))
		return
	}
	switch {
	case account.Edition != chatwoot.EditionEnterprise:
		diags.AddAttributeError(at, "Balanced Assignment Needs Chatwoot Enterprise",
			fmt.Sprintf("The Chatwoot server of account %d is built without Chatwoot's Enterprise code, which is where balanced "+
				"assignment lives; Chatwoot would answer the policy with a server error and save nothing. Use "+
				"assignment_order = \"round_robin\", or run the Chatwoot image that includes the Enterprise code.", accountID))
	case !account.Features.Has(advancedAssignmentFlag):
		diags.AddAttributeError(at, "Balanced Assignment Needs advanced_assignment",
			fmt.Sprintf("Account %d does not have the feature %s switched on, so Chatwoot would store the balanced policy but "+
				"assign round robin. Ask the Chatwoot operator to enable %s for account %d (Super Admin, or the Platform API's "+
				"account features), or use assignment_order = \"round_robin\".", accountID, advancedAssignmentFlag, advancedAssignmentFlag, accountID))
	}
}

func (r *assignmentPolicyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan assignmentPolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	if !r.nameIsFree(ctx, client, accountID, plan.Name.ValueString(), 0, &resp.Diagnostics) {
		return
	}
	fields := chatwoot.AssignmentPolicyFields{
		Name:                   plan.Name.ValueStringPointer(),
		Description:            plan.Description.ValueStringPointer(),
		AssignmentOrder:        plan.AssignmentOrder.ValueStringPointer(),
		ConversationPriority:   plan.ConversationPriority.ValueStringPointer(),
		FairDistributionLimit:  plan.FairDistributionLimit.ValueInt64Pointer(),
		FairDistributionWindow: plan.FairDistributionWindow.ValueInt64Pointer(),
		ExcludeOlderThanHours:  plan.ExcludeOlderThanHours.ValueInt64Pointer(),
		Enabled:                plan.Enabled.ValueBoolPointer(),
	}
	// Chatwoot's default is 168 hours; null is "no age limit" here, so it is sent, where Chatwoot
	// stores it.
	if plan.ExcludeOlderThanHours.IsNull() && client.ServerInfo(ctx).Version.AtLeast(excludeOlderThanHoursSince) {
		fields.NoAgeLimit = true
	}
	policy, err := client.CreateAssignmentPolicy(ctx, accountID, fields)
	if err != nil {
		appendClientErrorOnAttribute(&resp.Diagnostics, operation{
			action: fmt.Sprintf("creating assignment policy %q", plan.Name.ValueString()), accountID: accountID,
		}, err, assignmentPolicyFieldNames...)
		return
	}
	state := assignmentPolicyState(accountID, policy)
	r.save(ctx, created(req, resp), objectID{accountID, policy.ID}, &state)
}

// assignmentPolicyFieldNames are the fields a 422 may name; they match the attributes.
var assignmentPolicyFieldNames = []string{"name", "description", "fair_distribution_limit", "fair_distribution_window", "exclude_older_than_hours"}

// nameIsFree refuses a name another policy of the account already has (exactly: Chatwoot
// compares with case) before anything is sent. self is the policy being renamed (0 on create).
func (r *assignmentPolicyResource) nameIsFree(ctx context.Context, client *chatwoot.Client, accountID int64, name string, self int64, diags *diag.Diagnostics) bool {
	taken, err := chatwoot.AssignmentPolicies.Find(ctx, client, accountID, func(p *chatwoot.AssignmentPolicy) bool {
		return p.Name == name && p.ID != self
	})
	if chatwoot.IsNotFound(err) {
		return true
	}
	if err != nil {
		diags.Append(clientErrorDiagnostic(operation{action: "listing the assignment policies to check the name", accountID: accountID}, err))
		return false
	}
	diags.AddAttributeError(path.Root("name"), "Assignment Policy Name Already Taken",
		fmt.Sprintf("Account %d already has an assignment policy named %q (policy %d); names are unique within an account, compared "+
			"with case. Nothing was sent. Choose another name, or import the existing policy: terraform import <address> %d/%d.",
			accountID, name, taken.ID, accountID, taken.ID))
	return false
}

func (r *assignmentPolicyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior assignmentPolicyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.PolicyID.ValueInt64()}
	policy, err := client.GetAssignmentPolicy(ctx, id.accountID, id.id)
	if !r.readFound(ctx, resp, id, err, operation{
		action: fmt.Sprintf("reading assignment policy %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("assignment policy %d", id.id),
	}) {
		return
	}
	state := assignmentPolicyState(id.accountID, policy)
	r.save(ctx, refreshed(req, resp), id, &state)
}

func (r *assignmentPolicyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior assignmentPolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.PolicyID.ValueInt64()}

	// Send only what changed, so that a change made elsewhere to another field is not undone.
	var fields chatwoot.AssignmentPolicyFields
	changed := false
	if !plan.Name.Equal(prior.Name) {
		if !r.nameIsFree(ctx, client, id.accountID, plan.Name.ValueString(), id.id, &resp.Diagnostics) {
			return
		}
		fields.Name, changed = plan.Name.ValueStringPointer(), true
	}
	if !plan.Description.Equal(prior.Description) {
		fields.Description, fields.ClearDescription, changed = plan.Description.ValueStringPointer(), plan.Description.IsNull(), true
	}
	fields.AssignmentOrder = changedString(plan.AssignmentOrder, prior.AssignmentOrder, &changed)
	fields.ConversationPriority = changedString(plan.ConversationPriority, prior.ConversationPriority, &changed)
	fields.FairDistributionLimit = changedInt64(plan.FairDistributionLimit, prior.FairDistributionLimit, &changed)
	fields.FairDistributionWindow = changedInt64(plan.FairDistributionWindow, prior.FairDistributionWindow, &changed)
	if !plan.ExcludeOlderThanHours.Equal(prior.ExcludeOlderThanHours) {
		fields.ExcludeOlderThanHours, fields.NoAgeLimit, changed = plan.ExcludeOlderThanHours.ValueInt64Pointer(), plan.ExcludeOlderThanHours.IsNull(), true
	}
	fields.Enabled = changedBool(plan.Enabled, prior.Enabled, &changed)
	policy, err := client.GetAssignmentPolicy(ctx, id.accountID, id.id)
	if changed {
		policy, err = client.UpdateAssignmentPolicy(ctx, id.accountID, id.id, fields)
	}
	if err != nil {
		appendClientErrorOnAttribute(&resp.Diagnostics, operation{
			action: fmt.Sprintf("updating assignment policy %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("assignment policy %d", id.id),
		}, err, assignmentPolicyFieldNames...)
		return
	}
	state := assignmentPolicyState(id.accountID, policy)
	r.save(ctx, updated(req, resp), id, &state)
}

func (r *assignmentPolicyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state assignmentPolicyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, policyID := state.AccountID.ValueInt64(), state.PolicyID.ValueInt64()
	err := client.DeleteAssignmentPolicy(ctx, accountID, policyID)
	endDelete(&resp.Diagnostics, err, operation{
		action: fmt.Sprintf("deleting assignment policy %d", policyID), accountID: accountID, notFound: fmt.Sprintf("assignment policy %d", policyID),
	})
}

func assignmentPolicyState(accountID int64, p *chatwoot.AssignmentPolicy) assignmentPolicyModel {
	return assignmentPolicyModel{
		ID:                     types.StringValue(objectID{accountID, p.ID}.String()),
		AccountID:              types.Int64Value(accountID),
		PolicyID:               types.Int64Value(p.ID),
		Name:                   types.StringValue(p.Name),
		Description:            types.StringPointerValue(p.Description),
		AssignmentOrder:        types.StringValue(p.AssignmentOrder),
		ConversationPriority:   types.StringValue(p.ConversationPriority),
		FairDistributionLimit:  types.Int64Value(p.FairDistributionLimit),
		FairDistributionWindow: types.Int64Value(p.FairDistributionWindow),
		// Absent before 4.16.0, where a policy has no age limit: null either way.
		ExcludeOlderThanHours: types.Int64PointerValue(p.ExcludeOlderThanHours),
		Enabled:               types.BoolValue(p.Enabled),
		AssignedInboxCount:    types.Int64Value(p.AssignedInboxCount),
	}
}
