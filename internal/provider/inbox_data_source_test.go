package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// An exact name, a name that matches only when case is ignored, and an id.
func TestAccInboxDataSource_found(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	second, err := env.Fixtures.CreateInbox(context.Background(), sc.AdminToken, sc.Account.ID, "Escalations", true)
	must(t, err)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
data "chatwoot_inbox" "exact" {
  name = %q
}
data "chatwoot_inbox" "folded" {
  name = "escalations"
}
data "chatwoot_inbox" "by_id" {
  id = %d
}`, sc.Inbox.Name, second.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				dsCheck("data.chatwoot_inbox.exact", "id", knownvalue.Int64Exact(sc.Inbox.ID)),
				dsCheck("data.chatwoot_inbox.exact", "channel_type", knownvalue.StringExact("Channel::Api")),
				dsCheck("data.chatwoot_inbox.exact", "enable_auto_assignment", knownvalue.Bool(false)),
				dsCheck("data.chatwoot_inbox.exact", "auto_assignment_config", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"max_assignment_limit": knownvalue.Null(),
				})),
				dsCheck("data.chatwoot_inbox.exact", "account_id", knownvalue.Int64Exact(sc.Account.ID)),
				dsCheck("data.chatwoot_inbox.folded", "id", knownvalue.Int64Exact(second.ID)),
				dsCheck("data.chatwoot_inbox.folded", "name", knownvalue.StringExact("Escalations")),
				dsCheck("data.chatwoot_inbox.by_id", "name", knownvalue.StringExact("Escalations")),
				dsCheck("data.chatwoot_inbox.by_id", "enable_auto_assignment", knownvalue.Bool(true)),
			},
		}},
	})
}

func TestAccInboxDataSource_notFound(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	block := env.providerBlock(sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      block + `data "chatwoot_inbox" "x" { name = "Website" }`,
				ExpectError: dsError("Chatwoot Inbox Not Found", fmt.Sprintf(`Account %d has no inbox named "Website"`, sc.Account.ID)),
			},
			{
				Config:      block + `data "chatwoot_inbox" "x" { id = 987654 }`,
				ExpectError: dsError("Chatwoot Inbox Not Found", fmt.Sprintf("Account %d has no inbox with id 987654", sc.Account.ID)),
			},
		},
	})
}

// Chatwoot allows several inboxes with one name: the error lists the candidates with their ids.
// An exact match still wins over matches that differ only in case.
func TestAccInboxDataSource_ambiguous(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	ctx := context.Background()
	create := func(name string) int64 {
		in, err := env.Fixtures.CreateInbox(ctx, sc.AdminToken, sc.Account.ID, name, false)
		must(t, err)
		return in.ID
	}
	support1, support2 := create("Support"), create("Support")
	salesUpper, salesLower := create("Sales"), create("sales")
	block := env.providerBlock(sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: block + `data "chatwoot_inbox" "x" { name = "Support" }`,
				ExpectError: dsError("Several Chatwoot Inboxes Match",
					fmt.Sprintf(`more than one inbox whose name is "Support": %d ("Support"), %d ("Support")`, support1, support2)),
			},
			{
				Config:      block + `data "chatwoot_inbox" "x" { name = "SALES" }`,
				ExpectError: dsError("Several Chatwoot Inboxes Match", fmt.Sprintf(`%d ("Sales"), %d ("sales")`, salesUpper, salesLower)),
			},
			{
				Config: block + fmt.Sprintf(`
data "chatwoot_inbox" "x" {
  id   = %d
  name = "Support"
}`, support1),
				ExpectError: dsError("Invalid Attribute Combination", "[id,name]"),
			},
			{
				// An exact match wins over names that differ only in case. Last, so that the
				// post-test destroy has a valid configuration.
				Config:            block + `data "chatwoot_inbox" "x" { name = "sales" }`,
				ConfigStateChecks: []statecheck.StateCheck{dsCheck("data.chatwoot_inbox.x", "id", knownvalue.Int64Exact(salesLower))},
			},
		},
	})
}

// An agent sees only the inboxes they are a member of: by id Chatwoot says "not authorized",
// by name the inbox is simply missing from the agent's list. Both errors say why.
func TestAccInboxDataSource_permissionDenied(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	hidden, err := env.Fixtures.CreateInbox(context.Background(), sc.AdminToken, sc.Account.ID, "Escalations", false)
	must(t, err)
	block := env.providerBlock(sc.Agent1.AccessToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: block + fmt.Sprintf(`data "chatwoot_inbox" "x" { id = %d }`, hidden.ID),
				ExpectError: dsError("Chatwoot Inbox Not Visible to This Token",
					fmt.Sprintf("Inbox %d exists in account %d", hidden.ID, sc.Account.ID), "only the inboxes they are a member of"),
			},
			{
				Config:      block + `data "chatwoot_inbox" "x" { name = "Escalations" }`,
				ExpectError: dsError("Chatwoot Inbox Not Visible to This Token", "only the inboxes they are a member of", "belongs to an agent"),
			},
			{
				// The agent's own inbox is visible.
				Config:            block + fmt.Sprintf(`data "chatwoot_inbox" "x" { name = %q }`, sc.Inbox.Name),
				ConfigStateChecks: []statecheck.StateCheck{dsCheck("data.chatwoot_inbox.x", "id", knownvalue.Int64Exact(sc.Inbox.ID))},
			},
		},
	})
}
