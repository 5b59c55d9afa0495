package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	acc "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const platformUserAddr = "chatwoot_platform_user.test"

func platformUserConfig(baseURL, body string) string {
	return platformProviderConfig(baseURL, testPlatformToken()) + fmt.Sprintf(`
resource "chatwoot_platform_user" "test" {
%s
}
`, body)
}

func platformUserIDFrom(s *terraform.State, into *int64) error {
	_, err := fmt.Sscan(s.RootModule().Resources[platformUserAddr].Primary.Attributes["user_id"], into)
	return err
}

// planLacks fails when secret appears anywhere in the plan.
type planLacks struct{ secret string }

func (c planLacks) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	// The configuration section quotes the literal of the test's own configuration; what
	// Terraform plans and stores is the rest.
	b, err := json.Marshal([]any{req.Plan.ResourceChanges, req.Plan.PlannedValues, req.Plan.PriorState, req.Plan.OutputChanges})
	if err != nil {
		resp.Error = err
		return
	}
	if strings.Contains(string(b), c.secret) {
		resp.Error = fmt.Errorf("the plan holds the password")
	}
}

var _ plancheck.PlanCheck = planLacks{}

// Create, update (sending only what changed, the password only when its version changes),
// refresh, import, drift and destroy; the write-only password is never in a plan, the state or
// the state file.
func TestAccPlatformUser_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	api := platformAPI(t, env.BaseURL)
	proxy := newRecordingProxy(t, env.BaseURL)
	workDirs := t.TempDir()
	t.Setenv("TF_ACC_TEMP_DIR", workDirs)
	const first, second, third = "Secret1!first", "Secret2!second", "Secret3!third"
	var id int64
	cfg := func(body string) string { return platformUserConfig(proxy.URL, body) }
	holds := func(check func(u *chatwoot.PlatformUser) error) acc.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			u, err := api.PlatformGetUser(ctx, id)
			if err != nil {
				return err
			}
			return check(u)
		})
	}
	userPath := func() string { return fmt.Sprintf("/platform/api/v1/users/%d", id) }
	body := func(name, password string, version int, extra string) string {
		return fmt.Sprintf(`  name                = %q
  email               = "alice@tenant.example"
  password_wo         = %q
  password_wo_version = %d
%s`, name, password, version, extra)
	}
	acc.Test(t, acc.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsWriteOnly},
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := api.PlatformGetUser(ctx, id); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("user %d still exists after destroy (err %w)", id, err)
			}
			return nil
		}),
		Steps: []acc.TestStep{
			{
				Config: cfg(body("Alice", first, 1, `  custom_attributes = jsonencode({ team = "blue" })`)),
				ConfigPlanChecks: acc.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(platformUserAddr, plancheck.ResourceActionCreate), planLacks{first},
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(platformUserAddr, "name", "Alice"),
					stateString(platformUserAddr, "email", "alice@tenant.example"),
					statecheck.ExpectKnownValue(platformUserAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(platformUserAddr, tfjsonpath.New("display_name"), knownvalue.Null()),
				},
				Check: acc.ComposeTestCheckFunc(
					func(s *terraform.State) error { return platformUserIDFrom(s, &id) },
					holds(func(u *chatwoot.PlatformUser) error {
						if u.Name != "Alice" || u.DisplayName != nil || u.CustomAttributes["team"] != "blue" {
							return fmt.Errorf("Chatwoot holds %+v", u)
						}
						return nil
					}),
					func(*terraform.State) error { return stateFilesLack(workDirs, first) },
				),
			},
			{
				// Another password with the same version is not sent: nothing changes.
				Config:   cfg(body("Alice", second, 1, `  custom_attributes = jsonencode({ team = "blue" })`)),
				PlanOnly: true,
			},
			{
				PreConfig: proxy.reset,
				Config:    cfg(body("Alice", second, 2, `  custom_attributes = jsonencode({ team = "blue" })`)),
				ConfigPlanChecks: acc.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(platformUserAddr, plancheck.ResourceActionUpdate), planLacks{second},
				}},
				Check: acc.ComposeTestCheckFunc(
					func(*terraform.State) error {
						if err := proxy.expectPatchKeys(userPath(), "password"); err != nil {
							return err
						}
						sent, _ := proxy.sentBody("PATCH", userPath())
						if sent["password"] != second {
							return fmt.Errorf("the update sent another password than the configured one")
						}
						return nil
					},
					func(*terraform.State) error { return stateFilesLack(workDirs, second) },
				),
			},
			{
				PreConfig: proxy.reset,
				Config: cfg(body("Alice Liddell", second, 2, `  display_name      = "Alice"
  custom_attributes = jsonencode({ team = "red", level = 2 })`)),
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(platformUserAddr, "name", "Alice Liddell"),
					stateString(platformUserAddr, "display_name", "Alice"),
				},
				Check: acc.ComposeTestCheckFunc(
					func(*terraform.State) error {
						return proxy.expectPatchKeys(userPath(), "name", "display_name", "custom_attributes")
					},
					holds(func(u *chatwoot.PlatformUser) error {
						if u.DisplayName == nil || *u.DisplayName != "Alice" || u.CustomAttributes["team"] != "red" {
							return fmt.Errorf("Chatwoot holds %+v", u)
						}
						return nil
					}),
				),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check:        func(*terraform.State) error { return proxy.expectRequests("GET " + userPath()) },
			},
			{
				ResourceName:            platformUserAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"custom_attributes", "password_wo_version"},
				ImportStateIdFunc:       func(*terraform.State) (string, error) { return fmt.Sprint(id), nil },
			},
			{
				// Changed behind Terraform's back: the plan restores the managed fields; the
				// custom attribute key that is not configured is left alone.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.PlatformUpdateUser(ctx, id, chatwoot.PlatformUserFields{
						Name: ptr("Mallory"), CustomAttributes: map[string]any{"team": "green", "other": "kept"},
					})
					return err
				}),
				Config: cfg(body("Alice Liddell", second, 2, `  display_name      = "Alice"
  custom_attributes = jsonencode({ team = "red", level = 2 })`)),
				ConfigPlanChecks: acc.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(platformUserAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(platformUserAddr, tfjsonpath.New("name"), knownvalue.StringExact("Alice Liddell")),
				}},
				Check: holds(func(u *chatwoot.PlatformUser) error {
					if u.Name != "Alice Liddell" || u.CustomAttributes["team"] != "red" || u.CustomAttributes["other"] != "kept" {
						return fmt.Errorf("Chatwoot holds %+v", u)
					}
					return nil
				}),
			},
			{
				// A new e-mail is sent alone.
				PreConfig: proxy.reset,
				Config: strings.Replace(cfg(body("Alice Liddell", second, 2, `  display_name      = "Alice"
  custom_attributes = jsonencode({ team = "red", level = 2 })`)), "alice@tenant.example", "liddell@tenant.example", 1),
				ConfigStateChecks: []statecheck.StateCheck{stateString(platformUserAddr, "email", "liddell@tenant.example")},
				Check: acc.ComposeTestCheckFunc(
					func(*terraform.State) error { return proxy.expectPatchKeys(userPath(), "email") },
					holds(func(u *chatwoot.PlatformUser) error {
						if u.Email != "liddell@tenant.example" {
							return fmt.Errorf("e-mail %q", u.Email)
						}
						return nil
					}),
				),
			},
			{
				// A key removed from the configuration is cleared (set to null) in Chatwoot.
				Config: cfg(body("Alice Liddell", third, 2, `  custom_attributes = jsonencode({ team = "red" })`)),
				Check: holds(func(u *chatwoot.PlatformUser) error {
					if u.Email != "alice@tenant.example" {
						return fmt.Errorf("e-mail %q", u.Email)
					}
					if v, ok := u.CustomAttributes["level"]; ok && v != nil {
						return fmt.Errorf("level is still %v", v)
					}
					if u.DisplayName != nil {
						return fmt.Errorf("display name is still %q", *u.DisplayName)
					}
					return nil
				}),
			},
			{
				// Deleted in Chatwoot: removed from the state with a warning, and created again.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					if err := api.PlatformDeleteUser(ctx, id); err != nil {
						return err
					}
					return api.PlatformAwaitUserDeleted(ctx, id)
				}),
				Config:           cfg(body("Alice Liddell", third, 2, `  custom_attributes = jsonencode({ team = "red" })`)),
				ConfigPlanChecks: expectAction(platformUserAddr, plancheck.ResourceActionCreate),
				Check:            func(s *terraform.State) error { return platformUserIDFrom(s, &id) },
			},
		},
	})
}

