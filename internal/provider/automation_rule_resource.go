package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var (
	_ resource.ResourceWithValidateConfig = (*automationRuleResource)(nil)
	_ resource.ResourceWithIdentity       = (*automationRuleResource)(nil)
)

// NewAutomationRuleResource is the chatwoot_automation_rule resource.
func NewAutomationRuleResource() resource.Resource {
	return &automationRuleResource{accountObjectResource{kind: objectKind{
		typeName: "automation_rule", idAttr: "rule_id", noun: "automation rule", idDescription: "The automation rule's id.",
	}}}
}

type automationRuleResource struct {
	accountObjectResource
}

type automationRuleModel struct {
	ID          types.String `tfsdk:"id"`
	AccountID   types.Int64  `tfsdk:"account_id"`
	RuleID      types.Int64  `tfsdk:"rule_id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	EventName   types.String `tfsdk:"event_name"`
	Active      types.Bool   `tfsdk:"active"`
	Conditions  types.List   `tfsdk:"conditions"`
	Actions     types.List   `tfsdk:"actions"`
	// ExecutionDelay is in minutes; null runs the actions at once.
	ExecutionDelay types.Int64 `tfsdk:"execution_delay"`
	operationTimeouts
}

type automationConditionModel struct {
	AttributeKey        types.String `tfsdk:"attribute_key"`
	FilterOperator      types.String `tfsdk:"filter_operator"`
	Values              types.List   `tfsdk:"values"`
	QueryOperator       types.String `tfsdk:"query_operator"`
	CustomAttributeType types.String `tfsdk:"custom_attribute_type"`
}

type automationActionModel struct {
	ActionName types.String `tfsdk:"action_name"`
	Params     types.List   `tfsdk:"params"`
	TeamIDs    types.List   `tfsdk:"team_ids"`
	Message    types.String `tfsdk:"message"`
}

var automationConditionType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"attribute_key":         types.StringType,
	"filter_operator":       types.StringType,
	"values":                types.ListType{ElemType: types.StringType},
	"query_operator":        types.StringType,
	"custom_attribute_type": types.StringType,
}}

var automationActionType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"action_name": types.StringType,
	"params":      types.ListType{ElemType: types.StringType},
	"team_ids":    types.ListType{ElemType: types.Int64Type},
	"message":     types.StringType,
}}

func (r *automationRuleResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An automation rule: when an event happens to a conversation and the conditions hold, Chatwoot runs the " +
			"actions, for example \"when a conversation is created in the Billing inbox, assign the Billing team\".\n\n" +
			"Chatwoot saves almost any rule and fails later: ids sent as strings are silently ignored, an unknown filter operator " +
			"or a deleted custom attribute makes every evaluation fail, and after two failures in a row Chatwoot turns the rule " +
			"off. This resource checks conditions and actions at plan time, sends ids as JSON integers, and shows a rule that " +
			"Chatwoot deactivated as drift (with a warning) so that the next apply turns it back on.\n\n" +
			"Import refuses, with the reason, a rule this resource cannot hold: one with a `send_attachment` action, an event " +
			"or action it does not know, or a condition whose operator Chatwoot does not allow for the attribute.\n\n" +
			"Only administrators may read or change automation rules.",
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"rule_id":    computedIDAttribute("The rule's id in Chatwoot."),
			"name": schema.StringAttribute{
				MarkdownDescription: "The rule's name, shown in Chatwoot's automation settings.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
			},
			"description": optionalTextAttribute("What the rule is for. Defaults to an empty string.", 20000),
			"event_name": schema.StringAttribute{
				MarkdownDescription: "The event that runs the rule: " + automationCodeList(automationEvents) + ". " +
					"Labels are usually added after a conversation is created, so rules on labels normally use `conversation_updated`.",
				Required:   true,
				Validators: []validator.String{stringvalidator.OneOf(automationEvents...)},
			},
			"active": schema.BoolAttribute{
				MarkdownDescription: "Whether the rule runs. Defaults to `true`. Chatwoot sets it to `false` by itself after two " +
					"evaluations in a row fail (a filter operator the attribute does not allow, a deleted custom attribute); the " +
					"next plan then shows the change with a warning, and apply turns the rule back on.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"execution_delay": schema.Int64Attribute{
				MarkdownDescription: "Minutes to wait before the actions run, from 10 to 43200 (30 days); omit to run them at once. " +
					"Needs Chatwoot 4.17.0 or later and the account feature `delayed_automations`; both are checked at plan time. " +
					"With a delay, no condition may use `attribute_changed`, and unless `event_name` is `message_created` every " +
					"condition must test `status` or `inbox_id` (Chatwoot refuses other rules). Changing the rule discards the " +
					"runs Chatwoot has already scheduled.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(minExecutionDelay, maxExecutionDelay)},
			},
			"conditions": schema.ListNestedAttribute{
				MarkdownDescription: "The conditions, in order. Each condition but the last sets `query_operator` to join it with " +
					"the next; Chatwoot evaluates them left to right.",
				Required:   true,
				Validators: []validator.List{listvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"attribute_key": schema.StringAttribute{
						MarkdownDescription: "The attribute to test: one of Chatwoot's standard attributes (" +
							automationCodeList(automationStandardKeys) + "; `sla_policy_id` needs Chatwoot Enterprise), or the key of " +
							"one of the account's custom attributes, with `custom_attribute_type` set.",
						Required:   true,
						Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"filter_operator": schema.StringAttribute{
						MarkdownDescription: "How to compare: " + automationCodeList(automationFilterOperators) + ". Chatwoot allows " +
							"only some operators for each attribute, and deactivates a rule using another one the second time it runs, " +
							"so the plan refuses them: " + filterOperatorTableMarkdown() + ".",
						Required:   true,
						Validators: []validator.String{stringvalidator.OneOf(automationFilterOperators...)},
					},
					"values": schema.ListAttribute{
						MarkdownDescription: "The values to compare with. For `inbox_id`, `team_id`, `assignee_id` and " +
							"`sla_policy_id` these are ids, sent to Chatwoot as JSON integers; for `status` one of " +
							automationCodeList(chatwoot.ConversationStatuses) + "; for `labels` label titles of the account (checked before " +
							"the rule is saved); otherwise text. Values may be other resources' attributes. Omit for `is_present` and `is_not_present`.",
						ElementType: types.StringType,
						Optional:    true,
						Validators:  []validator.List{listvalidator.SizeAtLeast(1)},
					},
					"query_operator": schema.StringAttribute{
						MarkdownDescription: "`AND` or `OR`: how this condition combines with the next one. Required on every " +
							"condition but the last, which must not set it.",
						Optional:   true,
						Validators: []validator.String{stringvalidator.OneOf(automationQueryOperators...)},
					},
					"custom_attribute_type": schema.StringAttribute{
						MarkdownDescription: "For a custom attribute key only: `conversation_attribute` or `contact_attribute`, " +
							"the model the custom attribute belongs to.",
						Optional:   true,
						Validators: []validator.String{stringvalidator.OneOf(automationCustomAttributeTypes...)},
					},
				}},
			},
			"actions": actionsAttribute("The actions, run in order.",
				"The action: "+automationCodeList(chatwoot.AutomationActionNames)+". `add_sla` needs "+
					"Chatwoot Enterprise. `send_attachment` is not supported (it needs an uploaded file).",
				chatwoot.AutomationActionNames,
				"The action's parameters, as strings (Terraform converts numbers); they may be other "+
					"resources' attributes, such as `chatwoot_team.billing.team_id`, and are then checked at apply. Ids are sent to Chatwoot "+
					"as JSON integers: Chatwoot silently ignores ids sent as strings. By action:\n"+
					"  - `assign_agent`: one agent's user id, `\"nil\"` to unassign, or `\"last_responding_agent\"`. "+
					"The agent must be a member of the conversation's inbox or an administrator, or Chatwoot does nothing;\n"+
					"  - `assign_team`: one team id, or `\"nil\"` to unassign;\n"+
					"  - `add_sla`: one SLA policy id;\n"+
					"  - `add_label`, `remove_label`: one or more label titles, each a label of the account (checked before the "+
					"rule is saved; refer to `chatwoot_label.<name>.title` so that Terraform creates the label first);\n"+
					actionParamsBullets()+
					"  - `remove_assigned_agent`, `remove_assigned_team`, `mute_conversation`, `snooze_conversation`, "+
					"`resolve_conversation`, `open_conversation`, `pending_conversation`: none (omit `params`);\n"+
					"  - `send_email_to_team`: none; use `team_ids` and `message`.",
				map[string]schema.Attribute{
					"team_ids": schema.ListAttribute{
						MarkdownDescription: "For `send_email_to_team` only: the teams to email.",
						ElementType:         types.Int64Type,
						Optional:            true,
						Validators: []validator.List{
							listvalidator.SizeAtLeast(1),
							listvalidator.ValueInt64sAre(int64validator.AtLeast(1)),
						},
					},
					"message": schema.StringAttribute{
						MarkdownDescription: "For `send_email_to_team` only: the email's text.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
				}),
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

func (r *automationRuleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg automationRuleModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	validateAutomationConditions(ctx, cfg.Conditions, &resp.Diagnostics)
	validateExecutionDelayConditions(ctx, cfg, &resp.Diagnostics)
	validateAutomationActions(ctx, cfg.Actions, &resp.Diagnostics)
}

func (r *automationRuleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan automationRuleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	in, ok := checkedRuleInput(ctx, client, plan, &resp.Diagnostics)
	if !ok {
		return
	}
	rule, err := client.CreateAutomationRule(ctx, accountID, in)
	if err != nil {
		resp.Diagnostics.Append(automationRuleErrorDiagnostic(operation{action: "creating automation rule " + strconv.Quote(in.Name), accountID: accountID}, err))
		return
	}
	r.saveRule(ctx, created(req, resp), objectID{accountID, rule.ID}, rule)
}

func (r *automationRuleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior automationRuleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, ruleID := prior.AccountID.ValueInt64(), prior.RuleID.ValueInt64()
	rule, err := client.GetAutomationRule(ctx, accountID, ruleID)
	if chatwoot.IsNotFound(err) {
		r.removeGone(ctx, resp, objectID{accountID, ruleID})
		return
	}
	if err != nil {
		resp.Diagnostics.Append(automationRuleErrorDiagnostic(operation{action: fmt.Sprintf("reading automation rule %d", ruleID), accountID: accountID}, err))
		return
	}
	if prior.Active.ValueBool() && !rule.Active {
		cause := "Someone may have switched it off in Chatwoot, or Chatwoot did it by itself: it " +
			"deactivates a rule after two evaluations in a row fail, because a condition uses a filter_operator that " +
			"Chatwoot does not allow for that attribute, or a custom attribute the rule tests was deleted."
		if bad := disallowedConditions(rule.Conditions); len(bad) > 0 {
			cause = "Chatwoot most likely did it by itself: it deactivates a rule after two evaluations in a row fail, and " +
				strings.Join(bad, ", ") + " uses a filter_operator Chatwoot does not allow for that attribute."
		}
		resp.Diagnostics.AddAttributeWarning(path.Root("active"), "Chatwoot Deactivated the Automation Rule",
			fmt.Sprintf("Automation rule %d (%q) in account %d is inactive in Chatwoot, but the configuration has it active, so "+
				"the plan turns it back on. %s Chatwoot "+
				"emails the account's administrators when it does. If it was Chatwoot, fix the conditions, or the rule will "+
				"be turned off again.", ruleID, rule.Name, accountID, cause))
	}
	r.saveRule(ctx, refreshed(req, resp), objectID{accountID, ruleID}, rule)
}

func (r *automationRuleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior automationRuleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, ruleID := plan.AccountID.ValueInt64(), plan.RuleID.ValueInt64()
	in, ok := checkedRuleInput(ctx, client, plan, &resp.Diagnostics)
	if !ok {
		return
	}
	// A delay removed from the configuration is cleared with an explicit null.
	in.ClearExecutionDelay = plan.ExecutionDelay.IsNull() && !prior.ExecutionDelay.IsNull()
	rule, err := client.UpdateAutomationRule(ctx, accountID, ruleID, in)
	if chatwoot.IsNotFound(err) {
		r.updateGone(&resp.Diagnostics, objectID{accountID, ruleID}, err)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(automationRuleErrorDiagnostic(operation{action: fmt.Sprintf("updating automation rule %d", ruleID), accountID: accountID}, err))
		return
	}
	r.saveRule(ctx, updated(req, resp), objectID{accountID, ruleID}, rule)
}

func (r *automationRuleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state automationRuleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID, ruleID := state.AccountID.ValueInt64(), state.RuleID.ValueInt64()
	err := client.DeleteAutomationRule(ctx, accountID, ruleID)
	if err != nil && !chatwoot.IsNotFound(err) {
		resp.Diagnostics.Append(automationRuleErrorDiagnostic(operation{action: fmt.Sprintf("deleting automation rule %d", ruleID), accountID: accountID}, err))
	}
}

// checkedRuleInput is the request for the plan, once the agents and teams its actions name are
// known to exist. ok is false after adding an error.
func checkedRuleInput(ctx context.Context, client *chatwoot.Client, plan automationRuleModel, diags *diag.Diagnostics) (chatwoot.AutomationRuleInput, bool) {
	// Values that were unknown at plan time (other resources' attributes) are known now: check
	// them as ValidateConfig would have.
	validateAutomationConditions(ctx, plan.Conditions, diags)
	validateAutomationActions(ctx, plan.Actions, diags)
	if diags.HasError() {
		return chatwoot.AutomationRuleInput{}, false
	}
	in := automationRuleInput(ctx, plan, diags)
	if !diags.HasError() {
		checkActionReferences(ctx, client, "rule", plan.AccountID.ValueInt64(), in.Actions, diags)
		checkConditionReferences(ctx, client, plan.AccountID.ValueInt64(), in.Conditions, diags)
	}
	return in, !diags.HasError()
}

// automationRuleInput converts the plan into Chatwoot's request, typing each value the way
// Chatwoot reads it: ids as JSON integers, everything else as strings.
func automationRuleInput(ctx context.Context, plan automationRuleModel, diags *diag.Diagnostics) chatwoot.AutomationRuleInput {
	in := chatwoot.AutomationRuleInput{
		Name:        plan.Name.ValueString(),
		Description: plan.Description.ValueString(),
		EventName:   plan.EventName.ValueString(),
		Active:      plan.Active.ValueBool(),
	}
	if !plan.ExecutionDelay.IsNull() && !plan.ExecutionDelay.IsUnknown() {
		in.ExecutionDelay = plan.ExecutionDelay.ValueInt64Pointer()
	}
	var conditions []automationConditionModel
	diags.Append(plan.Conditions.ElementsAs(ctx, &conditions, false)...)
	for _, c := range conditions {
		key := c.AttributeKey.ValueString()
		cond := chatwoot.AutomationCondition{
			AttributeKey:        key,
			FilterOperator:      c.FilterOperator.ValueString(),
			CustomAttributeType: c.CustomAttributeType.ValueString(),
		}
		if !c.QueryOperator.IsNull() {
			cond.QueryOperator = c.QueryOperator.ValueStringPointer()
		}
		integers := slices.Contains(automationIDKeys, key)
		for _, v := range automationStrings(ctx, c.Values, diags) {
			cond.Values = append(cond.Values, typedParam(v, integers))
		}
		in.Conditions = append(in.Conditions, cond)
	}

	var actions []automationActionModel
	diags.Append(plan.Actions.ElementsAs(ctx, &actions, false)...)
	for _, a := range actions {
		name := a.ActionName.ValueString()
		action := chatwoot.AutomationAction{ActionName: name}
		if name == "send_email_to_team" {
			var teamIDs []int64
			diags.Append(a.TeamIDs.ElementsAs(ctx, &teamIDs, false)...)
			action.ActionParams = []chatwoot.Param{chatwoot.EmailToTeamParam(a.Message.ValueString(), teamIDs)}
		} else {
			action.ActionParams = actionParamsInput(ctx, name, a.Params, diags)
		}
		in.Actions = append(in.Actions, action)
	}
	return in
}

// typedParam sends a numeric value as a JSON integer where Chatwoot compares integers, and as a
// string otherwise ("nil", labels, text).
func typedParam(s string, integers bool) chatwoot.Param {
	if integers {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return chatwoot.IntParam(n)
		}
	}
	return chatwoot.StringParam(s)
}

