package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The shape every kind shares: a list indexed by id and named once, then one block per object
// in id order, with only the values that differ from the schema's defaults.

// indexed is a kind's objects by id, their ids in order, and the names the export gives them.
type indexed[T any] struct {
	ids   []int64
	byID  map[int64]*T
	names map[int64]string
}

// index names items in namespace after base(item); id is each item's id.
func index[T any](s *Session, namespace string, items []T, id func(*T) int64, base func(*T) string) indexed[T] {
	byID := make(map[int64]*T, len(items))
	for i := range items {
		byID[id(&items[i])] = &items[i]
	}
	ids := sortedIDs(byID)
	return indexed[T]{ids, byID, s.Names(namespace, ids, func(id int64) string { return base(byID[id]) })}
}

// indexIfServerHas reads and indexes a list that only some Chatwoot versions or builds have. ok
// is false when there is nothing to export: err is then the error to stop on, or nil when the
// server answers the list's route with Rails' routing 404, which is noted for k as lacking what.
func indexIfServerHas[T any](ctx context.Context, s *Session, k *Kind, namespace, what string, read func(context.Context, int64) ([]T, error),
	id func(*T) int64, base func(*T) string) (indexed[T], bool, error) {
	items, err := list(ctx, s, namespace, read)
	if err != nil {
		if !chatwoot.IsRouteNotFound(err) {
			return indexed[T]{}, false, err
		}
		s.Note(k, "all "+k.plural(), fmt.Sprintf("the Chatwoot server has no %s: it answers their routes with Not Found, so there is nothing to export", what))
		return indexed[T]{}, false, nil
	}
	return index(s, namespace, items, id, base), true, nil
}

// emitAll writes one resource per object, in id order. attrs returns the object's attributes;
// nil leaves the object out silently, and a refusal (refuseBecause) is recorded under what(object).
func emitAll[T any](s *Session, k *Kind, refAttr string, objs indexed[T], what func(id int64, o *T) string,
	attrs func(id int64, o *T) ([]Attr, error)) error {
	for _, id := range objs.ids {
		o := objs.byID[id]
		a, err := attrs(id, o)
		if err != nil {
			if err := s.refuseOr(k, what(id, o), err); err != nil {
				return err
			}
			continue
		}
		if a != nil {
			s.Emit(k, id, objs.names[id], refAttr, a)
		}
	}
	return nil
}

// named is how EXPORT.md names an object: `agent bot "Triage" (agent bot 4)`.
func named(noun, name string, id int64) string {
	return fmt.Sprintf("%s %q (%s %d)", noun, name, noun, id)
}

// attrList collects a block's or an object's attributes, leaving out the values equal to the
// schema's defaults.
type attrList []Attr

func (l *attrList) add(name string, v Expr) { *l = append(*l, Attr{name, v}) }

func (l *attrList) str(name, v, def string) {
	if v != def {
		l.add(name, String(v))
	}
}

func (l *attrList) boolean(name string, v, def bool) {
	if v != def {
		l.add(name, Bool(v))
	}
}

func (l *attrList) integer(name string, v, def int64) {
	if v != def {
		l.add(name, Int(v))
	}
}

// optStr and optInt write an attribute without a default (null when omitted) when it is set.
func (l *attrList) optStr(name string, v *string) {
	if v != nil {
		l.add(name, String(*v))
	}
}

func (l *attrList) optInt(name string, v *int64) {
	if v != nil {
		l.add(name, Int(*v))
	}
}

// exportedOr refers to an object of objs: the resource of the kind when this export wrote it,
// otherwise a data source of dataType that finds it by name.
func exportedOr[T any](s *Session, kind, dataType string, objs indexed[T], name func(*T) string) func(context.Context, int64) (Expr, error) {
	return func(_ context.Context, id int64) (Expr, error) {
		if r, ok := s.Exported(kind, id); ok {
			return r, nil
		}
		o := objs.byID[id]
		if o == nil {
			return nil, unresolved(strings.ReplaceAll(kind, "_", " "), id)
		}
		return s.Lookup(dataType, objs.names[id], "id", Attr{"name", String(name(o))}), nil
	}
}
