package provider

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentCapacityPolicyResource is the chatwoot_agent_capacity_policy resource.
func NewAgentCapacityPolicyResource() resource.Resource {
	return &capacityPolicyResource{accountObjectResource{kind: objectKind{
		typeName: "agent_capacity_policy", idAttr: "policy_id", noun: "agent capacity policy", idDescription: "The capacity policy's id.",
	}}}
}

type capacityPolicyResource struct{ accountObjectResource }

type capacityPolicyModel struct {
	ID             types.String `tfsdk:"id"`
	AccountID      types.Int64  `tfsdk:"account_id"`
	PolicyID       types.Int64  `tfsdk:"policy_id"`
	Name           types.String `tfsdk:"name"`
	Description    types.String `tfsdk:"description"`
	ExclusionRules types.Object `tfsdk:"exclusion_rules"`
	InboxLimits    types.Set    `tfsdk:"inbox_limits"`
	operationTimeouts
}

type capacityExclusionRulesModel struct {
	ExcludeOlderThanHours types.Int64 `tfsdk:"exclude_older_than_hours"`
	ExcludedLabels        types.Set   `tfsdk:"excluded_labels"`
}

type inboxLimitModel struct {
	InboxID           types.Int64 `tfsdk:"inbox_id"`
	ConversationLimit types.Int64 `tfsdk:"conversation_limit"`
}

var (
	exclusionRulesAttrTypes = map[string]attr.Type{
		"exclude_older_than_hours": types.Int64Type,
		"excluded_labels":          types.SetType{ElemType: types.StringType},
	}
	inboxLimitAttrTypes = map[string]attr.Type{"inbox_id": types.Int64Type, "conversation_limit": types.Int64Type}
)

// enterpriseOnlyNote is said by every capacity-policy resource and data source.
const enterpriseOnlyNote = "\n\n**Chatwoot Enterprise only.** Capacity policies exist only on a Chatwoot server built with its " +
	"Enterprise code (the standard image); on a server built without it the plan fails with one clear error and nothing is " +
	"created. The limits take effect only while the account has the feature `advanced_assignment`; the exclusion rules apply " +
	"whenever the account routes with Assignment V2."

func (r *capacityPolicyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An agent capacity policy: how many open conversations each of its agents may hold per inbox " +
			"before Assignment V2 skips them, and which conversations Assignment V2 leaves alone in those inboxes. The agents " +
			"who hold it are set with `chatwoot_agent_capacity_policy_members`.\n\n" + assignmentV2Overview +
			"`inbox_limits` is authoritative: limits added in the Chatwoot UI are removed on the next apply, and each change is " +
			"sent as the one request it needs (a new limit, a changed limit, a removed limit). Names need not be unique." +
			enterpriseOnlyNote + assignmentAdminNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"policy_id": computedIDAttribute("The capacity policy's id in Chatwoot, as `policy_id` of " +
				"`chatwoot_agent_capacity_policy_members` takes it."),
			"name": schema.StringAttribute{
				MarkdownDescription: "The policy's name; at most 255 characters. Chatwoot does not require names to be unique.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(nonBlank, "must not be blank"),
				},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "A description of the policy. Omitted, the policy has none.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtMost(20000)},
			},
			"exclusion_rules": schema.SingleNestedAttribute{
				MarkdownDescription: "Conversations that Assignment V2 does not assign in the inboxes this policy limits (when " +
					"several policies limit an inbox, Chatwoot uses the rules of the policy whose limit for it is oldest). Omitted, " +
					"there are none.",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"exclude_older_than_hours": schema.Int64Attribute{
						MarkdownDescription: "Skip conversations without activity for more than this many hours. At least 1.",
						Optional:            true,
						Validators:          []validator.Int64{int64validator.AtLeast(1)},
					},
					"excluded_labels": schema.SetAttribute{
						MarkdownDescription: "Skip conversations that carry any of these labels. At least one label when set.",
						Optional:            true,
						ElementType:         types.StringType,
						Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
					},
				},
			},
			"inbox_limits": schema.SetNestedAttribute{
				MarkdownDescription: "The per-inbox limits: an agent holding this policy gets no new conversation of the inbox " +
					"while they hold `conversation_limit` open conversations in it (however those were assigned). An inbox " +
					"without a limit is unlimited for these agents. Each inbox at most once; ids the account does not have are " +
					"refused before anything is sent.",
				Optional: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"inbox_id": schema.Int64Attribute{
						MarkdownDescription: "The inbox (`chatwoot_inbox` data source).",
						Required:            true,
						Validators:          []validator.Int64{int64validator.AtLeast(1)},
					},
					"conversation_limit": schema.Int64Attribute{
						MarkdownDescription: "The most open conversations of the inbox an agent may hold before being skipped; `0` " +
							"means these agents never get the inbox's conversations from Assignment V2.",
						Required:   true,
						Validators: []validator.Int64{int64validator.AtLeast(0)},
					},
				}},
				Validators: []validator.Set{setvalidator.SizeAtLeast(1), uniqueInboxLimitsValidator{}},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

