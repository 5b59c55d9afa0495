package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var (
	_ resource.ResourceWithIdentity = (*agentResource)(nil)
)

const (
	roleAgent         = "agent"
	roleAdministrator = "administrator"

	availabilityOffline = "offline"

	// privateCustomRole holds the agent's Enterprise custom role as last read, to send back with
	// every update: Chatwoot clears a custom role that an update omits.
	privateCustomRole = "custom_role_id"
	// privateAgentImporting marks a state fresh from import, whose first Read adopts availability.
	privateAgentImporting = "importing"
)

// userEmailFormat is Chatwoot's own check on user emails (DESIGN.md §11.4).
var userEmailFormat = regexp.MustCompile(`^[^@\s]+@[^@\s]+$`)

// NewAgentResource is the chatwoot_agent resource.
func NewAgentResource() resource.Resource {
	return &agentResource{accountObjectResource{kind: objectKind{
		typeName: "agent", idAttr: "user_id", noun: "user", idDescription: "The agent's user id.",
	}}}
}

type agentResource struct {
	accountObjectResource
}

type agentModel struct {
	ID           types.String `tfsdk:"id"`
	AccountID    types.Int64  `tfsdk:"account_id"`
	UserID       types.Int64  `tfsdk:"user_id"`
	Email        types.String `tfsdk:"email"`
	Name         types.String `tfsdk:"name"`
	Role         types.String `tfsdk:"role"`
	Availability types.String `tfsdk:"availability"`
	AutoOffline  types.Bool   `tfsdk:"auto_offline"`
	Confirmed    types.Bool   `tfsdk:"confirmed"`
	// AllowSelfDemotion is only in Terraform: see agent_plan.go.
	AllowSelfDemotion types.Bool `tfsdk:"allow_self_demotion"`
	operationTimeouts
}

