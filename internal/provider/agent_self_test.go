package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Self-lockout: the token's own user, adopted as a chatwoot_agent, is neither demoted to agent nor
// removed from the account at plan time without allow_self_demotion = true; nothing is sent.
func TestAccAgent_selfDemotionNeedsOptIn(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	a := sc.Account.ID
	agent := func(extra string) string {
		return env.providerBlock(sc.AdminToken, a) + fmt.Sprintf(`
import {
  to = chatwoot_agent.test
  id = "%d/%d"
}
resource "chatwoot_agent" "test" {
  email = %q
%s
}
`, a, sc.Admin.ID, sc.Admin.Email, extra)
	}
	noWrites := func(*terraform.State) error {
		if env.Mock == nil {
			return nil
		}
		for _, r := range env.Mock.Requests() {
			if r.Method != http.MethodGet && strings.Contains(r.Path, "/agents") {
				return fmt.Errorf("a %s %s reached Chatwoot", r.Method, r.Path)
			}
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: agent(`  role = "administrator"`), Check: noWrites},
			{
				Config:      agent(`  role = "agent"`),
				ExpectError: regexp.MustCompile(`(?s)Token's Own User Would Lose Administrator Rights.*allow_self_demotion`),
			},
			{
				Config:      env.providerBlock(sc.AdminToken, a),
				ExpectError: regexp.MustCompile(`(?s)Token's Own User Would Leave the Account.*allow_self_demotion`),
			},
			{
				Config: agent(`  role                = "administrator"
  allow_self_demotion = true`),
				Check: noWrites,
			},
		},
	})
}
