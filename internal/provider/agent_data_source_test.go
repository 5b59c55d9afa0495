package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// Found by email (in another case than Chatwoot's downcased one) and by id, with an agent's token
// too: any member of the account may look agents up.
func TestAccAgentDataSource_found(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	cfg := func(token string) string {
		return env.providerBlock(token, 0) + fmt.Sprintf(`
data "chatwoot_agent" "by_email" {
  account_id = %d
  email      = %q
}
data "chatwoot_agent" "by_id" {
  account_id = %d
  id         = %d
}`, sc.Account.ID, strings.ToUpper(sc.Agent1.Email), sc.Account.ID, sc.Admin.ID)
	}
	checks := []statecheck.StateCheck{
		dsCheck("data.chatwoot_agent.by_email", "id", knownvalue.Int64Exact(sc.Agent1.ID)),
		dsCheck("data.chatwoot_agent.by_email", "email", knownvalue.StringExact(strings.ToLower(sc.Agent1.Email))),
		dsCheck("data.chatwoot_agent.by_email", "name", knownvalue.StringExact(sc.Agent1.Name)),
		dsCheck("data.chatwoot_agent.by_email", "available_name", knownvalue.StringExact(sc.Agent1.Name)),
		dsCheck("data.chatwoot_agent.by_email", "role", knownvalue.StringExact("agent")),
		dsCheck("data.chatwoot_agent.by_email", "account_id", knownvalue.Int64Exact(sc.Account.ID)),
		// New members: auto_offline defaults to true, so without a session they are offline.
		dsCheck("data.chatwoot_agent.by_email", "auto_offline", knownvalue.Bool(true)),
		dsCheck("data.chatwoot_agent.by_email", "availability_status", knownvalue.StringExact("offline")),
		dsCheck("data.chatwoot_agent.by_email", "confirmed", knownvalue.Bool(true)),
		dsCheck("data.chatwoot_agent.by_id", "email", knownvalue.StringExact(sc.Admin.Email)),
		dsCheck("data.chatwoot_agent.by_id", "role", knownvalue.StringExact("administrator")),
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg(sc.AdminToken), ConfigStateChecks: checks},
			{Config: cfg(sc.Agent2.AccessToken), ConfigStateChecks: checks},
		},
	})
}

func TestAccAgentDataSource_notFound(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	outsider := dsOutsider(t, env)
	block := env.providerBlock(sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      block + `data "chatwoot_agent" "x" { email = "nobody@example.test" }`,
				ExpectError: dsError("Chatwoot Agent Not Found", fmt.Sprintf(`Account %d has no agent with email "nobody@example.test"`, sc.Account.ID)),
			},
			{
				Config:      block + `data "chatwoot_agent" "x" { id = 987654 }`,
				ExpectError: dsError("Chatwoot Agent Not Found", fmt.Sprintf("Account %d has no agent with user id 987654", sc.Account.ID)),
			},
			{
				// A user who exists in Chatwoot but is not a member of the account is not its agent.
				Config:      block + fmt.Sprintf(`data "chatwoot_agent" "x" { email = %q }`, outsider.Email),
				ExpectError: dsError("Chatwoot Agent Not Found"),
			},
		},
	})
}

// Exactly one of id and email: both, or neither, is refused before any request.
func TestAccAgentDataSource_ambiguous(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	block := env.providerBlock(sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: block + fmt.Sprintf(`
data "chatwoot_agent" "x" {
  id    = %d
  email = %q
}`, sc.Agent1.ID, sc.Agent1.Email),
				ExpectError: dsError("Invalid Attribute Combination", "Exactly one of these attributes must be configured: [id,email]"),
			},
			{
				Config:      block + `data "chatwoot_agent" "x" {}`,
				ExpectError: dsError("Missing Attribute Configuration", "[id,email]"),
			},
		},
	})
}

// A token whose user is not a member of the account, and no account at all.
func TestAccAgentDataSource_permissionDenied(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	outsider := dsOutsider(t, env)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.providerBlock(outsider.AccessToken, sc.Account.ID) +
					fmt.Sprintf(`data "chatwoot_agent" "x" { email = %q }`, sc.Agent1.Email),
				ExpectError: dsError("Not a Member of the Chatwoot Account", fmt.Sprintf("not a member of account %d", sc.Account.ID)),
			},
			{
				Config:      env.providerBlock(sc.AdminToken, 0) + fmt.Sprintf(`data "chatwoot_agent" "x" { email = %q }`, sc.Agent1.Email),
				ExpectError: dsError("Missing Chatwoot Account ID"),
			},
		},
	})
}