// uniqueInboxLimitsValidator refuses a second limit for one inbox: Chatwoot answers it with a 422
// after the first was saved.
type uniqueInboxLimitsValidator struct{}

func (uniqueInboxLimitsValidator) Description(context.Context) string {
	return "each inbox at most once"
}

func (v uniqueInboxLimitsValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (uniqueInboxLimitsValidator) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	seen := map[int64]int64{}
	for _, el := range req.ConfigValue.Elements() {
		obj, ok := el.(basetypes.ObjectValue)
		if !ok || obj.IsUnknown() {
			continue
		}
		inbox, ok := obj.Attributes()["inbox_id"].(types.Int64)
		if !ok || inbox.IsUnknown() || inbox.IsNull() {
			continue
		}
		limit, _ := obj.Attributes()["conversation_limit"].(types.Int64)
		if first, dup := seen[inbox.ValueInt64()]; dup {
			resp.Diagnostics.AddAttributeError(req.Path, "Duplicate Inbox in inbox_limits",
				fmt.Sprintf("Inbox %d has two limits (%d and %s); a capacity policy holds one limit per inbox. Keep one of them.",
					inbox.ValueInt64(), first, limit))
			return
		}
		seen[inbox.ValueInt64()] = limit.ValueInt64()
	}
}

// ModifyPlan resolves the account, then refuses the policy at plan time on a server built
// without the Enterprise code, where no capacity route exists.
func (r *capacityPolicyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !r.planToCheck(ctx, req, resp) {
		return
	}
	var plan, prior capacityPolicyModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	}
	if resp.Diagnostics.HasError() || plan.AccountID.IsUnknown() || plan.AccountID.IsNull() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	if req.State.Raw.IsNull() {
		if requireEnterprise(ctx, r.data.client, accountID, "agent capacity policies", &resp.Diagnostics); resp.Diagnostics.HasError() {
			return
		}
	}
	// Inboxes known now are checked now; apply checks again before anything is sent.
	if !plan.InboxLimits.IsUnknown() && !plan.InboxLimits.Equal(prior.InboxLimits) {
		known := map[int64]int64{}
		var items []types.Object
		resp.Diagnostics.Append(plan.InboxLimits.ElementsAs(ctx, &items, true)...)
		for _, it := range items {
			if inbox, ok := it.Attributes()["inbox_id"].(types.Int64); ok && !inbox.IsUnknown() && !inbox.IsNull() {
				known[inbox.ValueInt64()] = 0
			}
		}
		checkLimitInboxes(ctx, r.data.client, accountID, known, &resp.Diagnostics)
	}
}

// requireEnterprise adds one error when the account's server is built without the Enterprise
// code; what names the feature that needs it.
func requireEnterprise(ctx context.Context, client *chatwoot.Client, accountID int64, what string, diags *diag.Diagnostics) {
	account, err := client.Account(ctx, accountID)
	if err != nil {
		diags.Append(clientErrorDiagnostic(operation{action: "reading the account to check the Chatwoot edition", accountID: accountID}, err))
		return
	}
	if account.Edition != chatwoot.EditionEnterprise {
		diags.Append(communityBuildError(accountID, what))
	}
}

