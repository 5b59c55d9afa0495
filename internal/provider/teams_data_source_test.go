package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestAccTeamsDataSource_found(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	second, err := env.Fixtures.CreateTeam(context.Background(), sc.AdminToken, sc.Account.ID, "Escalations", false)
	must(t, err)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.providerBlock(sc.Agent2.AccessToken, 0) + fmt.Sprintf(`
data "chatwoot_teams" "all" {
  account_id = %d
}`, sc.Account.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				dsCheck("data.chatwoot_teams.all", "teams", knownvalue.SetExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.Int64Exact(sc.Team.ID), "name": knownvalue.StringExact("billing"),
						"description": knownvalue.NotNull(), "allow_auto_assign": knownvalue.Bool(true),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.Int64Exact(second.ID), "name": knownvalue.StringExact("escalations"),
						"description": knownvalue.NotNull(), "allow_auto_assign": knownvalue.Bool(false),
					}),
				})),
			},
		}},
	})
}

func TestAccTeamsDataSource_permissionDenied(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	outsider := dsOutsider(t, env)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      env.providerBlock(outsider.AccessToken, sc.Account.ID) + `data "chatwoot_teams" "x" {}`,
				ExpectError: dsError("Not a Member of the Chatwoot Account", fmt.Sprintf("account %d", sc.Account.ID)),
			},
			{
				Config:      env.providerBlock("not-a-token", sc.Account.ID) + `data "chatwoot_teams" "x" {}`,
				ExpectError: dsError("Invalid Chatwoot API Access Token"),
			},
		},
	})
}
