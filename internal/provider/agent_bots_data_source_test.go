package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The account's bots and the global ones are listed, an agent's token may read them, and no
// token or secret is copied into the state.
func TestAccAgentBotsDataSource_list(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	global, err := env.Fixtures.CreatePlatformAgentBot(context.Background(), "Global helper", nil)
	must(t, err)
	own, err := env.Fixtures.CreatePlatformAgentBot(context.Background(), "Own helper", &sc.Account.ID)
	must(t, err)
	cfg := func(token string) string {
		return env.providerBlock(token, sc.Account.ID) + `
data "chatwoot_agent_bots" "all" {}
`
	}
	hasBots := []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.chatwoot_agent_bots.all", tfjsonpath.New("bots"), knownvalue.SetPartial([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.Int64Exact(global.ID), "system_bot": knownvalue.Bool(true)}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.Int64Exact(own.ID), "system_bot": knownvalue.Bool(false),
				"name": knownvalue.StringExact("Own helper")}),
		})),
	}
	noSecrets := func(s *terraform.State) error {
		bot, err := api.GetAgentBot(context.Background(), sc.Account.ID, own.ID)
		if err != nil {
			return err
		}
		for k, v := range s.RootModule().Resources["data.chatwoot_agent_bots.all"].Primary.Attributes {
			if bot.AccessToken != "" && strings.Contains(v, bot.AccessToken) || bot.Secret != "" && strings.Contains(v, bot.Secret) {
				return fmt.Errorf("the state's %s holds a bot's token or secret", k)
			}
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg(sc.AdminToken), ConfigStateChecks: hasBots, Check: noSecrets},
			{Config: cfg(sc.Agent1.AccessToken), ConfigStateChecks: hasBots},
		},
	})
}
