package provider

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	acc "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The kit's updateGone words its error from the kind's noun; these are the texts the macro and
// SLA policy resources wrote out by hand before they used it.
func TestUpdateGone_wordsTheKindsNoun(t *testing.T) {
	for _, tc := range []struct {
		r                resource.Resource
		summary, opening string
	}{
		{NewMacroResource(), "Chatwoot Macro No Longer Exists", "Macro 5 was deleted from account 3 after Terraform last read it"},
		{NewSLAPolicyResource(), "Chatwoot SLA Policy No Longer Exists", "SLA policy 5 was deleted from account 3 after Terraform last read it"},
	} {
		var kit *accountObjectResource
		switch r := tc.r.(type) {
		case *macroResource:
			kit = &r.accountObjectResource
		case *slaPolicyResource:
			kit = &r.accountObjectResource
		}
		var diags diag.Diagnostics
		kit.updateGone(&diags, objectID{3, 5}, errors.New("404"))
		if len(diags) != 1 || diags[0].Summary() != tc.summary || !strings.HasPrefix(diags[0].Detail(), tc.opening) ||
			!strings.HasSuffix(diags[0].Detail(), "creates it anew.\n\nOriginal error: 404") {
			t.Errorf("%T: got %v", tc.r, diags)
		}
	}
}

// The kit's save takes the timeouts block from the request: the plan's on create and update, the
// prior state's on refresh. If it took it from anywhere else, the plan after each apply would not
// be empty (the testing framework fails on that), or the state would hold the wrong durations. A
// change of the timeouts alone is an update that sends Chatwoot nothing.
func TestAccKit_timeoutsBlockIsCarriedFromTheRequest(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	proxy := newRecordingProxy(t, env.BaseURL)
	cfg := func(timeouts string) string {
		return labelConfig(proxy.URL, sc.AdminToken, sc.Account.ID, "  title = \"kit\"\n"+timeouts)
	}
	timeoutsAre := func(create, update knownvalue.Check) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			statecheck.ExpectKnownValue(labelAddr, tfjsonpath.New("timeouts").AtMapKey("create"), create),
			statecheck.ExpectKnownValue(labelAddr, tfjsonpath.New("timeouts").AtMapKey("update"), update),
		}
	}
	acc.ParallelTest(t, acc.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []acc.TestStep{
			{
				Config:            cfg("  timeouts {\n    create = \"5m\"\n    update = \"6m\"\n  }"),
				ConfigStateChecks: timeoutsAre(knownvalue.StringExact("5m"), knownvalue.StringExact("6m")),
			},
			{
				Config:            cfg("  timeouts {\n    create = \"5m\"\n    update = \"7m\"\n  }"),
				ConfigPlanChecks:  expectAction(labelAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: timeoutsAre(knownvalue.StringExact("5m"), knownvalue.StringExact("7m")),
			},
			{
				Config:           cfg(""),
				ConfigPlanChecks: expectAction(labelAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(labelAddr, tfjsonpath.New("timeouts"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					for _, r := range proxy.requests() {
						if r.Method == "PATCH" {
							return fmt.Errorf("a change of the timeouts alone sent %s %s", r.Method, r.Path)
						}
					}
					return nil
				},
			},
		},
	})
}
