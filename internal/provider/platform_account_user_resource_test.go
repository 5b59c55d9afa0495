package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const platformMemberAddr = "chatwoot_platform_account_user.test"

func platformMemberConfig(baseURL string, accountID, userID int64, extra string) string {
	return platformProviderConfig(baseURL, testPlatformToken()) + fmt.Sprintf(`
resource "chatwoot_platform_account_user" "test" {
  account_id = %d
  user_id    = %d
%s
}
`, accountID, userID, extra)
}

// platformAccountAndUser makes an account and a user of this Platform App, through fixtures.
func platformAccountAndUser(t *testing.T, env *testEnv) (fixture.Account, fixture.User) {
	t.Helper()
	ctx, cancel := testContext()
	defer cancel()
	a, err := env.Fixtures.CreateAccount(ctx, t.Name(), nil)
	must(t, err)
	u, err := env.Fixtures.CreateUser(ctx, "Dana", fmt.Sprintf("dana-%d@tenant.example", a.ID), "Dana1234!")
	must(t, err)
	return a, u
}

// Create, a role change, refresh, import, drift, removal in Chatwoot, and destroy.
func TestAccPlatformAccountUser_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	api := platformAPI(t, env.BaseURL)
	a, u := platformAccountAndUser(t, env)
	roleIs := func(want string) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			m, err := api.PlatformGetAccountUser(ctx, a.ID, u.ID)
			if err != nil {
				return err
			}
			if m.Role != want {
				return fmt.Errorf("role %q, want %q", m.Role, want)
			}
			return nil
		})
	}
	cfg := func(extra string) string { return platformMemberConfig(env.BaseURL, a.ID, u.ID, extra) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.PlatformGetAccountUser(ctx, a.ID, u.ID); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("user %d is still a member after destroy (err %w)", u.ID, err)
			}
			if _, err := api.PlatformGetUser(ctx, u.ID); err != nil {
				return fmt.Errorf("the user itself must stay: %w", err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:            cfg(""),
				ConfigPlanChecks:  expectAction(platformMemberAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: nil,
				Check: resource.ComposeTestCheckFunc(
					roleIs("agent"),
					resource.TestCheckResourceAttr(platformMemberAddr, "id", fmt.Sprintf("%d/%d", a.ID, u.ID)),
					resource.TestCheckResourceAttr(platformMemberAddr, "role", "agent"),
				),
			},
			{
				Config:           cfg(`  role = "administrator"`),
				ConfigPlanChecks: expectAction(platformMemberAddr, plancheck.ResourceActionUpdate),
				Check:            roleIs("administrator"),
			},
			{
				ResourceName:      platformMemberAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return fmt.Sprintf("%d/%d", a.ID, u.ID), nil },
			},
			{
				// Demoted behind Terraform's back: the plan restores the role.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.PlatformUpsertAccountUser(ctx, a.ID, u.ID, "agent")
					return err
				}),
				Config:           cfg(`  role = "administrator"`),
				ConfigPlanChecks: expectAction(platformMemberAddr, plancheck.ResourceActionUpdate),
				Check:            roleIs("administrator"),
			},
			{
				// Removed in Chatwoot: the membership is made again.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					return api.PlatformDeleteAccountUser(ctx, a.ID, u.ID)
				}),
				Config:           cfg(`  role = "administrator"`),
				ConfigPlanChecks: expectAction(platformMemberAddr, plancheck.ResourceActionCreate),
				Check:            roleIs("administrator"),
			},
		},
	})
}

// An existing membership is not adopted: the create is refused with an import hint and nothing
// is sent but the read of the members.
func TestAccPlatformAccountUser_existingMembershipRefused(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	api := platformAPI(t, env.BaseURL)
	a, u := platformAccountAndUser(t, env)
	ctx, cancel := testContext()
	defer cancel()
	must(t, env.Fixtures.AddAccountUser(ctx, a.ID, u.ID, "agent"))
	mock.ResetRequests()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      platformMemberConfig(env.BaseURL, a.ID, u.ID, `  role = "administrator"`),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`Chatwoot Membership Already Exists[\s\S]*terraform import[\s\S]*%d/%d`, a.ID, u.ID)),
		}},
	})
	if m := mutatingRequests(mock.Requests()); len(m) != 0 {
		t.Errorf("Chatwoot received mutating requests %v", m)
	}
	// A fresh context: the parallel test may have waited longer than the first one lasts.
	after, cancelAfter := testContext()
	defer cancelAfter()
	m, err := api.PlatformGetAccountUser(after, a.ID, u.ID)
	must(t, err)
	if m.Role != "agent" {
		t.Errorf("the existing membership changed: %+v", m)
	}
}

// Members of another Platform App's account cannot be managed: the permissible diagnostic.
func TestAccPlatformAccountUser_nonPermissible(t *testing.T) {
	env, otherToken := newMockWithOtherApp(t)
	ctx, cancel := testContext()
	defer cancel()
	other := fixture.New(env.BaseURL, otherToken)
	theirs, err := other.CreateAccount(ctx, "Not ours", nil)
	must(t, err)
	u, err := fixture.New(env.BaseURL, testPlatformToken()).CreateUser(ctx, "Eve", "eve@tenant.example", "Eve12345!")
	must(t, err)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      platformMemberConfig(env.BaseURL, theirs.ID, u.ID, ""),
			ExpectError: regexp.MustCompile(`Chatwoot Platform App May Not Manage This Object[\s\S]*Non\s+permissible`),
		}},
	})
	if m := mutatingRequests(env.Mock.Requests()); len(m) != 2 { // the two fixture creates
		t.Errorf("mutating requests %v; want only the fixtures'", m)
	}
}
