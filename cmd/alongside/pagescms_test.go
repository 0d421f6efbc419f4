package main

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/alongside-hub/alongside/internal/content"
)

// cmsField is one field of .pages.yml, as Pages CMS reads it.
type cmsField struct {
	Name        string
	Type        string
	Required    bool
	List        bool
	Description string
	Options     struct {
		Multiple bool
		Format   string
		Values   []struct{ Name, Label string }
	}
	Fields []cmsField
}

type cmsEntry struct {
	Name, Type, Path string
	Fields           []cmsField
}

// probeFiles are one complete, valid file of each kind, every key given.
var probeFiles = map[string]string{
	"brief": "content/briefs/x.md", "function": "content/functions/stewardship.md", "priority": "content/priorities/better-lives.md",
	"glossary": "content/glossary/amhp.md", "page": "content/pages/about.md",
}

func probeSite() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"site.yaml":            file("title: T\nbase_url: https://example.org/\n"),
		"content/index.md":     file("---\ntitle: Home\nsummary: s\n---\nText.\n"),
		probeFiles["function"]: file("---\ntitle: Stewardship\nlabel: Setting the direction\nsummary: s\norder: 1\n---\nText.\n"),
		probeFiles["priority"]: file("---\ntitle: Better lives\nlabel: l\nsummary: s\norder: 2\n---\nText.\n"),
		probeFiles["glossary"]: file("---\ntitle: Approved mental health professional\nabbr: AMHP\nalso: [AMHPs]\nsummary: s\napplies_to: [england-and-wales]\n---\nText.\n"),
		probeFiles["page"]:     file("---\ntitle: About\nsummary: s\ndraft: false\naliases: [/old/]\nreviewed: 2026-11-20\nreview_due: 2027-06-01\n---\nText.\n"),
		probeFiles["brief"]: file("---\ntitle: X\nsummary: s\nfunctions: [stewardship]\npriorities: [better-lives]\ntopics: [housing]\n" +
			"audiences: [public]\npublished: 2026-11-01\nreviewed: 2026-11-20\nreview_due: 2027-06-01\ncontent_note: n\n" +
			"sources:\n  - title: A report\n    author: A B\n    editor: C D\n    year: 2025\n    publisher: P\n    journal: J\n    volume: \"4\"\n" +
			"    issue: \"2\"\n    pages: 1-9\n    doi: 10.1000/x\n    url: https://example.org/r\n    accessed: 2026-11-20\n    type: research-study\n    note: n\n" +
			"applies_to: [england]\ndraft: false\naliases: [/old-x/]\n---\nText.\n\n## What this means for you\n\nText.\n"),
	}
}

