package render

import (
	"html/template"
	"slices"
	"text/template/parse"
)

// countsTopics says whether the layout t (with base.html and the
// partials) reads of a list of topics, the field at the path ("Site",
// "Nations"; "Topics", the View's), only each topic's slug, name and
// address and how many briefs it has: the list is counted ("len
// .Site.Nations"), tested ("if .Site.Nations") or ranged over with a body
// that reads of each topic only .Slug, .Name, .URL and "len .Briefs". Then the layout shows
// no brief's card through it, and its fingerprint takes only those facts
// of each topic. Any other use (handed on, a brief picked out, "with")
// says false.
func countsTopics(t *template.Template, field ...string) bool {
	ok := true
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			ok = ok && topicUses(tt.Tree.Root, field)
		}
	}
	return ok
}

// isField says whether n is the field (.Site.Nations) or the same from $.
func isField(n parse.Node, field []string) bool {
	var ident []string
	switch n := n.(type) {
	case *parse.FieldNode:
		ident = n.Ident
	case *parse.VariableNode:
		if len(n.Ident) == 0 || n.Ident[0] != "$" {
			return false
		}
		ident = n.Ident[1:]
	default:
		return false
	}
	return slices.Equal(ident, field)
}

// named says whether n, anywhere in it, names the field.
func named(n parse.Node, field []string) bool {
	found := false
	visit(n, func(m parse.Node) {
		found = found || isField(m, field) || mentions(m, field)
	})
	return found
}

// mentions catches a chain that goes through the field (.Site.Nations.X).
func mentions(n parse.Node, field []string) bool {
	f, ok := n.(*parse.FieldNode)
	return ok && len(f.Ident) > len(field) && slices.Equal(f.Ident[:len(field)], field)
}

// topicUses checks every node under n (see countsTopics).
func topicUses(n parse.Node, field []string) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !topicUses(c, field) {
				return false
			}
		}
		return true
	case *parse.RangeNode:
		if len(n.Pipe.Cmds) == 1 && len(n.Pipe.Cmds[0].Args) == 1 && isField(n.Pipe.Cmds[0].Args[0], field) {
			return countsEach(n.List) && topicUses(n.ElseList, field)
		}
		return pipeUses(n.Pipe, field) && topicUses(n.List, field) && topicUses(n.ElseList, field)
	case *parse.IfNode:
		if len(n.Pipe.Cmds) == 1 && len(n.Pipe.Cmds[0].Args) == 1 && isField(n.Pipe.Cmds[0].Args[0], field) {
			return topicUses(n.List, field) && topicUses(n.ElseList, field)
		}
		return pipeUses(n.Pipe, field) && topicUses(n.List, field) && topicUses(n.ElseList, field)
	case *parse.WithNode:
		return pipeUses(n.Pipe, field) && topicUses(n.List, field) && topicUses(n.ElseList, field)
	case *parse.ActionNode:
		return pipeUses(n.Pipe, field)
	case *parse.TemplateNode:
		return n.Pipe == nil || pipeUses(n.Pipe, field)
	}
	return !named(n, field)
}

// pipeUses says whether a pipeline names the field only as the argument
// of len.
func pipeUses(p *parse.PipeNode, field []string) bool {
	if p == nil {
		return true
	}
	for _, c := range p.Cmds {
		lenOf := len(c.Args) == 2 && isIdent(c.Args[0], "len")
		for i, a := range c.Args {
			switch {
			case lenOf && i == 1 && isField(a, field):
			case isField(a, field) || mentions(a, field):
				return false
			case named(a, field):
				if sub, ok := a.(*parse.PipeNode); !ok || !pipeUses(sub, field) {
					return false
				}
			}
		}
	}
	return true
}

// countsEach says whether a range body reads of its dot (a topic) only
// .Slug, .Name, .URL and len .Briefs, and changes dot nowhere.
func countsEach(l *parse.ListNode) bool {
	ok := true
	var check func(n parse.Node)
	check = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.DotNode, *parse.RangeNode, *parse.WithNode, *parse.TemplateNode, *parse.ChainNode:
			ok = false
		case *parse.CommandNode:
			if len(n.Args) == 2 && isIdent(n.Args[0], "len") {
				if f, isF := n.Args[1].(*parse.FieldNode); isF && len(f.Ident) == 1 && f.Ident[0] == "Briefs" {
					return
				}
			}
			for _, a := range n.Args {
				check(a)
			}
			return
		case *parse.FieldNode:
			if len(n.Ident) != 1 || (n.Ident[0] != "Slug" && n.Ident[0] != "Name" && n.Ident[0] != "URL") {
				ok = false
			}
			return
		}
		children(n, check)
	}
	check(l)
	return ok
}

func isIdent(n parse.Node, name string) bool {
	id, ok := n.(*parse.IdentifierNode)
	return ok && id.Ident == name
}

// visit calls f on n and every node under it.
func visit(n parse.Node, f func(parse.Node)) {
	f(n)
	children(n, func(c parse.Node) { visit(c, f) })
}

// children calls f on each node directly under n.
func children(n parse.Node, f func(parse.Node)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				f(c)
			}
		}
	case *parse.ActionNode:
		f(n.Pipe)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				f(c)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			f(a)
		}
	case *parse.IfNode:
		branch(&n.BranchNode, f)
	case *parse.RangeNode:
		branch(&n.BranchNode, f)
	case *parse.WithNode:
		branch(&n.BranchNode, f)
	case *parse.TemplateNode:
		if n.Pipe != nil {
			f(n.Pipe)
		}
	case *parse.ChainNode:
		f(n.Node)
	}
}

func branch(b *parse.BranchNode, f func(parse.Node)) {
	f(b.Pipe)
	f(b.List)
	if b.ElseList != nil {
		f(b.ElseList)
	}
}
