package content

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

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
