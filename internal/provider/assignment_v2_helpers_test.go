package provider

// Test helpers of the Assignment V2 resources (assignment and capacity policies): a mock of a
// chosen Chatwoot version and edition, and refusal steps that prove nothing mutating was sent.

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// newTestEnvWith is newMockEnv with a Chatwoot version and edition.
func newTestEnvWith(t *testing.T, version, edition string) *testEnv {
	t.Helper()
	return newMockEnv(t, chatwootmock.Options{ChatwootVersion: version, Edition: edition})
}

// refusal is one configuration that must fail, at plan time or before any mutating request.
type refusal struct {
	name   string
	config string
	want   string // a regexp; a space matches any run of white space (Terraform wraps lines)
}

// refusalSteps makes a step per refusal; each step's PreConfig checks that the step before it
// sent Chatwoot nothing mutating, and a last plan-only step of okConfig closes the chain.
func refusalSteps(t *testing.T, mock *chatwootmock.Server, okConfig string, cases ...refusal) []resource.TestStep {
	previous := ""
	noMutation := func(name string) func() {
		return func() {
			if m := mutatingRequests(mock.Requests()); len(m) > 0 && previous != "" {
				t.Errorf("%s: Chatwoot received mutating requests %v", previous, m)
			}
			mock.ResetRequests()
			previous = name
		}
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			PreConfig:   noMutation(c.name),
			Config:      c.config,
			ExpectError: regexp.MustCompile("(?s)" + strings.ReplaceAll(c.want, " ", `\s+`)),
		})
	}
	return append(steps, resource.TestStep{
		PreConfig: noMutation("(end)"),
		Config:    okConfig,
		PlanOnly:  true, ExpectNonEmptyPlan: true,
	})
}

// policyIDOf reads a resource's policy_id from the state into *into.
func policyIDOf(addr string, into *int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s is not in the state", addr)
		}
		_, err := fmt.Sscan(rs.Primary.Attributes["policy_id"], into)
		return err
	}
}

// policyHolds checks what Chatwoot holds for an assignment policy.
func policyHolds(api *chatwoot.Client, accountID int64, policyID *int64, check func(p *chatwoot.AssignmentPolicy) error) resource.TestCheckFunc {
	return inChatwoot(func(ctx context.Context) error {
		p, err := api.GetAssignmentPolicy(ctx, accountID, *policyID)
		if err != nil {
			return err
		}
		return check(p)
	})
}

// mockJob calls one of the mock's test-only endpoints with the platform token.
func mockJob(ctx context.Context, env *testEnv, path string, body any) error {
	return env.Fixtures.Do(ctx, "POST", path, testPlatformToken(), body, nil)
}