// probe loads the probe site with one change made to one file and returns
// the errors found in that file (warnings do not make a field required).
func probe(t *testing.T, file string, change func(string) string) []string {
	t.Helper()
	fsys := probeSite()
	fsys[file] = &fstest.MapFile{Data: []byte(change(string(fsys[file].Data)))}
	_, diags, err := content.Load(fsys, content.Options{BuildDate: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, d := range diags {
		if d.Pos.File == file && d.Severity == content.Error {
			msgs = append(msgs, d.Msg)
		}
	}
	return msgs
}

// without removes the top-level key and the lines indented under it.
func without(key string) func(string) string {
	return func(s string) string {
		var out []string
		skip := false
		for _, l := range strings.Split(s, "\n") {
			switch {
			case strings.HasPrefix(l, key+":"):
				skip = true
			case skip && strings.HasPrefix(l, " "):
			default:
				skip = false
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	}
}

// withoutSourceKey removes key from the one source of the probe brief.
func withoutSourceKey(key string) func(string) string {
	return func(s string) string {
		var out []string
		first := false
		for _, l := range strings.Split(s, "\n") {
			switch {
			case strings.HasPrefix(l, "  - "+key+":"):
				first = true
			case strings.HasPrefix(l, "    "+key+":"):
			case first && strings.HasPrefix(l, "    "):
				out = append(out, "  - "+strings.TrimPrefix(l, "    "))
				first = false
			default:
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	}
}

// TestPagesCMSMatchesTheRules reads .pages.yml and checks each collection
// against the generator: the same keys in the same order, a field is
// required exactly when leaving it out is an error, a date field exactly
// when a non-date is one, every choice is a function, priority, topic
// (site.yaml) or audience that exists, and every field has a help line.
func TestPagesCMSMatchesTheRules(t *testing.T) {
	b, err := os.ReadFile("../../.pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct{ Content []cmsEntry }
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	hub, _, err := content.Load(os.DirFS("../.."), content.Options{BuildDate: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{"content/briefs": "brief", "content/functions": "function", "content/priorities": "priority",
		"content/glossary": "glossary", "content/pages": "page", "content/index.md": "home"}
	seen := map[string]bool{}
	for _, e := range cfg.Content {
		kind := kinds[e.Path]
		if kind == "" {
			t.Errorf("%s: %s is not a folder of the content", e.Name, e.Path)
			continue
		}
		seen[e.Path] = true
		if want := map[bool]string{true: "file", false: "collection"}[kind == "home"]; e.Type != want {
			t.Errorf("%s: type %s, want %s", e.Name, e.Type, want)
		}
		checkFields(t, e.Name, kind, e.Fields, hub)
	}
	for p := range kinds {
		if !seen[p] {
			t.Errorf(".pages.yml has nothing for %s", p)
		}
	}
}

func checkFields(t *testing.T, where, kind string, fields []cmsField, site *content.Site) {
	var names []string
	for _, f := range fields {
		if f.Name == "body" {
			if f.Type != "rich-text" {
				t.Errorf("%s: body is %s", where, f.Type)
			}
			continue
		}
		names = append(names, f.Name)
		if strings.TrimSpace(f.Description) == "" {
			t.Errorf("%s.%s has no help line (description)", where, f.Name)
		}
	}
	if want := content.Keys(kind); !slices.Equal(names, want) {
		t.Errorf("%s: the form has keys\n  %v\nthe generator reads\n  %v", where, names, want)
	}
	if kind == "home" {
		kind = "page" // one rule for both; the probe site's page is content/pages/about.md
	}
	for _, f := range fields {
		if f.Name == "body" || !slices.Contains(content.Keys(kind), f.Name) {
			continue
		}
		name := where + "." + f.Name
		if f.Name == "sources" {
			checkSources(t, name, f)
			continue
		}
		file := probeFiles[kind]
		required := len(probe(t, file, without(f.Name))) > 0
		if f.Required != required {
			t.Errorf("%s: required is %v in the form, but leaving it out is an error: %v", name, f.Required, required)
		}
		isDate := slices.ContainsFunc(probe(t, file, func(s string) string {
			return strings.Replace(s, "\n"+f.Name+": ", "\n"+f.Name+": 20 November\n_was: ", 1)
		}), func(m string) bool { return strings.Contains(m, "should be a date like 2026-11-20") })
		if isDate != (f.Type == "date") || isDate && f.Options.Format != "yyyy-MM-dd" {
			t.Errorf("%s: type %s, format %q; the generator reads a date: %v", name, f.Type, f.Options.Format, isDate)
		}
	}
	choices := map[string][]string{}
	labels := map[string]string{}
	for _, p := range site.Functions {
		choices["functions"] = append(choices["functions"], p.Slug)
		labels["functions/"+p.Slug] = p.Title
	}
	for _, p := range site.Priorities {
		choices["priorities"] = append(choices["priorities"], p.Slug)
		labels["priorities/"+p.Slug] = p.Title
	}
	for slug, name := range site.Config.TopicNames {
		choices["topics"] = append(choices["topics"], slug)
		labels["topics/"+slug] = name
	}
	for _, a := range content.Audiences {
		choices["audiences"] = append(choices["audiences"], a.Slug)
		labels["audiences/"+a.Slug] = a.Name
	}
	for _, p := range content.Places {
		choices["applies_to"] = append(choices["applies_to"], p.Slug)
		labels["applies_to/"+p.Slug] = p.Name
	}
	for _, f := range fields {
		want, ok := choices[f.Name]
		if !ok || (kind != "brief" && f.Name != "applies_to") {
			continue
		}
		var got []string
		for _, v := range f.Options.Values {
			got = append(got, v.Name)
			if labels[f.Name+"/"+v.Name] != v.Label {
				t.Errorf("%s.%s: %s is labelled %q, the site calls it %q", where, f.Name, v.Name, v.Label, labels[f.Name+"/"+v.Name])
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if f.Type != "select" || !f.Options.Multiple || !slices.Equal(got, want) {
			t.Errorf("%s.%s: a %s (multiple %v) of\n  %v\nwant a multiple select of\n  %v", where, f.Name, f.Type, f.Options.Multiple, got, want)
		}
	}
}

// checkSources checks the fields of one source against the generator.
func checkSources(t *testing.T, name string, f cmsField) {
	if f.Type != "object" || !f.List {
		t.Errorf("%s: a %s (list %v), want a list of objects", name, f.Type, f.List)
	}
	var names []string
	for _, sf := range f.Fields {
		names = append(names, sf.Name)
		if strings.TrimSpace(sf.Description) == "" {
			t.Errorf("%s.%s has no help line (description)", name, sf.Name)
		}
		required := len(probe(t, probeFiles["brief"], withoutSourceKey(sf.Name))) > 0
		if sf.Required != required {
			t.Errorf("%s.%s: required is %v in the form, but leaving it out is an error: %v", name, sf.Name, sf.Required, required)
		}
	}
	if want := content.Keys("source"); !slices.Equal(names, want) {
		t.Errorf("%s: the form has keys %v, the generator reads %v", name, names, want)
	}
}
