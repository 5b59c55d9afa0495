package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// chatwoot_inbox, chatwoot_agent_bot and chatwoot_inbox_agent_bot record their identity and import
// by it, as TestAccIdentity_importByIdentity does for the older resources.
func TestAccIdentity_inboxesAndBots(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	cfg := env.providerBlock(sc.AdminToken, sc.Account.ID) + `
resource "chatwoot_inbox" "test" {
  name         = "identity"
  channel_type = "api"
}

resource "chatwoot_agent_bot" "test" {
  name = "identity"
}

resource "chatwoot_inbox_agent_bot" "test" {
  inbox_id     = chatwoot_inbox.test.inbox_id
  agent_bot_id = chatwoot_agent_bot.test.bot_id
}
`
	identities := map[string]string{
		"chatwoot_inbox.test":           "inbox_id",
		"chatwoot_agent_bot.test":       "bot_id",
		"chatwoot_inbox_agent_bot.test": "inbox_id",
	}
	var checks []statecheck.StateCheck
	for addr, idAttr := range identities {
		checks = append(checks,
			statecheck.ExpectIdentityValueMatchesState(addr, tfjsonPath("account_id")),
			statecheck.ExpectIdentityValueMatchesState(addr, tfjsonPath(idAttr)),
		)
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
