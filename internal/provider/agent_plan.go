package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// allowSelfDemotionAttribute is the opt-in that lets a plan demote or remove the user whose token
// the provider uses: without it, such a plan is refused, because the apply would take away the
// rights needed to undo it.
func allowSelfDemotionAttribute() schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: "Allow this resource to demote the provider token's own user to `agent`, or to remove that " +
			"user from the account (destroy, or an email change that replaces the resource). Without it such a plan is " +
			"refused: the token would lose the administrator rights needed to undo the change. Defaults to `false`; to " +
			"destroy the token's own agent, apply `allow_self_demotion = true` first.",
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(false),
	}
}

// tokenUsers caches, per client (one provider process), whose token it is.
var tokenUsers sync.Map // *chatwoot.Client -> *chatwoot.Profile

func tokenUser(ctx context.Context, client *chatwoot.Client) (*chatwoot.Profile, error) {
	if p, ok := tokenUsers.Load(client); ok {
		if profile, ok := p.(*chatwoot.Profile); ok {
			return profile, nil
		}
	}
	p, err := client.GetProfile(ctx)
	if err != nil {
		return nil, err
	}
	tokenUsers.Store(client, p)
	return p, nil
}

// ModifyPlan resolves the account (the kit's planAccount), then refuses a plan that would lock the
// token out of the account: demoting its own user to agent, or removing that user.
func (r *agentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.planAccount(ctx, req, resp)
	planCtx, cancel, client, accountID := r.planClient(ctx, req, resp)
	defer cancel()
	if client != nil && req.State.Raw.IsNull() {
		ctx := planCtx
		// A create: Chatwoot refuses an email already in the account, so the plan does.
		var email types.String
		resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("email"), &email)...)
		if email.IsUnknown() || email.IsNull() {
			return
		}
		existing, err := chatwoot.Agents.Find(ctx, client, accountID, func(a *chatwoot.Agent) bool { return a.Email == email.ValueString() })
		switch {
		case chatwoot.IsNotFound(err):
			var name types.String
			resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
			warnRenameOfExistingUser(ctx, client, accountID, email.ValueString(), name, &resp.Diagnostics)
		case err != nil:
			resp.Diagnostics.Append(clientErrorDiagnostic(operation{action: "listing the agents of the account to check the email", accountID: accountID}, err))
		default:
			agentExistsError(&resp.Diagnostics, accountID, existing, "")
		}
		return
	}
	if resp.Diagnostics.HasError() || req.State.Raw.IsNull() || r.data == nil || r.data.client == nil {
		return
	}
	var prior agentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if !req.Plan.Raw.IsNull() {
		var name types.String
		resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
		if !name.IsUnknown() && !name.IsNull() && !name.Equal(prior.Name) {
			resp.Diagnostics.AddAttributeWarning(path.Root("name"), "Chatwoot User Renamed in Every Account",
				fmt.Sprintf("This plan renames user %d (%s) from %q to %q. Chatwoot keeps one name per user, not per account, so "+
					"the new name shows in every account the user belongs to, not only in account %d.",
					prior.UserID.ValueInt64(), prior.Email.ValueString(), prior.Name.ValueString(), name.ValueString(), prior.AccountID.ValueInt64()))
		}
	}
	if resp.Diagnostics.HasError() || prior.AllowSelfDemotion.ValueBool() {
		return
	}
	var removes, demotes bool
	if req.Plan.Raw.IsNull() {
		removes = true
	} else {
		var plan agentModel
		resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
		if resp.Diagnostics.HasError() || plan.AllowSelfDemotion.ValueBool() {
			return
		}
		removes = !plan.Email.Equal(prior.Email) || !plan.AccountID.Equal(prior.AccountID) // replaced
		demotes = prior.Role.ValueString() == roleAdministrator && plan.Role.ValueString() == roleAgent
	}
	if !removes && !demotes {
		return
	}
	me, err := tokenUser(ctx, r.data.client)
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{action: "reading the profile of the token's user, to check that this plan " +
			"does not lock it out of the account"}, err))
		return
	}
	if me.ID != prior.UserID.ValueInt64() {
		return
	}
	account := prior.AccountID.ValueInt64()
	if removes {
		resp.Diagnostics.AddError("Token's Own User Would Leave the Account",
			fmt.Sprintf("This plan removes user %d (%s) from account %d, and that is the user whose api_access_token the provider "+
				"uses: after the apply the token could no longer manage the account, nor undo the change. To keep the user, keep "+
				"the resource in the configuration (or forget it with a removed block or terraform state rm). To go ahead, first "+
				"apply allow_self_demotion = true on this resource.", me.ID, me.Email, account))
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("role"), "Token's Own User Would Lose Administrator Rights",
		fmt.Sprintf("This plan changes user %d (%s) in account %d from administrator to agent, and that is the user whose "+
			"api_access_token the provider uses: after the apply the token could no longer change the account's configuration, "+
			"this role included. Use another administrator's token, or set allow_self_demotion = true to go ahead.",
			me.ID, me.Email, account))
}

// withSelfDemotion returns the state with allow_self_demotion as planned (false when unset), the
// one attribute Chatwoot does not hold.
func withSelfDemotion(state agentModel, planned types.Bool) agentModel {
	if planned.IsNull() || planned.IsUnknown() {
		planned = types.BoolValue(false)
	}
	state.AllowSelfDemotion = planned
	return state
}

// agentExistsError is the refusal of an email that is already a member of the account; cause is
// the original error when Chatwoot gave one.
func agentExistsError(diags *diag.Diagnostics, accountID int64, existing *chatwoot.Agent, cause string) {
	detail := fmt.Sprintf("%s is already a member of account %d, as user %d, so it cannot be added again. Import it to manage "+
		"it with Terraform:\n\n  terraform import <resource address> %s", existing.Email, accountID, existing.ID, objectID{accountID, existing.ID})
	if cause != "" {
		detail += "\n\nOriginal error: " + cause
	}
	diags.AddAttributeError(path.Root("email"), "Chatwoot Agent Already Exists", detail)
}

// warnRenameOfExistingUser announces at plan what the apply of a new agent would otherwise say
// after the fact: when email is already a user in another account the token belongs to, under
// another name, Chatwoot adds that user and ignores the name, and the provider then renames the
// user in every account. Accounts the token cannot see are not searched, and a failed lookup only
// skips the warning: the create still warns when it renames.
func warnRenameOfExistingUser(ctx context.Context, client *chatwoot.Client, accountID int64, email string, name types.String, diags *diag.Diagnostics) {
	if name.IsUnknown() || name.IsNull() {
		return // an existing user keeps their name
	}
	me, err := tokenUser(ctx, client)
	if err != nil {
		return
	}
	for _, other := range me.Accounts {
		if other.ID == accountID {
			continue
		}
		existing, err := chatwoot.Agents.Find(ctx, client, other.ID, func(a *chatwoot.Agent) bool { return a.Email == email })
		if err != nil {
			continue
		}
		if existing.Name != name.ValueString() {
			diags.AddAttributeWarning(path.Root("name"), "Existing Chatwoot User Will Be Renamed in Every Account",
				fmt.Sprintf("%s is already Chatwoot user %d, named %q, in account %d. Chatwoot will add that user to account %d and "+
					"ignore the configured name, so the apply renames the user to %q, and the new name shows in every account they "+
					"belong to. To keep the existing name, remove name from the configuration or set it to %q.",
					email, existing.ID, existing.Name, other.ID, accountID, name.ValueString(), existing.Name))
		}
		return
	}
}
