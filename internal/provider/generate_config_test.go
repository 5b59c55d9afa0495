package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

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
	// platform marks a Platform API resource: the provider block carries the platform token,
	// and the import id is the resource's own (importID, default "<account_id>/<idAttr>").
	platform bool
	importID func(addr string) resource.ImportStateIdFunc
	// cli, when set, skips CLIs that lack a feature the resource's schema needs.
	cli tfversion.TerraformVersionCheck
}

var generatedConfigCases = []generatedConfigCase{
	{resourceType: "chatwoot_team", idAttr: "team_id", config: func(*fixture.Scenario) string {
		return `resource "chatwoot_team" "test" {
  name        = "escalations"
  description = "Second line"
}`
	}},
	{resourceType: "chatwoot_team_members", idAttr: "team_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_team_members" "test" {
  team_id  = %d
  user_ids = [%d, %d]
}`, sc.Team.ID, sc.Agent1.ID, sc.Agent2.ID)
	}},
	{resourceType: "chatwoot_inbox_members", idAttr: "inbox_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_inbox_members" "test" {
  inbox_id = %d
  user_ids = [%d]
}`, sc.Inbox.ID, sc.Agent1.ID)
	}},
	{resourceType: "chatwoot_agent", idAttr: "user_id", config: func(*fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_agent" "test" {
  email = %q
  name  = "Generated Agent"
  role  = "agent"
}`, uniqueEmail("generated"))
	}},
	{resourceType: "chatwoot_inbox_auto_assignment", idAttr: "inbox_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_inbox_auto_assignment" "test" {
  inbox_id               = %d
  enable_auto_assignment = false
}`, sc.Inbox.ID)
	}},
	{resourceType: "chatwoot_automation_rule", idAttr: "rule_id", config: func(sc *fixture.Scenario) string {
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
	{resourceType: "chatwoot_label", idAttr: "label_id", config: func(*fixture.Scenario) string {
		return `resource "chatwoot_label" "test" {
  title           = "vip"
  description     = "Customers on the enterprise plan"
  show_on_sidebar = true
}`
	}},
	{resourceType: "chatwoot_canned_response", idAttr: "canned_response_id", config: func(*fixture.Scenario) string {
		return `resource "chatwoot_canned_response" "test" {
  short_code = "refund"
  content    = "Your refund is on its way."
}`
	}},
	{resourceType: "chatwoot_webhook", idAttr: "webhook_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_webhook" "test" {
  url           = "https://crm.example.test/hooks/chatwoot"
  subscriptions = ["conversation_created", "message_created"]
  inbox_id      = %d
}`, sc.Inbox.ID)
	}},
	{resourceType: "chatwoot_custom_attribute_definition", idAttr: "custom_attribute_definition_id", config: func(*fixture.Scenario) string {
		return `resource "chatwoot_custom_attribute_definition" "test" {
  attribute_display_name = "Plan"
  attribute_key          = "plan"
  attribute_model        = "contact_attribute"
  attribute_display_type = "list"
  attribute_values       = ["free", "pro"]
}`
	}},
	{resourceType: "chatwoot_platform_account", idAttr: "account_id", platform: true, config: func(*fixture.Scenario) string {
		return `resource "chatwoot_platform_account" "test" {
  name     = "Generated Tenant"
  locale   = "en"
  features = { help_center = false }
  limits   = { agents = 10 }
}`
	}, importID: func(addr string) resource.ImportStateIdFunc { return stateAttributes(addr, "account_id") }},
	{resourceType: "chatwoot_platform_user", idAttr: "user_id", platform: true, cli: cliSupportsWriteOnly, config: func(*fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_platform_user" "test" {
  name                = "Generated User"
  email               = %q
  password_wo         = "Generated-Passw0rd!"
  password_wo_version = 1
}`, uniqueEmail("generated-user"))
	}, importID: func(addr string) resource.ImportStateIdFunc { return stateAttributes(addr, "user_id") }},
	{resourceType: "chatwoot_platform_account_user", idAttr: "user_id", platform: true, config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_platform_account" "tenant" {
  name = "Generated Membership Tenant"
}

