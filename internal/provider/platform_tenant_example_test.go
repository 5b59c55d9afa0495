package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// examples/tenant applied end to end, unchanged: the account, its administrator and membership
// through the Platform API, then a team, an agent and the team's members through a second
// provider block configured with the administrator's ephemeral token, in one apply; a second
// plan is empty, and destroy removes everything, the account and the user included.
func TestAccPlatformTenantExample_applies(t *testing.T) {
	env := newTestEnv(t)
	api := platformAPI(t, env.BaseURL)
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "tenant", "main.tf"))
	must(t, err)
	workDirs := t.TempDir()
	// The example names the provider by its real source address; the harness serves it there.
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "chatwoot-community")
	t.Setenv(EnvBaseURL, env.BaseURL)
	t.Setenv(EnvPlatformToken, testPlatformToken())
	t.Setenv(EnvAPIAccessToken, "")
	t.Setenv(EnvAccountID, "")
	t.Setenv("TF_ACC_TEMP_DIR", workDirs)

	var accountID, adminID, teamID int64
	vars := config.Variables{
		"tenant_name":    config.StringVariable("Globex"),
		"admin_email":    config.StringVariable("admin@globex.example"),
		"admin_password": config.StringVariable("Globex-Admin1"),
		"agent_email":    config.StringVariable("hank@globex.example"),
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsEphemeral, cliSupportsWriteOnly},
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.PlatformGetAccount(ctx, accountID); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("account %d still exists (err %w)", accountID, err)
			}
			if _, err := api.PlatformGetUser(ctx, adminID); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("user %d still exists (err %w)", adminID, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:          string(src),
				ConfigVariables: vars,
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) error {
						attrs := func(addr, attr string, into *int64) error {
							rs, ok := s.RootModule().Resources[addr]
							if !ok {
								return fmt.Errorf("%s is not in the state", addr)
							}
							_, err := fmt.Sscan(rs.Primary.Attributes[attr], into)
							return err
						}
						if err := attrs("chatwoot_platform_account.tenant", "account_id", &accountID); err != nil {
							return err
						}
						if err := attrs("chatwoot_platform_user.admin", "user_id", &adminID); err != nil {
							return err
						}
						return attrs("chatwoot_team.support", "team_id", &teamID)
					},
					inChatwoot(func(ctx context.Context) error {
						m, err := api.PlatformGetAccountUser(ctx, accountID, adminID)
						if err != nil || m.Role != "administrator" {
							return fmt.Errorf("membership %+v, %w", m, err)
						}
						token, err := api.PlatformUserToken(ctx, adminID)
						if err != nil {
							return err
						}
						if err := stateFilesLack(workDirs, token); err != nil {
							return fmt.Errorf("the administrator's token: %w", err)
						}
						admin, err := chatwoot.New(chatwoot.Config{BaseURL: env.BaseURL, Token: token})
						if err != nil {
							return err
						}
						team, err := admin.GetTeam(ctx, accountID, teamID)
						if err != nil || team.Name != "support" {
							return fmt.Errorf("team %+v, %w", team, err)
						}
						members, err := admin.ListTeamMembers(ctx, accountID, teamID)
						if err != nil || len(members) != 2 {
							return fmt.Errorf("team members %+v, %w; want the administrator and hank", members, err)
						}
						inboxes, err := admin.ListInboxes(ctx, accountID)
						if err != nil || len(inboxes) != 1 || inboxes[0].Name != "Globex website" || inboxes[0].Kind() != chatwoot.ChannelWebWidget {
							return fmt.Errorf("inboxes %+v, %w; want the Globex website widget", inboxes, err)
						}
						inboxMembers, err := admin.ListInboxMembers(ctx, accountID, inboxes[0].ID)
						if err != nil || len(inboxMembers) != 2 {
							return fmt.Errorf("inbox members %+v, %w; want the administrator and hank", inboxMembers, err)
						}
						return nil
					}),
				),
			},
			{
				// Nothing to change on the next plan, with the token read at plan time now.
				Config:          string(src),
				ConfigVariables: vars,
				PlanOnly:        true,
			},
		},
	})
}

// The token of another Platform App's user is refused with the permissible diagnostic.
func TestAccPlatformUserToken_nonPermissible(t *testing.T) {
	env, otherToken := newMockWithOtherApp(t)
	ctx, cancel := testContext()
	defer cancel()
	theirs, err := fixture.New(env.BaseURL, otherToken).CreateUser(ctx, "Carol", "carol@other.example", "Carol123!")
	must(t, err)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsEphemeral},
		Steps: []resource.TestStep{{
			Config: platformProviderConfig(env.BaseURL, testPlatformToken()) + fmt.Sprintf(`
ephemeral "chatwoot_platform_user_token" "test" {
  user_id = %d
}`, theirs.ID),
			ExpectError: regexp.MustCompile(`Chatwoot Platform App May Not Manage This Object[\s\S]*Non\s+permissible`),
		}},
	})
}

// Without a platform token the ephemeral resource names the token and how to set it.
func TestAccPlatformUserToken_missingPlatformToken(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsEphemeral},
		Steps: []resource.TestStep{{
			Config: providerConfig(env.BaseURL, sc.AdminToken, 0) + fmt.Sprintf(`
ephemeral "chatwoot_platform_user_token" "test" {
  user_id = %d
}`, sc.Admin.ID),
			ExpectError: regexp.MustCompile(`Missing Chatwoot Platform Token[\s\S]*platform_token[\s\S]*CHATWOOT_PLATFORM_TOKEN`),
		}},
	})
}
