package export

import (
	"context"
	"fmt"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// macroKind: one chatwoot_macro per global macro, named after its name, whose actions are mapped
// as a rule's are (actionObject). The list carries whole macros. Personal macros are refused, as
// the resource refuses them; other users' personal macros are invisible to the token (DESIGN.md
// §6.12), which EXPORT.md says.
var macroKind = &Kind{
	Name:     "macro",
	Resource: "chatwoot_macro",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		s.Note(k, "the personal macros of other users", "Chatwoot shows a personal macro to its author alone, administrators "+
			"included, so this token cannot see them; their authors keep them in Chatwoot's UI")
		return macros.Export(ctx, s, k)
	},
}

var macros = listedKind[chatwoot.Macro]{
	list:    (*chatwoot.Client).ListMacros,
	id:      func(m *chatwoot.Macro) int64 { return m.ID },
	name:    func(m *chatwoot.Macro) string { return m.Name },
	what:    func(m *chatwoot.Macro) string { return fmt.Sprintf("macro %q (macro %d)", m.Name, m.ID) },
	refAttr: "macro_id",
	attrs:   macroAttrs,
}

func macroAttrs(ctx context.Context, s *Session, m *chatwoot.Macro) ([]Attr, error) {
	if m.Visibility != "global" {
		return nil, refuseBecause("it is a personal macro of the token's user; chatwoot_macro manages global macros only, since nobody " +
			"else's token could read, change or delete a personal one")
	}
	if len(m.Actions) == 0 {
		return nil, refuseBecause("it has no actions, and the resource needs at least one")
	}
	actions := make(Objects, 0, len(m.Actions))
	for i, a := range m.Actions {
		act, err := actionObject(ctx, s, i, a, chatwoot.MacroActionNames, chatwoot.MacroActionParams, "chatwoot_macro")
		if err != nil {
			return nil, err
		}
		actions = append(actions, act)
	}
	return []Attr{{"name", String(m.Name)}, {"actions", actions}}, nil
}
