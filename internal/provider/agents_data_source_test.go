package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestAccAgentsDataSource_found(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	member := func(id int64, name, role string) knownvalue.Check {
		return knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"id": knownvalue.Int64Exact(id), "name": knownvalue.StringExact(name), "role": knownvalue.StringExact(role),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// An agent's token lists every member too.
			Config: env.providerBlock(sc.Agent1.AccessToken, sc.Account.ID) + `
data "chatwoot_agents" "all" {}
data "chatwoot_agents" "admins" {
  role = "administrator"
}
data "chatwoot_agents" "agents" {
  role = "agent"
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				// Chatwoot orders members by name: Admin, Alice, Bob.
				dsCheck("data.chatwoot_agents.all", "agents", knownvalue.ListExact([]knownvalue.Check{
					member(sc.Admin.ID, "Admin", "administrator"),
					member(sc.Agent1.ID, "Alice", "agent"),
					member(sc.Agent2.ID, "Bob", "agent"),
				})),
				dsCheck("data.chatwoot_agents.all", "account_id", knownvalue.Int64Exact(sc.Account.ID)),
				dsCheck("data.chatwoot_agents.admins", "agents", knownvalue.ListExact([]knownvalue.Check{
					member(sc.Admin.ID, "Admin", "administrator"),
				})),
				dsCheck("data.chatwoot_agents.agents", "agents", knownvalue.ListSizeExact(2)),
			},
		}},
	})
}

// An account with no member of the requested role gives an empty list, not an error; an unknown
// role is refused at validation.
func TestAccAgentsDataSource_notFound(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	block := env.providerBlock(sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      block + `data "chatwoot_agents" "x" { role = "owner" }`,
				ExpectError: dsError("Invalid Attribute Value Match", "value must be one of", `"agent"`, `"administrator"`),
			},
			{
				Config:      block + `data "chatwoot_agents" "x" { account_id = 987654 }`,
				ExpectError: dsError("Chatwoot Object Not Found", "account 987654"),
			},
		},
	})
}

func TestAccAgentsDataSource_permissionDenied(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	outsider := dsOutsider(t, env)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.providerBlock(outsider.AccessToken, 0) + fmt.Sprintf(`data "chatwoot_agents" "x" { account_id = %d }`, sc.Account.ID),
			ExpectError: dsError("Not a Member of the Chatwoot Account", fmt.Sprintf("account %d", sc.Account.ID)),
		}},
	})
}
