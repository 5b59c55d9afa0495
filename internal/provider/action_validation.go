package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The plan-time checks, the request conversion and the state conversion that automation rules and
// macros share. The
// vocabulary itself (action names, what params each action takes) is chatwoot's, in
// internal/chatwoot/action_vocabulary.go; this file only applies it to a configuration.

// actionsAttribute is the `actions` list of an automation rule or a macro: at least one action,
// each an action_name of names and its params as strings, plus the attributes a kind adds
// (extra, may be nil). paramsDescription says, by action, what params each action takes;
// actionParamsBullets are the lines of it both kinds share.
func actionsAttribute(description, nameDescription string, names []string, paramsDescription string,
	extra map[string]schema.Attribute) schema.ListNestedAttribute {
	attrs := map[string]schema.Attribute{
		"action_name": schema.StringAttribute{
			MarkdownDescription: nameDescription,
			Required:            true,
			Validators:          []validator.String{stringvalidator.OneOf(names...)},
		},
		"params": schema.ListAttribute{
			MarkdownDescription: paramsDescription,
			ElementType:         types.StringType,
			Optional:            true,
			Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
		},
	}
	for name, a := range extra {
		attrs[name] = a
	}
	return schema.ListNestedAttribute{
		MarkdownDescription: description,
		Required:            true,
		Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
		NestedObject:        schema.NestedAttributeObject{Attributes: attrs},
	}
}

// actionParamsBullets are the params of the actions whose params automation rules and macros
// take alike, as lines of the params description.
func actionParamsBullets() string {
	return "  - `send_message`, `add_private_note`: the text;\n" +
		"  - `send_webhook_event`: the URL;\n" +
		"  - `send_email_transcript`: the addresses, comma-separated, in one string;\n" +
		"  - `change_status`: " + automationCodeList(chatwoot.ConversationStatuses) + ";\n" +
		"  - `change_priority`: `low`, `medium`, `high`, `urgent`, or `nil`;\n"
}

// checkActionParams checks the params of one action named name at path at against rules; kind
// ("Automation", "Macro") names the object in the error titles. It
// refuses send_attachment, which needs a file uploaded to Chatwoot first. A name missing from
// rules is left to the action_name validator; unknown values are skipped and checked again at
// apply.
func checkActionParams(ctx context.Context, kind string, at path.Path, name string, list types.List,
	rules map[string]chatwoot.ActionParamRule, diags *diag.Diagnostics) {
	if name == "send_attachment" {
		diags.AddAttributeError(at.AtName("action_name"), "Unsupported "+kind+" Action",
			"send_attachment needs a file uploaded to Chatwoot first, which this provider cannot do. Add the attachment "+
				"action in Chatwoot's UI, or send a link with send_message instead.")
		return
	}
	rule, known := rules[name]
	if !known || list.IsUnknown() {
		return
	}
	var params []types.String
	if !list.IsNull() {
		diags.Append(list.ElementsAs(ctx, &params, false)...)
	}
	switch {
	case rule.Count == 0 && len(params) > 0:
		diags.AddAttributeError(at.AtName("params"), "Unexpected Action Params", fmt.Sprintf("%s takes no params; remove params.", name))
		return
	case rule.Count > 0 && len(params) != rule.Count, rule.Count < 0 && len(params) == 0:
		diags.AddAttributeError(at.AtName("params"), "Wrong Number of Action Params",
			fmt.Sprintf("%s takes %s; got %d params.", name, rule.Help, len(params)))
		return
	}
	for j, p := range params {
		if p.IsUnknown() || p.IsNull() || rule.Check == nil {
			continue
		}
		if problem := rule.Check(p.ValueString()); problem != "" {
			diags.AddAttributeError(at.AtName("params").AtListIndex(j), "Invalid Action Param",
				fmt.Sprintf("%s takes %s; %s.", name, rule.Help, problem))
		}
	}
}

// actionParamsInput types an action's params the way Chatwoot reads them: ids of the actions in
// chatwoot.IntParamActions as JSON integers, everything else as strings.
func actionParamsInput(ctx context.Context, name string, list types.List, diags *diag.Diagnostics) []chatwoot.Param {
	integers := slices.Contains(chatwoot.IntParamActions, name)
	var out []chatwoot.Param
	for _, p := range automationStrings(ctx, list, diags) {
		out = append(out, typedParam(p, integers))
	}
	return out
}

// actionParamsState is the params of action i, as Chatwoot holds them, in the form the
// configuration writes them (actionParamsInput turned back). An id held as a JSON string, which
// Chatwoot ignores, is shown quoted, so that the plan shows the difference, with a warning; kind
// ("macro", "automation rule") and objectID name what holds it.
func actionParamsState(ctx context.Context, kind string, objectID int64, i int, a chatwoot.AutomationAction, diags *diag.Diagnostics) types.List {
	integers := slices.Contains(chatwoot.IntParamActions, a.ActionName)
	params := make([]string, 0, len(a.ActionParams))
	for _, p := range a.ActionParams {
		params = append(params, paramText(p, integers, func() {
			diags.AddAttributeWarning(path.Root("actions").AtListIndex(i).AtName("params"), titleCase(kind)+" Holds an ID as Text",
				fmt.Sprintf("%s (%s) of %s %d holds the id %q as a JSON string, which Chatwoot silently ignores: the action "+
					"does nothing. It is shown quoted; the next apply sends the id as a JSON integer.", counted("Action", i), a.ActionName,
					kind, objectID, p.String()))
		}))
	}
	return automationStringList(ctx, params, diags)
}

