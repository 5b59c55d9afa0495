// Package consul stands in for Terraform's "consul" state backend in the
// project's test build of Terraform 1.14.9: the real one is a nested module
// the Go module proxy does not serve. Every method reports that the backend
// is missing, so a configuration that asks for it fails with a clear error.
package consul

import (
	"github.com/zclconf/go-cty/cty"

	"github.com/hashicorp/terraform/internal/backend"
	"github.com/hashicorp/terraform/internal/configs/configschema"
	"github.com/hashicorp/terraform/internal/states/statemgr"
	"github.com/hashicorp/terraform/internal/tfdiags"
)

// New returns the stand-in; Terraform's backend registry calls it.
func New() backend.Backend { return unavailable{} }

type unavailable struct{}

func (unavailable) diags() tfdiags.Diagnostics {
	return tfdiags.Diagnostics{}.Append(tfdiags.Sourceless(tfdiags.Error,
		"backend consul is not available in this build",
		"This Terraform was built for the provider's acceptance tests without its remote state backends."))
}

func (unavailable) ConfigSchema() *configschema.Block { return &configschema.Block{} }

func (u unavailable) PrepareConfig(v cty.Value) (cty.Value, tfdiags.Diagnostics) { return v, u.diags() }

func (u unavailable) Configure(cty.Value) tfdiags.Diagnostics { return u.diags() }

func (u unavailable) StateMgr(string) (statemgr.Full, tfdiags.Diagnostics) { return nil, u.diags() }

func (u unavailable) DeleteWorkspace(string, bool) tfdiags.Diagnostics { return u.diags() }

func (u unavailable) Workspaces() ([]string, tfdiags.Diagnostics) { return nil, u.diags() }
