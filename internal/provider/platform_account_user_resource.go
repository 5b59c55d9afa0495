package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var (
	_ resource.ResourceWithIdentity    = (*platformAccountUserResource)(nil)
	_ resource.ResourceWithImportState = (*platformAccountUserResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*platformAccountUserResource)(nil)
)

// NewPlatformAccountUserResource is the chatwoot_platform_account_user resource.
func NewPlatformAccountUserResource() resource.Resource {
	return &platformAccountUserResource{platformObject{typeName: "platform_account_user", noun: "account member"}}
}

type platformAccountUserResource struct {
	platformObject
}

type platformAccountUserModel struct {
	ID        types.String `tfsdk:"id"`
	AccountID types.Int64  `tfsdk:"account_id"`
	UserID    types.Int64  `tfsdk:"user_id"`
	Role      types.String `tfsdk:"role"`
	operationTimeouts
}

func (r *platformAccountUserResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"account_id": identityschema.Int64Attribute{RequiredForImport: true, Description: "The Chatwoot account id."},
		"user_id":    identityschema.Int64Attribute{RequiredForImport: true, Description: "The member's user id."},
	}}
}

func (r *platformAccountUserResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A user's membership of an account and their role there, managed through the Platform API. " +
			"Any user of the installation can be added; the Platform App needs to manage the account only.\n\n" +
			"Chatwoot's call that adds a member also changes the role of an existing one, so it would silently adopt a " +
			"membership someone else made. This resource refuses instead: when the user is already a member, the create " +
			"fails and says how to import the membership.\n\n" +
			"Destroy removes the user from the account at once (their token is refused there from the next request); the " +
			"user stays, and so do their other memberships." + platformNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<account_id>/<user_id>`, the form `terraform import` takes.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"account_id": parentIDAttribute("The account, such as `chatwoot_platform_account.x.account_id`."),
			"user_id":    parentIDAttribute("The user, such as `chatwoot_platform_user.x.user_id`."),
			"role": schema.StringAttribute{
				MarkdownDescription: "`agent` or `administrator`. Defaults to `agent`, as in Chatwoot.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("agent"),
				Validators:          []validator.String{stringvalidator.OneOf("agent", "administrator")},
			},
		},
		Blocks: map[string]schema.Block{"timeouts": operationTimeoutsBlock(ctx)},
	}
}

func (r *platformAccountUserResource) ModifyPlan(_ context.Context, _ resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.checkPlatformToken(&resp.Diagnostics)
}

func (r *platformAccountUserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var accountID, userID int64
	if req.ID == "" && req.Identity != nil {
		var a, u types.Int64
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root("account_id"), &a)...)
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root("user_id"), &u)...)
		accountID, userID = a.ValueInt64(), u.ValueInt64()
		if !resp.Diagnostics.HasError() && (accountID < 1 || userID < 1) {
			resp.Diagnostics.AddError("Invalid Import Identity",
				fmt.Sprintf("account_id and user_id must be whole numbers of 1 or more; got %d and %d.", accountID, userID))
		}
	} else {
		var err error
		// The provider's account_id is an Application API default, not a tenant: both parts are required.
		if accountID, userID, err = parseAccountScopedID(req.ID, 0, "user_id"); err != nil {
			resp.Diagnostics.AddError("Invalid Import ID", err.Error())
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), compositeID(accountID, userID))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_id"), accountID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), userID)...)
	resp.Diagnostics.Append(setPlatformIdentity(ctx, resp.Identity, memberIdentity(accountID, userID))...)
}

func memberIdentity(accountID, userID int64) []platformIdentity {
	return []platformIdentity{{"account_id", accountID}, {"user_id", userID}}
}

func (r *platformAccountUserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan platformAccountUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, userID := plan.AccountID.ValueInt64(), plan.UserID.ValueInt64()
	action := fmt.Sprintf("adding user %d to account %d", userID, accountID)
	// Chatwoot's add is an upsert: check first, so that an existing membership is not adopted.
	existing, err := client.PlatformGetAccountUser(ctx, accountID, userID)
	switch {
	case err == nil:
		resp.Diagnostics.AddError("Chatwoot Membership Already Exists",
			fmt.Sprintf("User %d is already a member of account %d (role %s), so nothing was changed: Chatwoot would have taken "+
				"over that membership and changed its role. If this configuration should manage it, import it:\n\n"+
				"  terraform import <this resource's address> %d/%d\n\nor an import block with id = \"%d/%d\".",
				userID, accountID, existing.Role, accountID, userID, accountID, userID))
		return
	case !chatwoot.IsNotFound(err) || isAccountGone(err):
		resp.Diagnostics.Append(platformErrorDiagnostic(action, err))
		return
	}
	member, err := client.PlatformUpsertAccountUser(ctx, accountID, userID, plan.Role.ValueString())
	if err != nil {
		appendPlatformErrorOnAttribute(&resp.Diagnostics, action, err, "user_id")
		return
	}
	state := platformAccountUserState(member)
	r.save(ctx, created(req, resp), &state, memberIdentity(accountID, userID)...)
}

// isAccountGone tells a missing account (a 404) from a user who is not a member.
func isAccountGone(err error) bool {
	var apiErr *chatwoot.APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound
}

func (r *platformAccountUserResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior platformAccountUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, userID := prior.AccountID.ValueInt64(), prior.UserID.ValueInt64()
	member, err := client.PlatformGetAccountUser(ctx, accountID, userID)
	if chatwoot.IsNotFound(err) {
		r.removeGone(ctx, resp, fmt.Sprintf("User %d's membership of account %d", userID, accountID), memberIdentity(accountID, userID)...)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(platformErrorDiagnostic(fmt.Sprintf("reading the members of account %d", accountID), err))
		return
	}
	state := platformAccountUserState(member)
	r.save(ctx, refreshed(req, resp), &state, memberIdentity(accountID, userID)...)
}

func (r *platformAccountUserResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior platformAccountUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, userID := prior.AccountID.ValueInt64(), prior.UserID.ValueInt64()
	state := prior
	if !plan.Role.Equal(prior.Role) {
		member, err := client.PlatformUpsertAccountUser(ctx, accountID, userID, plan.Role.ValueString())
		if err != nil {
			resp.Diagnostics.Append(platformErrorDiagnostic(fmt.Sprintf("changing the role of user %d in account %d", userID, accountID), err))
			return
		}
		state = platformAccountUserState(member)
	}
	r.save(ctx, updated(req, resp), &state, memberIdentity(accountID, userID)...)
}

func (r *platformAccountUserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state platformAccountUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, userID := state.AccountID.ValueInt64(), state.UserID.ValueInt64()
	err := client.PlatformDeleteAccountUser(ctx, accountID, userID)
	if err != nil && !chatwoot.IsNotFound(err) {
		resp.Diagnostics.Append(platformErrorDiagnostic(fmt.Sprintf("removing user %d from account %d", userID, accountID), err))
	}
	if err == nil {
		resp.Diagnostics.AddWarning("User Removed From the Account, Not Deleted",
			fmt.Sprintf("User %d was removed from account %d. The user stays in Chatwoot with their other accounts; in a background "+
				"job Chatwoot takes them off this account's teams and inboxes and unassigns their conversations there.", userID, accountID))
	}
}

func platformAccountUserState(m *chatwoot.PlatformAccountUser) platformAccountUserModel {
	return platformAccountUserModel{
		ID:        types.StringValue(compositeID(m.AccountID, m.UserID)),
		AccountID: types.Int64Value(m.AccountID),
		UserID:    types.Int64Value(m.UserID),
		Role:      types.StringValue(m.Role),
	}
}
