package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

func TestAccTeamList_listsEveryTeamWithItsIdentity(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	var made []*chatwoot.Team
	for _, name := range []string{"sales", "tier 2"} {
		team, err := admin.CreateTeam(ctx, sc.Account.ID, chatwoot.TeamFields{Name: &name})
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, team)
	}
	cfg := providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsActions}, // list resources came with actions, in 1.14
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg + `
resource "chatwoot_team" "managed" {
  name = "managed"
}
`},
			{
				Query: true,
				// The query file goes beside the configuration of the step before, provider block included.
				Config: `
list "chatwoot_team" "all" {
  provider         = chatwoot
  include_resource = true
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("chatwoot_team.all", 4), // the fixture's billing, the two above, managed
					querycheck.ExpectIdentity("chatwoot_team.all", map[string]knownvalue.Check{
						"account_id": knownvalue.Int64Exact(sc.Account.ID),
						"team_id":    knownvalue.Int64Exact(made[1].ID),
					}),
					querycheck.ExpectResourceDisplayName("chatwoot_team.all",
						queryfilter.ByResourceIdentity(queryIdentity(sc.Account.ID, made[0].ID)), knownvalue.StringExact("sales")),
					// The state the resource's Read stores, which -generate-config-out writes.
					querycheck.ExpectResourceKnownValues("chatwoot_team.all",
						queryfilter.ByResourceIdentity(queryIdentity(sc.Account.ID, made[1].ID)), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("tier 2")},
							{Path: tfjsonpath.New("allow_auto_assign"), KnownValue: knownvalue.Bool(true)},
							{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(fmt.Sprintf("%d/%d", sc.Account.ID, made[1].ID))},
						}),
				},
			},
		},
	})
}

func queryIdentity(accountID, teamID int64) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"account_id": knownvalue.Int64Exact(accountID),
		"team_id":    knownvalue.Int64Exact(teamID),
	}
}
