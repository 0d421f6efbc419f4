package content

import (
	"bytes"
	"io"
	"strings"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"
)

// frontMatter is what the library finds in src: the front matter's lines
// and the body after them, which is the end of src, not a copy.
//
// The library copies all it reads into a buffer of its own. So it is
// handed src only up to where it finds the end of the front matter, and
// what it read past that is found again in src: the body is the rest of
// src from there. Should the two ever differ, src is read again whole.
func frontMatter(src []byte) (raw, body []byte, err error) {
	in := &frontReader{src: src}
	format := frontmatter.NewFormat("---", "---", func(data []byte, _ any) error {
		raw = data
		in.stop = true
		return nil
	})
	body, err = frontmatter.Parse(in, nil, format)
	if err == nil && in.stop {
		if start := in.n - len(body); start >= 0 && bytes.Equal(src[start:in.n], body) {
			return raw, src[start:], nil
		}
	}
	if !in.stop {
		return raw, body, err // all of src was read: the front matter is not closed
	}
	body, err = frontmatter.Parse(bytes.NewReader(src), nil, format)
	if rest := src[len(src)-len(body):]; err == nil && bytes.Equal(rest, body) {
		body = rest
	}
	return raw, body, err
}

// frontReader hands out src until stop is set.
type frontReader struct {
	src  []byte
	n    int // bytes handed out
	stop bool
}

func (r *frontReader) Read(p []byte) (int, error) {
	if r.stop || r.n == len(r.src) {
		return 0, io.EOF
	}
	k := copy(p, r.src[r.n:])
	r.n += k
	return k, nil
}

// splitResult is a Markdown file cut into its front matter and body.
type splitResult struct {
	meta     *yaml.Node // the mapping; nil when there is no front matter
	metaLine int        // file line of the first front matter line (after ---)
	body     []byte
	bodyLine int  // file line the body starts on
	openLine int  // file line of the opening ---, 0 if none
	broken   bool // the front matter has errors; meta holds what could be read
}

// split cuts src into front matter and body, reporting problems through d.
// It returns ok=false when the body cannot be found (the front matter is
// not closed). Broken YAML still gives the body, and meta holds whatever
// could be read around the broken lines, so that the page still takes
// its address and its other problems are still reported.
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
	// The library finds the block; decodeYAML reads it, so that every
	// problem has a line and a column.
	raw, body, err := frontMatter(src)
	r.metaLine = r.openLine + 1
	if err != nil || len(body) == len(src) {
		d.errorf(r.openLine, 1, "add a line with just --- after the last front matter line, before the text",
			"the front matter is not closed")
		return r, false
	}
	r.body = body
	r.bodyLine = 1 + bytes.Count(src[:len(src)-len(body)], []byte("\n"))
	before := len(*d.list)
	doc := decodeYAML(raw, r.metaLine, d, "the front matter")
	r.broken = doc.repaired && len(*d.list) > before
	node := doc.node
	switch {
	case node == nil || node.Kind == 0:
		// empty front matter: the required keys will be reported missing
	case node.Kind != yaml.MappingNode:
		if !r.broken {
			d.errorf(r.metaLine+node.Line-1, node.Column, "each line should be a key, a colon and a value, like: title: My brief",
				"the front matter should be a list of keys and values")
		}
		r.broken = true
	default:
		r.meta = node
	}
	return r, true
}

// draftIn reports whether front matter that could be read only in part
// says draft: true, without a word about anything else in it.
// namesIn is what could be read of a glossary entry's title, abbr and
// also, from front matter that has mistakes; nothing is reported.
func namesIn(meta *yaml.Node) []string {
	var names []string
	if meta == nil {
		return nil
	}
	for i := 0; i+1 < len(meta.Content); i += 2 {
		k, v := meta.Content[i], meta.Content[i+1]
		if k.Value != "title" && k.Value != "abbr" && k.Value != "also" {
			continue
		}
		for _, n := range append([]*yaml.Node{v}, v.Content...) {
			if n.Kind == yaml.ScalarNode && n.Value != "" {
				names = append(names, n.Value)
			}
		}
	}
	return names
}

func draftIn(meta *yaml.Node) bool {
	if meta == nil {
		return false
	}
	for i := 0; i+1 < len(meta.Content); i += 2 {
		if k, v := meta.Content[i], meta.Content[i+1]; k.Value == "draft" && v.Kind == yaml.ScalarNode {
			yes, ok := truth(v.Value)
			return yes && ok
		}
	}
	return false
}
