package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// YAML as editors write it. yaml.v3 speaks of "mapping values" and
// "tokens", gives a line only some of the time and a column never, so
// decodeYAML first reads the text line by line for the mistakes editors
// make (a colon in a title, curly quotation marks from Word, a tab, an
// invisible character, an unclosed list or quotation mark), says each in
// plain words at its line and column, and repairs a copy of the text so
// that the rest can still be read. Only then does yaml.v3 decode it; an
// error it still finds is reworded by explainYAML. Every step reads each
// line a fixed number of times, so the cost is linear in the text.

// yamlDoc is decoded YAML text and what reading it found.
type yamlDoc struct {
	node     *yaml.Node // the top node, nil when nothing could be read
	repaired bool       // some lines were changed or left out to read the rest
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// keyLine matches "  - key: value" and "key: value", as the regular
// expression ^( *)(- +)?([A-Za-z_][A-Za-z0-9_ -]*?):([ \t]+|$)(.*)$ does
// (FindStringSubmatch): the line, its indent, an optional list dash, the
// key, the space after the colon, and the rest; nil if it does not match.
// It is written out because it runs on every line of front matter (a test
// holds it to the expression).
func keyLine(s string) []string {
	indent, dash, k := lineStart(s)
	if k == len(s) || !(isUpper(s[k]) || 'a' <= s[k] && s[k] <= 'z' || s[k] == '_') {
		return nil
	}
	j := k + 1
	for j < len(s) && (isWordByte(s[j]) || s[j] == ' ' || s[j] == '-') {
		j++
	}
	if j == len(s) || s[j] != ':' {
		return nil
	}
	w := j + 1
	for w < len(s) && (s[w] == ' ' || s[w] == '\t') {
		w++
	}
	if w == j+1 && w != len(s) || strings.IndexByte(s[w:], '\n') >= 0 {
		return nil
	}
	return []string{s, indent, dash, s[k:j], s[j+1 : w], s[w:]}
}

// noSpaceLine matches "title:Housing", a key with no space after its
// colon, as ^( *)(- +)?([a-z_]+):([^\s:/].*)$ does (FindStringSubmatch).
func noSpaceLine(s string) []string {
	indent, dash, k := lineStart(s)
	j := k
	for j < len(s) && ('a' <= s[j] && s[j] <= 'z' || s[j] == '_') {
		j++
	}
	if j == k || j+1 >= len(s) || s[j] != ':' || strings.IndexByte("\t\n\f\r :/", s[j+1]) >= 0 ||
		strings.IndexByte(s[j+1:], '\n') >= 0 {
		return nil
	}
	return []string{s, indent, dash, s[k:j], s[j+1:]}
}

// lineStart splits off a line's indent and a list item's dash and the
// spaces after it: where a key would start. (No shorter indent or dash
// could start one: a key starts with neither a space nor a dash.)
func lineStart(s string) (indent, dash string, key int) {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	if j < len(s) && s[j] == '-' {
		j++
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j == i+1 {
			j = i // a dash with no space after it is no list item
		}
	}
	return s[:i], s[i:j], j
}

// decodeYAML reads text whose first line is file line line1, reporting
// through d. what names the text for messages ("the front matter",
// "site.yaml").
func decodeYAML(text []byte, line1 int, d diags, what string) yamlDoc {
	lines := strings.SplitAfter(string(text), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	l := &yamlLinter{d: d, line1: line1, what: what, reported: map[int]bool{}, block: -1, plainIndent: -1, shifts: map[int]lineShift{}}
	fixed := make([]string, len(lines))
	for i, ln := range lines {
		fixed[i] = l.line(i, ln, lines)
	}
	var doc yamlDoc
	doc.repaired = len(l.reported) > 0
	// Only yaml.v3's first error is reported, and only when the line checks
	// found nothing: after a line is mended or left out, what it finds
	// next is most often an echo. Fixing the first shows the next.
	for attempt := 0; attempt < 8; attempt++ {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(strings.Join(fixed, "")), &n)
		if err == nil {
			if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
				doc.node = n.Content[0]
			} else if n.Kind != 0 {
				doc.node = &n
			}
			l.unshift(doc.node)
			return doc
		}
		doc.repaired = true
		idx := l.explain(err.Error(), fixed, attempt == 0 && len(l.reported) == 0)
		if idx < 0 || idx >= len(fixed) || strings.TrimSpace(fixed[idx]) == "" {
			return doc
		}
		fixed[idx] = "\n" // leave the line out and read the rest
	}
	return doc
}

type yamlLinter struct {
	d        diags
	line1    int
	what     string
	reported map[int]bool // line indexes with an error already

	block       int    // indent of the key whose value is a | or > text, -1 if none
	plainKey    string // key whose plain value may go on over the next lines
	plainIndent int    // its indent, -1 if none

	shifts map[int]lineShift // lines the checks repaired, by index: how their columns moved

	levels []level      // the indents of the keys and list items the line may belong to
	lists  map[int]bool // indents at which a "- " list is open
	opened bool         // the last key line has no value, so the next line may go deeper
}

