package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// generatedConfigCase is one resource type whose configuration `import` + `plan
// -generate-config-out` must write so that it plans with no changes: written by the CLI on
// Terraform < 1.14 and OpenTofu, by the provider (the framework) on Terraform 1.14 and later.
type generatedConfigCase struct {
	resourceType string
	idAttr       string
	// config is the resource "test" block of that type, for the scenario.
	config func(sc *fixture.Scenario) string
}

var generatedConfigCases = []generatedConfigCase{
	{"chatwoot_team", "team_id", func(*fixture.Scenario) string {
		return `resource "chatwoot_team" "test" {
  name        = "escalations"
  description = "Second line"
}`
	}},
	{"chatwoot_team_members", "team_id", func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_team_members" "test" {
  team_id  = %d
  user_ids = [%d, %d]
}`, sc.Team.ID, sc.Agent1.ID, sc.Agent2.ID)
	}},
	{"chatwoot_inbox_members", "inbox_id", func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_inbox_members" "test" {
  inbox_id = %d
  user_ids = [%d]
}`, sc.Inbox.ID, sc.Agent1.ID)
	}},
	{"chatwoot_agent", "user_id", func(*fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_agent" "test" {
  email = %q
  name  = "Generated Agent"
  role  = "agent"
}`, uniqueEmail("generated"))
	}},
	{"chatwoot_inbox_auto_assignment", "inbox_id", func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_inbox_auto_assignment" "test" {
  inbox_id               = %d
  enable_auto_assignment = false
}`, sc.Inbox.ID)
	}},
	{"chatwoot_automation_rule", "rule_id", func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_automation_rule" "test" {
  name       = "billing inbox"
  event_name = "conversation_created"
  conditions = [{
    attribute_key   = "inbox_id"
    filter_operator = "equal_to"
    values          = [%d]
  }]
  actions = [{
    action_name = "assign_team"
    params      = [%d]
  }]
}`, sc.Inbox.ID, sc.Team.ID)
	}},
	{"chatwoot_label", "label_id", func(*fixture.Scenario) string {
		return `resource "chatwoot_label" "test" {
  title           = "vip"
  description     = "Customers on the enterprise plan"
  show_on_sidebar = true
}`
	}},
	{"chatwoot_canned_response", "canned_response_id", func(*fixture.Scenario) string {
		return `resource "chatwoot_canned_response" "test" {
  short_code = "refund"
  content    = "Your refund is on its way."
}`
	}},
	{"chatwoot_webhook", "webhook_id", func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_webhook" "test" {
  url           = "https://crm.example.test/hooks/chatwoot"
  subscriptions = ["conversation_created", "message_created"]
  inbox_id      = %d
}`, sc.Inbox.ID)
	}},
	{"chatwoot_custom_attribute_definition", "custom_attribute_definition_id", func(*fixture.Scenario) string {
		return `resource "chatwoot_custom_attribute_definition" "test" {
  attribute_display_name = "Plan"
  attribute_key          = "plan"
  attribute_model        = "contact_attribute"
  attribute_display_type = "list"
  attribute_values       = ["free", "pro"]
}`
	}},
	{"chatwoot_conversation_assignment", "conversation_id", func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
  assignee_id     = %d
}`, sc.Conversations[0].ID, sc.Team.ID, sc.Agent1.ID)
	}},
}

// TestAccGeneratedConfig imports every resource type with an import block and
// -generate-config-out, and requires the generated configuration to plan as a no-op import.
func TestAccGeneratedConfig(t *testing.T) {
	for _, tc := range generatedConfigCases {
		t.Run(tc.resourceType, func(t *testing.T) {
			env := newTestEnv(t)
			sc := env.seed(t, 1)
			config := env.providerBlock(sc.AdminToken, sc.Account.ID) + tc.config(sc) + "\n"
			addr := tc.resourceType + ".test"
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{Config: config},
					{
						Config:            config,
						ResourceName:      addr,
						ImportState:       true,
						ImportStateKind:   resource.ImportBlockWithID,
						ImportStateIdFunc: importIDOf(addr, tc.idAttr),
						GenerateConfig:    true,
					},
				},
			})
		})
	}
}

// Every registered resource has a generated-config case, so a new resource cannot forget one.
func TestGeneratedConfigCoversEveryResource(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range generatedConfigCases {
		covered[tc.resourceType] = true
	}
	for _, rr := range registeredResources(t) {
		if !covered[rr.typeName] {
			t.Errorf("%s has no case in generatedConfigCases (generate_config_test.go)", rr.typeName)
		}
	}
}
