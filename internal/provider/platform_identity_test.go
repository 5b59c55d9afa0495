package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// The platform resources record their identities and import by them, on the CLIs that support
// identities (which all have write-only attributes too).
func TestAccPlatformIdentity_importByIdentity(t *testing.T) {
	env := newTestEnv(t)
	cfg := platformProviderConfig(env.BaseURL, testPlatformToken()) + `
resource "chatwoot_platform_account" "test" {
  name = "Identity"
}

resource "chatwoot_platform_user" "test" {
  name        = "Ida"
  email       = "ida@identity.example"
  password_wo = "Identity1!"
}

resource "chatwoot_platform_account_user" "test" {
  account_id = chatwoot_platform_account.test.account_id
  user_id    = chatwoot_platform_user.test.user_id
}
`
	identities := map[string][]string{
		"chatwoot_platform_account.test":      {"account_id"},
		"chatwoot_platform_user.test":         {"user_id"},
		"chatwoot_platform_account_user.test": {"account_id", "user_id"},
	}
	var checks []statecheck.StateCheck
	for addr, attrs := range identities {
		for _, attr := range attrs {
			checks = append(checks, statecheck.ExpectIdentityValueMatchesState(addr, tfjsonPath(attr)))
		}
	}
	steps := []resource.TestStep{{Config: cfg, ConfigStateChecks: checks}}
	for addr := range identities {
		steps = append(steps, resource.TestStep{
			Config: cfg, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsIdentityImport, cliSupportsWriteOnly},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
}
