package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The inbox data sources read the settings of an inbox made by chatwoot_inbox, and still read
// inboxes of channels the resource refuses (an e-mail inbox here), without their secrets.
func TestAccInboxDataSource_details(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	ctx := context.Background()
	email, err := env.Fixtures.CreateChannelInbox(ctx, sc.AdminToken, sc.Account.ID, "Mail", map[string]any{"type": "email", "email": "help@example.test"})
	must(t, err)
	cfg := env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_inbox" "site" {
  name         = "Site"
  channel_type = "web_widget"
  timezone     = "Asia/Tokyo"
  web_widget   = { website_url = "https://site.example.test" }
}

data "chatwoot_inbox" "site" {
  id = chatwoot_inbox.site.inbox_id
}

data "chatwoot_inbox" "mail" {
  id = %d
}

data "chatwoot_inboxes" "all" {
  depends_on = [chatwoot_inbox.site]
}
`, email.ID)
	site := "data.chatwoot_inbox.site"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				stateString(site, "channel_type", "Channel::WebWidget"),
				stateString(site, "channel_kind", "web_widget"),
				stateString(site, "timezone", "Asia/Tokyo"),
				stateString(site, "website_url", "https://site.example.test"),
				statecheck.CompareValuePairs(site, tfjsonpath.New("website_token"), "chatwoot_inbox.site", tfjsonpath.New("website_token"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(site, tfjsonpath.New("working_hours"), knownvalue.ListSizeExact(7)),
				statecheck.ExpectKnownValue(site, tfjsonpath.New("working_hours").AtSliceIndex(1), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"day_of_week": knownvalue.Int64Exact(1), "closed_all_day": knownvalue.Bool(false),
					"open_hour": knownvalue.Int64Exact(9), "close_hour": knownvalue.Int64Exact(17),
				})),
				stateString("data.chatwoot_inbox.mail", "channel_kind", "email"),
				stateString("data.chatwoot_inbox.mail", "website_token", ""),
				statecheck.ExpectKnownValue("data.chatwoot_inboxes.all", tfjsonpath.New("inboxes"), knownvalue.ListPartial(map[int]knownvalue.Check{
					0: knownvalue.ObjectPartial(map[string]knownvalue.Check{"channel_kind": knownvalue.NotNull()}),
				})),
			},
		}},
	})
}
