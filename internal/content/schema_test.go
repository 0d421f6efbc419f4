package content

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

const schemaDir = "../../schemas"

// TestSchemas checks that schemas/*.schema.json are what the field
// definitions make (go test -run TestSchemas -update rewrites them).
func TestSchemas(t *testing.T) {
	for _, s := range Schemas {
		want, err := JSONSchema(s.Title, s.Fields, s.Brief)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(schemaDir, s.File)
		if *update {
			if err := os.WriteFile(file, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs from the field definitions: run make schemas and review the diff", s.File)
		}
	}
}

// compileSchemas compiles every schema with a real JSON Schema validator.
func compileSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	out := map[string]*jsonschema.Schema{}
	for _, s := range Schemas {
		sch, err := c.Compile(filepath.Join(schemaDir, s.File))
		if err != nil {
			t.Fatalf("%s: %v", s.File, err)
		}
		out[s.File] = sch
	}
	return out
}

// schemaFor names the schema of a file under the root.
func schemaFor(p string) string {
	switch {
	case p == "site.yaml":
		return "site.schema.json"
	case p == "content/index.md", strings.HasPrefix(p, "content/pages/"):
		return "page.schema.json"
	case strings.HasPrefix(p, "content/briefs/"):
		return "brief.schema.json"
	case strings.HasPrefix(p, "content/functions/"), strings.HasPrefix(p, "content/priorities/"):
		return "term.schema.json"
	case strings.HasPrefix(p, "content/glossary/"):
		return "glossary.schema.json"
	}
	return ""
}

// instance reads a file's YAML (site.yaml, or a page's front matter) as
// the JSON value an editor's YAML tool validates: YAML 1.2, in which a
// date is text.
func instance(t *testing.T, p string, src []byte) any {
	t.Helper()
	if p != "site.yaml" {
		var list Diagnostics
		sp, ok := split(src, diags{list: &list, file: p})
		if !ok || sp.meta == nil {
			return nil
		}
		return jsonValue(t, sp.meta)
	}
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return jsonValue(t, n.Content[0])
}

