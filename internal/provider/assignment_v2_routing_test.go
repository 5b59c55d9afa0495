package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// A support desk as a support lead would set it up, and what Chatwoot then does with new
// conversations (Enterprise build, Chatwoot 4.17, advanced_assignment on, two online agents in
// the inbox):
//
//  1. a round-robin policy with fair_distribution_limit = 2 on the inbox: of six new
//     conversations each agent gets two and two wait;
//  2. plus a capacity policy of one conversation per agent in the inbox: of four new
//     conversations (the earlier ones resolved, the hour's window over) each agent holds one
//     and two wait;
//  3. with the binding and the capacity policy destroyed, the inbox follows Assignment V2's
//     defaults for an inbox without a policy, not the removed policy's: conversations idle for
//     more than 168 hours are left alone (the policy had no age limit), and each agent gets at
//     most 5 new conversations in 5 minutes (the policy allowed 2 an hour).
//
// Conversations are opened through the public API; the mock runs Chatwoot's assignment job
// after each, as Chatwoot does. The mock's clock is moved forward with its test-only endpoint.
func TestAccAssignmentV2_roundRobinSupportDesk(t *testing.T) {
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seedWith(t, fixture.SeedOptions{
		Features:            map[string]bool{"assignment_v2": true, "advanced_assignment": true},
		InboxAutoAssignment: true,
		AgentsOnline:        true,
	})
	a, inbox, tok := sc.Account.ID, sc.Inbox.ID, sc.AdminToken
	alice, bob := sc.Agent1.ID, sc.Agent2.ID

	policy := `
resource "chatwoot_assignment_policy" "desk" {
  name                     = "Support desk"
  assignment_order         = "round_robin"
  fair_distribution_limit  = 2
  fair_distribution_window = 3600
  # no exclude_older_than_hours: no age limit
}
`
	binding := fmt.Sprintf(`
resource "chatwoot_inbox_assignment_policy" "desk" {
  inbox_id             = %d
  assignment_policy_id = chatwoot_assignment_policy.desk.policy_id
}
`, inbox)
	capacity := fmt.Sprintf(`
resource "chatwoot_agent_capacity_policy" "one_each" {
  name         = "One at a time"
  inbox_limits = [{ inbox_id = %d, conversation_limit = 1 }]
}

resource "chatwoot_agent_capacity_policy_members" "one_each" {
  policy_id = chatwoot_agent_capacity_policy.one_each.policy_id
  user_ids  = [%d, %d]
}
`, inbox, alice, bob)
	provider := providerConfig(env.BaseURL, tok, a)

	// opened lists the conversations each phase opened, by display id.
	var phase1, phase2, phase3 []int64
	open := func(ctx context.Context, n int, into *[]int64) error {
		for i := 0; i < n; i++ {
			cv, err := env.Fixtures.CreateConversation(ctx, tok, a, inbox, sc.Contact.ID)
			if err != nil {
				return err
			}
			*into = append(*into, cv.ID)
		}
		return nil
	}
	// tally counts the open conversations among ids by assignee (0: waiting).
	tally := func(ctx context.Context, ids []int64) (map[int64]int, error) {
		out := map[int64]int{}
		for _, id := range ids {
			cv, err := env.Fixtures.GetConversation(ctx, tok, a, id)
			if err != nil {
				return nil, err
			}
			if cv.Status == "open" {
				out[cv.AssigneeID]++
			}
		}
		return out, nil
	}
	expect := func(ctx context.Context, ids []int64, aliceN, bobN, waiting int) error {
		got, err := tally(ctx, ids)
		if err != nil {
			return err
		}
		if got[alice] != aliceN || got[bob] != bobN || got[0] != waiting || len(got) > 3 {
			return fmt.Errorf("of conversations %v: alice (%d) holds %d, bob (%d) holds %d, %d wait (all: %v); want %d, %d and %d waiting",
				ids, alice, got[alice], bob, got[bob], got[0], got, aliceN, bobN, waiting)
		}
		return nil
	}
	resolve := func(ctx context.Context, ids []int64, assigned bool) error {
		for _, id := range ids {
			cv, err := env.Fixtures.GetConversation(ctx, tok, a, id)
			if err != nil {
				return err
			}
			if cv.Status == "open" && (cv.AssigneeID != 0) == assigned {
				if err := env.Fixtures.ToggleStatus(ctx, tok, a, id, "resolved"); err != nil {
					return err
				}
			}
		}
		return nil
	}
	advanceClock := func(ctx context.Context, seconds int64) error {
		return mockJob(ctx, env, "/__mock/clock/advance", map[string]any{"seconds": seconds})
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: provider + policy + binding,
				Check: inChatwoot(func(ctx context.Context) error {
					if err := open(ctx, 6, &phase1); err != nil {
						return err
					}
					if err := expect(ctx, phase1, 2, 2, 2); err != nil {
						return err
					}
					// Chatwoot's periodic job changes nothing: both agents are at the limit.
					if err := mockJob(ctx, env, "/__mock/jobs/periodic_assignment", nil); err != nil {
						return err
					}
					return expect(ctx, phase1, 2, 2, 2)
				}),
			},
			{
				// The first six are resolved (the waiting ones first, so that no run hands them
				// out) and the fair-distribution hour passes.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					if err := resolve(ctx, phase1, false); err != nil {
						return err
					}
					if err := resolve(ctx, phase1, true); err != nil {
						return err
					}
					return advanceClock(ctx, 3601)
				}),
				Config: provider + policy + binding + capacity,
				Check: inChatwoot(func(ctx context.Context) error {
					if err := open(ctx, 4, &phase2); err != nil {
						return err
					}
					return expect(ctx, phase2, 1, 1, 2)
				}),
			},
			{
				// A week and a day later the two waiting conversations have been idle for more
				// than 168 hours; Alice and Bob still hold one each.
				PreConfig: behindTerraform(t, func(ctx context.Context) error { return advanceClock(ctx, 169*3600) }),
				Config:    provider + policy,
				Check: inChatwoot(func(ctx context.Context) error {
					if err := open(ctx, 11, &phase3); err != nil {
						return err
					}
					// Five each in the five-minute window, the eleventh waits.
					if err := expect(ctx, phase3, 5, 5, 1); err != nil {
						return err
					}
					// The idle ones were not touched (the removed policy had no age limit).
					return expect(ctx, phase2, 1, 1, 2)
				}),
			},
		},
	})
}

