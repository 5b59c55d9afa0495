package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// The demo in examples/website-widget applies against the mock as written, its second plan is
// empty (the framework checks that after the apply), and Chatwoot then holds an inbox routed
// through the bot, with the team's hand-over rule.
func TestAccExample_websiteWidget(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "website-widget", "main.tf"))
	must(t, err)
	example := string(raw)
	// The test's provider block replaces the example's terraform and provider blocks.
	example = regexp.MustCompile(`(?s)terraform \{\n.*?\n\}\n`).ReplaceAllString(example, "")
	example = strings.Replace(example, `provider "chatwoot" {}`, "", 1)
	// The agents of the seeded account are the example's input.
	example = strings.Replace(example, "  type        = list(string)\n}", fmt.Sprintf("  type        = list(string)\n  default     = [%q, %q]\n}",
		sc.Agent1.Email, sc.Agent2.Email), 1)
	cfg := providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID) + example
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			Check: func(s *terraform.State) error {
				var inboxID, botID int64
				if err := captureInt64("chatwoot_inbox.website", "inbox_id", &inboxID)(s); err != nil {
					return err
				}
				if err := captureInt64("chatwoot_agent_bot.triage", "bot_id", &botID)(s); err != nil {
					return err
				}
				ctx, cancel := testContext()
				defer cancel()
				a := sc.Account.ID
				in, err := api.GetInbox(ctx, a, inboxID)
				if err != nil {
					return err
				}
				if in.Kind() != "web_widget" || in.WebsiteURL != "https://shop.example.com" || !in.EnableAutoAssignment {
					return fmt.Errorf("the inbox is %+v", in)
				}
				bot, err := api.GetInboxAgentBot(ctx, a, inboxID)
				if err != nil || bot.ID != botID {
					return fmt.Errorf("the inbox's bot is %+v (err %w); want bot %d", bot, err, botID)
				}
				members, err := api.ListInboxMembers(ctx, a, inboxID)
				if err != nil || len(members) != 2 {
					return fmt.Errorf("the inbox's members are %v (err %w); want the two agents", members, err)
				}
				return nil
			},
		}},
	})
}