func automationStrings(ctx context.Context, list types.List, diags *diag.Diagnostics) []string {
	if list.IsNull() || list.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(list.ElementsAs(ctx, &out, false)...)
	return out
}

// saveRule ends a Create, Read or Update with the rule as Chatwoot holds it.
func (r *automationRuleResource) saveRule(ctx context.Context, to saveTarget, id objectID, rule *chatwoot.AutomationRule) {
	state := automationRuleState(ctx, id.accountID, rule, to.diags)
	r.save(ctx, to, id, &state)
}

// automationRuleState converts what Chatwoot holds into state. Values come back as Chatwoot
// stored them; an id stored as a JSON string (which Chatwoot ignores) is shown quoted, so that
// the plan shows the difference from the configured id, and a warning says why.
func automationRuleState(ctx context.Context, accountID int64, rule *chatwoot.AutomationRule, diags *diag.Diagnostics) automationRuleModel {
	state := automationRuleModel{
		ID:             types.StringValue(objectID{accountID, rule.ID}.String()),
		AccountID:      types.Int64Value(accountID),
		RuleID:         types.Int64Value(rule.ID),
		Name:           types.StringValue(rule.Name),
		Description:    types.StringValue(rule.Description),
		EventName:      types.StringValue(rule.EventName),
		Active:         types.BoolValue(rule.Active),
		ExecutionDelay: types.Int64PointerValue(rule.ExecutionDelay),
	}

	conditions := make([]automationConditionModel, 0, len(rule.Conditions))
	for i, c := range rule.Conditions {
		cond := automationConditionModel{
			AttributeKey:        types.StringValue(c.AttributeKey),
			FilterOperator:      types.StringValue(c.FilterOperator),
			QueryOperator:       types.StringNull(),
			CustomAttributeType: types.StringNull(),
		}
		// Chatwoot compares query operators case-insensitively and its UI stores them in lower case.
		if c.QueryOperator != nil && *c.QueryOperator != "" {
			cond.QueryOperator = types.StringValue(strings.ToUpper(*c.QueryOperator))
		}
		if c.CustomAttributeType != "" {
			cond.CustomAttributeType = types.StringValue(c.CustomAttributeType)
		}
		integers := slices.Contains(automationIDKeys, c.AttributeKey)
		values := make([]string, 0, len(c.Values))
		for _, v := range c.Values {
			values = append(values, paramText(v, integers, func() {
				diags.AddAttributeWarning(path.Root("conditions").AtListIndex(i).AtName("values"), "Automation Rule Holds an ID as Text",
					fmt.Sprintf("%s of automation rule %d tests %s against %q, a JSON string. It is shown quoted; the next "+
						"apply sends the id as a JSON integer.", counted("Condition", i), rule.ID, c.AttributeKey, v.String()))
			}))
		}
		cond.Values = automationStringList(ctx, values, diags)
		conditions = append(conditions, cond)
	}

	actions := make([]automationActionModel, 0, len(rule.Actions))
	for i, a := range rule.Actions {
		action := automationActionModel{
			ActionName: types.StringValue(a.ActionName),
			Params:     types.ListNull(types.StringType),
			TeamIDs:    types.ListNull(types.Int64Type),
			Message:    types.StringNull(),
		}
		if a.ActionName == "send_email_to_team" && len(a.ActionParams) == 1 && a.ActionParams[0].EmailToTeam != nil {
			email := a.ActionParams[0].EmailToTeam
			action.Message = types.StringValue(email.Message)
			teamIDs, d := types.ListValueFrom(ctx, types.Int64Type, email.TeamIDs)
			diags.Append(d...)
			action.TeamIDs = teamIDs
		} else {
			action.Params = actionParamsState(ctx, "automation rule", rule.ID, i, a, diags)
		}
		actions = append(actions, action)
	}

	var d diag.Diagnostics
	state.Conditions, d = types.ListValueFrom(ctx, automationConditionType, conditions)
	diags.Append(d...)
	state.Actions, d = types.ListValueFrom(ctx, automationActionType, actions)
	diags.Append(d...)
	return state
}

