package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const accountAddr = "data.chatwoot_account.this"

// stateHasFeature checks whether the data source's features include flag.
func stateHasFeature(flag string, want bool) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[accountAddr]
		if !ok {
			return fmt.Errorf("%s is not in the state", accountAddr)
		}
		has := false
		for k, v := range rs.Primary.Attributes {
			if strings.HasPrefix(k, "features.") && k != "features.#" && v == flag {
				has = true
			}
		}
		if has != want {
			return fmt.Errorf("features has %q: %v, want %v (attributes %v)", flag, has, want, rs.Primary.Attributes)
		}
		return nil
	}
}

// The data source shows the account's flags, the version and the edition on the oldest and the
// newest Chatwoot of both editions, and `count = contains(features, "sla") ? 1 : 0` creates the
// object exactly where the account has the flag.
func TestAccAccountDataSource_featuresGateCount(t *testing.T) {
	for _, tc := range []struct {
		version, edition string
		sla              bool
	}{
		{oldestChatwoot, chatwootmock.EditionEnterprise, true},
		{oldestChatwoot, chatwootmock.EditionCommunity, false},
		{newestChatwoot, chatwootmock.EditionEnterprise, false},
		{newestChatwoot, chatwootmock.EditionCommunity, true},
	} {
		t.Run(fmt.Sprintf("%s %s sla=%v", tc.version, tc.edition, tc.sla), func(t *testing.T) {
			env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: tc.version, Edition: tc.edition})
			sc := env.seedWith(t, fixture.SeedOptions{Features: map[string]bool{"sla": tc.sla}})
			api := adminAPI(t, env, sc)
			a := sc.Account.ID
			slaTeams := func(want int) resource.TestCheckFunc {
				return inChatwoot(func(ctx context.Context) error {
					teams, err := api.ListTeams(ctx, a)
					if err != nil {
						return err
					}
					n := 0
					for _, team := range teams {
						if team.Name == "sla escalations" {
							n++
						}
					}
					if n != want {
						return fmt.Errorf("Chatwoot holds %d teams \"sla escalations\", want %d", n, want)
					}
					return nil
				})
			}
			want := 0
			if tc.sla {
				want = 1
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				CheckDestroy:             slaTeams(0),
				Steps: []resource.TestStep{{
					Config: providerConfig(env.BaseURL, sc.AdminToken, a) + `
data "chatwoot_account" "this" {}

resource "chatwoot_team" "sla" {
  count = contains(data.chatwoot_account.this.features, "sla") ? 1 : 0
  name  = "sla escalations"
}
`,
					ConfigStateChecks: []statecheck.StateCheck{
						stateInt64(accountAddr, "id", a),
						stateInt64(accountAddr, "account_id", a),
						stateString(accountAddr, "name", sc.Account.Name),
						stateString(accountAddr, "locale", "en"),
						stateString(accountAddr, "status", "active"),
						stateString(accountAddr, "chatwoot_version", tc.version),
						stateString(accountAddr, "edition", tc.edition),
					},
					Check: resource.ComposeTestCheckFunc(
						stateHasFeature("sla", tc.sla),
						// The flag list itself differs: api_and_webhooks exists from 4.16.0.
						stateHasFeature("api_and_webhooks", tc.version != oldestChatwoot),
						stateHasFeature("assignment_v2", true),
						slaTeams(want),
					),
				}},
			})
		})
	}
}

// An agent may read the account; a token that is not a member gets a clear error.
func TestAccAccountDataSource_access(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	other := env.seed(t, 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: providerConfig(env.BaseURL, sc.Agent1.AccessToken, sc.Account.ID) + `data "chatwoot_account" "this" {}`,
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(accountAddr, "name", sc.Account.Name),
				},
			},
			{
				Config:      providerConfig(env.BaseURL, sc.Agent1.AccessToken, 0) + fmt.Sprintf(`data "chatwoot_account" "this" { account_id = %d }`, other.Account.ID),
				ExpectError: regexp.MustCompile(`(?s)Chatwoot Object Not Found.*account`),
			},
		},
	})
}
