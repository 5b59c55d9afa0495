package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// counted names the element at 0-based index i of a list in a message, counting from 1 as people
// do, and says so: Terraform's own attribute paths (conditions[0]) count from 0, so a bare number
// would be ambiguous. Every message that numbers list elements goes through it.
func counted(noun string, i int) string {
	return fmt.Sprintf("%s %d (counting from 1)", noun, i+1)
}

// unrepresentable says why an object Chatwoot holds cannot be written as this resource's
// configuration, and what to do instead; "" when it can. A read error returns "": the import's
// Read reports it.
type unrepresentable func(ctx context.Context, client *chatwoot.Client, id objectID) string

// importRepresentable is the kit's import for a resource that cannot represent every object of
// its kind: it refuses, with the reason, an object whose adoption would
// write a configuration the plan refuses, or one that plans a change losing what Chatwoot holds.
func (r *accountObjectResource) importRepresentable(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, check unrepresentable) {
	if !r.importObject(ctx, req, resp) {
		return
	}
	var account, object types.Int64
	resp.Diagnostics.Append(resp.State.GetAttribute(ctx, path.Root("account_id"), &account)...)
	resp.Diagnostics.Append(resp.State.GetAttribute(ctx, path.Root(r.kind.idAttr), &object)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{account.ValueInt64(), object.ValueInt64()}
	ctx, cancel := context.WithTimeout(ctx, defaultOperationTimeout)
	defer cancel()
	if why := check(ctx, client, id); why != "" {
		noun := strings.ToUpper(r.kind.noun[:1]) + r.kind.noun[1:]
		resp.Diagnostics.AddError("Chatwoot "+titleCase(r.kind.noun)+" Cannot Be Imported",
			fmt.Sprintf("%s %d of account %d was not imported into %s: %s", noun, id.id, id.accountID, r.kind.resourceType(), why))
	}
}

// unsupportedActions says which actions of a rule or macro the resource cannot hold: names
// outside its vocabulary, and send_attachment, whose file this provider cannot upload.
func unsupportedActions(actions []chatwoot.AutomationAction, vocabulary []string) []string {
	var out []string
	for i, a := range actions {
		if a.ActionName == "send_attachment" || !slices.Contains(vocabulary, a.ActionName) {
			out = append(out, fmt.Sprintf("%s is %s", counted("action", i), a.ActionName))
		}
	}
	return out
}

// actionsRefusal is the reason for unsupportedActions' findings, or "".
func actionsRefusal(found []string, kind string) string {
	if len(found) == 0 {
		return ""
	}
	return fmt.Sprintf("its %s, which this provider cannot manage (send_attachment needs a file uploaded to Chatwoot, and an "+
		"action name outside the resource's list comes from a Chatwoot this provider does not know). A configuration written "+
		"from it would be refused at plan, and one without that action would delete it at apply. Keep the %s in Chatwoot's UI, "+
		"or remove that action there and import again.", strings.Join(found, ", "), kind)
}

// ImportState refuses a rule that a configuration cannot hold: an event, a condition or an action
// outside the schema's vocabulary (a condition Chatwoot does not allow would also be switched off
// by Chatwoot after two evaluations).
func (r *automationRuleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importRepresentable(ctx, req, resp, func(ctx context.Context, client *chatwoot.Client, id objectID) string {
		rule, err := client.GetAutomationRule(ctx, id.accountID, id.id)
		if err != nil {
			return ""
		}
		if !slices.Contains(automationEvents, rule.EventName) {
			return fmt.Sprintf("it runs on the event %q, which chatwoot_automation_rule does not know (it takes %s). Keep the rule "+
				"in Chatwoot's UI, or use a provider version that knows the event.", rule.EventName, chatwoot.QuotedList(automationEvents))
		}
		if bad := disallowedConditions(rule.Conditions); len(bad) > 0 {
			return fmt.Sprintf("%s uses a filter_operator that Chatwoot does not allow for that attribute, so the plan would refuse "+
				"a configuration written from it (and Chatwoot switches such a rule off after two evaluations). Fix the condition "+
				"in Chatwoot's UI, then import again.", strings.Join(bad, ", "))
		}
		return actionsRefusal(unsupportedActions(rule.Actions, chatwoot.AutomationActionNames), "rule")
	})
}

// ImportState refuses a personal macro (only its author's token can read it, so the configuration
// would break for anyone else, and the schema refuses visibility = "personal") and a macro with an
// action the schema cannot hold.
func (r *macroResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importRepresentable(ctx, req, resp, func(ctx context.Context, client *chatwoot.Client, id objectID) string {
		m, err := client.GetMacro(ctx, id.accountID, id.id)
		if err != nil {
			return ""
		}
		if m.Visibility == "personal" {
			return "it is a personal macro, visible only to the user who created it, and chatwoot_macro manages global " +
				"macros only: no other token, administrators' included, could read, update or delete it. Make it global in " +
				"Chatwoot's UI first, or leave it to its author."
		}
		return actionsRefusal(unsupportedActions(m.Actions, macroActionNames), "macro")
	})
}

// ImportState refuses a definition the schema's checks would refuse in a configuration written
// from it: a company attribute (a model this resource does not manage), choices on a type other
// than list, a pattern on a type other than text, or a standard attribute's key (Chatwoot checks
// keys on create only, so an update can rename one to it).
func (r *customAttributeResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importRepresentable(ctx, req, resp, func(ctx context.Context, client *chatwoot.Client, id objectID) string {
		d, err := chatwoot.CustomAttributeDefinitions.Get(ctx, client, id.accountID, id.id)
		if err != nil {
			return ""
		}
		fix := "Change it in Chatwoot's UI, then import again."
		switch {
		case !slices.Contains(customAttributeModels, d.AttributeModel):
			return fmt.Sprintf("it is a %s, and chatwoot_custom_attribute_definition manages %s only. Keep it in Chatwoot's UI.",
				strings.ReplaceAll(d.AttributeModel, "_", " "), chatwoot.QuotedList(customAttributeModels))
		case d.AttributeDisplayType != "list" && len(d.AttributeValues) > 0:
			return fmt.Sprintf("it is a %q attribute with choices (attribute_values %s), which only a \"list\" attribute uses, so the "+
				"plan would refuse a configuration written from it. Remove the choices or make it a list. %s",
				d.AttributeDisplayType, chatwoot.QuotedList(d.AttributeValues), fix)
		case d.AttributeDisplayType != "text" && d.RegexPattern != "":
			return fmt.Sprintf("it is a %q attribute with a regex_pattern, which only a \"text\" attribute uses, so the plan would "+
				"refuse a configuration written from it. Remove the pattern or make it a text attribute. %s", d.AttributeDisplayType, fix)
		case chatwoot.CustomAttributeKeyReserved(d.AttributeModel, d.AttributeKey):
			return fmt.Sprintf("its key %q is the key of a standard attribute of the model (Chatwoot checks keys on create only), "+
				"so the plan would refuse a configuration written from it. Rename the key. %s", d.AttributeKey, fix)
		}
		return ""
	})
}
