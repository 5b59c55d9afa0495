package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// The Assignment V2 resources record their identity and import by it, on the CLIs that support
// identities (the resources' other tests cover the older CLIs).
func TestAccAssignmentV2_importByIdentity(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seed(t, 0)
	cfg := providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_assignment_policy" "test" {
  name                     = "identity"
  exclude_older_than_hours = 48
}

resource "chatwoot_inbox_assignment_policy" "test" {
  inbox_id             = %d
  assignment_policy_id = chatwoot_assignment_policy.test.policy_id
}

resource "chatwoot_agent_capacity_policy" "test" {
  name         = "identity"
  inbox_limits = [{ inbox_id = %d, conversation_limit = 2 }]
}

resource "chatwoot_agent_capacity_policy_members" "test" {
  policy_id = chatwoot_agent_capacity_policy.test.policy_id
  user_ids  = [%d]
}
`, sc.Inbox.ID, sc.Inbox.ID, sc.Agent1.ID)
	identities := map[string]string{
		"chatwoot_assignment_policy.test":             "policy_id",
		"chatwoot_inbox_assignment_policy.test":       "inbox_id",
		"chatwoot_agent_capacity_policy.test":         "policy_id",
		"chatwoot_agent_capacity_policy_members.test": "policy_id",
	}
	var checks []statecheck.StateCheck
	for addr, idAttr := range identities {
		checks = append(checks,
			statecheck.ExpectIdentityValueMatchesState(addr, tfjsonPath("account_id")),
			statecheck.ExpectIdentityValueMatchesState(addr, tfjsonPath(idAttr)))
	}
	steps := []resource.TestStep{{Config: cfg, ConfigStateChecks: checks}}
	for addr := range identities {
		steps = append(steps, resource.TestStep{
			Config: cfg, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsIdentityImport},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
}
