package provider

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// slaFeature is the account feature flag Chatwoot 4.17 and newer require for every SLA request
// (older Enterprise builds do not check it).
const slaFeature = "sla"

// slaFeatureFromVersion is the first Chatwoot release that refuses SLA requests of an account
// without the sla feature.
const slaFeatureFromVersion = chatwoot.Version4170

// slaDeletePollInterval is how often a destroy lists the policies until Chatwoot's background
// job has deleted the policy.
var slaDeletePollInterval = 500 * time.Millisecond

// NewSLAPolicyResource is the chatwoot_sla_policy resource.
func NewSLAPolicyResource() resource.Resource {
	return &slaPolicyResource{accountObjectResource{kind: objectKind{
		typeName: "sla_policy", idAttr: "sla_policy_id", noun: "SLA policy", idDescription: "The SLA policy's id.",
	}}}
}

type slaPolicyResource struct{ accountObjectResource }

type slaPolicyModel struct {
	ID                      types.String `tfsdk:"id"`
	AccountID               types.Int64  `tfsdk:"account_id"`
	SLAPolicyID             types.Int64  `tfsdk:"sla_policy_id"`
	Name                    types.String `tfsdk:"name"`
	Description             types.String `tfsdk:"description"`
	FirstResponseTime       types.Int64  `tfsdk:"first_response_time_threshold"`
	NextResponseTime        types.Int64  `tfsdk:"next_response_time_threshold"`
	ResolutionTime          types.Int64  `tfsdk:"resolution_time_threshold"`
	OnlyDuringBusinessHours types.Bool   `tfsdk:"only_during_business_hours"`
	operationTimeouts
}

func slaThresholdAttribute(what string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: "The " + what + " target, in seconds (`3600` is an hour). Omit it for no target.",
		Optional:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
}

func (r *slaPolicyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An SLA policy: response and resolution targets that Chatwoot measures conversations against " +
			"(applied with the `add_sla` action of `chatwoot_automation_rule`).\n\n" +
			"SLA policies exist only in Chatwoot's **Enterprise** build, and from Chatwoot 4.17 only for accounts with the `sla` " +
			"feature (set through the Platform API or the super admin console). The provider reads the account at plan time and " +
			"refuses the plan, naming the account and the flag, when either is missing.\n\n" +
			"Chatwoot deletes a policy in a background job; destroy waits, within the `delete` timeout, until the policy is no " +
			"longer listed. Names need not be unique." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":                            r.idAttribute(),
			"account_id":                    r.accountIDAttribute(),
			"sla_policy_id":                 computedIDAttribute("The policy's id in Chatwoot, as the `add_sla` action takes it."),
			"name":                          requiredTextAttribute("The policy's name; at most 255 characters.", 255),
			"description":                   optionalTextAttribute("What the policy is for. Defaults to empty.", 20000),
			"first_response_time_threshold": slaThresholdAttribute("first response"),
			"next_response_time_threshold":  slaThresholdAttribute("next response"),
			"resolution_time_threshold":     slaThresholdAttribute("resolution"),
			"only_during_business_hours": schema.BoolAttribute{
				MarkdownDescription: "Whether only the inbox's business hours count towards the thresholds. Defaults to `false`, " +
					"as in Chatwoot.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

// ModifyPlan resolves the account, then checks that it can hold SLA policies at all, so that a
// plan on the wrong build or account fails before anything is sent.
func (r *slaPolicyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !r.planToCheck(ctx, req, resp) {
		return
	}
	var accountID types.Int64
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("account_id"), &accountID)...)
	if accountID.IsUnknown() || accountID.IsNull() {
		return // known at apply, where Chatwoot's own answer is explained the same way
	}
	if !req.State.Raw.IsNull() && resp.Plan.Raw.Equal(req.State.Raw) {
		return // nothing to send, so nothing to check: a plan without changes costs no requests
	}
	checkSLAAvailable(ctx, r.data.client, accountID.ValueInt64(), &resp.Diagnostics)
}

