package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

const profileAddr = "data.chatwoot_profile.me"

// The token's user, their role in the provider's account, and every membership.
func TestAccProfileDataSource_found(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	ctx := context.Background()
	// Agent1 is also an administrator of a second account.
	other, err := env.Fixtures.CreateAccount(ctx, t.Name()+"-other", nil)
	must(t, err)
	must(t, env.Fixtures.AddAccountUser(ctx, other.ID, sc.Agent1.ID, "administrator"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + `data "chatwoot_profile" "me" {}`,
				ConfigStateChecks: []statecheck.StateCheck{
					dsCheck(profileAddr, "id", knownvalue.Int64Exact(sc.Admin.ID)),
					dsCheck(profileAddr, "email", knownvalue.StringExact(sc.Admin.Email)),
					dsCheck(profileAddr, "name", knownvalue.StringExact("Admin")),
					dsCheck(profileAddr, "available_name", knownvalue.StringExact("Admin")),
					dsCheck(profileAddr, "account_id", knownvalue.Int64Exact(sc.Account.ID)),
					dsCheck(profileAddr, "role", knownvalue.StringExact("administrator")),
					dsCheck(profileAddr, "accounts", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id": knownvalue.Int64Exact(sc.Account.ID), "role": knownvalue.StringExact("administrator"),
							"status": knownvalue.StringExact("active"),
						}),
					})),
				},
			},
			{
				// The role is per account: agent in one, administrator in the other.
				Config: env.providerBlock(sc.Agent1.AccessToken, sc.Account.ID) + fmt.Sprintf(`
data "chatwoot_profile" "me" {}
data "chatwoot_profile" "other" {
  account_id = %d
}`, other.ID),
				ConfigStateChecks: []statecheck.StateCheck{
					dsCheck(profileAddr, "id", knownvalue.Int64Exact(sc.Agent1.ID)),
					dsCheck(profileAddr, "role", knownvalue.StringExact("agent")),
					dsCheck("data.chatwoot_profile.other", "role", knownvalue.StringExact("administrator")),
					dsCheck(profileAddr, "accounts", knownvalue.SetExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id": knownvalue.Int64Exact(sc.Account.ID), "role": knownvalue.StringExact("agent"),
							"auto_offline": knownvalue.Bool(true), "availability": knownvalue.StringExact("online"),
							"availability_status": knownvalue.StringExact("offline"),
						}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id": knownvalue.Int64Exact(other.ID), "role": knownvalue.StringExact("administrator"),
						}),
					})),
				},
			},
			{
				// Without any account, the profile is still readable and role is null.
				Config: env.providerBlock(sc.Agent1.AccessToken, 0) + `data "chatwoot_profile" "me" {}`,
				ConfigStateChecks: []statecheck.StateCheck{
					dsCheck(profileAddr, "account_id", knownvalue.Null()),
					dsCheck(profileAddr, "role", knownvalue.Null()),
					dsCheck(profileAddr, "accounts", knownvalue.ListSizeExact(2)),
				},
			},
		},
	})
}

// The documented use: stop before planning changes when the token is not an administrator's.
func TestAccProfileDataSource_assertAdministrator(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	cfg := func(token string) string {
		return env.providerBlock(token, sc.Account.ID) + `
data "chatwoot_profile" "me" {
  lifecycle {
    postcondition {
      condition     = self.role == "administrator"
      error_message = "This configuration needs an administrator's token; ${self.email} is ${self.role}."
    }
  }
}`
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg(sc.AdminToken)},
			{
				Config:      cfg(sc.Agent2.AccessToken),
				ExpectError: dsError("needs an administrator's token;", "is agent"),
			},
		},
	})
}

// The profile's "not found": an account the user is not a member of.
func TestAccProfileDataSource_notFound(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	other, err := env.Fixtures.CreateAccount(context.Background(), t.Name()+"-other", nil)
	must(t, err)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`data "chatwoot_profile" "me" { account_id = %d }`, other.ID),
			ExpectError: dsError("Not a Member of the Chatwoot Account",
				fmt.Sprintf("(user %d), who is not a member of account %d", sc.Admin.ID, other.ID)),
		}},
	})
}

// Only a user's token has a profile.
func TestAccProfileDataSource_permissionDenied(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      env.providerBlock(sc.Bot.AccessToken, 0) + `data "chatwoot_profile" "me" {}`,
				ExpectError: dsError("Agent Bot Tokens Not Allowed", "reading the token's profile"),
			},
			{
				Config:      env.providerBlock("not-a-token", 0) + `data "chatwoot_profile" "me" {}`,
				ExpectError: dsError("Invalid Chatwoot API Access Token"),
			},
		},
	})
}