// paramText is a value as the configuration writes it. Where Chatwoot needs an integer, a
// numeric string is quoted so it differs from the configured id, and stringID is called.
func paramText(p chatwoot.Param, integers bool, stringID func()) string {
	if integers && p.Str != nil {
		if _, err := strconv.ParseInt(*p.Str, 10, 64); err == nil {
			stringID()
			return strconv.Quote(*p.Str)
		}
	}
	return p.String()
}

func automationStringList(ctx context.Context, values []string, diags *diag.Diagnostics) types.List {
	if len(values) == 0 {
		return types.ListNull(types.StringType)
	}
	list, d := types.ListValueFrom(ctx, types.StringType, values)
	diags.Append(d...)
	return list
}

func automationIntParams(params []chatwoot.Param) []int64 {
	var ids []int64
	for _, p := range params {
		if p.Int != nil {
			ids = append(ids, *p.Int)
		}
	}
	return ids
}

// automationRuleErrorDiagnostic is clientErrorDiagnostic with the two failures this resource
// explains better: an agent's token (automation rules are administrator-only in Chatwoot, down
// to the list), and a 422 naming the conditions or actions.
func automationRuleErrorDiagnostic(op operation, err error) diag.Diagnostic {
	if chatwoot.AuthProblemOf(err) == chatwoot.AuthForbidden {
		return diag.NewErrorDiagnostic("Chatwoot Administrator Required",
			fmt.Sprintf("Chatwoot refused %s in account %d because the token's user is not an administrator of the account. "+
				"Only administrators may list, read or change automation rules. Use an administrator's access token in the "+
				"provider block, or ask an administrator to make the user one.\n\nOriginal error: %s", op.action, op.accountID, err))
	}
	d := clientErrorDiagnostic(op, err)
	var apiErr *chatwoot.APIError
	if errors.As(err, &apiErr) && chatwoot.IsUnprocessable(err) && len(apiErr.Attributes) == 1 {
		if field := apiErr.Attributes[0]; field == "conditions" || field == "actions" {
			return diag.WithPath(path.Root(field), d)
		}
	}
	return d
}

// automationCodeList renders words as a comma-separated list of code spans.
func automationCodeList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "`" + w + "`"
	}
	return strings.Join(q, ", ")
}