func jsonValue(t *testing.T, n *yaml.Node) any {
	var v any
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = jsonValue(t, n.Content[i+1])
		}
		v = m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, jsonValue(t, c))
		}
		v = l
	case yaml.AliasNode:
		return jsonValue(t, n.Alias)
	default:
		switch n.Tag {
		case "!!int", "!!float":
			v = json.Number(n.Value)
		case "!!bool":
			v = n.Value == "true"
		case "!!null":
			v = nil
		default:
			v = n.Value
		}
	}
	// Through JSON, so that numbers are as the validator expects them.
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestHubFilesValidate validates site.yaml and the front matter of every
// page of the hub against its schema.
func TestHubFilesValidate(t *testing.T) {
	schemas := compileSchemas(t)
	root := os.DirFS("../..")
	n := 0
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && p != "content" && !strings.HasPrefix(p, "content/") {
			return fs.SkipDir
		}
		name := schemaFor(p)
		if d.IsDir() || name == "" || (p != "site.yaml" && path.Ext(p) != ".md") {
			return nil
		}
		src, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		n++
		if err := schemas[name].Validate(instance(t, p, src)); err != nil {
			t.Errorf("%s does not validate against %s: %v", p, name, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 90 {
		t.Errorf("validated %d files; the hub has more than 90", n)
	}
}

// TestBadBriefIsRefusedByBoth checks that briefs breaking the rules are
// refused by the schema and by the generator alike.
func TestBadBriefIsRefusedByBoth(t *testing.T) {
	schemas := compileSchemas(t)
	good := "title: Good\nsummary: s\nfunctions: [stewardship]\npublished: 2026-11-01\nreviewed: 2026-11-01\n"
	bad := map[string]string{
		"unknown key":     good + "colour: blue\n",
		"long title":      strings.Replace(good, "title: Good", "title: "+strings.Repeat("x", 91), 1),
		"no title":        strings.Replace(good, "title: Good\n", "", 1),
		"bad audience":    good + "audiences: [everyone]\n",
		"bad date":        strings.Replace(good, "published: 2026-11-01", "published: 20 November 2026", 1),
		"no function":     strings.Replace(good, "functions: [stewardship]\n", "", 1),
		"source no title": good + "sources:\n  - author: Someone\n",
		"source year":     good + "sources:\n  - title: A\n    year: twenty\n",
		"draft not bool":  good + "draft: [x]\n",
	}
	for name, fm := range bad {
		src := []byte("---\n" + fm + "---\nText.\n")
		if err := schemas["brief.schema.json"].Validate(instance(t, "content/briefs/x.md", src)); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
		fsys := fstest.MapFS{
			"site.yaml":                        {Data: []byte("title: T\nbase_url: https://example.org/\n")},
			"content/index.md":                 {Data: []byte("---\ntitle: Home\nsummary: Home.\n---\n")},
			"content/functions/stewardship.md": {Data: []byte("---\ntitle: S\nsummary: S.\n---\n")},
			"content/briefs/x.md":              {Data: src},
		}
		if _, diags, _ := Load(fsys, Options{BuildDate: today}); !diags.HasErrors() {
			t.Errorf("%s: the generator accepts it", name)
		}
	}
	src := []byte("---\n" + good + "---\nText.\n")
	if err := schemas["brief.schema.json"].Validate(instance(t, "content/briefs/x.md", src)); err != nil {
		t.Errorf("the schema refuses a good brief: %v", err)
	}
}

// TestSnippets checks that .vscode/alongside.code-snippets is what the
// field definitions make (make schemas rewrites it), that each snippet is
// one VS Code can read, and that a snippet typed out as it stands (each
// place holding its example or first choice) is front matter the check
// accepts.
func TestSnippets(t *testing.T) {
	want, err := Snippets()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("..", "..", ".vscode", "alongside.code-snippets")
	if *update {
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
	} else if got, err := os.ReadFile(file); err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s differs from the field definitions: run make schemas and review the diff", file)
	}
	var snippets map[string]struct {
		Scope, Prefix, Description string
		Body                       []string
	}
	if err := json.Unmarshal(want, &snippets); err != nil {
		t.Fatal(err)
	}
	// Type each snippet out: "${1:example}" is the example, "${1|a,b|}" the first choice.
	place := regexp.MustCompile(`\$\{\d+(?::((?:\\.|[^\\}])*)|\|([^,|]*)[^}]*)\}`)
	typed := func(body []string) string {
		s := place.ReplaceAllStringFunc(strings.Join(body, "\n"), func(m string) string {
			g := place.FindStringSubmatch(m)
			return strings.NewReplacer(`\$`, `$`, `\}`, `}`, `\\`, `\`).Replace(g[1] + g[2])
		})
		return s + "\n"
	}
	var front strings.Builder
	for _, f := range briefFields {
		if f.Kind == SourceList {
			front.WriteString("sources:\n" + typed(snippets["Brief: a source"].Body))
			continue
		}
		s, ok := snippets["Brief: "+f.Key]
		if !ok || s.Scope != "markdown" || s.Prefix != f.Key || s.Description != f.Doc {
			t.Errorf("the snippet for %q: %+v", f.Key, s)
			continue
		}
		if f.Key == "draft" || f.Key == "aliases" || f.Key == "review_due" {
			continue
		}
		front.WriteString(typed(s.Body))
	}
	for _, key := range []string{"abbr", "also"} {
		if s := snippets["Glossary entry: "+key]; s.Prefix != key {
			t.Errorf("no snippet for the glossary entry's %q", key)
		}
	}
	fsys := overlay(minimalSite(), fstest.MapFS{
		"site.yaml":                          {Data: []byte("title: T\nbase_url: https://example.org/\ntopics:\n  recovery: Recovery\n  unpaid-carers: Unpaid carers\n")},
		"content/briefs/typed.md":            {Data: []byte("---\n" + front.String() + "---\nText.\n")},
		"content/functions/stewardship.md":   {Data: []byte("---\ntitle: Stewardship\nsummary: S.\n---\n")},
		"content/priorities/better-lives.md": {Data: []byte("---\ntitle: Better lives\nsummary: B.\n---\n")},
	})
	_, diags, err := Load(fsys, Options{BuildDate: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if d.Pos.File == "content/briefs/typed.md" && d.Severity == Error {
			t.Errorf("the snippets typed out:\n%s\ngive: %s", front.String(), d)
		}
	}
}