func (r *agentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A member of a Chatwoot account: an agent or an administrator.\n\n" +
			"Chatwoot users are shared by every account of an installation and found by email. When a user with the " +
			"email already exists (in any account), Chatwoot adds that user to the account and **ignores the name** it " +
			"was given. The provider then sets the configured `name` in a second request and warns that the existing " +
			"user was renamed, in every account they belong to; leave `name` unset to keep the user's name as it is. The plan " +
			"warns beforehand when the email is already a differently named user in another account the token belongs to, " +
			"and whenever it changes `name`, since the name shows in every account.\n\n" +
			"Chatwoot has no endpoint for one agent, so every read fetches the account's agent list (one request).\n\n" +
			"Destroying the resource removes the user from the account, and says so in a warning. Chatwoot then removes them " +
			"from the account's teams and inboxes and unassigns their conversations, in the background; a user who belongs to " +
			"other accounts stays in Chatwoot, and a user left with no account is deleted." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"user_id": schema.Int64Attribute{
				MarkdownDescription: "The agent's user id, as `assignee_id` and the `user_ids` of `chatwoot_team_members` " +
					"and `chatwoot_inbox_members` take it.",
				Computed:      true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"email": schema.StringAttribute{
				MarkdownDescription: "The user's email, in lowercase (Chatwoot downcases emails). Chatwoot cannot change an " +
					"agent's email, so changing it replaces the resource: the old user leaves the account and the new one joins.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(3, 255),
					stringvalidator.RegexMatches(userEmailFormat, "must be an email address such as alice@example.com"),
					lowercaseStringValidator{what: "emails"},
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The user's full name. When unset, a new user is named after the part of the email " +
					"before the `@`, and an existing user keeps their name.",
				Optional: true,
				Computed: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(nonBlank, "must not be blank"),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"role": schema.StringAttribute{
				MarkdownDescription: "`agent` (the default) or `administrator`.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(roleAgent),
				Validators:          []validator.String{stringvalidator.OneOf(roleAgent, roleAdministrator)},
			},
			"availability": schema.StringAttribute{
				MarkdownDescription: "The agent's status in this account: `online`, `busy` or `offline`. When unset, it is " +
					"not managed (agents usually set it themselves). Chatwoot reports only the effective status, which is " +
					"`offline` for an agent with `auto_offline = true` who has no open session; the provider therefore " +
					"notices a change made in Chatwoot only when that status is not such an automatic `offline`.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf("online", "busy", availabilityOffline)},
			},
			"auto_offline": schema.BoolAttribute{
				MarkdownDescription: "Whether Chatwoot shows the agent offline when they have no open session. Defaults to " +
					"`true`, as in Chatwoot. Auto-assignment only picks agents who are online, so an agent who works only " +
					"through the API needs `auto_offline = false` and `availability = \"online\"` to be auto-assigned.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"confirmed": schema.BoolAttribute{
				MarkdownDescription: "Whether the user has confirmed their Chatwoot account. A user this resource adds to " +
					"Chatwoot starts unconfirmed until they accept the invitation email (users created through Chatwoot's " +
					"Platform API are confirmed). Chatwoot never assigns an unconfirmed agent automatically: neither " +
					"auto-assignment nor an automation rule's `assign_agent` picks them. To be assignable without a browser " +
					"session, an agent must be confirmed, a member of the conversation's inbox (and team, if it has one), " +
					"`auto_offline = false` and `availability = \"online\"`.",
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"allow_self_demotion": allowSelfDemotionAttribute(),
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *agentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan agentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, email := plan.AccountID.ValueInt64(), plan.Email.ValueString()
	agent, err := client.CreateAgent(ctx, accountID, chatwoot.AgentFields{
		Email:        &email,
		Name:         knownStringPointer(plan.Name),
		Role:         plan.Role.ValueStringPointer(),
		Availability: knownStringPointer(plan.Availability),
		AutoOffline:  plan.AutoOffline.ValueBoolPointer(),
	})
	if err != nil {
		r.createError(ctx, client, accountID, email, err, &resp.Diagnostics)
		return
	}

	// Chatwoot reused an existing user and ignored the name: set it, and say so.
	if wanted := plan.Name; !wanted.IsUnknown() && !wanted.IsNull() && wanted.ValueString() != agent.Name {
		previous := agent.Name
		renamed, err := client.UpdateAgent(ctx, accountID, agent.ID, chatwoot.AgentFields{Name: wanted.ValueStringPointer(), CustomRoleID: agent.CustomRoleID})
		if err != nil {
			// The agent exists now: keep it in the state (tainted by the error) with the name it has.
			state := withSelfDemotion(agentState(accountID, agent, plan.Availability), plan.AllowSelfDemotion)
			r.save(ctx, created(req, resp), objectID{accountID, agent.ID}, &state, customRoleKey(agent.CustomRoleID))
			resp.Diagnostics.Append(clientErrorDiagnostic(operation{
				action: fmt.Sprintf("renaming the existing user %d (%s) to %q", agent.ID, email, wanted.ValueString()), accountID: accountID,
			}, err))
			return
		}
		agent = renamed
		resp.Diagnostics.AddAttributeWarning(path.Root("name"), "Existing Chatwoot User Renamed",
			fmt.Sprintf("A Chatwoot user with the email %s already existed, named %q. Chatwoot added that user to account %d "+
				"and ignored the configured name, so the provider renamed the user to %q. Users are shared across accounts: "+
				"the new name shows in every account this user belongs to. To keep the existing name, remove name from the "+
				"configuration or set it to %q.", email, previous, accountID, wanted.ValueString(), previous))
	}
	state := withSelfDemotion(agentState(accountID, agent, plan.Availability), plan.AllowSelfDemotion)
	r.save(ctx, created(req, resp), objectID{accountID, agent.ID}, &state, customRoleKey(agent.CustomRoleID))
}

// createError explains the common refusals: the user is already in the account (import it), or
// the email is invalid.
func (r *agentResource) createError(ctx context.Context, client *chatwoot.Client, accountID int64, email string, err error, diags *diag.Diagnostics) {
	op := operation{action: fmt.Sprintf("adding %s to the account", email), accountID: accountID}
	if chatwoot.IsUnprocessable(err) {
		if existing, ferr := chatwoot.Agents.Find(ctx, client, accountID, func(a *chatwoot.Agent) bool { return a.Email == email }); ferr == nil {
			agentExistsError(diags, accountID, existing, err.Error())
			return
		}
	}
	appendClientErrorOnAttribute(diags, op, err, "email", "name")
}

func (r *agentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state agentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, userID := state.AccountID.ValueInt64(), state.UserID.ValueInt64()
	agent, err := client.GetAgent(ctx, accountID, userID)
	if chatwoot.IsNotFound(err) {
		r.removeGone(ctx, resp, objectID{accountID, userID})
		return
	}
	if err != nil {
		resp.Diagnostics.Append(clientErrorDiagnostic(operation{action: fmt.Sprintf("reading agent %d", userID), accountID: accountID}, err))
		return
	}
	importing, diags := req.Private.GetKey(ctx, privateAgentImporting)
	resp.Diagnostics.Append(diags...)
	availability := state.Availability
	if observed, ok := observedAvailability(agent); ok && (!availability.IsNull() || importing != nil) {
		availability = types.StringValue(observed)
	}
	read := withSelfDemotion(agentState(accountID, agent, availability), state.AllowSelfDemotion)
	r.save(ctx, refreshed(req, resp), objectID{accountID, userID}, &read,
		customRoleKey(agent.CustomRoleID), privateKey{privateAgentImporting, nil})
}

func (r *agentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior agentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	customRole, diags := getCustomRole(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, userID := prior.AccountID.ValueInt64(), prior.UserID.ValueInt64()

	fields := chatwoot.AgentFields{CustomRoleID: customRole}
	changed := false
	if !plan.Name.IsUnknown() && !plan.Name.Equal(prior.Name) {
		fields.Name, changed = plan.Name.ValueStringPointer(), true
	}
	if !plan.Role.Equal(prior.Role) {
		fields.Role, changed = plan.Role.ValueStringPointer(), true
	}
	if !plan.Availability.IsNull() && !plan.Availability.Equal(prior.Availability) {
		fields.Availability, changed = plan.Availability.ValueStringPointer(), true
	}
	if !plan.AutoOffline.Equal(prior.AutoOffline) {
		fields.AutoOffline, changed = plan.AutoOffline.ValueBoolPointer(), true
	}
	state := prior
	state.Availability = plan.Availability // unset means unmanaged: nothing to send
	if changed {
		agent, err := client.UpdateAgent(ctx, accountID, userID, fields)
		if err != nil {
			appendClientErrorOnAttribute(&resp.Diagnostics, operation{
				action: fmt.Sprintf("updating agent %d", userID), accountID: accountID, notFound: fmt.Sprintf("agent %d", userID),
			}, err, "name")
			return
		}
		state, customRole = agentState(accountID, agent, plan.Availability), agent.CustomRoleID
	}
	state = withSelfDemotion(state, plan.AllowSelfDemotion)
	r.save(ctx, updated(req, resp), objectID{accountID, userID}, &state, customRoleKey(customRole))
}

func (r *agentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state agentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, userID := state.AccountID.ValueInt64(), state.UserID.ValueInt64()
	op := operation{action: fmt.Sprintf("removing agent %d from the account", userID), accountID: accountID, notFound: fmt.Sprintf("agent %d", userID)}
	endDeleteLeaving(&resp.Diagnostics, client.DeleteAgent(ctx, accountID, userID), op, "Agent Removed From the Account, Cleanup Continues in Chatwoot",
		fmt.Sprintf("User %d (%s) was removed from account %d. Chatwoot finishes in a background job: it takes the user off the "+
			"account's teams and inboxes and unassigns their conversations there. A user who still belongs to other accounts stays "+
			"in Chatwoot, with their name and those accounts; a user left with no account is deleted by that job.",
			userID, state.Email.ValueString(), accountID))
}

func (r *agentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if r.importObject(ctx, req, resp) {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateAgentImporting, []byte(`true`))...)
	}
}

// agentState is the state for what Chatwoot answered; availability is passed in because Chatwoot
// reports only the effective status (see observedAvailability).
func agentState(accountID int64, agent *chatwoot.Agent, availability types.String) agentModel {
	return agentModel{
		ID:           types.StringValue(objectID{accountID, agent.ID}.String()),
		AccountID:    types.Int64Value(accountID),
		UserID:       types.Int64Value(agent.ID),
		Email:        types.StringValue(agent.Email),
		Name:         types.StringValue(agent.Name),
		Role:         types.StringValue(agent.Role),
		Availability: availability,
		AutoOffline:  types.BoolValue(agent.AutoOffline),
		Confirmed:    types.BoolValue(agent.Confirmed),
	}
}

// observedAvailability returns the configured availability when Chatwoot's effective status
// shows it: an "offline" of an auto_offline agent may only mean "no open session".
func observedAvailability(agent *chatwoot.Agent) (string, bool) {
	if agent.AvailabilityStatus == "" || (agent.AutoOffline && agent.AvailabilityStatus == availabilityOffline) {
		return "", false
	}
	return agent.AvailabilityStatus, true
}

func knownStringPointer(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	return v.ValueStringPointer()
}

// customRoleKey is the private state that remembers the agent's custom role, which Chatwoot
// drops unless every update sends it back.
func customRoleKey(id *int64) privateKey {
	if id == nil {
		return privateKey{privateCustomRole, nil}
	}
	raw, _ := json.Marshal(*id)
	return privateKey{privateCustomRole, raw}
}

func getCustomRole(ctx context.Context, private interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}) (*int64, diag.Diagnostics) {
	raw, diags := private.GetKey(ctx, privateCustomRole)
	if len(raw) == 0 || diags.HasError() {
		return nil, diags
	}
	var id int64
	if err := json.Unmarshal(raw, &id); err != nil {
		return nil, diags // an unreadable value is treated as no custom role
	}
	return &id, diags
}