func communityBuildError(accountID int64, what string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Chatwoot Enterprise Required",
		fmt.Sprintf("The Chatwoot server of account %d is built without Chatwoot's Enterprise code, so it has no %s; nothing was "+
			"created. Run the Chatwoot image that includes the Enterprise code, or remove the capacity-policy resources from "+
			"this configuration.", accountID, what))
}

// capacityClientError is clientErrorDiagnostic, with the routing 404 of a Community build said
// plainly.
func capacityClientError(op operation, err error) diag.Diagnostic {
	if chatwoot.IsRouteNotFound(err) {
		return communityBuildError(op.accountID, "agent capacity policies")
	}
	return clientErrorDiagnostic(op, err)
}

func (r *capacityPolicyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan capacityPolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	limits := plannedInboxLimits(ctx, plan.InboxLimits, &resp.Diagnostics)
	if resp.Diagnostics.HasError() || !checkLimitInboxes(ctx, client, accountID, limits, &resp.Diagnostics) {
		return
	}
	fields := chatwoot.CapacityPolicyFields{Name: plan.Name.ValueStringPointer(), Description: plan.Description.ValueStringPointer()}
	if rules := plannedExclusionRules(ctx, plan.ExclusionRules, &resp.Diagnostics); rules != nil {
		fields.ExclusionRules = rules
	}
	policy, err := client.CreateCapacityPolicy(ctx, accountID, fields)
	if err != nil {
		resp.Diagnostics.Append(capacityClientError(operation{action: fmt.Sprintf("creating capacity policy %q", plan.Name.ValueString()), accountID: accountID}, err))
		return
	}
	id := objectID{accountID, policy.ID}
	// From here on the policy exists: it is saved even when a limit fails, so that the next
	// apply finishes the job instead of creating a second policy.
	r.syncLimits(ctx, client, id, nil, limits, &resp.Diagnostics)
	r.finish(ctx, client, id, plan, created(req, resp))
}

func (r *capacityPolicyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior capacityPolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.PolicyID.ValueInt64()}
	limits := plannedInboxLimits(ctx, plan.InboxLimits, &resp.Diagnostics)
	if resp.Diagnostics.HasError() || !checkLimitInboxes(ctx, client, id.accountID, limits, &resp.Diagnostics) {
		return
	}
	var fields chatwoot.CapacityPolicyFields
	changed := false
	fields.Name = changedString(plan.Name, prior.Name, &changed)
	if !plan.Description.Equal(prior.Description) {
		fields.Description, fields.ClearDescription, changed = plan.Description.ValueStringPointer(), plan.Description.IsNull(), true
	}
	if !plan.ExclusionRules.Equal(prior.ExclusionRules) {
		fields.ExclusionRules, changed = plannedExclusionRules(ctx, plan.ExclusionRules, &resp.Diagnostics), true
		if fields.ExclusionRules == nil {
			fields.ExclusionRules = &chatwoot.CapacityExclusionRules{} // {}: no rules
		}
	}
	current, err := client.GetCapacityPolicy(ctx, id.accountID, id.id)
	if changed && err == nil {
		current, err = client.UpdateCapacityPolicy(ctx, id.accountID, id.id, fields)
	}
	if err != nil {
		resp.Diagnostics.Append(capacityClientError(operation{action: fmt.Sprintf("updating capacity policy %d", id.id), accountID: id.accountID,
			notFound: fmt.Sprintf("capacity policy %d", id.id)}, err))
		return
	}
	r.syncLimits(ctx, client, id, current.InboxLimits, limits, &resp.Diagnostics)
	r.finish(ctx, client, id, plan, updated(req, resp))
}

