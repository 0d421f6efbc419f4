package content

import (
	"bytes"
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

var (
	yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	// keyLineRe matches "  - key: value" and "key: value": indent, an
	// optional list dash, the key, and the rest after the colon.
	keyLineRe = regexp.MustCompile(`^( *)(- +)?([A-Za-z_][A-Za-z0-9_ -]*?):([ \t]+|$)(.*)$`)
	// noSpaceRe matches "title:Housing", a key with no space after its colon.
	noSpaceRe = regexp.MustCompile(`^( *)(- +)?([a-z_]+):([^\s:/].*)$`)
)

// decodeYAML reads text whose first line is file line line1, reporting
// through d. what names the text for messages ("the front matter",
// "site.yaml").
func decodeYAML(text []byte, line1 int, d diags, what string) yamlDoc {
	lines := strings.SplitAfter(string(text), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	l := &yamlLinter{d: d, line1: line1, what: what, reported: map[int]bool{}, block: -1, plainIndent: -1}
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

	levels []level      // the indents of the keys and list items the line may belong to
	lists  map[int]bool // indents at which a "- " list is open
	opened bool         // the last key line has no value, so the next line may go deeper
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
	if strings.HasPrefix(body, "\t") || strings.HasPrefix(strings.TrimLeft(body, " "), "\t") {
		col := utf8.RuneCountInString(body[:strings.IndexByte(body, '\t')]) + 1
		l.errorAt(i, col, "indent with spaces, not a tab: delete the tab and type spaces",
			"this line is indented with a tab, which YAML does not allow")
		body = strings.ReplaceAll(body[:len(body)-len(strings.TrimLeft(body, " \t"))], "\t", "  ") + strings.TrimLeft(body, " \t")
	}
	if m := noSpaceRe.FindStringSubmatch(body); m != nil && !strings.HasPrefix(m[4], ":") {
		col := utf8.RuneCountInString(m[1]+m[2]+m[3]) + 1
		l.errorAt(i, col, fmt.Sprintf("write it as: %s: %s", m[3], m[4]),
			"there is no space after the colon in %q", m[3]+":"+firstWords(m[4]))
		body = m[1] + m[2] + m[3] + ": " + m[4]
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
	m := keyLineRe.FindStringSubmatch(body)
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
		body = strings.Repeat(" ", want) + strings.TrimLeft(body, " ")
		if m = keyLineRe.FindStringSubmatch(body); m == nil {
			return body + end
		}
	}
	valueCol := utf8.RuneCountInString(body[:len(body)-len(value)]) + 1
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
	if len(l.levels) == 0 {
		l.levels = []level{{0, body}}
	}
	defer func() { l.opened = empty }()
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
		m := keyLineRe.FindStringSubmatch(strings.TrimRight(all[j], "\r\n"))
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

var curlyPairs = map[rune]rune{'“': '”', '”': '”', '„': '“', '‘': '’', '’': '’', '‚': '‘', '«': '»', '‹': '›', '»': '«'}

// value checks the value of one "key: value" line and returns it repaired.
func (l *yamlLinter) value(i int, key, value string, col int, indent string, all []string) string {
	v := strings.TrimRight(value, " ")
	if v == "" {
		return value
	}
	the := "the " + key
	first, _ := utf8.DecodeRuneInString(v)
	quoted := yamlQuote
	suggest := func(s string) string { return strings.TrimLeft(indent, " ") + key + ": " + quoted(s) }
	switch {
	case curlyPairs[first] != 0:
		inner := strings.TrimFunc(v, func(r rune) bool { return curlyPairs[r] != 0 })
		l.errorAt(i, col, "type straight quotation marks instead, like: "+suggest(inner),
			"%s starts with a curly quotation mark %s, which YAML does not read as a quotation mark", the, string(first))
		return quoted(inner)
	case first == '"' || first == '\'':
		q := byte(first)
		closeAt := -1
		for j := 1; j < len(v); j++ {
			if q == '"' && v[j] == '\\' {
				j++
				continue
			}
			if v[j] == q {
				if q == '\'' && j+1 < len(v) && v[j+1] == '\'' {
					j++
					continue
				}
				closeAt = j
				break
			}
		}
		if closeAt < 0 {
			if l.quoteGoesOn(i, q, all) {
				return value
			}
			l.errorAt(i, col, fmt.Sprintf("add a %c at the end: %s", q, suggest(v[1:])),
				"the quotation mark at the start of %s is not closed", the)
			return quoted(v[1:])
		}
		rest := strings.TrimSpace(v[closeAt+1:])
		if rest != "" && !strings.HasPrefix(rest, "#") {
			inner := strings.TrimSuffix(v[1:], string(q))
			other := "single"
			if q == '\'' {
				other = "double"
			}
			l.errorAt(i, col+utf8.RuneCountInString(v[:closeAt])+1,
				fmt.Sprintf("a quotation mark inside must be of the other kind: put the whole of %s in %s quotation marks, like: %s", the, other, suggest(inner)),
				"%s has text after its closing quotation mark: %s", the, firstWords(rest))
			return quoted(inner)
		}
		if q == '"' {
			if j := badEscape(v[:closeAt+1]); j >= 0 {
				l.errorAt(i, col+utf8.RuneCountInString(v[:j]), `write \\ for a backslash, or use single quotation marks around the value`,
					"%s has a backslash that YAML reads as the start of a code: %s", the, v[j:min(j+2, len(v))])
				return quoted(strings.ReplaceAll(v[1:closeAt], `\`, `/`))
			}
		}
		return value
	case first == '[' || first == '{':
		open, close := first, ']'
		if first == '{' {
			close = '}'
		}
		if strings.ContainsRune(v, close) || l.flowGoesOn(i, all) {
			return value
		}
		l.errorAt(i, col, fmt.Sprintf("end it with %c, like: %s: %s%c", close, key, v, close),
			"the list after %q is not closed", key+":")
		_ = open
		return v + string(close)
	case first == '|' || first == '>':
		rest := strings.TrimLeft(v[1:], "+-0123456789")
		if rest != "" && !strings.HasPrefix(strings.TrimSpace(rest), "#") {
			l.errorAt(i, col, fmt.Sprintf("put the text on the next lines, indented, or leave out the %c: %s", first, suggest(strings.TrimSpace(rest))),
				"the text after %q must start on the next line", key+": "+string(first))
			return quoted(strings.TrimSpace(rest))
		}
		return value
	case strings.ContainsRune("@`%!&*?", first):
		what := map[rune]string{'@': `"@"`, '`': "a backquote `", '%': `"%"`, '!': `"!", which YAML reads as a type`,
			'&': `"&", which YAML reads as a label`, '*': `"*", which YAML reads as a reference to a label`, '?': `"?" and a space, which YAML reads as a complex key`}[first]
		if first == '?' && !strings.HasPrefix(v, "? ") && v != "?" {
			break
		}
		l.errorAt(i, col, "put the whole value in straight quotation marks, like: "+suggest(v),
			"%s starts with %s", the, what)
		return quoted(v)
	case first == '-' && (v == "-" || strings.HasPrefix(v, "- ")) && indent == "":
		l.errorAt(i, col, fmt.Sprintf("start each item on a new line, indented, like:\n      %s:\n        - %s", key, strings.TrimSpace(strings.TrimPrefix(v, "-"))),
			"a list item cannot go on the same line as %q", key+":")
		return "[" + yamlQuote(strings.TrimSpace(strings.TrimPrefix(v, "-"))) + "]"
	}
	return l.plainText(i, key, value, col, indent)
}

// continuation checks a line that goes on from a plain value above it.
func (l *yamlLinter) continuation(i int, key, text string, col int) string {
	if j := strings.Index(text, ": "); j >= 0 || strings.HasSuffix(strings.TrimRight(text, " "), ":") {
		if j < 0 {
			j = len(strings.TrimRight(text, " ")) - 1
		}
		l.errorAt(i, col+utf8.RuneCountInString(text[:j]),
			"if the line is part of the "+key+", put the whole "+key+" in straight quotation marks; if it is a new key, take away the spaces before it",
			"this line goes on from the %s above it, and has a colon in it, after %q", key, lastWords(text[:j]))
		return yamlQuote(text)
	}
	return text
}

// plainText checks a value without quotation marks, or one line of it: a
// colon and a space, or " #", change what YAML reads.
func (l *yamlLinter) plainText(i int, key, value string, col int, indent string) string {
	v := strings.TrimRight(value, " ")
	the := "the " + key
	suggest := func(s string) string { return strings.TrimLeft(indent, " ") + key + ": " + yamlQuote(s) }
	if j := strings.Index(v, ": "); j >= 0 || strings.HasSuffix(v, ":") {
		if j < 0 {
			j = len(v) - 1
		}
		l.errorAt(i, col+utf8.RuneCountInString(v[:j]),
			"put the whole "+key+" in straight quotation marks: "+suggest(v),
			"%s has a colon in it, after %q", the, lastWords(v[:j]))
		return yamlQuote(v)
	}
	if j := strings.Index(v, " #"); j >= 0 {
		l.d.warnf(l.line1+i, col+utf8.RuneCountInString(v[:j])+1,
			"if it is part of the "+key+", put the whole "+key+" in straight quotation marks: "+suggest(v),
			"YAML reads the text from \" #\" on as a note and leaves it out of %s: %s", the, firstWords(v[j+1:]))
	}
	return value
}

// yamlQuote puts s in quotation marks that YAML reads back as s.
func yamlQuote(s string) string {
	if !strings.Contains(s, `"`) && !strings.Contains(s, `\`) {
		return `"` + s + `"`
	}
	if !strings.Contains(s, "'") {
		return "'" + s + "'"
	}
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

// quoteGoesOn reports whether a quotation opened on line i is closed on a
// later line before the next key: YAML allows quoted text over lines.
func (l *yamlLinter) quoteGoesOn(i int, q byte, all []string) bool {
	for j := i + 1; j < len(all); j++ {
		if keyLineRe.MatchString(strings.TrimRight(all[j], "\r\n")) && !strings.HasPrefix(all[j], " ") {
			return false
		}
		if strings.IndexByte(all[j], q) >= 0 {
			return true
		}
	}
	return false
}

// flowGoesOn reports whether a [ or { list opened on line i goes on over
// the next lines, which are then indented.
func (l *yamlLinter) flowGoesOn(i int, all []string) bool {
	return i+1 < len(all) && strings.HasPrefix(all[i+1], " ") && !keyLineRe.MatchString(strings.TrimRight(all[i+1], "\r\n"))
}

// badEscape returns the byte offset of a backslash YAML does not know, or -1.
func badEscape(s string) int {
	for j := 0; j+1 < len(s); j++ {
		if s[j] != '\\' {
			continue
		}
		c := s[j+1]
		if !strings.ContainsRune(`0abt	nvfre "/\N_LPxuU`, rune(c)) {
			return j
		}
		if n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]; n > 0 {
			for k := j + 2; k < j+2+n; k++ {
				if k >= len(s) || !strings.ContainsRune("0123456789abcdefABCDEF", rune(s[k])) {
					return j
				}
			}
		}
		j++
	}
	return -1
}

func firstWords(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 30 {
		r := []rune(s)
		return string(r[:30]) + "…"
	}
	return s
}

func lastWords(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 30 {
		r := []rune(s)
		return "…" + string(r[len(r)-30:])
	}
	return s
}

// explain reports an error yaml.v3 still found, in plain words, and
// returns the index of the line it is on (-1 if it cannot be told).
func (l *yamlLinter) explain(raw string, lines []string, report bool) int {
	msg := strings.TrimPrefix(raw, "yaml: ")
	idx := -1
	if m := yamlLineRe.FindStringSubmatch(raw); m != nil {
		n, _ := strconv.Atoi(m[1])
		idx, msg = n-1, m[2]
	} else if !strings.HasPrefix(msg, "unknown anchor") && len(lines) > 0 {
		idx = 0 // yaml.v3 leaves out "line 1"
	}
	text, hint := explainYAML(msg)
	if idx >= len(lines) {
		idx = len(lines) - 1
	}
	if idx >= 0 && l.reported[idx] || !report {
		return idx // the same line already has a clearer message
	}
	line, col := l.line1, 1
	if idx >= 0 {
		line += idx
		col = utf8.RuneCountInString(lines[idx][:len(lines[idx])-len(strings.TrimLeft(lines[idx], " "))]) + 1
	}
	l.d.errorf(line, col, hint, "%s: %s", l.what, text)
	if idx >= 0 {
		l.reported[idx] = true
	}
	return idx
}

// yamlProblems rewords every problem yaml.v3 can report (the problem
// strings of its scanner, parser, reader and decoder) in plain words, with
// a hint. Keys are the start of yaml.v3's own text.
var yamlProblems = []struct{ yaml, text, hint string }{
	{"mapping values are not allowed", "a line has a colon where YAML does not expect one",
		`a value with a colon in it needs straight quotation marks around it, like: title: "Care: what it is"`},
	{"mapping keys are not allowed", `a line starts with "? ", which YAML reads as a complex key`,
		"put the value in straight quotation marks"},
	{"block sequence entries are not allowed", `a "- " list item is where YAML does not expect one`,
		"put each list item on its own line under its key, indented, like:\n      sources:\n        - title: ..."},
	{"did not find expected '-' indicator", "a list item is not lined up with the items above it",
		`start every item of a list with "- " at the same indentation`},
	{"found character that cannot start any token", "a line has a character that cannot start a value (such as a tab, @ or `)",
		"indent with spaces, and put a value that starts with a symbol in straight quotation marks"},
	{"found a tab character", "a line is indented with a tab", "indent with spaces, not tabs"},
	{"could not find expected ':'", "a line has no colon after its key",
		"each line is a key, a colon and a value; if a line goes on from the one above, indent it with two spaces"},
	{"did not find expected key", "YAML expected a new key on this line",
		"check that every line is indented like the ones above it, and that nothing follows a closing quotation mark"},
	{"did not find expected node content", "a value is missing, or starts with a symbol YAML cannot read",
		"put the value in straight quotation marks"},
	{"did not find expected ',' or ']'", "a list in square brackets is not closed, or has a value YAML cannot read",
		"end the list with ], and put any item with a colon or a quotation mark in it in quotation marks"},
	{"did not find expected ',' or '}'", "a group in curly brackets is not closed",
		"end it with }, or write each value on its own line"},
	{"found unexpected end of stream", "a quotation mark or bracket is opened and never closed",
		"close every quotation mark and bracket you open"},
	{"found unexpected document indicator", "a line of --- or ... is inside a quoted value",
		"close the quotation mark before the line ---"},
	{"did not find expected <document start>", "there is text after the end of the settings",
		"each line is a key, a colon and a value"},
	{"did not find expected <stream-start>", "the text could not be read as YAML", "save the file as UTF-8 text"},
	{"found unknown escape character", `a backslash \ inside double quotation marks starts a code YAML does not know`,
		`write \\ for a backslash, or use single quotation marks`},
	{"found invalid Unicode character escape code", `a \u code inside double quotation marks is not a character`,
		`write the character itself, or \\ for a backslash`},
	{"did not find expected hexdecimal number", `a \x or \u code inside double quotation marks is not complete`,
		`write the character itself, or \\ for a backslash`},
	{"did not find expected comment or line break", "there is text after | or > on the same line",
		"start the text on the next line, indented"},
	{"found an indentation indicator equal to 0", "the number after | or > cannot be 0",
		"leave the number out"},
	{"did not find expected alphabetic or numeric character", `a value starts with "&" or "*", which YAML reads as a label`,
		"put the value in straight quotation marks"},
	{"unknown anchor", `a value starts with "*", which YAML reads as a reference to a label`,
		"put the value in straight quotation marks"},
	{"anchor ", "a label (&) refers to itself", "put the value in straight quotation marks"},
	{"document contains excessive aliasing", "labels (&) and references (*) repeat too many times",
		"write the values out in full"},
	{"found undefined tag handle", `a value starts with "!", which YAML reads as a type`,
		"put the value in straight quotation marks"},
	{"did not find expected tag URI", `a value starts with "!", which YAML reads as a type`,
		"put the value in straight quotation marks"},
	{"did not find the expected '>'", `a value starts with "!<", which YAML reads as a type`,
		"put the value in straight quotation marks"},
	{"did not find expected '!'", `a value starts with "!", which YAML reads as a type`,
		"put the value in straight quotation marks"},
	{"did not find URI escaped octet", `a type after "!" has a "%" code that is not complete`,
		"put the value in straight quotation marks"},
	{"found an incorrect", `a type after "!" has characters that are not text`,
		"put the value in straight quotation marks"},
	{"did not find expected whitespace", `a type after "!" runs into the value`, "put the value in straight quotation marks"},
	{"found unknown directive name", `a line starts with "%", which YAML reads as an instruction`, `start the line with a key, or put the value in quotation marks`},
	{"could not find expected directive name", `a line starts with "%", which YAML reads as an instruction`, `start the line with a key, or put the value in quotation marks`},
	{"did not find expected version number", `a line starts with "%YAML" without a version`, "delete the line"},
	{"did not find expected digit or '.' character", `a line starts with "%YAML" without a version`, "delete the line"},
	{"found extremely long version number", `a line starts with "%YAML" with a version YAML cannot read`, "delete the line"},
	{"found incompatible YAML document", `a line starts with "%YAML" with a version other than 1`, "delete the line"},
	{"found duplicate ", `a line starting with "%" is given twice`, "delete the second one"},
	{"found unexpected non-alphabetical character", `a line starts with "%", which YAML reads as an instruction`, "start the line with a key"},
	{"control characters are not allowed", "there is an invisible control character", "delete it; it often comes in when text is pasted"},
	{"invalid leading UTF-8 octet", "the text is not valid UTF-8", "save the file as UTF-8 in your editor"},
	{"invalid trailing UTF-8 octet", "the text is not valid UTF-8", "save the file as UTF-8 in your editor"},
	{"incomplete UTF-8 octet sequence", "the text is not valid UTF-8", "save the file as UTF-8 in your editor"},
	{"invalid length of a UTF-8 sequence", "the text is not valid UTF-8", "save the file as UTF-8 in your editor"},
	{"invalid Unicode character", "the text has a character that is not allowed", "retype the character"},
	{"incomplete UTF-16", "the text is UTF-16, not UTF-8", "save the file as UTF-8 in your editor"},
	{"expected low surrogate area", "the text is UTF-16, not UTF-8", "save the file as UTF-8 in your editor"},
	{"unexpected low surrogate area", "the text is UTF-16, not UTF-8", "save the file as UTF-8 in your editor"},
	{"invalid character sequence", "the text has characters YAML cannot read", "save the file as UTF-8 in your editor"},
	{"exceeded max depth", "the values are nested too deeply", "write the values at fewer levels of indentation"},
	{"input error", "the text could not be read", "save the file again"},
	{"!!binary value", "a value marked !!binary is not base64 data", "take away the !!binary"},
	{"map merge requires", `"<<" can only bring in a set of keys`, "write the keys out in full"},
	{"invalid map key", "a key is a list or a set of keys", "write each key as a word followed by a colon"},
	{"invalid array", "a list has the wrong number of items", "check the list"},
	{"attempted to go past the end", "the text ends too early", "check the last lines"},
	{"cannot decode node", "a value could not be read", "check the quotation marks and the indentation"},
	{"unknown problem parsing YAML", "YAML cannot read this line", "check the quotation marks and the indentation of this line and the one above"},
	{"expected ", "a value is not of the kind expected", "check the quotation marks and the indentation"},
}

// explainYAML returns plain words and a hint for a yaml.v3 problem.
func explainYAML(msg string) (string, string) {
	for _, p := range yamlProblems {
		if strings.HasPrefix(msg, p.yaml) {
			return p.text, p.hint
		}
	}
	return "YAML cannot read this line (" + msg + ")", "check the quotation marks and the indentation of this line and the one above"
}

// splitLines is bytes.Split on "\n" keeping the line ends; used to find
// the closing --- of front matter in one pass.
func splitLines(src []byte) [][]byte {
	var out [][]byte
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			out = append(out, src)
			break
		}
		out = append(out, src[:i+1])
		src = src[i+1:]
	}
	return out
}