resource "chatwoot_platform_account_user" "test" {
  account_id = chatwoot_platform_account.tenant.account_id
  user_id    = %d
  role       = "administrator"
}`, sc.Agent2.ID)
	}},
	{resourceType: "chatwoot_assignment_policy", idAttr: "policy_id", config: func(*fixture.Scenario) string {
		return `resource "chatwoot_assignment_policy" "test" {
  name                    = "Support desk"
  conversation_priority   = "longest_waiting"
  fair_distribution_limit = 10
}`
	}},
	{resourceType: "chatwoot_inbox_assignment_policy", idAttr: "inbox_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_assignment_policy" "support" {
  name = "Support desk"
}

resource "chatwoot_inbox_assignment_policy" "test" {
  inbox_id             = %d
  assignment_policy_id = chatwoot_assignment_policy.support.policy_id
}`, sc.Inbox.ID)
	}},
	{resourceType: "chatwoot_agent_capacity_policy", idAttr: "policy_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_agent_capacity_policy" "test" {
  name = "Tier 1"
  exclusion_rules = {
    excluded_labels = ["spam"]
  }
  inbox_limits = [{ inbox_id = %d, conversation_limit = 5 }]
}`, sc.Inbox.ID)
	}},
	{resourceType: "chatwoot_agent_capacity_policy_members", idAttr: "policy_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_agent_capacity_policy" "tier1" {
  name = "Tier 1"
}

resource "chatwoot_agent_capacity_policy_members" "test" {
  policy_id = chatwoot_agent_capacity_policy.tier1.policy_id
  user_ids  = [%d, %d]
}`, sc.Agent1.ID, sc.Agent2.ID)
	}},
	{resourceType: "chatwoot_macro", idAttr: "macro_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_macro" "test" {
  name = "Hand over to billing"
  actions = [
    { action_name = "assign_team", params = [%d] },
    { action_name = "send_message", params = ["Billing takes it from here."] },
  ]
}`, sc.Team.ID)
	}},
	{resourceType: "chatwoot_sla_policy", idAttr: "sla_policy_id", config: func(*fixture.Scenario) string {
		return `resource "chatwoot_sla_policy" "test" {
  name                          = "Gold"
  first_response_time_threshold = 3600
  only_during_business_hours    = true
}`
	}},
	{resourceType: "chatwoot_team_member", idAttr: "user_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_team" "escalations" {
  name = "escalations"
}

resource "chatwoot_team_member" "test" {
  team_id = chatwoot_team.escalations.team_id
  user_id = %d
}`, sc.Agent1.ID)
	}, importID: func(addr string) resource.ImportStateIdFunc {
		return stateAttributes(addr, "account_id", "team_id", "user_id")
	}},
	{resourceType: "chatwoot_inbox_member", idAttr: "user_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_inbox_member" "test" {
  inbox_id = %d
  user_id  = %d
}`, sc.Inbox.ID, sc.Admin.ID)
	}, importID: func(addr string) resource.ImportStateIdFunc {
		return stateAttributes(addr, "account_id", "inbox_id", "user_id")
	}},
	{resourceType: "chatwoot_agent_bot", idAttr: "bot_id", config: func(*fixture.Scenario) string {
		return `resource "chatwoot_agent_bot" "test" {
  name         = "Triage"
  description  = "Answers first"
  outgoing_url = "https://bots.example.test/triage"
}`
	}},
	{resourceType: "chatwoot_inbox", idAttr: "inbox_id", config: func(*fixture.Scenario) string {
		return `resource "chatwoot_inbox" "test" {
  name         = "In-app support"
  channel_type = "api"
  api = {
    webhook_url = "https://backend.example.test/chatwoot"
  }
  greeting_enabled = true
  greeting_message = "Hello!"
  timezone         = "Europe/Berlin"
}`
	}},
	{resourceType: "chatwoot_inbox_agent_bot", idAttr: "inbox_id", config: func(sc *fixture.Scenario) string {
		return fmt.Sprintf(`resource "chatwoot_agent_bot" "triage" {
  name         = "Triage"
  outgoing_url = "https://bots.example.test/triage"
}

resource "chatwoot_inbox_agent_bot" "test" {
  inbox_id     = %d
  agent_bot_id = chatwoot_agent_bot.triage.bot_id
}`, sc.Inbox.ID)
	}},
	{resourceType: "chatwoot_conversation_assignment", idAttr: "conversation_id", config: func(sc *fixture.Scenario) string {
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
			provider := env.providerBlock(sc.AdminToken, sc.Account.ID)
			if tc.platform {
				provider = platformProviderConfig(env.BaseURL, testPlatformToken())
			}
			config := provider + tc.config(sc) + "\n"
			addr := tc.resourceType + ".test"
			importID := importIDOf(addr, tc.idAttr)
			if tc.importID != nil {
				importID = tc.importID(addr)
			}
			var checks []tfversion.TerraformVersionCheck
			if tc.cli != nil {
				checks = append(checks, tc.cli)
			}
			resource.ParallelTest(t, resource.TestCase{
				TerraformVersionChecks:   checks,
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{Config: config},
					{
						Config:            config,
						ResourceName:      addr,
						ImportState:       true,
						ImportStateKind:   resource.ImportBlockWithID,
						ImportStateIdFunc: importID,
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

// stateAttributes joins attributes of the resource's state with "/", for import ids of another
// form than "<account_id>/<id>".
func stateAttributes(addr string, attrs ...string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s is not in the state", addr)
		}
		parts := make([]string, len(attrs))
		for i, attr := range attrs {
			parts[i] = rs.Primary.Attributes[attr]
		}
		return strings.Join(parts, "/"), nil
	}
}