// syncLimits turns the policy's limits (current, as Chatwoot holds them) into want with one
// request per difference: a POST for a new inbox, a PATCH by limit id for a changed limit, a
// DELETE for an inbox no longer listed. Failures are added to diags; the caller saves what
// Chatwoot then holds.
func (r *capacityPolicyResource) syncLimits(ctx context.Context, client *chatwoot.Client, id objectID, current []chatwoot.InboxCapacityLimit,
	want map[int64]int64, diags *diag.Diagnostics) {
	have := map[int64]chatwoot.InboxCapacityLimit{}
	for _, l := range current {
		have[l.InboxID] = l
	}
	op := func(format string, args ...any) operation {
		return operation{action: fmt.Sprintf(format, args...), accountID: id.accountID, notFound: fmt.Sprintf("capacity policy %d or its limit", id.id)}
	}
	for _, l := range current {
		if _, keep := want[l.InboxID]; !keep {
			if err := client.DeleteInboxCapacityLimit(ctx, id.accountID, id.id, l.ID); err != nil && !chatwoot.IsNotFound(err) {
				diags.Append(capacityClientError(op("removing the limit of inbox %d from capacity policy %d", l.InboxID, id.id), err))
			}
		}
	}
	for _, inbox := range sortedKeys(want) {
		limit := want[inbox]
		existing, ok := have[inbox]
		var err error
		switch {
		case !ok:
			_, err = client.CreateInboxCapacityLimit(ctx, id.accountID, id.id, inbox, limit)
		case existing.ConversationLimit != limit:
			_, err = client.UpdateInboxCapacityLimit(ctx, id.accountID, id.id, existing.ID, limit)
		}
		if err != nil {
			diags.Append(capacityClientError(op("setting the limit of inbox %d in capacity policy %d to %d", inbox, id.id, limit), err))
		}
	}
}

// finish reads the policy back and saves it, so that the state is what Chatwoot holds even
// after a failed limit.
func (r *capacityPolicyResource) finish(ctx context.Context, client *chatwoot.Client, id objectID, plan capacityPolicyModel, to saveTarget) {
	policy, err := client.GetCapacityPolicy(ctx, id.accountID, id.id)
	if err != nil {
		to.diags.Append(capacityClientError(operation{action: fmt.Sprintf("reading capacity policy %d", id.id), accountID: id.accountID}, err))
		return
	}
	state := capacityPolicyState(ctx, id.accountID, policy, plan.ExclusionRules, to.diags)
	r.save(ctx, to, id, &state)
}

func (r *capacityPolicyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior capacityPolicyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.PolicyID.ValueInt64()}
	policy, err := client.GetCapacityPolicy(ctx, id.accountID, id.id)
	if chatwoot.IsNotFound(err) && !chatwoot.IsRouteNotFound(err) {
		r.removeGone(ctx, resp, id)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(capacityClientError(operation{action: fmt.Sprintf("reading capacity policy %d", id.id), accountID: id.accountID,
			notFound: fmt.Sprintf("capacity policy %d", id.id)}, err))
		return
	}
	state := capacityPolicyState(ctx, id.accountID, policy, prior.ExclusionRules, &resp.Diagnostics)
	r.save(ctx, refreshed(req, resp), id, &state)
}

func (r *capacityPolicyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state capacityPolicyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, policyID := state.AccountID.ValueInt64(), state.PolicyID.ValueInt64()
	// Chatwoot deletes the limits with the policy and releases its members.
	if err := client.DeleteCapacityPolicy(ctx, accountID, policyID); err != nil && (!chatwoot.IsNotFound(err) || chatwoot.IsRouteNotFound(err)) {
		resp.Diagnostics.Append(capacityClientError(operation{action: fmt.Sprintf("deleting capacity policy %d", policyID), accountID: accountID,
			notFound: fmt.Sprintf("capacity policy %d", policyID)}, err))
	}
}

// checkLimitInboxes makes sure every inbox of inbox_limits exists before anything is sent.
func checkLimitInboxes(ctx context.Context, client *chatwoot.Client, accountID int64, limits map[int64]int64, diags *diag.Diagnostics) bool {
	for _, inbox := range sortedKeys(limits) {
		found, err := referenceExists(ctx, client, chatwoot.Inboxes, accountID, inbox)
		if err != nil {
			diags.Append(clientErrorDiagnostic(operation{action: fmt.Sprintf("listing the inboxes to check inbox %d", inbox), accountID: accountID}, err))
			return false
		}
		if !found {
			diags.AddAttributeError(path.Root("inbox_limits"), "Chatwoot Inbox Not Found",
				fmt.Sprintf("Account %d has no inbox with id %d, so the capacity policy cannot be saved. Check the id; the "+
					"chatwoot_inbox data source finds an inbox's id by name.", accountID, inbox))
			return false
		}
	}
	return true
}

