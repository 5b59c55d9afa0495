package export

import (
	"context"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// listedKind is the shape most kinds share: one list of the account (read once, cached under the
// kind's name), a name for each object from its own text, and its attributes or the reason the
// resource cannot hold it (a refusalError). Export is the Kind's Export.
type listedKind[T any] struct {
	list    func(c *chatwoot.Client, ctx context.Context, accountID int64) ([]T, error)
	id      func(*T) int64
	name    func(*T) string // the base of its Terraform name
	what    func(*T) string // how EXPORT.md names it
	refAttr string          // the attribute other resources refer to
	attrs   func(context.Context, *Session, *T) ([]Attr, error)
}

func (l listedKind[T]) Export(ctx context.Context, s *Session, k *Kind) error {
	items, err := list(ctx, s, k.Name, func(ctx context.Context, a int64) ([]T, error) { return l.list(s.client, ctx, a) })
	if err != nil {
		return err
	}
	byID := make(map[int64]*T, len(items))
	for i := range items {
		byID[l.id(&items[i])] = &items[i]
	}
	ids := sortedIDs(byID)
	names := s.Names(k.Name, ids, func(id int64) string { return l.name(byID[id]) })
	for _, id := range ids {
		attrs, err := l.attrs(ctx, s, byID[id])
		if err != nil {
			if err := s.refuseOr(k, l.what(byID[id]), err); err != nil {
				return err
			}
			continue
		}
		s.Emit(k, id, names[id], l.refAttr, attrs)
	}
	return nil
}

// optional appends the attribute when the value differs from the schema's default.
func optional[V comparable](attrs []Attr, name string, value, schemaDefault V, expr func(V) Expr) []Attr {
	if value == schemaDefault {
		return attrs
	}
	return append(attrs, Attr{name, expr(value)})
}
