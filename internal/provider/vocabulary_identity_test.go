package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// The vocabulary resources record their identity and import by it, on the CLIs that support
// identities (the round trip of TestAccIdentity_importByIdentity, for these four).
func TestAccVocabulary_importByIdentity(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	cfg := env.providerBlock(sc.AdminToken, sc.Account.ID) + `
resource "chatwoot_label" "test" {
  title = "identity"
}

resource "chatwoot_canned_response" "test" {
  short_code = "identity"
  content    = "imported by identity"
}

resource "chatwoot_webhook" "test" {
  url = "https://hooks.example.test/identity"
}

resource "chatwoot_custom_attribute_definition" "test" {
  attribute_display_name = "Identity"
  attribute_key          = "identity"
}
`
	identities := map[string]string{
		"chatwoot_label.test":                       "label_id",
		"chatwoot_canned_response.test":             "canned_response_id",
		"chatwoot_webhook.test":                     "webhook_id",
		"chatwoot_custom_attribute_definition.test": "custom_attribute_definition_id",
	}
	var checks []statecheck.StateCheck
	for addr, idAttr := range identities {
		checks = append(checks,
			statecheck.ExpectIdentityValueMatchesState(addr, tfjsonPath("account_id")),
			statecheck.ExpectIdentityValueMatchesState(addr, tfjsonPath(idAttr)),
		)
	}
	steps := []resource.TestStep{{Config: cfg, ConfigStateChecks: checks}}
	for addr := range identities {
		steps = append(steps, resource.TestStep{
			Config: cfg, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsIdentityImport},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
}
