package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewMacroListResource lists the global macros of an account as chatwoot_macro.
func NewMacroListResource() list.ListResource {
	return listing(NewMacroResource, accountListResource[chatwoot.Macro, macroModel]{
		plural: "global macros",
		leftOut: "The token's own personal macros, which the list also shows, are left out: `chatwoot_macro` manages global macros only, " +
			"because a personal macro is visible to its author alone.",
		list:   (*chatwoot.Client).ListMacros,
		omit:   func(m *chatwoot.Macro) bool { return m.Visibility != macroGlobal },
		failed: macroErrorDiagnostic,
		id:     func(m *chatwoot.Macro) int64 { return m.ID },
		name:   func(m *chatwoot.Macro) string { return m.Name },
		state:  macroState,
	})
}
