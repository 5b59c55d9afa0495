package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// By name in any case (Chatwoot stores "billing") and by id, with an agent's token: any member may
// read teams.
func TestAccTeamDataSource_found(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	quiet, err := env.Fixtures.CreateTeam(context.Background(), sc.AdminToken, sc.Account.ID, "Night Shift", false)
	must(t, err)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.providerBlock(sc.Agent1.AccessToken, sc.Account.ID) + fmt.Sprintf(`
data "chatwoot_team" "by_name" {
  name = "BILLING"
}
data "chatwoot_team" "by_id" {
  id = %d
}`, quiet.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				dsCheck("data.chatwoot_team.by_name", "id", knownvalue.Int64Exact(sc.Team.ID)),
				dsCheck("data.chatwoot_team.by_name", "name", knownvalue.StringExact("billing")),
				dsCheck("data.chatwoot_team.by_name", "allow_auto_assign", knownvalue.Bool(true)),
				dsCheck("data.chatwoot_team.by_name", "account_id", knownvalue.Int64Exact(sc.Account.ID)),
				dsCheck("data.chatwoot_team.by_id", "name", knownvalue.StringExact("night shift")),
				dsCheck("data.chatwoot_team.by_id", "allow_auto_assign", knownvalue.Bool(false)),
				dsCheck("data.chatwoot_team.by_id", "description", knownvalue.StringExact("")),
			},
		}},
	})
}

func TestAccTeamDataSource_notFound(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	block := env.providerBlock(sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      block + `data "chatwoot_team" "x" { name = "Sales" }`,
				ExpectError: dsError("Chatwoot Team Not Found", fmt.Sprintf(`Account %d has no team named "Sales"`, sc.Account.ID), "without regard to case"),
			},
			{
				Config:      block + `data "chatwoot_team" "x" { id = 987654 }`,
				ExpectError: dsError("Chatwoot Team Not Found", fmt.Sprintf("Account %d has no team with id 987654", sc.Account.ID)),
			},
		},
	})
}

// Chatwoot keeps team names unique, so the only ambiguity is asking by id and by name at once.
func TestAccTeamDataSource_ambiguous(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
data "chatwoot_team" "x" {
  id   = %d
  name = "billing"
}`, sc.Team.ID),
			ExpectError: dsError("Invalid Attribute Combination", "[id,name]"),
		}},
	})
}

func TestAccTeamDataSource_permissionDenied(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	outsider := dsOutsider(t, env)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.providerBlock(outsider.AccessToken, sc.Account.ID) + `data "chatwoot_team" "x" { name = "billing" }`,
			ExpectError: dsError("Not a Member of the Chatwoot Account", fmt.Sprintf("account %d", sc.Account.ID)),
		}},
	})
}