// checkActionReferences makes sure the agents, teams and labels the actions name exist in the
// account: Chatwoot stores any id, and the action then silently does nothing (or, for a label,
// tags conversations with a title the account has no label for). noun ("rule", "macro") names
// what was not saved.
func checkActionReferences(ctx context.Context, client *chatwoot.Client, noun string, accountID int64, actions []chatwoot.AutomationAction,
	diags *diag.Diagnostics) {
	for i, a := range actions {
		at := path.Root("actions").AtListIndex(i)
		var teamIDs, agentIDs []int64
		switch a.ActionName {
		case "assign_team":
			teamIDs = automationIntParams(a.ActionParams)
		case "assign_agent":
			agentIDs = automationIntParams(a.ActionParams)
		case "send_email_to_team":
			if len(a.ActionParams) == 1 && a.ActionParams[0].EmailToTeam != nil {
				teamIDs = a.ActionParams[0].EmailToTeam.TeamIDs
			}
		}
		if a.ActionName == "add_label" || a.ActionName == "remove_label" {
			if !checkLabelsExist(ctx, client, noun, accountID, at.AtName("params"), automationStringParams(a.ActionParams), diags) {
				return
			}
		}
		for _, id := range teamIDs {
			found, err := referenceExists(ctx, client, chatwoot.Teams, accountID, id)
			if err != nil {
				diags.Append(clientErrorDiagnostic(operation{action: fmt.Sprintf("listing the teams of the account to check team %d", id), accountID: accountID}, err))
				return
			}
			if !found {
				diags.AddAttributeError(at, "Chatwoot Team Not Found",
					fmt.Sprintf("Account %d has no team with id %d, so the %s was not saved: Chatwoot would have stored it and the %s "+
						"action would silently do nothing. Check the id; the chatwoot_team data source finds a team's id by name.", accountID, id, noun, a.ActionName))
			}
		}
		for _, id := range agentIDs {
			found, err := referenceExists(ctx, client, chatwoot.Agents, accountID, id)
			if err != nil {
				diags.Append(clientErrorDiagnostic(operation{action: fmt.Sprintf("listing the agents of the account to check agent %d", id), accountID: accountID}, err))
				return
			}
			if !found {
				diags.AddAttributeError(at, "Chatwoot Agent Not Found",
					fmt.Sprintf("Account %d has no agent with user id %d, so the %s was not saved: Chatwoot would have stored it and "+
						"assign_agent would silently do nothing. Check the id; the chatwoot_agent data source finds an agent's id by email.", accountID, id, noun))
			}
		}
	}
}

// checkLabelsExist makes sure every title is a label of the account, from the cached label list
// (re-read once on a miss, so a label created earlier in the same run is found). It reports
// false when the list could not be read; a missing label is an error on at.
func checkLabelsExist(ctx context.Context, client *chatwoot.Client, noun string, accountID int64, at path.Path, titles []string,
	diags *diag.Diagnostics) bool {
	for _, title := range titles {
		_, err := chatwoot.Labels.Find(ctx, client, accountID, func(l *chatwoot.Label) bool { return l.Title == title })
		if err == nil {
			continue
		}
		if !chatwoot.IsNotFound(err) {
			diags.Append(clientErrorDiagnostic(operation{action: fmt.Sprintf("listing the labels of the account to check label %q", title), accountID: accountID}, err))
			return false
		}
		hint := "Create it first, with chatwoot_label (and refer to chatwoot_label.<name>.title, so that Terraform creates it " +
			"before the " + noun + "), or correct the title."
		if chatwoot.LabelTitle(title) != title {
			hint = fmt.Sprintf("Chatwoot stores label titles in lowercase: write %q.", chatwoot.LabelTitle(title))
		}
		diags.AddAttributeError(at, "Chatwoot Label Not Found",
			fmt.Sprintf("Account %d has no label %q, so the %s was not saved: Chatwoot would have stored it and then tagged "+
				"conversations with a title that no label of the account has (or matched none). %s", accountID, title, noun, hint))
	}
	return true
}

// automationStringParams are the string params of an action (label titles, texts).
func automationStringParams(params []chatwoot.Param) []string {
	var out []string
	for _, p := range params {
		if p.Str != nil {
			out = append(out, *p.Str)
		}
	}
	return out
}

// checkConditionReferences makes sure the labels that conditions on "labels" compare with exist
// in the account: a condition on a title no label has never matches.
func checkConditionReferences(ctx context.Context, client *chatwoot.Client, accountID int64, conditions []chatwoot.AutomationCondition,
	diags *diag.Diagnostics) {
	for i, c := range conditions {
		if c.AttributeKey != "labels" || c.CustomAttributeType != "" {
			continue
		}
		var titles []string
		for _, v := range c.Values {
			if v.Str != nil {
				titles = append(titles, *v.Str)
			}
		}
		if !checkLabelsExist(ctx, client, "rule", accountID, path.Root("conditions").AtListIndex(i).AtName("values"), titles, diags) {
			return
		}
	}
}
