package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// adminOnlyNote ends the description of every resource that changes account configuration.
const adminOnlyNote = "\n\n**Token role:** an administrator's access token. An agent's token can read but not change " +
	"this object; Chatwoot refuses it with a permission error."

// NewTeamResource is the chatwoot_team resource.
func NewTeamResource() resource.Resource {
	return &teamResource{accountObjectResource{kind: objectKind{
		typeName: "team", idAttr: "team_id", noun: "team", idDescription: "The team's id.",
	}}}
}

type teamResource struct{ accountObjectResource }

type teamModel struct {
	ID              types.String `tfsdk:"id"`
	AccountID       types.Int64  `tfsdk:"account_id"`
	TeamID          types.Int64  `tfsdk:"team_id"`
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	AllowAutoAssign types.Bool   `tfsdk:"allow_auto_assign"`
	Icon            types.String `tfsdk:"icon"`
	IconColor       types.String `tfsdk:"icon_color"`
	operationTimeouts
}

func (r *teamResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Chatwoot team: a named group of agents that conversations can be routed to.\n\n" +
			"Chatwoot stores team names in lowercase. So that what you write is what Chatwoot holds, `name` must be " +
			"lowercase: a name such as `Billing` is refused at plan time with the lowercase form to use instead " +
			"(`billing`). From Chatwoot 4.16.0 it also removes control characters and surrounding spaces, so there a " +
			"name such as ` billing` is refused the same way. Names are unique within an account.\n\n" +
			"`icon` and `icon_color` need Chatwoot 4.16.0 or later (older servers would drop them silently, so they " +
			"are refused at plan time there).\n\n" +
			"Members are managed with `chatwoot_team_members`. Destroy deletes the team and warns that its conversations " +
			"stay, without a team, and that its members stay agents of the account." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"team_id": computedIDAttribute("The team's id in Chatwoot, as `team_id` of `chatwoot_team_members` and " +
				"`chatwoot_conversation_assignment` takes it."),
			"name": schema.StringAttribute{
				MarkdownDescription: "The team's name, in lowercase (Chatwoot downcases names), unique within the account; " +
					"at most 255 characters.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(nonBlank, "must not be blank"),
					lowercaseStringValidator{what: "team names"},
				},
			},
			"description": optionalTextAttribute("A description of the team. Defaults to empty.", 20000),
			"allow_auto_assign": schema.BoolAttribute{
				MarkdownDescription: "Whether Chatwoot may pick an online member of the team (who is also a member of the " +
					"conversation's inbox) when a conversation is assigned to the team without an agent. Defaults to `true`, " +
					"as in Chatwoot.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"icon": optionalTextAttribute("The team's icon, as Chatwoot's UI names it. Needs Chatwoot 4.16.0 or later; defaults to "+
				"empty (no icon). At most 255 characters.", 255),
			"icon_color": optionalTextAttribute("The colour of the team's icon, such as `#1f93ff`. Needs Chatwoot 4.16.0 or later; "+
				"defaults to empty. At most 255 characters.", 255),
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *teamResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan teamModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	team, err := client.CreateTeam(ctx, accountID, chatwoot.TeamFields{
		Name:            plan.Name.ValueStringPointer(),
		Description:     plan.Description.ValueStringPointer(),
		AllowAutoAssign: plan.AllowAutoAssign.ValueBoolPointer(),
		Icon:            nonEmptyStringPointer(plan.Icon),
		IconColor:       nonEmptyStringPointer(plan.IconColor),
	})
	if err != nil {
		appendClientErrorOnAttribute(&resp.Diagnostics, operation{
			action: fmt.Sprintf("creating team %q", plan.Name.ValueString()), accountID: accountID,
		}, err, "name", "description")
		return
	}
	state := teamState(accountID, team)
	r.save(ctx, created(req, resp), objectID{accountID, team.ID}, &state)
}

