package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// What the plan says about max_assignment_limit, by edition and the account's assignment_v2: the
// community build is an error, Enterprise with assignment_v2 on a warning that points to capacity
// policies, Enterprise without it nothing.
func TestCheckMaxAssignmentLimit(t *testing.T) {
	for _, tc := range []struct {
		edition     string
		v2          bool
		wantError   string
		wantWarning string
	}{
		{chatwootmock.EditionCommunity, true, "Setting Needs Chatwoot Enterprise", ""},
		{chatwootmock.EditionEnterprise, true, "", "Chatwoot Ignores max_assignment_limit With assignment_v2"},
		{chatwootmock.EditionEnterprise, false, "", ""},
	} {
		t.Run(fmt.Sprintf("%s assignment_v2=%v", tc.edition, tc.v2), func(t *testing.T) {
			env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: newestChatwoot, Edition: tc.edition})
			sc := env.seedWith(t, fixture.SeedOptions{Features: map[string]bool{"assignment_v2": tc.v2}})
			data := &providerData{client: clientFor(t, env.BaseURL, sc.AdminToken)}
			var diags diag.Diagnostics
			checkMaxAssignmentLimit(context.Background(), data, sc.Account.ID, &diags)
			errs, warns := diags.Errors(), diags.Warnings()
			if (tc.wantError == "") != (len(errs) == 0) || (tc.wantWarning == "") != (len(warns) == 0) || len(diags) > 1 {
				t.Fatalf("diagnostics = %v", diags)
			}
			if tc.wantError != "" && errs[0].Summary() != tc.wantError {
				t.Errorf("error %q, want %q", errs[0].Summary(), tc.wantError)
			}
			if tc.wantWarning != "" {
				w := warns[0]
				if w.Summary() != tc.wantWarning || !strings.Contains(w.Detail(), "capacity polic") || !strings.Contains(w.Detail(), `"assignment_v2"`) {
					t.Errorf("warning %q: %s", w.Summary(), w.Detail())
				}
			}
		})
	}
}

// On the community build a max_assignment_limit is refused at plan time, naming the edition,
// with nothing sent, on the oldest and the newest version; the Enterprise build keeps it.
func TestAccInboxAutoAssignment_maxLimitByEdition(t *testing.T) {
	for _, version := range []string{oldestChatwoot, newestChatwoot} {
		for _, edition := range []string{chatwootmock.EditionCommunity, chatwootmock.EditionEnterprise} {
			t.Run(version+" "+edition, func(t *testing.T) {
				env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: version, Edition: edition})
				sc := env.seed(t, 0)
				cfg := inboxAutoAssignmentConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, sc.Inbox.ID, `  max_assignment_limit = 5`)
				env.Mock.ResetRequests()
				step := resource.TestStep{Config: cfg, ConfigStateChecks: nil}
				if edition == chatwootmock.EditionCommunity {
					step.ExpectError = regexp.MustCompile(`(?s)Setting Needs Chatwoot Enterprise.*community\s+build`)
				} else {
					step.ConfigStateChecks = append(step.ConfigStateChecks, stateInt64("chatwoot_inbox_auto_assignment.test", "max_assignment_limit", 5))
				}
				resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProtoV6ProviderFactories, Steps: []resource.TestStep{step}})
				if edition == chatwootmock.EditionCommunity {
					if m := mutatingRequests(env.Mock.Requests()); len(m) != 0 {
						t.Errorf("requests that could change something were sent: %v", m)
					}
				}
			})
		}
	}
}