// Creating a user whose e-mail already exists is refused with an import hint, and the existing
// user is not changed: only the create request is sent.
func TestAccPlatformUser_existingEmailRefused(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	api := platformAPI(t, env.BaseURL)
	ctx, cancel := testContext()
	defer cancel()
	existing, err := env.Fixtures.CreateUser(ctx, "Bob Original", "bob@tenant.example", "Original1!")
	must(t, err)
	mock.ResetRequests()
	acc.ParallelTest(t, acc.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsWriteOnly},
		Steps: []acc.TestStep{{
			Config: platformUserConfig(env.BaseURL, `  name        = "Bob New"
  email       = "bob@tenant.example"
  password_wo = "Another1!"`),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`Chatwoot User Already Exists[\s\S]*user\s+id\s+%d[\s\S]*terraform import[\s\S]*%d`, existing.ID, existing.ID)),
		}},
	})
	if m := mutatingRequests(mock.Requests()); len(m) != 1 || m[0].Method != "POST" || m[0].Path != "/platform/api/v1/users" {
		t.Errorf("mutating requests %v; want only the one create", m)
	}
	// A fresh context: the parallel test may have waited longer than the first one lasts.
	after, cancelAfter := testContext()
	defer cancelAfter()
	u, err := api.PlatformGetUser(after, existing.ID)
	must(t, err)
	if u.Name != "Bob Original" || u.DisplayName != nil {
		t.Errorf("the existing user changed: %+v", u)
	}
}