func (r *teamResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state teamModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{state.AccountID.ValueInt64(), state.TeamID.ValueInt64()}
	team, err := client.GetTeam(ctx, id.accountID, id.id)
	if !r.readFound(ctx, resp, id, err, operation{
		action: fmt.Sprintf("reading team %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("team %d", id.id),
	}) {
		return
	}
	read := teamState(id.accountID, team)
	r.save(ctx, refreshed(req, resp), id, &read)
}

func (r *teamResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior teamModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.TeamID.ValueInt64()}

	// Send only what changed: a rename that is not asked for must not race another change.
	var fields chatwoot.TeamFields
	changed := false
	fields.Name = changedString(plan.Name, prior.Name, &changed)
	fields.Description = changedString(plan.Description, prior.Description, &changed)
	fields.AllowAutoAssign = changedBool(plan.AllowAutoAssign, prior.AllowAutoAssign, &changed)
	fields.Icon = changedString(plan.Icon, prior.Icon, &changed)
	fields.IconColor = changedString(plan.IconColor, prior.IconColor, &changed)
	state := prior
	if changed {
		team, err := client.UpdateTeam(ctx, id.accountID, id.id, fields)
		if err != nil {
			appendClientErrorOnAttribute(&resp.Diagnostics, operation{
				action: fmt.Sprintf("updating team %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("team %d", id.id),
			}, err, "name", "description")
			return
		}
		state = teamState(id.accountID, team)
	}
	r.save(ctx, updated(req, resp), id, &state)
}

func (r *teamResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state teamModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, teamID := state.AccountID.ValueInt64(), state.TeamID.ValueInt64()
	err := client.DeleteTeam(ctx, accountID, teamID)
	endDeleteLeaving(&resp.Diagnostics, err, operation{
		action: fmt.Sprintf("deleting team %d", teamID), accountID: accountID, notFound: fmt.Sprintf("team %d", teamID),
	}, "Team Deleted, Its Conversations Keep No Team",
		fmt.Sprintf("Team %d was deleted from account %d. Its conversations stay, now without a team (their assignees are kept), "+
			"and Chatwoot removes the team's member list in a background job; its members stay agents of the account.", teamID, accountID))
}

func teamState(accountID int64, team *chatwoot.Team) teamModel {
	return teamModel{
		ID:              types.StringValue(objectID{accountID, team.ID}.String()),
		AccountID:       types.Int64Value(accountID),
		TeamID:          types.Int64Value(team.ID),
		Name:            types.StringValue(team.Name),
		Description:     types.StringValue(team.Description),
		AllowAutoAssign: types.BoolValue(team.AllowAutoAssign),
		Icon:            types.StringValue(team.Icon),
		IconColor:       types.StringValue(team.IconColor),
	}
}

// nonEmptyStringPointer is the value to send for an optional setting whose default is empty:
// nothing, so that a create on a server without the setting sends no unknown key.
func nonEmptyStringPointer(v types.String) *string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" {
		return nil
	}
	return v.ValueStringPointer()
}

// ModifyPlan resolves the account, refuses a name another team has, then checks what depends on
// the server's version: team icons
// exist from Chatwoot 4.16.0, and the name must be written as that version stores it.
func (r *teamResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.planAccount(ctx, req, resp)
	if req.Plan.Raw.IsNull() || resp.Diagnostics.HasError() {
		return
	}
	r.planExistence(ctx, req, resp)
	// Only values that would be sent are checked, so a refresh asks the server nothing more.
	var cfg, prior teamModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	for _, setting := range []struct {
		attr         string
		value, prior types.String
	}{{"icon", cfg.Icon, prior.Icon}, {"icon_color", cfg.IconColor, prior.IconColor}} {
		if nonEmptyStringPointer(setting.value) != nil && !setting.value.Equal(setting.prior) {
			requireServerVersion(ctx, r.data, &resp.Diagnostics, path.Root(setting.attr), "`"+setting.attr+"`", chatwoot.Version4160)
		}
	}
	if cfg.Name.IsNull() || cfg.Name.IsUnknown() || cfg.Name.Equal(prior.Name) {
		return
	}
	version, ok := serverVersion(ctx, r.data, &resp.Diagnostics)
	if !ok {
		return
	}
	name := cfg.Name.ValueString()
	if stored := normaliseTeamName(name, version); stored != name {
		detail := fmt.Sprintf("Chatwoot %s removes control characters (such as line breaks and tabs) and surrounding spaces from "+
			"team names, so %q would be saved as %q and show as a change on every plan. Write %q instead.",
			versionLabel(version), name, stored, stored)
		if stored == "" {
			detail = fmt.Sprintf("Chatwoot %s removes control characters and surrounding spaces from team names, so %q would be "+
				"blank, which Chatwoot refuses. Write a name with visible characters.", versionLabel(version), name)
		}
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Team Name Not as Chatwoot Stores It", detail)
	}
}
