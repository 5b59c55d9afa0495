package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// The identity round trip of TestAccIdentity_importByIdentity for the macro, the SLA policy and
// the single memberships, whose identity has three parts.
func TestAccIdentity_importByIdentityVocabulary(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	cfg := env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_macro" "test" {
  name    = "identity"
  actions = [{ action_name = "mute_conversation" }]
}

resource "chatwoot_sla_policy" "test" {
  name = "identity"
}

resource "chatwoot_team_member" "test" {
  team_id = %d
  user_id = %d
}

resource "chatwoot_inbox_member" "test" {
  inbox_id = %d
  user_id  = %d
}
`, sc.Team.ID, sc.Admin.ID, sc.Inbox.ID, sc.Admin.ID)
	identities := map[string][]string{
		"chatwoot_macro.test":        {"macro_id"},
		"chatwoot_sla_policy.test":   {"sla_policy_id"},
		"chatwoot_team_member.test":  {"team_id", "user_id"},
		"chatwoot_inbox_member.test": {"inbox_id", "user_id"},
	}
	var checks []statecheck.StateCheck
	for addr, attrs := range identities {
		for _, attr := range append([]string{"account_id"}, attrs...) {
			checks = append(checks, statecheck.ExpectIdentityValueMatchesState(addr, tfjsonPath(attr)))
		}
	}
	steps := []resource.TestStep{{Config: cfg, ConfigStateChecks: checks}}
	for addr := range identities {
		steps = append(steps, resource.TestStep{
			Config:          cfg,
			ResourceName:    addr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsIdentityImport},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
}