// lineShift is how a repaired line's columns moved: those before value
// (the repaired line's column of the value) by lead, the others by total.
type lineShift struct {
	lead, total, value int
}

// unshift puts the nodes read from the repaired lines back at their
// columns in the lines as written, so that every problem found later in
// the values is told where the editor sees it.
func (l *yamlLinter) unshift(n *yaml.Node) {
	if n == nil {
		return
	}
	if sh, ok := l.shifts[n.Line-1]; ok { // yaml.v3 counts lines from 1
		if n.Column >= sh.value {
			n.Column -= sh.total
		} else {
			n.Column -= sh.lead
		}
		n.Column = max(1, n.Column)
	}
	for _, c := range n.Content {
		l.unshift(c)
	}
}

// level is one indent in use, and the line that set it.
type level struct {
	indent int
	line   string
}

func (l *yamlLinter) errorAt(i, col int, hint, format string, args ...any) {
	l.reported[i] = true
	l.d.errorf(l.line1+i, col, hint, format, args...)
}

// line checks one line and returns it repaired, with the same number of
// line ends, so that later positions stay right.
func (l *yamlLinter) line(i int, raw string, all []string) string {
	end := ""
	body := raw
	if strings.HasSuffix(body, "\n") {
		body, end = body[:len(body)-1], "\n"
		if strings.HasSuffix(body, "\r") {
			body, end = body[:len(body)-1], "\r\n"
		}
	}
	body = l.invisibles(i, body)
	if strings.TrimSpace(body) == "" {
		return body + end
	}
	ind := len(body) - len(strings.TrimLeft(body, " "))
	if l.block >= 0 {
		if ind > l.block {
			return body + end // the text of a | or > value: anything goes
		}
		l.block = -1
	}
	if strings.HasPrefix(strings.TrimLeft(body, " "), "#") {
		return body + end
	}
	if l.plainIndent >= 0 && ind > l.plainIndent && !strings.HasPrefix(strings.TrimLeft(body, " "), "- ") {
		// A plain value going on over lines: a colon or " #" in it
		// changes what YAML reads, as on the first line.
		t := strings.TrimLeft(body, " ")
		fixed := l.continuation(i, l.plainKey, t, ind+1)
		return body[:ind] + fixed + end
	}
	l.plainIndent = -1
	// shift is how many characters the repairs below put before the
	// value, so that a problem in the value is told at its column in the
	// line as written.
	shift, lead := 0, 0 // lead: how many of them are before the key
	if strings.HasPrefix(body, "\t") || strings.HasPrefix(strings.TrimLeft(body, " "), "\t") {
		col := utf8.RuneCountInString(body[:strings.IndexByte(body, '\t')]) + 1
		l.errorAt(i, col, "indent with spaces, not a tab: delete the tab and type spaces",
			"this line is indented with a tab, which YAML does not allow")
		ws := body[:len(body)-len(strings.TrimLeft(body, " \t"))]
		tabs := strings.Count(ws, "\t") // each becomes two spaces
		shift, lead = shift+tabs, lead+tabs
		body = strings.ReplaceAll(ws, "\t", "  ") + strings.TrimLeft(body, " \t")
	}
	if m := noSpaceLine(body); m != nil && !strings.HasPrefix(m[4], ":") {
		col := utf8.RuneCountInString(m[1]+m[2]+m[3]) + 1 - shift
		l.errorAt(i, col, fmt.Sprintf("write it as: %s: %s", m[3], m[4]),
			"there is no space after the colon in %q", m[3]+":"+firstWords(m[4]))
		body = m[1] + m[2] + m[3] + ": " + m[4]
		shift++
	}
	if t := strings.TrimLeft(body, " "); strings.HasPrefix(t, "- ") || t == "-" {
		if !l.listItem(i, ind) {
			return end
		}
	} else if l.lists != nil {
		for k := range l.lists {
			if k > ind {
				delete(l.lists, k)
			}
		}
	}
	m := keyLine(body)
	if m == nil {
		if len(body)-len(strings.TrimLeft(body, " ")) == 0 && !strings.HasPrefix(body, "- ") && body != "-" &&
			!strings.HasPrefix(body, "---") && !strings.HasPrefix(body, "...") && !l.continues(i, all) {
			l.errorAt(i, 1, "start it with a key and a colon, like  title: My page; if it goes on from the line above, indent it with two spaces",
				"this line has no key: %q", firstWords(body))
			return end
		}
		return body + end
	}
	key, value := m[3], m[5]
	if want := l.indentation(i, len(m[1]), len(m[1])+len(m[2]), m[2] != "", body, strings.TrimSpace(value) == ""); want != len(m[1]) {
		shift, lead = shift+want-len(m[1]), lead+want-len(m[1])
		body = strings.Repeat(" ", want) + strings.TrimLeft(body, " ")
		if m = keyLine(body); m == nil {
			return body + end
		}
	}
	valueCol := utf8.RuneCountInString(body[:len(body)-len(value)]) + 1 - shift
	if shift != 0 || lead != 0 {
		l.shifts[i] = lineShift{lead: lead, total: shift, value: valueCol + shift}
	}
	indent := m[1] + m[2]
	fixedValue := l.value(i, key, value, valueCol, indent, all)
	v := strings.TrimSpace(value)
	switch {
	case strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">"):
		l.block = len(m[1])
		if m[2] != "" {
			l.block += len(m[2])
		}
	case v != "" && !strings.ContainsRune(`"'[{`, rune(v[0])):
		l.plainKey, l.plainIndent = key, len(m[1])
		if m[2] != "" {
			l.plainIndent += len(m[2])
		}
	}
	return body[:len(body)-len(value)] + fixedValue + end
}

