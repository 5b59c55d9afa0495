package main

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ resource.ResourceWithConfigure        = (*assignmentResource)(nil)
	_ resource.ResourceWithConfigValidators = (*assignmentResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*assignmentResource)(nil)
	_ resource.ResourceWithIdentity         = (*assignmentResource)(nil)
)

// assignmentResource mirrors chatwoot_conversation_assignment's schema so that Terraform and the
// framework do the same work for it (validation, plan modification, defaults, identity).
type assignmentResource struct {
	defaults *defaults
}

func newAssignmentResource() resource.Resource { return &assignmentResource{} }

type assignmentModel struct {
	ID             types.String   `tfsdk:"id"`
	AccountID      types.Int64    `tfsdk:"account_id"`
	ConversationID types.Int64    `tfsdk:"conversation_id"`
	AssigneeID     types.Int64    `tfsdk:"assignee_id"`
	AgentBotID     types.Int64    `tfsdk:"agent_bot_id"`
	TeamID         types.Int64    `tfsdk:"team_id"`
	OnDestroy      types.String   `tfsdk:"on_destroy"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

type identityModel struct {
	AccountID      types.Int64 `tfsdk:"account_id"`
	ConversationID types.Int64 `tfsdk:"conversation_id"`
}

func (r *assignmentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_assignment"
}

func (r *assignmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	ids := []validator.Int64{int64validator.AtLeast(1)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Same schema as chatwoot_conversation_assignment; nothing is sent anywhere.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<account_id>/<conversation_id>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"account_id": schema.Int64Attribute{
				MarkdownDescription: "The account id; defaults to the provider's.",
				Optional:            true,
				Computed:            true,
				Validators:          ids,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"conversation_id": schema.Int64Attribute{
				MarkdownDescription: "The conversation's display id.",
				Required:            true,
				Validators:          ids,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"assignee_id": schema.Int64Attribute{
				MarkdownDescription: "The agent's user id.",
				Optional:            true,
				Validators:          append([]validator.Int64{int64validator.ConflictsWith(path.MatchRoot("agent_bot_id"))}, ids...),
			},
			"agent_bot_id": schema.Int64Attribute{
				MarkdownDescription: "The agent bot's id.",
				Optional:            true,
				Validators:          ids,
			},
			"team_id": schema.Int64Attribute{
				MarkdownDescription: "The team's id.",
				Optional:            true,
				Validators:          ids,
			},
			"on_destroy": schema.StringAttribute{
				MarkdownDescription: "`unassign` or `keep`.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("unassign"),
				Validators:          []validator.String{stringvalidator.OneOf("unassign", "keep")},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *assignmentResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"account_id":      identityschema.Int64Attribute{RequiredForImport: true, Description: "The account id."},
			"conversation_id": identityschema.Int64Attribute{RequiredForImport: true, Description: "The conversation's display id."},
		},
	}
}

func (r *assignmentResource) ConfigValidators(_ context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.AtLeastOneOf(path.MatchRoot("assignee_id"), path.MatchRoot("agent_bot_id"), path.MatchRoot("team_id")),
	}
}

func (r *assignmentResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if d, ok := req.ProviderData.(*defaults); ok {
		r.defaults = d
	}
}

// ModifyPlan does what the real one does without a request: fill account_id from the provider and
// replace when it changes.
func (r *assignmentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var cfgAccount types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("account_id"), &cfgAccount)...)
	if resp.Diagnostics.HasError() {
		return
	}
	planned := cfgAccount
	if planned.IsNull() {
		planned = types.Int64Unknown()
		if r.defaults != nil && r.defaults.accountID > 0 {
			planned = types.Int64Value(r.defaults.accountID)
		}
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("account_id"), planned)...)
	if req.State.Raw.IsNull() {
		return
	}
	var stateAccount types.Int64
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("account_id"), &stateAccount)...)
	if !planned.Equal(stateAccount) {
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("account_id"))
	}
}

func (r *assignmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan assignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	waitCreate(ctx, plan)
	plan.ID = types.StringValue(fmt.Sprintf("%d/%d", plan.AccountID.ValueInt64(), plan.ConversationID.ValueInt64()))
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, plan)...)
}

// Read keeps the state as it is: a no-op provider has nothing to compare with.
func (r *assignmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state assignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	waitRequests(ctx, 1) // the conversation GET
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, state)...)
}

func (r *assignmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior assignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	waitUpdate(ctx, plan, prior)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, plan)...)
}

func (r *assignmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state assignmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	waitDelete(ctx, state)
}

// setIdentity records the identity, as the real resource does after every write and read; the
// framework insists once an identity schema exists.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, m assignmentModel) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.Set(ctx, identityModel{AccountID: m.AccountID, ConversationID: m.ConversationID})
}
