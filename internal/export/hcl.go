package export

import (
	"maps"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// Expr is the right-hand side of an attribute: a literal, a reference to another block, a list
// or an object of those.
type Expr interface {
	tokens() hclwrite.Tokens
}

// Attr is one attribute of a block, written in the order a kind lists them.
type Attr struct {
	Name  string
	Value Expr
}

type literal struct{ v cty.Value }

func (l literal) tokens() hclwrite.Tokens { return hclwrite.TokensForValue(l.v) }

// String, Int and Bool are literal values.
func String(s string) Expr { return literal{cty.StringVal(s)} }

// Int is a literal number.
func Int(n int64) Expr { return literal{cty.NumberIntVal(n)} }

// Bool is a literal bool.
func Bool(b bool) Expr { return literal{cty.BoolVal(b)} }

// Ref is a reference such as chatwoot_team.billing.team_id or data.chatwoot_team.billing.id.
type Ref []string

func (r Ref) tokens() hclwrite.Tokens {
	t := hcl.Traversal{hcl.TraverseRoot{Name: r[0]}}
	for _, p := range r[1:] {
		t = append(t, hcl.TraverseAttr{Name: p})
	}
	return hclwrite.TokensForTraversal(t)
}

// List is a list (tuple) of expressions, written on one line.
type List []Expr

func (l List) tokens() hclwrite.Tokens {
	elems := make([]hclwrite.Tokens, len(l))
	for i, e := range l {
		elems[i] = e.tokens()
	}
	return hclwrite.TokensForTuple(elems)
}

// Object is an object expression, for nested attributes such as an automation rule's conditions.
type Object []Attr

func (o Object) tokens() hclwrite.Tokens {
	attrs := make([]hclwrite.ObjectAttrTokens, len(o))
	for i, a := range o {
		attrs[i] = hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForIdentifier(a.Name), Value: a.Value.tokens()}
	}
	return hclwrite.TokensForObject(attrs)
}

// Objects is a list of objects, one per line block, as Terraform writes nested attribute lists.
type Objects []Object

func (l Objects) tokens() hclwrite.Tokens {
	if len(l) == 0 {
		return hclwrite.TokensForTuple(nil)
	}
	toks := hclwrite.Tokens{
		{Type: hclsyntax.TokenOBrack, Bytes: []byte("[")},
		{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")},
	}
	for _, o := range l {
		toks = append(toks, o.tokens()...)
		toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenComma, Bytes: []byte(",")},
			&hclwrite.Token{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")})
	}
	return append(toks, &hclwrite.Token{Type: hclsyntax.TokenCBrack, Bytes: []byte("]")})
}

// Block is a resource, data or other top-level block.
type Block struct {
	Kind     string   // "resource", "data", "import", "variable", "provider", "terraform"
	Labels   []string // e.g. {"chatwoot_team", "billing"}
	Comments []string // lines written above the block, without "# "
	Attrs    []Attr
	Blocks   []Block // nested blocks, such as lifecycle
}

// file renders blocks, separated by blank lines, formatted as terraform fmt would.
func file(blocks []Block) []byte {
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	for i, b := range blocks {
		if i > 0 {
			body.AppendNewline()
		}
		for _, c := range b.Comments {
			body.AppendUnstructuredTokens(hclwrite.Tokens{
				{Type: hclsyntax.TokenComment, Bytes: []byte("# " + c + "\n")},
			})
		}
		writeBlock(body, b)
	}
	return hclwrite.Format(f.Bytes())
}

func writeBlock(parent *hclwrite.Body, b Block) {
	blk := parent.AppendNewBlock(b.Kind, b.Labels)
	body := blk.Body()
	for _, a := range b.Attrs {
		body.SetAttributeRaw(a.Name, a.Value.tokens())
	}
	for _, nested := range b.Blocks {
		writeBlock(body, nested)
	}
}

// sortedKeys returns a map's keys in order, for output that does not depend on map iteration.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