// Another Platform App's user cannot be imported: the diagnostic explains the permissible rule.
func TestAccPlatformUser_nonPermissible(t *testing.T) {
	env, otherToken := newMockWithOtherApp(t)
	ctx, cancel := testContext()
	defer cancel()
	theirs, err := fixture.New(env.BaseURL, otherToken).CreateUser(ctx, "Carol", "carol@other.example", "Carol123!")
	must(t, err)
	acc.ParallelTest(t, acc.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsWriteOnly},
		Steps: []acc.TestStep{{
			Config:        platformUserConfig(env.BaseURL, `  name = "Carol"`+"\n"+`  email = "carol@other.example"`),
			ResourceName:  platformUserAddr,
			ImportState:   true,
			ImportStateId: fmt.Sprint(theirs.ID),
			ExpectError:   regexp.MustCompile(`Chatwoot Platform App May Not Manage This Object[\s\S]*Non\s+permissible`),
		}},
	})
}

// A new user needs a password, and a weak or uppercase-e-mail configuration is refused at plan.
func TestAccPlatformUser_refusedAtPlan(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	cases := []struct{ body, want string }{
		{`  name = "A"` + "\n" + `  email = "a@tenant.example"`, `Missing Password for a New Chatwoot User`},
		{`  name = "A"` + "\n" + `  email = "A@tenant.example"` + "\n" + `  password_wo = "Secret1!"`, `Value Must Be Lowercase`},
		{`  name = "A"` + "\n" + `  email = "a@tenant.example"` + "\n" + `  password_wo = "secret1!"`, `upper-case`},
		{`  name = "A"` + "\n" + `  email = "not-an-email"` + "\n" + `  password_wo = "Secret1!"`, `e-mail address`},
	}
	var steps []acc.TestStep
	for _, c := range cases {
		steps = append(steps, acc.TestStep{Config: platformUserConfig(env.BaseURL, c.body), PlanOnly: true, ExpectError: regexp.MustCompile(c.want)})
	}
	acc.ParallelTest(t, acc.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsWriteOnly},
		Steps:                    steps,
	})
	if m := mutatingRequests(mock.Requests()); len(m) != 0 {
		t.Errorf("Chatwoot received mutating requests %v", m)
	}
}

// A plan that destroys a user warns that Chatwoot deletes the user from every account.
func TestPlatformUser_destroyPlanWarns(t *testing.T) {
	ctx := context.Background()
	r := NewPlatformUserResource()
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	objectType, _ := schemaResp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	values := map[string]tftypes.Value{}
	for name, typ := range objectType.AttributeTypes {
		values[name] = tftypes.NewValue(typ, nil)
	}
	values["user_id"] = tftypes.NewValue(tftypes.Number, 7)
	values["email"] = tftypes.NewValue(tftypes.String, "alice@tenant.example")
	state := tftypes.NewValue(objectType, values)
	req := resource.ModifyPlanRequest{
		State:  tfsdk.State{Schema: schemaResp.Schema, Raw: state},
		Plan:   tfsdk.Plan{Schema: schemaResp.Schema, Raw: tftypes.NewValue(objectType, nil)},
		Config: tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(objectType, nil)},
	}
	resp := resource.ModifyPlanResponse{Plan: req.Plan}
	withPlan, ok := r.(resource.ResourceWithModifyPlan)
	if !ok {
		t.Fatal("chatwoot_platform_user has no ModifyPlan")
	}
	withPlan.ModifyPlan(ctx, req, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("diagnostics %v; want one warning", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0]
	if w.Summary() != "Chatwoot User Deleted from Every Account" || !strings.Contains(w.Detail(), "every account") ||
		!strings.Contains(w.Detail(), "user 7 (alice@tenant.example)") {
		t.Errorf("warning %q: %q", w.Summary(), w.Detail())
	}
}
