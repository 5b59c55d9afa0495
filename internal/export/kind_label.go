package export

import (
	"context"
	"fmt"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// labelKind: one chatwoot_label per label, named after its title. The schema's defaults are
// description "", color chatwoot.DefaultLabelColor and show_on_sidebar false (which a label
// Chatwoot holds without the setting reads as); those values are omitted. Rules and macros refer
// to labels by title: LabelRef.
var labelKind = &Kind{
	Name:     "label",
	Resource: "chatwoot_label",
	Export: listedKind[chatwoot.Label]{
		list:    (*chatwoot.Client).ListLabels,
		id:      func(l *chatwoot.Label) int64 { return l.ID },
		name:    func(l *chatwoot.Label) string { return l.Title },
		what:    func(l *chatwoot.Label) string { return fmt.Sprintf("label %q (label %d)", l.Title, l.ID) },
		refAttr: "title",
		attrs:   labelAttrs,
	}.Export,
}

func labelAttrs(_ context.Context, _ *Session, l *chatwoot.Label) ([]Attr, error) {
	// Chatwoot 4.15.1 lets a trailing newline through its title check, and checks no colour.
	if chatwoot.LabelTitle(l.Title) != l.Title || !chatwoot.LabelTitlePattern.MatchString(l.Title) {
		return nil, refuseBecause("its title %q is not one chatwoot_label accepts (lowercase letters, digits, underscores and hyphens)", l.Title)
	}
	if !chatwoot.LabelColorPattern.MatchString(l.Color) {
		return nil, refuseBecause("its colour %q is not written as #rrggbb, which chatwoot_label requires", l.Color)
	}
	a := attrList{{"title", String(l.Title)}}
	a.str("description", l.Description, "")
	a.str("color", l.Color, chatwoot.DefaultLabelColor)
	a.boolean("show_on_sidebar", l.ShowOnSidebar != nil && *l.ShowOnSidebar, false)
	return a, nil
}

// labels is the account's label list, the one labelKind exported.
func (s *Session) labels(ctx context.Context) ([]chatwoot.Label, error) {
	return list(ctx, s, labelKind.Name, func(ctx context.Context, a int64) ([]chatwoot.Label, error) { return s.client.ListLabels(ctx, a) })
}
