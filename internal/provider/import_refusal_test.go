package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Objects Chatwoot holds that the resource cannot represent are refused at import with the
// reason, instead of being imported into a state whose generated configuration the plan refuses
// or whose plan would delete what the resource cannot hold. Each is made through Chatwoot's API.
func TestAccImport_refusesWhatTheResourceCannotRepresent(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	ctx := context.Background()
	a := sc.Account.ID
	openStatus := []chatwoot.AutomationCondition{{AttributeKey: "status", FilterOperator: "equal_to", Values: []chatwoot.Param{chatwoot.StringParam("open")}}}
	resolve := chatwoot.AutomationAction{ActionName: "resolve_conversation"}
	attach, err := api.CreateAutomationRule(ctx, a, chatwoot.AutomationRuleInput{Name: "attach", EventName: "conversation_created", Active: true,
		Conditions: openStatus, Actions: []chatwoot.AutomationAction{resolve, {ActionName: "send_attachment", ActionParams: []chatwoot.Param{chatwoot.IntParam(1)}}}})
	must(t, err)
	contains, err := api.CreateAutomationRule(ctx, a, chatwoot.AutomationRuleInput{Name: "contains", EventName: "conversation_created", Active: true,
		Conditions: []chatwoot.AutomationCondition{{AttributeKey: "status", FilterOperator: "contains", Values: []chatwoot.Param{chatwoot.StringParam("open")}}},
		Actions:    []chatwoot.AutomationAction{resolve}})
	must(t, err)
	agentAPI, err := chatwoot.New(chatwoot.Config{BaseURL: env.BaseURL, Token: sc.Agent1.AccessToken})
	must(t, err)
	personal, err := agentAPI.CreateMacro(ctx, a, chatwoot.MacroInput{Name: "mine", Visibility: "personal", Actions: []chatwoot.AutomationAction{resolve}})
	must(t, err)

	definition := func(key, model, displayType string, values []string, pattern string) int64 {
		d, err := api.CreateCustomAttributeDefinition(ctx, a, chatwoot.CustomAttributeDefinitionFields{AttributeDisplayName: ptr(key),
			AttributeKey: ptr(key), AttributeModel: ptr(model), AttributeDisplayType: ptr(displayType), AttributeValues: &values, RegexPattern: &pattern})
		must(t, err)
		return d.ID
	}
	company := definition("tier", "company_attribute", "text", nil, "")
	textChoices := definition("plan", "conversation_attribute", "text", []string{"gold", "silver"}, "")
	numberPattern := definition("seats", "contact_attribute", "number", nil, "^[0-9]+$")
	renamed := definition("state", "conversation_attribute", "text", nil, "")
	_, err = api.UpdateCustomAttributeDefinition(ctx, a, renamed, chatwoot.CustomAttributeDefinitionFields{AttributeKey: ptr("status")})
	must(t, err)
	attribute := providerConfig(env.BaseURL, sc.AdminToken, a) + `resource "chatwoot_custom_attribute_definition" "x" {
  attribute_display_name = "x"
  attribute_key          = "x"
}`

	rule := providerConfig(env.BaseURL, sc.AdminToken, a) + `resource "chatwoot_automation_rule" "x" {
  name       = "attach"
  event_name = "conversation_created"
  conditions = [{ attribute_key = "status", filter_operator = "equal_to", values = ["open"] }]
  actions    = [{ action_name = "resolve_conversation" }]
}`
	importStep := func(config, addr string, id int64, want string) resource.TestStep {
		return resource.TestStep{Config: config, ResourceName: addr, ImportState: true, ImportStateId: fmt.Sprintf("%d/%d", a, id),
			ExpectError: regexp.MustCompile(want)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			importStep(rule, "chatwoot_automation_rule.x", attach.ID, fmt.Sprintf(`Chatwoot Automation Rule Cannot Be Imported(.|\n)*`+
				`Automation rule %d of account %d was not imported(.|\n)*action 2 \(counting\s+from\s+1\)\s+is\s+send_attachment`, attach.ID, a)),
			importStep(rule, "chatwoot_automation_rule.x", contains.ID, `condition\s+1\s+\(counting\s+from\s+1\)\s+\(status\s+contains\)`),
			importStep(providerConfig(env.BaseURL, sc.Agent1.AccessToken, a)+`resource "chatwoot_macro" "x" {
  name    = "mine"
  actions = [{ action_name = "resolve_conversation" }]
}`, "chatwoot_macro.x", personal.ID, `Chatwoot Macro Cannot Be Imported(.|\n)*personal\s+macro`),
			importStep(attribute, "chatwoot_custom_attribute_definition.x", company, `Custom\s+Attribute\s+Definition\s+Cannot\s+Be\s+Imported(.|\n)*company\s+attribute`),
			importStep(attribute, "chatwoot_custom_attribute_definition.x", textChoices, `"text"\s+attribute\s+with\s+choices`),
			importStep(attribute, "chatwoot_custom_attribute_definition.x", numberPattern, `"number"\s+attribute\s+with\s+a\s+regex_pattern`),
			importStep(attribute, "chatwoot_custom_attribute_definition.x", renamed, `key\s+"status"\s+is\s+the\s+key\s+of\s+a\s+standard`),
		},
	})
}
