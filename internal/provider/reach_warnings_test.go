package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// planWith runs r's ModifyPlan from prior (nil: a create) to planned, with planned as the
// configuration too, and returns its diagnostics.
func planWith(t *testing.T, r resource.Resource, client *chatwoot.Client, prior, planned map[string]any) diag.Diagnostics {
	t.Helper()
	ctx := context.Background()
	state := configuredWith(t, r, client, prior)
	plan := configuredWith(t, r, client, planned)
	m, ok := r.(resource.ResourceWithModifyPlan)
	if !ok {
		t.Fatalf("%T has no ModifyPlan", r)
	}
	resp := resource.ModifyPlanResponse{Plan: tfsdk.Plan(plan)}
	m.ModifyPlan(ctx, resource.ModifyPlanRequest{State: state, Plan: tfsdk.Plan(plan), Config: tfsdk.Config(plan)}, &resp)
	return resp.Diagnostics
}

// onlyWarning returns the detail of the one diagnostic, which must be a warning with summary.
func onlyWarning(t *testing.T, diags diag.Diagnostics, summary string) string {
	t.Helper()
	if diags.HasError() || len(diags) != 1 || diags[0].Summary() != summary {
		t.Fatalf("diagnostics %v; want one warning %q", diags, summary)
	}
	return diags[0].Detail()
}

// A change that reaches beyond its resource is announced at plan: renaming a user (one name for
// every account), creating an agent whose email is already a differently named user in another
// of the token's accounts (Chatwoot keeps that user, and the apply renames them everywhere), and
// changing a platform user's name or email.
func TestModifyPlan_announcesChangesBeyondTheResource(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	ctx := context.Background()
	a := sc.Account.ID
	platform := platformAPI(t, env.BaseURL)
	second, err := platform.PlatformCreateAccount(ctx, chatwoot.PlatformAccountFields{Name: ptr("second")})
	must(t, err)
	_, err = platform.PlatformUpsertAccountUser(ctx, second.ID, sc.Admin.ID, "administrator")
	must(t, err)
	agent := map[string]any{"account_id": a, "id": fmt.Sprintf("%d/%d", a, sc.Agent1.ID), "user_id": sc.Agent1.ID,
		"email": sc.Agent1.Email, "name": sc.Agent1.Name, "role": "agent", "allow_self_demotion": false}
	renamed := map[string]any{}
	for k, v := range agent {
		renamed[k] = v
	}
	renamed["name"] = "Someone Else"

	t.Run("agent renamed", func(t *testing.T) {
		d := onlyWarning(t, planWith(t, NewAgentResource(), api, agent, renamed), "Chatwoot User Renamed in Every Account")
		if want := fmt.Sprintf("renames user %d (%s) from %q to \"Someone Else\"", sc.Agent1.ID, sc.Agent1.Email, sc.Agent1.Name); !strings.Contains(d, want) {
			t.Errorf("warning %q does not say %q", d, want)
		}
	})
	t.Run("agent unchanged", func(t *testing.T) {
		if diags := planWith(t, NewAgentResource(), api, agent, agent); len(diags) != 0 {
			t.Errorf("an unchanged agent: %v", diags)
		}
	})
	t.Run("existing user added to another account", func(t *testing.T) {
		create := map[string]any{"account_id": second.ID, "email": sc.Agent1.Email, "name": "Someone Else", "role": "agent"}
		d := onlyWarning(t, planWith(t, NewAgentResource(), api, nil, create), "Existing Chatwoot User Will Be Renamed in Every Account")
		if want := fmt.Sprintf("is already Chatwoot user %d, named %q, in account %d", sc.Agent1.ID, sc.Agent1.Name, a); !strings.Contains(d, want) {
			t.Errorf("warning %q does not say %q", d, want)
		}
		create["name"] = sc.Agent1.Name
		if diags := planWith(t, NewAgentResource(), api, nil, create); len(diags) != 0 {
			t.Errorf("the same name renames nobody: %v", diags)
		}
	})
	t.Run("platform user", func(t *testing.T) {
		user := map[string]any{"id": fmt.Sprint(sc.Agent2.ID), "user_id": sc.Agent2.ID, "name": sc.Agent2.Name, "email": sc.Agent2.Email}
		changed := map[string]any{"id": fmt.Sprint(sc.Agent2.ID), "user_id": sc.Agent2.ID, "name": sc.Agent2.Name, "email": "moved@example.test"}
		d := onlyWarning(t, planWith(t, NewPlatformUserResource(), platform, user, changed), "Chatwoot User Changed in Every Account")
		if !strings.Contains(d, fmt.Sprintf("changes the email of Chatwoot user %d", sc.Agent2.ID)) || !strings.Contains(d, "signs in with") {
			t.Errorf("warning %q", d)
		}
	})
}
