package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The four list data sources show what Chatwoot holds (no webhook secret), the model filter
// keeps one model's definitions, and each kind costs one list request however many read it.
func TestAccVocabularyDataSources_list(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	mock := env.requireMock(t)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	ctx, cancel := testContext()
	defer cancel()
	label, err := api.CreateLabel(ctx, a, chatwoot.LabelFields{Title: ptr("VIP"), Description: ptr("Big customers"), ShowOnSidebar: ptr(true)})
	must(t, err)
	canned, err := api.CreateCannedResponse(ctx, a, chatwoot.CannedResponseFields{ShortCode: ptr("Hi"), Content: ptr("Hello!")})
	must(t, err)
	hook, err := api.CreateWebhook(ctx, a, chatwoot.WebhookFields{URL: ptr("https://hooks.example.test/a"), InboxID: &sc.Inbox.ID,
		Subscriptions: []string{"message_created", "message_created"}})
	must(t, err)
	contactAttr, err := api.CreateCustomAttributeDefinition(ctx, a, chatwoot.CustomAttributeDefinitionFields{
		AttributeDisplayName: ptr("Plan"), AttributeKey: ptr("plan"), AttributeModel: ptr("contact_attribute"),
		AttributeDisplayType: ptr("list"), AttributeValues: &[]string{"free", "pro"},
	})
	must(t, err)
	convAttr, err := api.CreateCustomAttributeDefinition(ctx, a, chatwoot.CustomAttributeDefinitionFields{
		AttributeDisplayName: ptr("Order"), AttributeKey: ptr("order"), RegexPattern: ptr("^[0-9]+$"),
	})
	must(t, err)
	mock.ResetRequests()
	cfg := env.providerBlock(sc.AdminToken, a) + `
data "chatwoot_labels" "all" {}
data "chatwoot_canned_responses" "all" {}
data "chatwoot_webhooks" "all" {}
data "chatwoot_custom_attribute_definitions" "all" {}
data "chatwoot_custom_attribute_definitions" "contacts" {
  attribute_model = "contact_attribute"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				dsCheck("data.chatwoot_labels.all", "labels", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id": knownvalue.Int64Exact(label.ID), "title": knownvalue.StringExact("vip"), "description": knownvalue.StringExact("Big customers"),
					"color": knownvalue.StringExact(chatwoot.DefaultLabelColor), "show_on_sidebar": knownvalue.Bool(true),
				})})),
				dsCheck("data.chatwoot_canned_responses.all", "canned_responses", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id": knownvalue.Int64Exact(canned.ID), "short_code": knownvalue.StringExact("Hi"), "content": knownvalue.StringExact("Hello!"),
				})})),
				dsCheck("data.chatwoot_webhooks.all", "webhooks", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id": knownvalue.Int64Exact(hook.ID), "name": knownvalue.Null(), "url": knownvalue.StringExact("https://hooks.example.test/a"),
					"subscriptions": stringSetCheck("message_created"), "inbox_id": knownvalue.Int64Exact(sc.Inbox.ID),
				})})),
				dsCheck("data.chatwoot_custom_attribute_definitions.all", "custom_attribute_definitions", knownvalue.ListSizeExact(2)),
				dsCheck("data.chatwoot_custom_attribute_definitions.contacts", "custom_attribute_definitions", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.Int64Exact(contactAttr.ID), "attribute_display_name": knownvalue.StringExact("Plan"),
						"attribute_key": knownvalue.StringExact("plan"), "attribute_model": knownvalue.StringExact("contact_attribute"),
						"attribute_display_type": knownvalue.StringExact("list"), "attribute_description": knownvalue.StringExact(""),
						"attribute_values": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("free"), knownvalue.StringExact("pro")}),
						"regex_pattern":    knownvalue.Null(), "regex_cue": knownvalue.Null(),
					}),
				})),
			},
			Check: func(s *terraform.State) error {
				all := s.RootModule().Resources["data.chatwoot_custom_attribute_definitions.all"].Primary.Attributes
				found := false
				for i := 0; i < 2; i++ {
					if all[fmt.Sprintf("custom_attribute_definitions.%d.id", i)] == fmt.Sprint(convAttr.ID) {
						found = all[fmt.Sprintf("custom_attribute_definitions.%d.regex_pattern", i)] == "^[0-9]+$"
					}
				}
				if !found {
					return fmt.Errorf("conversation attribute %d with its pattern is not in %v", convAttr.ID, all)
				}
				// Each read costs one list request per kind in every Terraform command of the step
				// (plan, apply, and the refreshes around them), and the two definition data sources share one.
				reqs := mock.Requests()
				for _, p := range []string{"/labels", "/canned_responses", "/webhooks", "/custom_attribute_definitions"} {
					n := countRequests(reqs, "GET", p)
					if n == 0 || n != countRequests(reqs, "GET", "/labels") {
						return fmt.Errorf("%d GET %s against %d GET /labels: each kind should be listed once per command", n, p, countRequests(reqs, "GET", "/labels"))
					}
				}
				return nil
			},
		}},
	})
}
