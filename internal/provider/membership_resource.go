package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// chatwoot_team_member and chatwoot_inbox_member: one user in one team or inbox, added and
// removed on its own, leaving every other member alone. The object is a pair, so the id is
// "<account_id>/<container id>/<user_id>" and the identity has three attributes; everything else
// is the kit's. What each resource calls is its membership, below the logic.

var (
	_ resource.ResourceWithIdentity    = (*membershipResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*membershipResource)(nil)
	_ resource.ResourceWithImportState = (*membershipResource)(nil)
)

// membership is what one single-member resource is about, besides its objectKind (whose noun is
// the container, "team", and whose idAttr is the container's id, "team_id").
type membership struct {
	parentDescription string
	description       string
	listMembers       func(c *chatwoot.Client, ctx context.Context, accountID, parentID int64) ([]chatwoot.Agent, error)
	add               func(c *chatwoot.Client, ctx context.Context, accountID, parentID int64, userIDs []int64) error
	remove            func(c *chatwoot.Client, ctx context.Context, accountID, parentID int64, userIDs []int64) error
}

type membershipResource struct {
	accountObjectResource
	membership
}

// NewTeamMemberResource is the chatwoot_team_member resource.
func NewTeamMemberResource() resource.Resource {
	return &membershipResource{accountObjectResource{kind: memberKind("team_member", "team")}, membership{
		parentDescription: "The id of the team, for example `chatwoot_team.billing.team_id`.",
		description:       membershipDescription("team", ""),
		listMembers:       (*chatwoot.Client).ListTeamMembers,
		add:               (*chatwoot.Client).AddTeamMembers,
		remove:            (*chatwoot.Client).RemoveTeamMembers,
	}}
}

// NewInboxMemberResource is the chatwoot_inbox_member resource.
func NewInboxMemberResource() resource.Resource {
	return &membershipResource{accountObjectResource{kind: memberKind("inbox_member", "inbox")}, membership{
		parentDescription: "The id of the inbox, for example `data.chatwoot_inbox.support.id`.",
		description:       membershipDescription("inbox", " Conversations assigned to a removed agent stay assigned."),
		listMembers:       (*chatwoot.Client).ListInboxMembers,
		add:               (*chatwoot.Client).AddInboxMembers,
		remove:            (*chatwoot.Client).RemoveInboxMembers,
	}}
}

// membershipDescription is the resource's description: what it does to the noun's members (and,
// in more, what that leaves), the docs' advice on which member resource to use, and the refusal.
func membershipDescription(noun, more string) string {
	return fmt.Sprintf("One agent in one Chatwoot %[1]s. This resource is **additive**: it adds its user and, on destroy, removes "+
		"that user only, leaving every other member alone, so several configurations (or modules) can each add their own "+
		"people to a shared %[1]s.%[2]s\n\n"+
		"**Which to choose.** Use `chatwoot_%[1]s_members` when one configuration owns the %[1]s's whole member "+
		"list: members added elsewhere are removed. Use `chatwoot_%[1]s_member`, one per user, when several configurations or "+
		"people add their own members. Never both on the same %[1]s: each apply would undo the other, so a plan that has both for "+
		"one %[1]s is refused. The check compares what one plan sees, within one provider configuration: resources in another "+
		"state, under another provider alias, or left out by `-target` are not compared, and when the %[1]s id is not known at "+
		"plan time (the %[1]s is created in the same run) the refusal comes during apply, once the id is known, and the member "+
		"resource applied first may already have made its change: fix the configuration and apply again.\n\n"+
		"The user must be an agent or administrator of the account; the provider checks this before it sends anything. A user "+
		"removed from the %[1]s in Chatwoot is added back by the next apply.", noun, more) + adminOnlyNote
}

type membershipModel struct {
	ID        types.String
	AccountID types.Int64
	ParentID  types.Int64
	UserID    types.Int64
	Timeouts  timeouts.Value
}