// checkSLAAvailable adds an error when the account's build or features cannot hold SLA policies.
func checkSLAAvailable(ctx context.Context, client *chatwoot.Client, accountID int64, diags *diag.Diagnostics) {
	account, err := client.Account(ctx, accountID)
	if err != nil {
		diags.Append(clientErrorDiagnostic(operation{action: "reading the account to check that it can hold SLA policies", accountID: accountID}, err))
		return
	}
	if account.Edition != chatwoot.EditionEnterprise {
		diags.AddError("Chatwoot Enterprise Required for SLA Policies",
			fmt.Sprintf("Account %d is served by Chatwoot's Community build (the image without the Enterprise code), which has no "+
				"SLA policies: every SLA request would fail. Use Chatwoot's standard (Enterprise) image, or remove the "+
				"chatwoot_sla_policy resources for this account.", accountID))
		return
	}
	if account.Features.Has(slaFeature) {
		return
	}
	if version := client.ServerInfo(ctx).Version; version.AtLeast(slaFeatureFromVersion) {
		diags.AddError("Chatwoot Account Lacks the SLA Feature",
			fmt.Sprintf("Account %d (%q) does not have the %q feature flag, and Chatwoot %s refuses every SLA request of such an "+
				"account. Turn the flag on for the account (Platform API: PATCH the account with features {\"%s\": true}, or the "+
				"super admin console), then plan again.", accountID, account.Name, slaFeature, version, slaFeature))
	}
}

func (r *slaPolicyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan slaPolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	p, err := client.CreateSLAPolicy(ctx, accountID, slaPolicyInput(plan))
	if err != nil {
		resp.Diagnostics.Append(slaErrorDiagnostic(operation{action: "creating SLA policy " + strconv.Quote(plan.Name.ValueString()), accountID: accountID}, err))
		return
	}
	state := slaPolicyState(accountID, p)
	r.save(ctx, created(req, resp), objectID{accountID, p.ID}, &state)
}

func (r *slaPolicyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior slaPolicyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.SLAPolicyID.ValueInt64()}
	// Through the account's list: one request refreshes every policy, and it is the only
	// reliable sign that a policy is gone (DESIGN.md §6.13).
	p, err := chatwoot.SLAPolicies.Get(ctx, client, id.accountID, id.id)
	if chatwoot.IsNotFound(err) {
		r.removeGone(ctx, resp, id)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(slaErrorDiagnostic(operation{action: fmt.Sprintf("reading SLA policy %d", id.id), accountID: id.accountID}, err))
		return
	}
	state := slaPolicyState(id.accountID, p)
	r.save(ctx, refreshed(req, resp), id, &state)
}

// Update sends every field: Chatwoot's update takes them all, and a threshold left out would
// keep its old value where the configuration removed it.
func (r *slaPolicyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan slaPolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{plan.AccountID.ValueInt64(), plan.SLAPolicyID.ValueInt64()}
	p, err := client.UpdateSLAPolicy(ctx, id.accountID, id.id, slaPolicyInput(plan))
	if chatwoot.IsNotFound(err) {
		r.updateGone(&resp.Diagnostics, id, err)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(slaErrorDiagnostic(operation{action: fmt.Sprintf("updating SLA policy %d", id.id), accountID: id.accountID}, err))
		return
	}
	state := slaPolicyState(id.accountID, p)
	r.save(ctx, updated(req, resp), id, &state)
}

