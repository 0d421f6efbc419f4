package content

import (
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fields reads the front matter of one file into typed values, reporting
// every problem with the position of the key or value concerned.
type fields struct {
	d        diags
	kind     string // "brief", "function", ...: used in messages
	line0    int    // add to a YAML line to get the file line
	openLine int    // where the front matter starts, for "missing" errors
	values   map[string]*yaml.Node
	keys     map[string]*yaml.Node
}

// readFields checks the keys of the front matter against allowed.
func readFields(r splitResult, d diags, kind string, allowed []string) *fields {
	f := &fields{d: d, kind: kind, line0: r.metaLine - 1, openLine: max(r.openLine, 1),
		values: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
	if r.meta == nil {
		return f
	}
	for i := 0; i+1 < len(r.meta.Content); i += 2 {
		k, v := r.meta.Content[i], r.meta.Content[i+1]
		name := k.Value
		switch {
		case !contains(allowed, name):
			f.d.errorf(f.line(k), k.Column, suggestHint(name, allowed, "keys a "+kind+" can have"),
				"%q is not a front matter key for a %s", name, kind)
		case f.keys[name] != nil:
			f.d.errorf(f.line(k), k.Column, "keep one of them and delete the other",
				"%q is given twice; the first is on line %d", name, f.line(f.keys[name]))
		default:
			f.keys[name], f.values[name] = k, v
		}
	}
	return f
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (f *fields) line(n *yaml.Node) int { return f.line0 + n.Line }

func (f *fields) pos(n *yaml.Node) (int, int) { return f.line(n), n.Column }

func (f *fields) posOf(key string) Pos {
	if n := f.values[key]; n != nil {
		return Pos{File: f.d.file, Line: f.line(n), Col: n.Column}
	}
	return Pos{File: f.d.file, Line: f.openLine, Col: 1}
}

func (f *fields) missing(key, example string) {
	f.d.errorf(f.openLine, 1, "add a line such as: "+key+": "+example,
		"the front matter is missing %q", key)
}

// scalar returns the value node of key if it is a single value.
func (f *fields) scalar(key, example string) (*yaml.Node, bool) {
	n := f.values[key]
	if n == nil {
		return nil, false
	}
	if n.Kind != yaml.ScalarNode {
		l, c := f.pos(n)
		f.d.errorf(l, c, "write it on one line, like: "+key+": "+example,
			"%q should be a single value, not a list", key)
		return nil, false
	}
	return n, true
}

// str reads a text value. maxLen counts characters; 0 means no limit.
func (f *fields) str(key string, required bool, maxLen int, example string) string {
	n, ok := f.scalar(key, example)
	if !ok {
		if required && f.values[key] == nil {
			f.missing(key, example)
		}
		return ""
	}
	s := strings.TrimSpace(n.Value)
	if n.Tag == "!!null" { // "title:" with nothing after it, or "~"
		s = ""
	}
	l, c := f.pos(n)
	if s == "" && required {
		f.d.errorf(l, c, "write it after the colon, like: "+key+": "+example, "%q is empty", key)
	}
	if maxLen > 0 {
		if n := utf8.RuneCountInString(s); n > maxLen {
			f.d.errorf(l, c, "shorten it; the text of the page can say more",
				"%q is %d characters long; the most is %d", key, n, maxLen)
		}
	}
	return s
}

// item is one value of a list, with where it was written.
type item struct {
	Value string
	Pos   Pos
}

// list reads a list of text values. A single value is taken as a list of
// one, because that is what an editor who writes "functions: capacity"
// means.
func (f *fields) list(key, example string) []item {
	n := f.values[key]
	if n == nil {
		return nil
	}
	var nodes []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
			return nil
		}
		nodes = []*yaml.Node{n}
	case yaml.SequenceNode:
		nodes = n.Content
	default:
		l, c := f.pos(n)
		f.d.errorf(l, c, "write it like: "+key+": "+example, "%q should be a list", key)
		return nil
	}
	var out []item
	for _, v := range nodes {
		l, c := f.pos(v)
		if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
			f.d.errorf(l, c, "write it like: "+key+": "+example, "each item of %q should be a single word or phrase", key)
			continue
		}
		out = append(out, item{Value: strings.TrimSpace(v.Value), Pos: Pos{File: f.d.file, Line: l, Col: c}})
	}
	return out
}

const dateLayout = "2006-01-02"

// date reads a YYYY-MM-DD date.
func (f *fields) date(key string, required bool) (time.Time, bool) {
	n, ok := f.scalar(key, "2026-11-20")
	if !ok {
		if required && f.values[key] == nil {
			f.missing(key, "2026-11-20")
		}
		return time.Time{}, false
	}
	t, err := time.Parse(dateLayout, strings.TrimSpace(n.Value))
	if err != nil {
		l, c := f.pos(n)
		f.d.errorf(l, c, "write the date as year-month-day with hyphens, like: "+key+": 2026-11-20",
			"%q should be a date like 2026-11-20, not %q", key, n.Value)
		return time.Time{}, false
	}
	return t, true
}

func (f *fields) boolean(key string) bool {
	n, ok := f.scalar(key, "true")
	if !ok {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "true", "yes":
		return true
	case "false", "no":
		return false
	}
	l, c := f.pos(n)
	f.d.errorf(l, c, "write "+key+": true or "+key+": false", "%q should be true or false, not %q", key, n.Value)
	return false
}

func (f *fields) integer(key string) (int, bool) {
	n, ok := f.scalar(key, "1")
	if !ok {
		return 0, false
	}
	var v int
	if err := n.Decode(&v); err != nil {
		l, c := f.pos(n)
		f.d.errorf(l, c, "write a whole number, like: "+key+": 2", "%q should be a whole number, not %q", key, n.Value)
		return 0, false
	}
	return v, true
}