func plannedInboxLimits(ctx context.Context, set types.Set, diags *diag.Diagnostics) map[int64]int64 {
	out := map[int64]int64{}
	if set.IsNull() || set.IsUnknown() {
		return out
	}
	var items []inboxLimitModel
	diags.Append(set.ElementsAs(ctx, &items, false)...)
	for _, it := range items {
		out[it.InboxID.ValueInt64()] = it.ConversationLimit.ValueInt64()
	}
	return out
}

func plannedExclusionRules(ctx context.Context, obj types.Object, diags *diag.Diagnostics) *chatwoot.CapacityExclusionRules {
	if obj.IsNull() || obj.IsUnknown() {
		return nil
	}
	var m capacityExclusionRulesModel
	diags.Append(obj.As(ctx, &m, basetypes.ObjectAsOptions{})...)
	rules := &chatwoot.CapacityExclusionRules{ExcludeOlderThanHours: m.ExcludeOlderThanHours.ValueInt64Pointer()}
	if !m.ExcludedLabels.IsNull() && !m.ExcludedLabels.IsUnknown() {
		var labels []string
		diags.Append(m.ExcludedLabels.ElementsAs(ctx, &labels, false)...)
		sort.Strings(labels)
		rules.ExcludedLabels = labels
	}
	return rules
}

// capacityPolicyState maps Chatwoot's policy to the state. Chatwoot's "no rules" is {}: it is
// null here, or an object of nulls when the configuration (prior) writes it so.
func capacityPolicyState(ctx context.Context, accountID int64, p *chatwoot.CapacityPolicy, priorRules types.Object, diags *diag.Diagnostics) capacityPolicyModel {
	rules := types.ObjectNull(exclusionRulesAttrTypes)
	hours := types.Int64PointerValue(p.ExclusionRules.ExcludeOlderThanHours)
	labels := types.SetNull(types.StringType)
	if len(p.ExclusionRules.ExcludedLabels) > 0 {
		var d diag.Diagnostics
		labels, d = types.SetValueFrom(ctx, types.StringType, p.ExclusionRules.ExcludedLabels)
		diags.Append(d...)
	}
	if !hours.IsNull() || !labels.IsNull() || (!priorRules.IsNull() && !priorRules.IsUnknown()) {
		var d diag.Diagnostics
		rules, d = types.ObjectValue(exclusionRulesAttrTypes, map[string]attr.Value{"exclude_older_than_hours": hours, "excluded_labels": labels})
		diags.Append(d...)
	}
	limits := types.SetNull(types.ObjectType{AttrTypes: inboxLimitAttrTypes})
	if len(p.InboxLimits) > 0 {
		items := make([]attr.Value, 0, len(p.InboxLimits))
		for _, l := range p.InboxLimits {
			obj, d := types.ObjectValue(inboxLimitAttrTypes, map[string]attr.Value{
				"inbox_id": types.Int64Value(l.InboxID), "conversation_limit": types.Int64Value(l.ConversationLimit),
			})
			diags.Append(d...)
			items = append(items, obj)
		}
		var d diag.Diagnostics
		limits, d = types.SetValue(types.ObjectType{AttrTypes: inboxLimitAttrTypes}, items)
		diags.Append(d...)
	}
	return capacityPolicyModel{
		ID:             types.StringValue(objectID{accountID, p.ID}.String()),
		AccountID:      types.Int64Value(accountID),
		PolicyID:       types.Int64Value(p.ID),
		Name:           types.StringValue(p.Name),
		Description:    types.StringPointerValue(p.Description),
		ExclusionRules: rules,
		InboxLimits:    limits,
	}
}

func sortedKeys(m map[int64]int64) []int64 {
	keys := make([]int64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
