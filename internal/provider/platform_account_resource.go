package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var (
	_ resource.ResourceWithIdentity    = (*platformAccountResource)(nil)
	_ resource.ResourceWithImportState = (*platformAccountResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*platformAccountResource)(nil)
)

// platformNote ends the description of every chatwoot_platform_* resource.
const platformNote = "\n\n**Token:** the provider's `platform_token`, a Platform App's access token. A Platform App may manage " +
	"only the accounts and users it created itself (Chatwoot's \"permissible\" rule); anything else is refused with a " +
	"diagnostic that says so."

// chatwootLocales are the locale codes Chatwoot's account accepts; any other answers a 500.
var chatwootLocales = strings.Fields("en ar bg bn ca cs da de el es et fa fi fr he hi hr hu hy id is it ja ka ko lt lv ml ms " +
	"ne nl no pl pt pt_BR ro ru sh sk sl sq sr sv sw ta th tl tr uk ur uz vi zh_CN zh_TW")

// featureName is the form of Chatwoot's feature flags; which names exist depends on the version.
var featureName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// NewPlatformAccountResource is the chatwoot_platform_account resource.
func NewPlatformAccountResource() resource.Resource {
	return &platformAccountResource{platformObject{typeName: "platform_account", noun: "account"}}
}

type platformAccountResource struct {
	platformObject
}

type platformAccountModel struct {
	ID               types.String `tfsdk:"id"`
	AccountID        types.Int64  `tfsdk:"account_id"`
	Name             types.String `tfsdk:"name"`
	Locale           types.String `tfsdk:"locale"`
	Domain           types.String `tfsdk:"domain"`
	SupportEmail     types.String `tfsdk:"support_email"`
	Status           types.String `tfsdk:"status"`
	Features         types.Map    `tfsdk:"features"`
	Limits           types.Map    `tfsdk:"limits"`
	CustomAttributes types.String `tfsdk:"custom_attributes"`
	operationTimeouts
}

func (r *platformAccountResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema("account_id", "The Chatwoot account id.")
}

func (r *platformAccountResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Chatwoot account (a tenant), managed through the Platform API: one account per customer, with " +
			"its locale, status, feature flags and limits. Its users and their roles are `chatwoot_platform_user` and " +
			"`chatwoot_platform_account_user`.\n\n" +
			"Chatwoot deletes an account in a background job; destroy waits until the account is gone, within the " +
			"`timeouts` block's `delete`. Everything in the account goes with it; its users stay." + platformNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The account id, as text: the form `terraform import` takes.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"account_id": computedIDAttribute("The account's id in Chatwoot, as `account_id` of the account's resources " +
				"and of a second provider block takes it."),
			"name": schema.StringAttribute{
				MarkdownDescription: "The account's name; at most 255 characters.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(nonBlank, "must not be blank"),
				},
			},
			"locale": schema.StringAttribute{
				MarkdownDescription: "The account's language, a Chatwoot locale code such as `en`, `de` or `pt_BR`. Defaults to `en`, as in Chatwoot.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("en"),
				Validators:          []validator.String{stringvalidator.OneOf(chatwootLocales...)},
			},
			"domain": schema.StringAttribute{
				MarkdownDescription: "The account's own domain (for custom e-mail domains), at most 100 characters. None when not set.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 100)},
			},
			"support_email": schema.StringAttribute{
				MarkdownDescription: "The account's support e-mail address. When not set, Chatwoot shows the installation's " +
					"default sender, which this attribute then holds without managing it.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators: []validator.String{
					stringvalidator.LengthBetween(3, 100),
					stringvalidator.RegexMatches(regexp.MustCompile(`@`), "must be an e-mail address"),
				},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "`active` or `suspended`. A suspended account refuses every Application API request " +
					"(its users' tokens and a second provider block too). Defaults to `active`.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("active"),
				Validators: []validator.String{stringvalidator.OneOf("active", "suspended")},
			},
			"features": schema.MapAttribute{
				MarkdownDescription: "Feature flags to turn on (`true`) or off (`false`), such as `{ sla = true, help_center = false }`. " +
					"Only the flags named here are managed: a new account starts with Chatwoot's default flags plus these, and " +
					"flags not named are left as they are. Which names exist depends on the Chatwoot version; Chatwoot refuses " +
					"an unknown one.",
				Optional:    true,
				ElementType: types.BoolType,
				Validators:  []validator.Map{mapvalidator.KeysAre(stringvalidator.RegexMatches(featureName, "must be a feature flag name such as help_center"))},
			},
			"limits": schema.MapAttribute{
				MarkdownDescription: "The account's limits, such as `{ agents = 5, inboxes = 3 }`, replaced as a whole. Enterprise " +
					"builds accept only `inboxes`, `agents`, `captain_responses`, `captain_documents` and `emails`; `agents` and " +
					"`inboxes` cap what the account may create. Defaults to none (`{}`).",
				Optional:    true,
				Computed:    true,
				ElementType: types.Float64Type,
				Default:     mapdefault.StaticValue(types.MapValueMust(types.Float64Type, map[string]attr.Value{})),
			},
			"custom_attributes": schema.StringAttribute{
				MarkdownDescription: "The account's custom attributes, a JSON object written with `jsonencode({...})`, replaced as " +
					"a whole. Defaults to none (`{}`).",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("{}"),
				Validators: []validator.String{jsonObjectValidator},
			},
		},
		Blocks: map[string]schema.Block{"timeouts": operationTimeoutsBlock(ctx)},
	}
}

