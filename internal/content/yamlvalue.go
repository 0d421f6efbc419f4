package content

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The value of one "key: value" line, checked for what changes how YAML
// reads it (see decodeYAML).

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
		if keyLine(strings.TrimRight(all[j], "\r\n")) != nil && !strings.HasPrefix(all[j], " ") {
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
	return i+1 < len(all) && strings.HasPrefix(all[i+1], " ") && keyLine(strings.TrimRight(all[i+1], "\r\n")) == nil
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