// indentation checks that a key line lines up with a key or list item
// above it, or goes one level deeper under a key with no value.
func (l *yamlLinter) indentation(i, ind, keyCol int, dash bool, body string, empty bool) int {
	defer func() { l.opened = empty }()
	if len(l.levels) == 0 {
		l.levels = []level{{0, body}}
		if ind > 0 {
			l.errorAt(i, 1, "take away the spaces before it: the first key starts at the beginning of its line",
				"this line is indented, but no line above it holds it")
			if dash {
				l.levels = append(l.levels, level{keyCol - ind, strings.TrimLeft(strings.TrimSpace(body), "- ")})
			}
			return 0
		}
	}
	top := l.levels[len(l.levels)-1]
	if ind > top.indent && l.opened {
		l.levels = append(l.levels, level{ind, body})
		if dash {
			l.levels = append(l.levels, level{keyCol, body})
		}
		return ind
	}
	// The nearest indent in use is most likely the one meant.
	best := top
	for _, lv := range l.levels {
		if abs(lv.indent-ind) < abs(best.indent-ind) || (abs(lv.indent-ind) == abs(best.indent-ind) && lv.indent > best.indent) {
			best = lv
		}
	}
	if best.indent != ind {
		msg := "this line does not line up with the lines above it"
		if ind > top.indent {
			msg = "this line is indented further than the line above it, which has a value already"
		}
		l.errorAt(i, 1, fmt.Sprintf("indent it with %d spaces, to line up with %q above", best.indent, strings.TrimSpace(best.line)), "%s", msg)
		ind = best.indent
	}
	for len(l.levels) > 1 && l.levels[len(l.levels)-1].indent > ind {
		l.levels = l.levels[:len(l.levels)-1]
	}
	if dash {
		l.levels = append(l.levels, level{keyCol, strings.TrimLeft(strings.TrimSpace(body), "- ")})
	}
	return ind
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// listItem checks that a "- " line belongs to a list: under a key with
// nothing after its colon, or lined up with the item before it.
func (l *yamlLinter) listItem(i, ind int) bool {
	if l.lists == nil {
		l.lists = map[int]bool{}
	}
	if l.opened || l.lists[ind] {
		l.lists[ind] = true
		return true
	}
	l.errorAt(i, ind+1, "put a list under a key with nothing after its colon, each item on its own line, like:\n      topics:\n        - housing",
		"this list item does not belong to a key: the line above it has a value already")
	return false
}

// continues reports whether line i goes on from a multi-line value above
// it: a block scalar (| or >), or a plain or quoted value over several
// lines. Such lines are indented, except inside quotation marks.
func (l *yamlLinter) continues(i int, all []string) bool {
	for j := i - 1; j >= 0; j-- {
		t := strings.TrimSpace(all[j])
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		m := keyLine(strings.TrimRight(all[j], "\r\n"))
		if m == nil {
			return false
		}
		v := strings.TrimSpace(m[5])
		return strings.Count(v, `"`)%2 == 1 || (strings.HasPrefix(v, "'") && strings.Count(v, "'")%2 == 1) ||
			strings.HasPrefix(v, "[") && !strings.Contains(v, "]")
	}
	return false
}

// invisibles names each invisible character of a line, and returns the
// line with them made plain spaces (zero-width ones removed).
func (l *yamlLinter) invisibles(i int, body string) string {
	var out strings.Builder
	changed := false
	col := 0
	for j, r := range body {
		col++
		name, bad := invisibleName(r)
		if !bad {
			out.WriteRune(r)
			continue
		}
		changed = true
		before := strings.TrimSpace(body[:j])
		where := "at the start of the line"
		if before != "" {
			where = "after " + strconv.Quote(lastWords(before))
		}
		l.errorAt(i, col, "delete it and type an ordinary space if one is needed; it often comes in when text is pasted from Word or a web page",
			"there is %s %s", name, where)
		if strings.Contains(name, "space") || r == '\u00a0' {
			out.WriteByte(' ')
		}
	}
	if !changed {
		return body
	}
	return out.String()
}
