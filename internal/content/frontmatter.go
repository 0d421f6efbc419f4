package content

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"
)

// splitResult is a Markdown file cut into its front matter and body.
type splitResult struct {
	meta     *yaml.Node // the mapping; nil when there is no front matter
	metaLine int        // file line of the first front matter line (after ---)
	body     []byte
	bodyLine int // file line the body starts on
	openLine int // file line of the opening ---, 0 if none
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// split cuts src into front matter and body, reporting problems through d.
// It returns ok=false when the file cannot be read further.
func split(src []byte, d diags) (splitResult, bool) {
	var r splitResult
	// Find the opening ---: frontmatter skips blank lines before it.
	lineNo := 0
	for rest := src; len(rest) > 0; {
		lineNo++
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		t := strings.TrimSpace(string(line))
		if t == "" {
			continue
		}
		if t == "---" {
			r.openLine = lineNo
		}
		break
	}
	if r.openLine == 0 {
		r.body, r.bodyLine = src, 1
		return r, true
	}
	var node yaml.Node
	format := frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
		return yaml.Unmarshal(data, v)
	})
	body, err := frontmatter.Parse(bytes.NewReader(src), &node, format)
	r.metaLine = r.openLine + 1
	if err != nil {
		msg := err.Error()
		line, col := r.openLine, 1
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, col, msg = r.metaLine+n-1, 0, m[2]
		} else {
			if n := errorLine(src, r.metaLine, msg); n > 0 {
				line, col = n, 0
			}
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		d.errorf(line, col, yamlHint(msg), "the front matter is not valid YAML: %s", msg)
		return r, false
	}
	if len(body) == len(src) {
		d.errorf(r.openLine, 1, "add a line with just --- after the last front matter line, before the text",
			"the front matter is not closed")
		return r, false
	}
	r.body = body
	r.bodyLine = 1 + bytes.Count(src[:len(src)-len(body)], []byte("\n"))
	if node.Kind == yaml.DocumentNode && len(node.Content) == 1 {
		node = *node.Content[0]
	}
	switch {
	case node.Kind == 0:
		// empty front matter: the required keys will be reported missing
	case node.Kind != yaml.MappingNode:
		d.errorf(r.metaLine+node.Line-1, node.Column, "each line should be a key, a colon and a value, like: title: My brief",
			"the front matter should be a list of keys and values")
		return r, false
	default:
		r.meta = &node
	}
	return r, true
}

func yamlHint(msg string) string {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return `a value with a colon in it needs quotation marks, like: title: "Care: what it is"`
	case strings.Contains(msg, "found character that cannot start any token"):
		return "indent with spaces, not tabs, and put text that starts with a symbol in quotation marks"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected"):
		return "check the indentation and that every quotation mark is closed"
	}
	return "check the line above it too; quotation marks and indentation are the usual causes"
}

// errorLine finds the file line of a YAML error whose message has no line
// number: the first line at which the front matter, read up to and
// including that line, fails with the same message.
func errorLine(src []byte, metaLine int, msg string) int {
	lines := strings.SplitAfter(string(src), "\n")
	var prefix strings.Builder
	for i := metaLine - 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "---" {
			break
		}
		prefix.WriteString(lines[i])
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(prefix.String()), &n); err != nil && err.Error() == msg {
			return i + 1
		}
	}
	return 0
}
