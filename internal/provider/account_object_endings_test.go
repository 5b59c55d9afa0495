package provider

import (
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
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
