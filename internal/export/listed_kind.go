package export

import (
	"context"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// listedKind is the shape most kinds share: one list of the account (read once, cached under the
// kind's name), a name for each object from its own text, and its attributes or the reason the
// resource cannot hold it (a refusalError). Export is the Kind's Export; it is index and emitAll
// (objects.go) for a kind whose list carries everything.
type listedKind[T any] struct {
	list    func(c *chatwoot.Client, ctx context.Context, accountID int64) ([]T, error)
	id      func(*T) int64
	name    func(*T) string // the base of its Terraform name
	what    func(*T) string // how EXPORT.md names it
	refAttr string          // the attribute other resources refer to
	attrs   func(context.Context, *Session, *T) ([]Attr, error)
}

// Export indexes the list and writes each object with emitAll (objects.go).
func (l listedKind[T]) Export(ctx context.Context, s *Session, k *Kind) error {
	items, err := list(ctx, s, k.Name, func(ctx context.Context, a int64) ([]T, error) { return l.list(s.client, ctx, a) })
	if err != nil {
		return err
	}
	return emitAll(s, k, l.refAttr, index(s, k.Name, items, l.id, l.name),
		func(_ int64, o *T) string { return l.what(o) },
		func(_ int64, o *T) ([]Attr, error) { return l.attrs(ctx, s, o) })
}
