package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// Team icons exist from Chatwoot 4.16.0: on the newest version they are created, updated,
// imported and restored after drift; on the oldest they are refused at plan time, before any
// request that could change something.
func TestAccTeam_iconsByVersion(t *testing.T) {
	for _, version := range []string{oldestChatwoot, newestChatwoot} {
		t.Run(version, func(t *testing.T) {
			env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: version})
			sc := env.seed(t, 0)
			api := adminAPI(t, env, sc)
			a := sc.Account.ID
			cfg := func(body string) string { return teamConfig(env.BaseURL, sc.AdminToken, a, body) }
			withIcon := cfg(`  name       = "vip"
  icon       = "crown"
  icon_color = "#ff9900"`)
			if version == oldestChatwoot {
				env.Mock.ResetRequests()
				resource.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
					Steps: []resource.TestStep{{
						Config:      withIcon,
						ExpectError: regexp.MustCompile(`(?s)Setting Needs a Newer Chatwoot.*` + "`icon`" + `\s+needs\s+Chatwoot\s+4\.16\.0.*runs\s+Chatwoot\s+4\.15\.1`),
					}, {
						// Without icons the team works as before: the defaults are empty.
						Config:            cfg(`  name = "vip"`),
						ConfigStateChecks: []statecheck.StateCheck{stateString(teamAddr, "icon", ""), stateString(teamAddr, "icon_color", "")},
					}},
				})
				return
			}
			var teamID int64
			proxy := newRecordingProxy(t, env.BaseURL)
			cfg = func(body string) string { return teamConfig(proxy.URL, sc.AdminToken, a, body) }
			withIcon = cfg(`  name       = "vip"
  icon       = "crown"
  icon_color = "#ff9900"`)
			holds := func(icon, color string) resource.TestCheckFunc {
				return inChatwoot(func(ctx context.Context) error {
					teams, err := api.ListTeams(ctx, a)
					if err != nil {
						return err
					}
					for _, team := range teams {
						if team.Name == "vip" {
							teamID = team.ID
							if team.Icon != icon || team.IconColor != color {
								return fmt.Errorf("Chatwoot holds icon %q colour %q, want %q %q", team.Icon, team.IconColor, icon, color)
							}
							return nil
						}
					}
					return fmt.Errorf("no team vip in Chatwoot")
				})
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config:            withIcon,
						ConfigStateChecks: []statecheck.StateCheck{stateString(teamAddr, "icon", "crown"), stateString(teamAddr, "icon_color", "#ff9900")},
						Check:             holds("crown", "#ff9900"),
					},
					{
						ResourceName:      teamAddr,
						ImportState:       true,
						ImportStateVerify: true,
						ImportStateIdFunc: importIDOf(teamAddr, "team_id"),
					},
					{
						PreConfig: proxy.reset,
						Config: cfg(`  name       = "vip"
  icon       = "star"
  icon_color = "#ff9900"`),
						Check: resource.ComposeTestCheckFunc(holds("star", "#ff9900"), func(*terraform.State) error {
							return proxy.expectPatchKeys(accountAPIPath(a, "/teams/%d", teamID), "icon")
						}),
					},
					{
						PreConfig: behindTerraform(t, func(ctx context.Context) error {
							_, err := api.UpdateTeam(ctx, a, teamID, chatwoot.TeamFields{Icon: ptr(""), IconColor: ptr("#000000")})
							return err
						}),
						Config: cfg(`  name       = "vip"
  icon       = "star"
  icon_color = "#ff9900"`),
						ConfigPlanChecks: expectAction(teamAddr, plancheck.ResourceActionUpdate),
						Check:            holds("star", "#ff9900"),
					},
				},
			})
		})
	}
}

// Chatwoot 4.16.0 and later strip control characters and surrounding spaces from team names
// (4.15.1 only downcases): the newest version refuses such a name at plan time with the form to
// write, and sends nothing; the oldest stores it as written, with an empty second plan.
func TestAccTeam_nameNormalisationByVersion(t *testing.T) {
	for _, version := range []string{oldestChatwoot, newestChatwoot} {
		t.Run(version, func(t *testing.T) {
			env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: version})
			sc := env.seed(t, 0)
			a := sc.Account.ID
			cfg := teamConfig(env.BaseURL, sc.AdminToken, a, `  name = " night\tshift "`)
			if version == newestChatwoot {
				env.Mock.ResetRequests()
				resource.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
					Steps: []resource.TestStep{{
						Config:      cfg,
						ExpectError: regexp.MustCompile(`(?s)Team Name Not as Chatwoot Stores It.*Chatwoot 4\.17\.0.*Write\s+"nightshift"\s+instead`),
					}},
				})
				if n := len(mutatingRequests(env.Mock.Requests())); n != 0 {
					t.Errorf("%d mutating requests were sent for a name refused at plan time", n)
				}
				return
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:            cfg,
					ConfigStateChecks: []statecheck.StateCheck{stateString(teamAddr, "name", " night\tshift ")},
				}},
			})
		})
	}
}
