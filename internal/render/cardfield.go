package render

import (
	"html/template"
	"reflect"
	"text/template/parse"
)

// viewMethods are the methods of View whose Go code reads, of pages, only
// the View's own page (and the Site's settings): what they give cannot
// show another page's summary. Any other method is taken to show
// anything.
var viewMethods = map[string]bool{
	"JSONLD": true, "Citation": true, "CiteFiles": true, "AboutEvidence": true, "Rel": true, "Abs": true,
	"Canonical": true, "EditURL": true, "SourceYears": true, "HelpURL": true, "Nav": true, "Body": true,
	"HTML": true, "Latest": true, "Briefs": true,
}

// What a dot or value is, for showsOthers.
const (
	dotView  = iota // the View
	dotShown        // the View's own page
	dotOther        // anything else: another page, a list, a source...
)

// showsOthers says whether the layout t (with base.html and the
// partials) may show the field of a page other than the View's own: a
// page of a list, a related brief, a function. It follows the layout from
// base.html, through each template it calls, knowing what dot is (the
// View, its page, or something else); anything it cannot follow (a
// variable, a method not in viewMethods, a value of a function) counts as
// another page, so an answer of false is sure.
func showsOthers(t *template.Template, field string) bool {
	a := &cardReads{t: t, field: field, seen: map[[2]any]bool{}}
	a.template("base", dotView)
	return a.found
}

type cardReads struct {
	t     *template.Template
	field string
	seen  map[[2]any]bool // templates followed, with the kind of their dot
	found bool
}

func (a *cardReads) template(name string, dot int) {
	if a.found || a.seen[[2]any{name, dot}] {
		return
	}
	a.seen[[2]any{name, dot}] = true
	tt := a.t.Lookup(name)
	if tt == nil || tt.Tree == nil {
		a.found = true // a template it cannot see
		return
	}
	a.list(tt.Tree.Root, dot)
}

func (a *cardReads) list(l *parse.ListNode, dot int) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		a.node(n, dot)
	}
}

func (a *cardReads) node(n parse.Node, dot int) {
	switch n := n.(type) {
	case *parse.ActionNode:
		a.pipe(n.Pipe, dot)
	case *parse.IfNode:
		a.pipe(n.Pipe, dot)
		a.list(n.List, dot)
		a.list(n.ElseList, dot)
	case *parse.RangeNode:
		a.pipe(n.Pipe, dot)
		a.list(n.List, dotOther) // an element of a list
		a.list(n.ElseList, dot)
	case *parse.WithNode:
		inner := a.pipe(n.Pipe, dot)
		a.list(n.List, inner)
		a.list(n.ElseList, dot)
	case *parse.TemplateNode:
		inner := dot
		if n.Pipe != nil {
			inner = a.pipe(n.Pipe, dot)
		}
		a.template(n.Name, inner)
	}
}

// pipe notes what a pipeline reads and says what its value is.
func (a *cardReads) pipe(p *parse.PipeNode, dot int) int {
	if p == nil {
		return dot
	}
	kind := dotOther
	for _, c := range p.Cmds {
		kind = a.command(c, dot)
	}
	if len(p.Decl) > 0 {
		return dotOther // held in a variable, which is not followed
	}
	return kind
}

// command notes what a command reads and says what its value is.
func (a *cardReads) command(c *parse.CommandNode, dot int) int {
	kind := dotOther
	for i, arg := range c.Args {
		k := a.arg(arg, dot)
		if i == 0 {
			kind = k
		}
	}
	if len(c.Args) > 1 {
		return dotOther // a function's or method's value
	}
	return kind
}

// arg notes what one argument reads and says what it is.
func (a *cardReads) arg(n parse.Node, dot int) int {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return a.chain(dot, n.Ident)
	case *parse.VariableNode:
		if len(n.Ident) > 0 && n.Ident[0] == "$" {
			return a.chain(dotView, n.Ident[1:])
		}
		return a.chain(dotOther, n.Ident[1:])
	case *parse.ChainNode:
		return a.chain(a.arg(n.Node, dot), n.Field)
	case *parse.PipeNode:
		return a.pipe(n, dot)
	}
	return dotOther // a constant, a function's name
}

var viewType = reflect.TypeOf((*View)(nil))

// chain follows .A.B.C from a value of kind, noting a read of the field
// on another page, and says what the end is.
func (a *cardReads) chain(kind int, idents []string) int {
	for _, id := range idents {
		switch {
		case kind == dotView && id == "Page":
			kind = dotShown
		case kind == dotView:
			if _, isMethod := viewType.MethodByName(id); isMethod && !viewMethods[id] {
				a.found = true
			}
			kind = dotOther
		case kind == dotOther && id == a.field:
			a.found = true
		default:
			kind = dotOther
		}
	}
	return kind
}