// examples/round-robin-desk applies against Chatwoot as written (its provider block aside), and
// plans empty afterwards.
func TestAccAssignmentV2_roundRobinDeskExample(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "round-robin-desk", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	// The example's terraform and provider blocks come from the environment; the test's own
	// provider block replaces them.
	body := regexp.MustCompile(`(?s)terraform \{.*?\n\}\n`).ReplaceAllString(string(raw), "")
	body = strings.Replace(body, `provider "chatwoot" {}`, "", 1)
	env := newTestEnvWith(t, "4.17.0", chatwootmock.EditionEnterprise)
	sc := env.seedWith(t, fixture.SeedOptions{Features: map[string]bool{"advanced_assignment": true}})
	api := adminAPI(t, env, sc)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID) + body,
			ConfigVariables: config.Variables{
				"inbox_name":   config.StringVariable(sc.Inbox.Name),
				"agent_emails": config.ListVariable(config.StringVariable(sc.Agent1.Email), config.StringVariable(sc.Agent2.Email)),
				"enterprise":   config.BoolVariable(true),
			},
			Check: inChatwoot(func(ctx context.Context) error {
				p, err := api.GetInboxAssignmentPolicy(ctx, sc.Account.ID, sc.Inbox.ID)
				if err != nil {
					return err
				}
				if p.Name != "Round-robin support desk" || p.FairDistributionLimit != 10 {
					return fmt.Errorf("the inbox has policy %+v", p)
				}
				return nil
			}),
		}},
	})
}
