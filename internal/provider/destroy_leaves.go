package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// endDeleteLeaving is endDelete for a destroy that removes less than a whole Chatwoot object (a
// binding, a setting, a membership) or whose deletion Chatwoot finishes later in a background job:
// when the request succeeded, it warns with what stays in Chatwoot and why, so that the destroy's
// output says what the user would otherwise have to find out. An object that was already gone
// leaves nothing to tell.
func endDeleteLeaving(diags *diag.Diagnostics, err error, op operation, summary, detail string) {
	if err == nil {
		diags.AddWarning(summary, detail)
		return
	}
	endDelete(diags, err, op)
}