func (r *platformAccountResource) ModifyPlan(_ context.Context, _ resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.checkPlatformToken(&resp.Diagnostics)
}

func (r *platformAccountResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importByID(ctx, req, resp, "account_id", "3")
}

func (r *platformAccountResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan platformAccountModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	fields := chatwoot.PlatformAccountFields{
		Name:   plan.Name.ValueStringPointer(),
		Locale: plan.Locale.ValueStringPointer(),
		Status: plan.Status.ValueStringPointer(),
		Domain: plan.Domain.ValueStringPointer(),
	}
	if !plan.SupportEmail.IsUnknown() {
		fields.SupportEmail = plan.SupportEmail.ValueStringPointer()
	}
	var ok bool
	if fields.Features, ok = boolMap(ctx, plan.Features, &resp.Diagnostics); !ok {
		return
	}
	if fields.Limits, ok = numberMap(ctx, plan.Limits, &resp.Diagnostics); !ok {
		return
	}
	if fields.CustomAttributes, ok = jsonObjectOf(plan.CustomAttributes, &resp.Diagnostics); !ok {
		return
	}
	account, err := client.PlatformCreateAccount(ctx, fields)
	if err != nil {
		appendPlatformErrorOnAttribute(&resp.Diagnostics, fmt.Sprintf("creating account %q", plan.Name.ValueString()), err,
			"name", "domain", "support_email", "limits")
		explainFeature500(&resp.Diagnostics, err, fields.Features)
		return
	}
	state := platformAccountState(plan, account)
	r.save(ctx, created(req, resp), &state, platformIdentity{"account_id", account.ID})
}

func (r *platformAccountResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior platformAccountModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := prior.AccountID.ValueInt64()
	account, err := client.PlatformGetAccount(ctx, id)
	if chatwoot.IsNotFound(err) {
		r.removeGone(ctx, resp, fmt.Sprintf("Account %d", id), platformIdentity{"account_id", id})
		return
	}
	if err != nil {
		resp.Diagnostics.Append(platformErrorDiagnostic(fmt.Sprintf("reading account %d", id), err))
		return
	}
	state := platformAccountState(prior, account)
	r.save(ctx, refreshed(req, resp), &state, platformIdentity{"account_id", id})
}

func (r *platformAccountResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior platformAccountModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := prior.AccountID.ValueInt64()

	// Send only what changed.
	var fields chatwoot.PlatformAccountFields
	changed := false
	setIfChanged := func(dst **string, planned, was types.String) {
		if !planned.IsUnknown() && !planned.Equal(was) {
			v := planned.ValueString() // null clears: "" is sent as null
			*dst, changed = &v, true
		}
	}
	setIfChanged(&fields.Name, plan.Name, prior.Name)
	setIfChanged(&fields.Locale, plan.Locale, prior.Locale)
	setIfChanged(&fields.Domain, plan.Domain, prior.Domain)
	setIfChanged(&fields.SupportEmail, plan.SupportEmail, prior.SupportEmail)
	setIfChanged(&fields.Status, plan.Status, prior.Status)
	if !plan.Features.Equal(prior.Features) {
		// Features is a patch: send the configured flags whose value differs from the state.
		planned, ok := boolMap(ctx, plan.Features, &resp.Diagnostics)
		if !ok {
			return
		}
		was, _ := boolMap(ctx, prior.Features, &resp.Diagnostics)
		patch := map[string]bool{}
		for k, v := range planned {
			if old, found := was[k]; !found || old != v {
				patch[k] = v
			}
		}
		if len(patch) > 0 {
			fields.Features, changed = patch, true
		}
	}
	if !plan.Limits.Equal(prior.Limits) {
		var ok bool
		if fields.Limits, ok = numberMap(ctx, plan.Limits, &resp.Diagnostics); !ok {
			return
		}
		changed = true
	}
	if !plan.CustomAttributes.Equal(prior.CustomAttributes) {
		var ok bool
		if fields.CustomAttributes, ok = jsonObjectOf(plan.CustomAttributes, &resp.Diagnostics); !ok {
			return
		}
		changed = true
	}
	state := prior
	if changed {
		account, err := client.PlatformUpdateAccount(ctx, id, fields)
		if err != nil {
			appendPlatformErrorOnAttribute(&resp.Diagnostics, fmt.Sprintf("updating account %d", id), err,
				"name", "domain", "support_email", "limits")
			explainFeature500(&resp.Diagnostics, err, fields.Features)
			return
		}
		state = platformAccountState(plan, account)
	} else {
		state.Features = plan.Features
	}
	r.save(ctx, updated(req, resp), &state, platformIdentity{"account_id", id})
}