// values reads a plan or state by path, because the container's attribute is named after it.
func (r *membershipResource) values(ctx context.Context, from attributeGetter, diags *diag.Diagnostics) membershipModel {
	var v membershipModel
	diags.Append(from.GetAttribute(ctx, path.Root("account_id"), &v.AccountID)...)
	diags.Append(from.GetAttribute(ctx, path.Root(r.kind.idAttr), &v.ParentID)...)
	diags.Append(from.GetAttribute(ctx, path.Root("user_id"), &v.UserID)...)
	diags.Append(from.GetAttribute(ctx, path.Root("timeouts"), &v.Timeouts)...)
	return v
}

func (r *membershipResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: r.description,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<account_id>/<" + r.kind.idAttr + ">/<user_id>`, the form `terraform import` takes.",
				Computed:            true,
				PlanModifiers:       r.idAttribute().PlanModifiers,
			},
			"account_id":  r.accountIDAttribute(),
			r.kind.idAttr: parentIDAttribute(r.parentDescription),
			"user_id": schema.Int64Attribute{
				MarkdownDescription: "The agent's user id, for example `chatwoot_agent.alice.user_id` or `data.chatwoot_agent.alice.id`. " +
					"Changing it replaces the resource.",
				Required:      true,
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *membershipResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"account_id":  identityschema.Int64Attribute{RequiredForImport: true, Description: "The Chatwoot account id."},
			r.kind.idAttr: identityschema.Int64Attribute{RequiredForImport: true, Description: r.kind.idDescription},
			"user_id":     identityschema.Int64Attribute{RequiredForImport: true, Description: "The agent's user id."},
		},
	}
}

// identityAttributes tells the registry tests that a membership's identity has three parts.
func (r *membershipResource) identityAttributes() int { return 3 }

// ModifyPlan resolves the account, then claims the membership in the plan's member registry.
func (r *membershipResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.planAccount(ctx, req, resp)
	c, ok := plannedContainer(ctx, r.data, resp, r.kind.idAttr, r.kind.noun)
	if !ok {
		return
	}
	var user types.Int64
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("user_id"), &user)...)
	if user.IsUnknown() || user.IsNull() {
		user = types.Int64Value(0) // the container is what conflicts; the user only names it
	}
	if memberRegistryOf(r.data).claimMember(c, user.ValueInt64()) {
		memberConflictError(&resp.Diagnostics, path.Root(r.kind.idAttr), c, []int64{user.ValueInt64()})
	}
}

func (r *membershipResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan := r.values(ctx, req.Plan, &resp.Diagnostics)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	a, parent, user := plan.AccountID.ValueInt64(), plan.ParentID.ValueInt64(), plan.UserID.ValueInt64()
	if !checkAccountAgents(ctx, client, a, []int64{user}, r.kind.noun, &resp.Diagnostics) {
		return
	}
	if err := r.add(client, ctx, a, parent, []int64{user}); err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(memberOperation(fmt.Sprintf("adding user %d to", user), r.kind.noun, a, parent), err))
		return
	}
	state := tfsdk.State(req.Plan)
	r.saveMembership(ctx, created(req, resp), &state, a, parent, user)
}

func (r *membershipResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	prior := r.values(ctx, req.State, &resp.Diagnostics)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	a, parent, user := prior.AccountID.ValueInt64(), prior.ParentID.ValueInt64(), prior.UserID.ValueInt64()
	members, err := r.listMembers(client, ctx, a, parent)
	if err != nil && !chatwoot.IsNotFound(err) {
		resp.Diagnostics.Append(clientErrorDiagnostic(memberOperation("reading the members of", r.kind.noun, a, parent), err))
		return
	}
	member := false
	for _, m := range members {
		member = member || m.ID == user
	}
	if !member {
		why := fmt.Sprintf("User %d is no longer a member of %s %d", user, r.kind.noun, parent)
		if err != nil {
			why = fmt.Sprintf("%s %d no longer exists", titleCase(r.kind.noun), parent)
		}
		resp.Diagnostics.AddWarning("Chatwoot "+titleCase(r.kind.noun)+" Membership No Longer Exists",
			fmt.Sprintf("%s in account %d, so %s %s is removed from the Terraform state. If the configuration still has it, the "+
				"next plan proposes to add the user again; if it was removed from the configuration, nothing more happens.",
				why, a, r.kind.resourceType(), membershipID(a, parent, user)))
		resp.Diagnostics.Append(r.setMembershipIdentity(ctx, resp.Identity, a, parent, user)...)
		resp.State.RemoveResource(ctx)
		return
	}
	state := resp.State
	r.saveMembership(ctx, refreshed(req, resp), &state, a, parent, user)
}

// Update changes only the timeouts: every other attribute replaces the resource.
func (r *membershipResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan := r.values(ctx, req.Plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	state := tfsdk.State(req.Plan)
	r.saveMembership(ctx, updated(req, resp), &state, plan.AccountID.ValueInt64(), plan.ParentID.ValueInt64(), plan.UserID.ValueInt64())
}

func (r *membershipResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state := r.values(ctx, req.State, &resp.Diagnostics)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	a, parent, user := state.AccountID.ValueInt64(), state.ParentID.ValueInt64(), state.UserID.ValueInt64()
	err := r.remove(client, ctx, a, parent, []int64{user})
	// A deleted team or inbox has no members left to remove.
	endDelete(&resp.Diagnostics, err, memberOperation(fmt.Sprintf("removing user %d from", user), r.kind.noun, a, parent))
}

// saveMembership is the kit's save with the membership's id and its three-part identity.
func (r *membershipResource) saveMembership(ctx context.Context, to saveTarget, state *tfsdk.State, accountID, parentID, userID int64) {
	to.diags.Append(state.SetAttribute(ctx, path.Root("id"), membershipID(accountID, parentID, userID))...)
	r.saveFilled(ctx, to, objectID{accountID, parentID}, *state)
	to.diags.Append(r.setMembershipIdentity(ctx, to.identity, accountID, parentID, userID)...)
}

func (r *membershipResource) setMembershipIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, accountID, parentID, userID int64) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	diags := r.setIdentity(ctx, identity, objectID{accountID, parentID})
	diags.Append(identity.SetAttribute(ctx, path.Root("user_id"), userID)...)
	return diags
}

func membershipID(accountID, parentID, userID int64) string {
	return fmt.Sprintf("%d/%d/%d", accountID, parentID, userID)
}

// ImportState reads "<account_id>/<container id>/<user_id>", "<container id>/<user_id>" with the
// provider's account_id, or an identity; Read checks the membership.
func (r *membershipResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var ids [3]int64 // account, container, user
	if req.ID == "" && req.Identity != nil {
		for i, attr := range []string{"account_id", r.kind.idAttr, "user_id"} {
			var v types.Int64
			resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root(attr), &v)...)
			ids[i] = v.ValueInt64()
		}
		if resp.Diagnostics.HasError() {
			return
		}
	} else {
		parts := strings.Split(req.ID, "/")
		if len(parts) == 2 && r.data != nil && r.data.defaultAccountID > 0 {
			parts = append([]string{fmt.Sprint(r.data.defaultAccountID)}, parts...)
		}
		form := fmt.Sprintf("Expected \"<account_id>/<%s>/<user_id>\" such as \"1/3/42\", or \"<%s>/<user_id>\" when the provider "+
			"sets account_id; whole numbers of 1 or more.", r.kind.idAttr, r.kind.idAttr)
		if len(parts) != 3 {
			resp.Diagnostics.AddError("Invalid Import ID", fmt.Sprintf("The import id %q is malformed. %s", req.ID, form))
			return
		}
		for i, p := range parts {
			n, err := parsePositiveID(p)
			if err != nil {
				resp.Diagnostics.AddError("Invalid Import ID", fmt.Sprintf("The import id %q is malformed: %s %s", req.ID, err, form))
				return
			}
			ids[i] = n
		}
	}
	for _, id := range ids {
		if id < 1 {
			resp.Diagnostics.AddError("Invalid Import Identity",
				fmt.Sprintf("account_id, %s and user_id must be whole numbers of 1 or more; got %d, %d and %d.", r.kind.idAttr, ids[0], ids[1], ids[2]))
			return
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), membershipID(ids[0], ids[1], ids[2]))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_id"), ids[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(r.kind.idAttr), ids[1])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), ids[2])...)
	resp.Diagnostics.Append(r.setMembershipIdentity(ctx, resp.Identity, ids[0], ids[1], ids[2])...)
}
