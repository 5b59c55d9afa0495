package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// An administrator lists every inbox; an agent only those they are a member of.
func TestAccInboxesDataSource_visibility(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	hidden, err := env.Fixtures.CreateInbox(context.Background(), sc.AdminToken, sc.Account.ID, "Escalations", true)
	must(t, err)
	inbox := func(id int64, name string, auto bool) knownvalue.Check {
		// Partial: the settings chatwoot_inbox manages are listed too (inbox_data_source_details_test.go).
		return knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"id": knownvalue.Int64Exact(id), "name": knownvalue.StringExact(name),
			"channel_type": knownvalue.StringExact("Channel::Api"), "enable_auto_assignment": knownvalue.Bool(auto),
			"auto_assignment_config": knownvalue.ObjectExact(map[string]knownvalue.Check{"max_assignment_limit": knownvalue.Null()}),
		})
	}
	cfg := func(token string) string {
		return env.providerBlock(token, 0) + fmt.Sprintf(`
data "chatwoot_inboxes" "all" {
  account_id = %d
}`, sc.Account.ID)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg(sc.AdminToken),
				ConfigStateChecks: []statecheck.StateCheck{
					// Chatwoot orders inboxes by name, ignoring case.
					dsCheck("data.chatwoot_inboxes.all", "inboxes", knownvalue.ListExact([]knownvalue.Check{
						inbox(hidden.ID, "Escalations", true),
						inbox(sc.Inbox.ID, sc.Inbox.Name, false),
					})),
				},
			},
			{
				Config: cfg(sc.Agent1.AccessToken),
				ConfigStateChecks: []statecheck.StateCheck{
					dsCheck("data.chatwoot_inboxes.all", "inboxes", knownvalue.ListExact([]knownvalue.Check{
						inbox(sc.Inbox.ID, sc.Inbox.Name, false),
					})),
				},
			},
		},
	})
}

func TestAccInboxesDataSource_permissionDenied(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	outsider := dsOutsider(t, env)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.providerBlock(outsider.AccessToken, sc.Account.ID) + `data "chatwoot_inboxes" "x" {}`,
			ExpectError: dsError("Not a Member of the Chatwoot Account", fmt.Sprintf("account %d", sc.Account.ID)),
		}},
	})
}
