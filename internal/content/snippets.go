package content

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Snippets is .vscode/alongside.code-snippets, made from the same field
// definitions as the schemas: in a Markdown file, typing a key of a
// brief's front matter (or "source" for a whole source) offers it with
// its example to type over, or its allowed values to choose from, and
// says what it is for. The YAML extension cannot read front matter inside
// Markdown, so this is how an editor gets completion there.
func Snippets() ([]byte, error) {
	snippets := map[string]any{}
	add := func(kind string, f Field) {
		snippets[kind+": "+f.Key] = map[string]any{
			"scope":       "markdown",
			"prefix":      f.Key,
			"body":        []string{f.Key + ": " + snippetValue(f, 1)},
			"description": f.Doc,
		}
	}
	for _, f := range briefFields {
		if f.Kind != SourceList {
			add("Brief", f)
		}
	}
	for _, f := range glossaryFields {
		if !hasField(briefFields, f.Key) {
			add("Glossary entry", f)
		}
	}
	body := []string{"  - " + sourceFields[0].Key + ": " + snippetValue(sourceFields[0], 1)}
	n := 1
	for _, f := range sourceFields[1:] {
		if f.Key == "editor" || f.Key == "note" || f.Key == "accessed" {
			continue // seldom needed: typed as keys of their own
		}
		n++
		body = append(body, "    "+f.Key+": "+snippetValue(f, n))
	}
	snippets["Brief: a source"] = map[string]any{
		"scope":       "markdown",
		"prefix":      "source",
		"body":        body,
		"description": "One source under sources:, with the keys most sources have; delete the ones it has not.",
	}
	b, err := json.MarshalIndent(snippets, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// snippetValue is the n-th place to type in a snippet: a choice of the
// allowed values, or the example to type over.
func snippetValue(f Field, n int) string {
	if len(f.Enum) > 0 {
		if f.Kind == List {
			return fmt.Sprintf("[${%d|%s|}]", n, strings.Join(f.Enum, ","))
		}
		return fmt.Sprintf("${%d|%s|}", n, strings.Join(f.Enum, ","))
	}
	if f.Kind == Bool {
		return fmt.Sprintf("${%d|true,false|}", n)
	}
	return fmt.Sprintf("${%d:%s}", n, snippetEscape(f.Example))
}

// snippetEscape keeps the characters a snippet reads as its own ($, }, \)
// as they are.
func snippetEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `$`, `\$`, `}`, `\}`).Replace(s)
}

func hasField(fields []Field, key string) bool {
	for _, f := range fields {
		if f.Key == key {
			return true
		}
	}
	return false
}