func (r *platformAccountResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state platformAccountModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.AccountID.ValueInt64()
	err := client.PlatformDeleteAccount(ctx, id)
	if chatwoot.IsNotFound(err) {
		return
	}
	if err != nil {
		resp.Diagnostics.Append(platformErrorDiagnostic(fmt.Sprintf("deleting account %d", id), err))
		return
	}
	// Chatwoot deletes in a background job: the account is gone only when a read says so.
	if err := client.PlatformAwaitAccountDeleted(ctx, id); err != nil {
		resp.Diagnostics.AddError("Chatwoot Account Not Deleted in Time",
			fmt.Sprintf("Chatwoot accepted the deletion of account %d, but the account still existed when the destroy's timeout "+
				"ended; Chatwoot deletes accounts in a background job, which may be slow or stopped (check its Sidekiq queue). "+
				"Raise the timeouts block's delete, then run destroy again.\n\nOriginal error: %s", id, err))
	}
}

// platformAccountState maps Chatwoot's account onto the model; prior (the plan or the earlier
// state) says which feature flags are managed and how custom_attributes was written.
func platformAccountState(prior platformAccountModel, a *chatwoot.PlatformAccount) platformAccountModel {
	state := platformAccountModel{
		ID:               types.StringValue(strconv.FormatInt(a.ID, 10)),
		AccountID:        types.Int64Value(a.ID),
		Name:             types.StringValue(a.Name),
		Locale:           types.StringValue(a.Locale),
		Domain:           types.StringNull(),
		SupportEmail:     types.StringNull(),
		Status:           types.StringValue(a.Status),
		Features:         types.MapNull(types.BoolType),
		CustomAttributes: jsonObjectState(prior.CustomAttributes, a.CustomAttributes),
	}
	if a.Domain != nil && *a.Domain != "" {
		state.Domain = types.StringValue(*a.Domain)
	}
	if a.SupportEmail != nil {
		state.SupportEmail = types.StringValue(*a.SupportEmail)
	}
	if !prior.Features.IsNull() && !prior.Features.IsUnknown() {
		flags := map[string]attr.Value{}
		for name := range prior.Features.Elements() {
			flags[name] = types.BoolValue(a.Features[name])
		}
		state.Features = types.MapValueMust(types.BoolType, flags)
	}
	limits := map[string]attr.Value{}
	for k, v := range a.Limits {
		if f, ok := v.(float64); ok {
			limits[k] = types.Float64Value(f)
		}
	}
	state.Limits = types.MapValueMust(types.Float64Type, limits)
	return state
}

// explainFeature500 points at the feature flags when Chatwoot failed with a 500 while some were
// sent: Chatwoot fails that way on a flag name it does not know, and which names exist depends on
// its version, so the provider cannot check them at plan time.
func explainFeature500(diags *diag.Diagnostics, err error, features map[string]bool) {
	var apiErr *chatwoot.APIError
	if len(features) == 0 || !errors.As(err, &apiErr) || apiErr.StatusCode < 500 {
		return
	}
	names := make([]string, 0, len(features))
	for name := range features {
		names = append(names, name)
	}
	sort.Strings(names)
	diags.AddAttributeError(path.Root("features"), "Unknown Chatwoot Feature Flag?",
		fmt.Sprintf("Chatwoot answers a feature flag name it does not know with a server error, and this request set %s. "+
			"Check each name against the feature list of your Chatwoot version (config/features.yml); flags are added and "+
			"removed between versions.", strings.Join(names, ", ")))
}