// Delete asks Chatwoot to delete the policy and waits, within the delete timeout, until its
// background job has done so: until then the policy still applies to new conversations.
func (r *slaPolicyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state slaPolicyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{state.AccountID.ValueInt64(), state.SLAPolicyID.ValueInt64()}
	op := operation{action: fmt.Sprintf("deleting SLA policy %d", id.id), accountID: id.accountID}
	if err := client.DeleteSLAPolicy(ctx, id.accountID, id.id); err != nil {
		resp.Diagnostics.Append(slaErrorDiagnostic(op, err))
		return
	}
	if err := client.WaitSLAPolicyDeleted(ctx, id.accountID, id.id, slaDeletePollInterval); err != nil {
		if ctx.Err() != nil {
			resp.Diagnostics.AddError("Chatwoot Did Not Delete the SLA Policy in Time",
				fmt.Sprintf("Chatwoot accepted the deletion of SLA policy %d in account %d, but its background job had not removed the "+
					"policy when the delete timeout ran out. Check that Chatwoot's job workers (Sidekiq) are running, then run "+
					"terraform destroy again, or raise timeouts.delete.\n\nOriginal error: %s", id.id, id.accountID, err))
			return
		}
		resp.Diagnostics.Append(slaErrorDiagnostic(operation{action: fmt.Sprintf("waiting for SLA policy %d to be deleted", id.id), accountID: id.accountID}, err))
	}
}

func slaPolicyInput(plan slaPolicyModel) chatwoot.SLAPolicyInput {
	seconds := func(v types.Int64) *float64 {
		if v.IsNull() || v.IsUnknown() {
			return nil
		}
		f := float64(v.ValueInt64())
		return &f
	}
	return chatwoot.SLAPolicyInput{
		Name:                       plan.Name.ValueString(),
		Description:                plan.Description.ValueStringPointer(),
		FirstResponseTimeThreshold: seconds(plan.FirstResponseTime),
		NextResponseTimeThreshold:  seconds(plan.NextResponseTime),
		ResolutionTimeThreshold:    seconds(plan.ResolutionTime),
		OnlyDuringBusinessHours:    plan.OnlyDuringBusinessHours.ValueBool(),
	}
}

// slaPolicyState converts what Chatwoot holds into state. Chatwoot stores thresholds as floats;
// the configuration writes whole seconds, so a fraction set elsewhere is rounded.
func slaPolicyState(accountID int64, p *chatwoot.SLAPolicy) slaPolicyModel {
	seconds := func(f *float64) types.Int64 {
		if f == nil {
			return types.Int64Null()
		}
		return types.Int64Value(int64(math.Round(*f)))
	}
	return slaPolicyModel{
		ID:                      types.StringValue(objectID{accountID, p.ID}.String()),
		AccountID:               types.Int64Value(accountID),
		SLAPolicyID:             types.Int64Value(p.ID),
		Name:                    types.StringValue(p.Name),
		Description:             types.StringValue(p.Description),
		FirstResponseTime:       seconds(p.FirstResponseTimeThreshold),
		NextResponseTime:        seconds(p.NextResponseTimeThreshold),
		ResolutionTime:          seconds(p.ResolutionTimeThreshold),
		OnlyDuringBusinessHours: types.BoolValue(p.OnlyDuringBusinessHours),
	}
}

// slaErrorDiagnostic explains the answers of a Chatwoot that cannot hold SLA policies: the
// Community build has no SLA routes (404), and Chatwoot 4.17 refuses an account without the sla
// feature with the 401 it also gives agents.
func slaErrorDiagnostic(op operation, err error) diag.Diagnostic {
	var apiErr *chatwoot.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound {
		return diag.NewErrorDiagnostic("Chatwoot Enterprise Required for SLA Policies",
			fmt.Sprintf("Chatwoot answered 404 to %s in account %d: the Community build has no SLA policies. Use Chatwoot's "+
				"standard (Enterprise) image.\n\nOriginal error: %s", op.action, op.accountID, err))
	}
	if chatwoot.AuthProblemOf(err) == chatwoot.AuthForbidden {
		return diag.NewErrorDiagnostic("Chatwoot Refused the SLA Request",
			fmt.Sprintf("Chatwoot refused %s in account %d. Either the token's user is not an administrator (only administrators "+
				"may change SLA policies), or the account lacks the %q feature, which Chatwoot 4.17 and newer require. Use an "+
				"administrator's token, or turn the feature on for the account.\n\nOriginal error: %s", op.action, op.accountID, slaFeature, err))
	}
	return clientErrorDiagnostic(op, err)
}
