package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// takenAtApply applies config after plan; the first create sent to createPath is preceded by
// compete, which takes the unique value through the public API (another administrator, between
// plan and apply). The error must name the field and the competing object's id with the import
// command, and Chatwoot must hold only the competing object.
func takenAtApply(t *testing.T, createPath, config, resourceType, message string,
	compete func(ctx context.Context, api *chatwoot.Client, accountID int64) (int64, error),
	count func(ctx context.Context, api *chatwoot.Client, accountID int64) (int, error),
) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var competing int64
	proxy.rewrite = func(method, path string, _ map[string]any) {
		if method == "POST" && path == accountAPIPath(a, "%s", createPath) && competing == 0 {
			ctx, cancel := testContext()
			defer cancel()
			var err error
			if competing, err = compete(ctx, api, a); err != nil {
				t.Errorf("creating the competing object: %v", err)
			}
		}
	}
	pattern := regexp.MustCompile(fmt.Sprintf(`(?s)Chatwoot Rejected the Request.*of account %d already has.*refused\s+this\s+one;\s+nothing\s+was\s+changed.*terraform import %s.<name> %d/\d+.*%s`,
		a, resourceType, a, message))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      providerConfig(proxy.URL, sc.AdminToken, a) + config,
			ExpectError: pattern,
		}},
	})
	if competing == 0 {
		t.Fatal("the create never reached Chatwoot")
	}
	ctx, cancel := testContext()
	defer cancel()
	n, err := count(ctx, api, a)
	must(t, err)
	if n != 1 {
		t.Errorf("Chatwoot holds %d objects of the kind; want only the competing one", n)
	}
}

func TestAccCannedResponse_takenAtApply(t *testing.T) {
	takenAtApply(t, "/canned_responses", `
resource "chatwoot_canned_response" "test" {
  short_code = "bye"
  content    = "Goodbye!"
}`, "chatwoot_canned_response", `Short\s+code\s+has\s+already\s+been\s+taken`,
		func(ctx context.Context, api *chatwoot.Client, a int64) (int64, error) {
			r, err := api.CreateCannedResponse(ctx, a, chatwoot.CannedResponseFields{ShortCode: ptr("bye"), Content: ptr("See you")})
			if err != nil {
				return 0, err
			}
			return r.ID, nil
		},
		func(ctx context.Context, api *chatwoot.Client, a int64) (int, error) {
			list, err := api.ListCannedResponses(ctx, a)
			return len(list), err
		})
}

func TestAccWebhook_takenAtApply(t *testing.T) {
	takenAtApply(t, "/webhooks", `
resource "chatwoot_webhook" "test" {
  url = "https://hooks.example.test/race"
}`, "chatwoot_webhook", `Url\s+has\s+already\s+been\s+taken`,
		func(ctx context.Context, api *chatwoot.Client, a int64) (int64, error) {
			w, err := api.CreateWebhook(ctx, a, chatwoot.WebhookFields{URL: ptr("https://hooks.example.test/race")})
			if err != nil {
				return 0, err
			}
			return w.ID, nil
		},
		func(ctx context.Context, api *chatwoot.Client, a int64) (int, error) {
			list, err := api.ListWebhooks(ctx, a)
			return len(list), err
		})
}

func TestAccCustomAttributeDefinition_takenAtApply(t *testing.T) {
	takenAtApply(t, "/custom_attribute_definitions", `
resource "chatwoot_custom_attribute_definition" "test" {
  attribute_display_name = "Tier"
  attribute_key          = "tier"
}`, "chatwoot_custom_attribute_definition", `Attribute\s+key\s+has\s+already\s+been\s+taken`,
		func(ctx context.Context, api *chatwoot.Client, a int64) (int64, error) {
			d, err := api.CreateCustomAttributeDefinition(ctx, a, chatwoot.CustomAttributeDefinitionFields{
				AttributeDisplayName: ptr("Tier (UI)"), AttributeKey: ptr("tier"),
			})
			if err != nil {
				return 0, err
			}
			return d.ID, nil
		},
		func(ctx context.Context, api *chatwoot.Client, a int64) (int, error) {
			list, err := api.ListCustomAttributeDefinitions(ctx, a, "")
			return len(list), err
		})
}
