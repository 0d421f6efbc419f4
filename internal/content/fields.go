package content

import (
	"fmt"
	"regexp"
	"strconv"
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
	broken   bool // some lines could not be read: a key may be missing only because of that
	// noPlaceholders makes the new brief template's example text an
	// error: set for a brief that is not a draft.
	noPlaceholders bool
}

// placeholder reports the template's example text left in a value.
func (f *fields) placeholder(key, v string, line, col int) {
	if !f.noPlaceholders {
		return
	}
	if text, ok := placeholderFor(key, v); ok {
		what := "the source's " + key
		if key == "summary" {
			what = "the brief's summary"
		}
		f.d.errorf(line, col, "write "+what+" in its place, or set draft: true until it is ready",
			"%q is the example text of the new brief template", text)
	}
}

// readFields checks the keys of the front matter against allowed.
func readFields(r splitResult, d diags, kind string, allowed []string) *fields {
	f := &fields{d: d, kind: kind, line0: r.metaLine - 1, openLine: max(r.openLine, 1),
		values: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}, broken: r.broken}
	if r.meta == nil {
		return f
	}
	for i := 0; i+1 < len(r.meta.Content); i += 2 {
		k, v := r.meta.Content[i], r.meta.Content[i+1]
		name := k.Value
		switch {
		case !contains(allowed, name):
			what, list := "a front matter key for a "+kind, "keys a "+kind+" can have"
			switch kind {
			case "site settings file":
				what, list = "a setting of site.yaml", "settings"
			case "checks setting":
				what, list = "one of the checks", "checks"
			}
			f.d.errorf(f.line(k), k.Column, suggestHint(name, allowed, list),
				"%q is not %s", name, what)
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

// keyPositions is posOf for the page to keep: the place of each key, so
// that the YAML tree can be let go once the front matter is read.
func (f *fields) keyPositions() func(key string) Pos {
	at := make(map[string]Pos, len(f.values))
	for k := range f.values {
		at[k] = f.posOf(k)
	}
	open := Pos{File: f.d.file, Line: f.openLine, Col: 1}
	return func(key string) Pos {
		if p, ok := at[key]; ok {
			return p
		}
		return open
	}
}

func (f *fields) missing(key, example string) {
	if f.broken {
		return // the key may be on a line that could not be read
	}
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
	v := strings.TrimSpace(n.Value)
	t, err := time.Parse(dateLayout, v)
	if err != nil {
		l, c := f.pos(n)
		msg, hint := dateProblem(key, v)
		f.d.errorf(l, c, hint, "%s", msg)
		return time.Time{}, false
	}
	return t, true
}

var looseDate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)

// dateProblem says what is wrong with a date that does not parse: a day
// or month that does not exist, a missing zero, or another order.
func dateProblem(key, v string) (string, string) {
	example := "write the date as year-month-day with hyphens, like: " + key + ": 2026-11-20"
	m := looseDate.FindStringSubmatch(v)
	if m == nil {
		// A date an editor would write in a letter: say it in our form.
		for _, layout := range []string{"2/1/2006", "2.1.2006", "2-1-2006", "2 January 2006", "2 Jan 2006", "January 2, 2006", "January 2 2006", "2006/1/2"} {
			if t, err := time.Parse(layout, v); err == nil {
				example = "write the year first, then the month, then the day: " + key + ": " + t.Format(dateLayout)
				break
			}
		}
		return fmt.Sprintf("%q should be a date like 2026-11-20, not %q", key, v), example
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 {
		return fmt.Sprintf("%q is %s, but there is no month %d", key, v, mo),
			"the month comes second and goes from 01 to 12: " + key + ": 2026-11-20 is 20 November 2026"
	}
	last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > last {
		return fmt.Sprintf("%q is %s, but %s %d has %d days", key, v, time.Month(mo), y, last),
			fmt.Sprintf("check the day: the last day of %s %d is %d-%02d-%02d", time.Month(mo), y, y, mo, last)
	}
	return fmt.Sprintf("%q should have two digits for the month and the day, not %q", key, v),
		fmt.Sprintf("write it as: %s: %d-%02d-%02d", key, y, mo, d)
}

func (f *fields) boolean(key string) bool {
	n, ok := f.scalar(key, "true")
	if !ok {
		return false
	}
	if yes, ok := truth(n.Value); ok {
		return yes
	}
	l, c := f.pos(n)
	f.d.errorf(l, c, "write "+key+": true or "+key+": false", "%q should be true or false, not %q", key, n.Value)
	return false
}

// truth reads a true-or-false value as editors write it; ok is false for
// anything else.
func truth(s string) (yes, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes":
		return true, true
	case "false", "no":
		return false, true
	}
	return false, false
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

// textOf, listOf and dateOf read a key with the limits and example of its
// definition in defs (see schema.go).
func (f *fields) textOf(defs []Field, key string) string {
	fd := fieldOf(defs, key)
	return f.str(key, fd.Required, fd.Max, fd.Example)
}

func (f *fields) listOf(defs []Field, key string) []item {
	return f.list(key, fieldOf(defs, key).Example)
}

func (f *fields) dateOf(defs []Field, key string) (time.Time, bool) {
	return f.date(key, fieldOf(defs, key).Required)
}

// number reads a number, whole or not, from lo to hi; 0 if not given.
func (f *fields) number(key string, lo, hi float64) float64 {
	n, ok := f.scalar(key, "8")
	if !ok {
		return 0
	}
	var v float64
	if err := n.Decode(&v); err != nil || v < lo || v > hi {
		l, c := f.pos(n)
		f.d.errorf(l, c, fmt.Sprintf("write a number from %g to %g, like: %s: 8", lo, hi, key), "%q should be a number from %g to %g, not %q", key, lo, hi, n.Value)
		return 0
	}
	return v
}
