package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var (
	_ resource.ResourceWithIdentity    = (*platformUserResource)(nil)
	_ resource.ResourceWithImportState = (*platformUserResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*platformUserResource)(nil)
)

// emailForm is the only check Chatwoot makes of an e-mail address.
var emailForm = regexp.MustCompile(`^[^@\s]+@[^@\s]+$`)

// NewPlatformUserResource is the chatwoot_platform_user resource.
func NewPlatformUserResource() resource.Resource {
	return &platformUserResource{platformObject{typeName: "platform_user", noun: "user"}}
}

type platformUserResource struct {
	platformObject
}

type platformUserModel struct {
	ID                types.String `tfsdk:"id"`
	UserID            types.Int64  `tfsdk:"user_id"`
	Name              types.String `tfsdk:"name"`
	DisplayName       types.String `tfsdk:"display_name"`
	Email             types.String `tfsdk:"email"`
	CustomAttributes  types.String `tfsdk:"custom_attributes"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
	operationTimeouts
}

const userDeletedEverywhere = "Chatwoot deletes a user from the whole installation: from every account they belong to, " +
	"including accounts this configuration does not manage, with their personal macros; their conversations are unassigned."

func (r *platformUserResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema("user_id", "The Chatwoot user id.")
}

func (r *platformUserResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Chatwoot user, managed through the Platform API: a person who can sign in and be a member of " +
			"accounts (`chatwoot_platform_account_user`). The password is write-only (`password_wo`, Terraform 1.11 or " +
			"later, OpenTofu 1.11 or later): it is sent to Chatwoot and never stored in the state or shown in a plan.\n\n" +
			"Chatwoot's create call finds a user by e-mail before it creates one, and would hand back someone else's user " +
			"and access token. This resource refuses instead: when the e-mail already belongs to a user, the create fails " +
			"and says how to import that user.\n\n" +
			"A user is one for the whole installation: a plan that changes `name`, `display_name` or `email` warns that the " +
			"change shows in every account the user belongs to.\n\n" +
			"**Destroy deletes the user everywhere.** " + userDeletedEverywhere + " Destroy waits for Chatwoot's " +
			"background deletion, within the `timeouts` block's `delete`, and every plan that destroys a user warns about it." +
			platformNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The user id, as text: the form `terraform import` takes.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"user_id": computedIDAttribute("The user's id in Chatwoot, as `user_id` of `chatwoot_platform_account_user` and " +
				"`chatwoot_platform_user_token` takes it, and as the agent id of the account's resources."),
			"name": schema.StringAttribute{
				MarkdownDescription: "The user's full name; at most 255 characters.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(nonBlank, "must not be blank"),
				},
			},
			"display_name": schema.StringAttribute{
				MarkdownDescription: "The name Chatwoot shows to customers instead of `name`. None when not set.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
			},
			"email": schema.StringAttribute{
				MarkdownDescription: "The user's e-mail address, in lowercase (Chatwoot downcases it); unique in the installation. " +
					"Changing it takes effect at once, without a confirmation e-mail.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(3, 255),
					stringvalidator.RegexMatches(emailForm, "must be an e-mail address"),
					lowercaseStringValidator{what: "e-mail addresses"},
				},
			},
			"custom_attributes": schema.StringAttribute{
				MarkdownDescription: "Custom attributes of the user, a JSON object written with `jsonencode({...})`. Chatwoot " +
					"merges them into what it holds, so only the keys written here are managed; a key removed from the " +
					"configuration is set to `null` in Chatwoot (it cannot be deleted).",
				Optional:   true,
				Validators: []validator.String{jsonObjectValidator},
			},
			"password_wo": schema.StringAttribute{
				MarkdownDescription: "The user's password, write-only: sent to Chatwoot on create and whenever " +
					"`password_wo_version` changes, never stored in the state. Required to create a user. Chatwoot requires 6 to " +
					"128 characters with an upper-case and a lower-case letter, a digit and a special character. The user's " +
					"access token stays the same when the password changes.",
				Optional:  true,
				WriteOnly: true,
				Sensitive: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(6, 128),
					stringvalidator.RegexMatches(regexp.MustCompile(`[A-Z]`), "must contain an upper-case letter"),
					stringvalidator.RegexMatches(regexp.MustCompile(`[a-z]`), "must contain a lower-case letter"),
					stringvalidator.RegexMatches(regexp.MustCompile(`[0-9]`), "must contain a digit"),
					stringvalidator.RegexMatches(regexp.MustCompile(`[^A-Za-z0-9]`), "must contain a special character"),
				},
			},
			"password_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Change this number to send `password_wo` again: Terraform cannot tell whether a " +
					"write-only value changed.",
				Optional: true,
			},
		},
		Blocks: map[string]schema.Block{"timeouts": operationTimeoutsBlock(ctx)},
	}
}

func (r *platformUserResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.checkPlatformToken(&resp.Diagnostics)
	if req.Plan.Raw.IsNull() {
		var state platformUserModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		resp.Diagnostics.AddWarning("Chatwoot User Deleted from Every Account",
			fmt.Sprintf("Destroying this chatwoot_platform_user deletes Chatwoot user %d (%s). %s To take the user out of one "+
				"account only, destroy its chatwoot_platform_account_user instead and remove this resource with terraform "+
				"state rm (or a removed block).", state.UserID.ValueInt64(), state.Email.ValueString(), userDeletedEverywhere))
		return
	}
	if !req.State.Raw.IsNull() {
		warnUserChangedEverywhere(ctx, req, resp)
	}
	if req.State.Raw.IsNull() {
		var password types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &password)...)
		if password.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("password_wo"), "Missing Password for a New Chatwoot User",
				"Chatwoot needs a password to create a user. Set password_wo (for example from an ephemeral random_password "+
					"or a secret store); it is sent once and never stored in the state.")
		}
	}
}

// warnUserChangedEverywhere announces at plan that a change of the user's name, display name or
// email is not limited to the accounts this configuration manages: a user is one for the whole
// installation.
func warnUserChangedEverywhere(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var plan, state platformUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var changed []string
	for _, a := range []struct {
		attr        string
		plan, prior types.String
	}{{"name", plan.Name, state.Name}, {"display_name", plan.DisplayName, state.DisplayName}, {"email", plan.Email, state.Email}} {
		if !a.plan.IsUnknown() && !a.plan.IsNull() && !a.plan.Equal(a.prior) {
			changed = append(changed, a.attr)
		}
	}
	if len(changed) == 0 {
		return
	}
	signIn := ""
	if slices.Contains(changed, "email") {
		signIn = " The new email is also the one the user signs in with."
	}
	resp.Diagnostics.AddWarning("Chatwoot User Changed in Every Account",
		fmt.Sprintf("This plan changes the %s of Chatwoot user %d (%s). A user is one for the whole installation, so the change "+
			"shows in every account the user belongs to, including accounts this configuration does not manage.%s",
			strings.Join(changed, " and "), state.UserID.ValueInt64(), state.Email.ValueString(), signIn))
}

func (r *platformUserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importByID(ctx, req, resp, "user_id", "7")
}

func (r *platformUserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan platformUserModel
	var password types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	// A write-only value is only in the configuration.
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &password)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	custom, ok := jsonObjectOf(plan.CustomAttributes, &resp.Diagnostics)
	if !ok {
		return
	}
	email := plan.Email.ValueString()
	user, err := client.PlatformCreateUser(ctx, chatwoot.PlatformUserFields{
		Name:             plan.Name.ValueStringPointer(),
		DisplayName:      plan.DisplayName.ValueStringPointer(),
		Email:            &email,
		Password:         password.ValueStringPointer(),
		CustomAttributes: custom,
	})
	var exists *chatwoot.UserExistsError
	switch {
	case errors.As(err, &exists):
		resp.Diagnostics.AddAttributeError(path.Root("email"), "Chatwoot User Already Exists",
			fmt.Sprintf("A Chatwoot user with the e-mail %s already exists (user id %d), so none was created and that user was not "+
				"changed. Chatwoot's Platform API creates users by finding them by e-mail first, and would have handed back that "+
				"user and their access token. If this configuration should manage that user, import them:\n\n"+
				"  terraform import <this resource's address> %d\n\nor an import block with id = \"%d\". Chatwoot's lookup has "+
				"also allowed this Platform App to manage that user from now on (it may manage only users it created or "+
				"looked up this way). Otherwise, choose another e-mail.\n\nOriginal error: %s",
				exists.Email, exists.UserID, exists.UserID, exists.UserID, err))
		return
	case err != nil && user != nil:
		// Created, but the display name could not be set: keep the user in the state (tainted).
		resp.Diagnostics.Append(platformErrorDiagnostic(fmt.Sprintf("setting the display name of new user %d", user.ID), err))
		state := platformUserState(plan, user)
		r.save(ctx, created(req, resp), &state, platformIdentity{"user_id", user.ID})
		return
	case err != nil:
		appendPlatformErrorOnAttribute(&resp.Diagnostics, fmt.Sprintf("creating user %s", email), err, "name", "email", "password", "display_name")
		return
	}
	state := platformUserState(plan, user)
	r.save(ctx, created(req, resp), &state, platformIdentity{"user_id", user.ID})
}

func (r *platformUserResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior platformUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := prior.UserID.ValueInt64()
	user, err := client.PlatformGetUser(ctx, id)
	if chatwoot.IsNotFound(err) {
		r.removeGone(ctx, resp, fmt.Sprintf("User %d", id), platformIdentity{"user_id", id})
		return
	}
	if err != nil {
		resp.Diagnostics.Append(platformErrorDiagnostic(fmt.Sprintf("reading user %d", id), err))
		return
	}
	state := platformUserState(prior, user)
	r.save(ctx, refreshed(req, resp), &state, platformIdentity{"user_id", id})
}

func (r *platformUserResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior platformUserModel
	var password types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &password)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := prior.UserID.ValueInt64()

	var fields chatwoot.PlatformUserFields
	changed := false
	fields.Name = changedString(plan.Name, prior.Name, &changed)
	if !plan.DisplayName.Equal(prior.DisplayName) {
		v := plan.DisplayName.ValueString() // "" clears
		fields.DisplayName, changed = &v, true
	}
	fields.Email = changedString(plan.Email, prior.Email, &changed)
	// The password is sent only when its version changes: Terraform cannot compare it.
	if !plan.PasswordWOVersion.Equal(prior.PasswordWOVersion) && !password.IsNull() {
		fields.Password, changed = password.ValueStringPointer(), true
	}
	if !plan.CustomAttributes.Equal(prior.CustomAttributes) {
		planned, ok := jsonObjectOf(plan.CustomAttributes, &resp.Diagnostics)
		if !ok {
			return
		}
		was, _ := jsonObjectOf(prior.CustomAttributes, &resp.Diagnostics)
		patch := map[string]any{}
		for k, v := range planned {
			if old, found := was[k]; !found || !jsonEqual(old, v) {
				patch[k] = v
			}
		}
		for k := range was {
			if _, kept := planned[k]; !kept {
				patch[k] = nil // Chatwoot merges: a key can be cleared, not removed
			}
		}
		if len(patch) > 0 {
			fields.CustomAttributes, changed = patch, true
		}
	}
	var user *chatwoot.PlatformUser
	if changed {
		var err error
		user, err = client.PlatformUpdateUser(ctx, id, fields)
		if err != nil {
			appendPlatformErrorOnAttribute(&resp.Diagnostics, fmt.Sprintf("updating user %d", id), err, "name", "email", "password", "display_name")
			return
		}
	} else {
		var err error
		if user, err = client.PlatformGetUser(ctx, id); err != nil {
			resp.Diagnostics.Append(platformErrorDiagnostic(fmt.Sprintf("reading user %d", id), err))
			return
		}
	}
	state := platformUserState(plan, user)
	r.save(ctx, updated(req, resp), &state, platformIdentity{"user_id", id})
}

func (r *platformUserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state platformUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.UserID.ValueInt64()
	err := client.PlatformDeleteUser(ctx, id)
	if chatwoot.IsNotFound(err) {
		return
	}
	if err != nil {
		resp.Diagnostics.Append(platformErrorDiagnostic(fmt.Sprintf("deleting user %d", id), err))
		return
	}
	if err := client.PlatformAwaitUserDeleted(ctx, id); err != nil {
		resp.Diagnostics.AddError("Chatwoot User Not Deleted in Time",
			fmt.Sprintf("Chatwoot accepted the deletion of user %d, but the user still existed when the destroy's timeout ended; "+
				"Chatwoot deletes users in a background job, which may be slow or stopped (check its Sidekiq queue). Raise the "+
				"timeouts block's delete, then run destroy again.\n\nOriginal error: %s", id, err))
	}
}

// platformUserState maps Chatwoot's user onto the model. prior (the plan or the earlier state)
// says which custom attribute keys are managed; the write-only password is never stored.
func platformUserState(prior platformUserModel, u *chatwoot.PlatformUser) platformUserModel {
	state := platformUserModel{
		ID:                types.StringValue(strconv.FormatInt(u.ID, 10)),
		UserID:            types.Int64Value(u.ID),
		Name:              types.StringValue(u.Name),
		DisplayName:       types.StringNull(),
		Email:             types.StringValue(u.Email),
		CustomAttributes:  types.StringNull(),
		PasswordWO:        types.StringNull(),
		PasswordWOVersion: prior.PasswordWOVersion,
	}
	if u.DisplayName != nil && *u.DisplayName != "" {
		state.DisplayName = types.StringValue(*u.DisplayName)
	}
	if !prior.CustomAttributes.IsNull() && !prior.CustomAttributes.IsUnknown() {
		if managed, err := decodeJSONObject(prior.CustomAttributes.ValueString()); err == nil {
			read := map[string]any{}
			for k := range managed {
				if v, ok := u.CustomAttributes[k]; ok {
					read[k] = v
				}
			}
			state.CustomAttributes = jsonObjectState(prior.CustomAttributes, read)
		}
	}
	return state
}
