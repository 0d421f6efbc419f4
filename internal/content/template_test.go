package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestUntouchedTemplateIsNeverPublished loads the new brief template with
// draft: false and nothing filled in: every piece of example text is an
// error at its line, so it cannot reach the site.
func TestUntouchedTemplateIsNeverPublished(t *testing.T) {
	brief := NewBrief("Housing: what helps?", "2026-11-20")
	fsys := fstest.MapFS{
		"site.yaml":                     {Data: []byte("title: T\nbase_url: https://example.org/\n")},
		"content/index.md":              {Data: []byte("---\ntitle: Home\nsummary: Home.\n---\n")},
		"content/functions/capacity.md": {Data: []byte("---\ntitle: Capacity\nsummary: C.\n---\n")},
		"content/briefs/councils-care-act-and-mental-health.md": {Data: []byte("---\ntitle: C\nsummary: s\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-01-01\n---\n")},
		"content/briefs/housing-what-helps.md":                  {Data: []byte(strings.Replace(brief, "draft: true", "draft: false", 1))},
	}
	_, diags, err := Load(fsys, Options{BuildDate: today})
	if err != nil {
		t.Fatal(err)
	}
	want := `content/briefs/housing-what-helps.md:1:1: error: a brief needs at least one function or priority
    hint: add functions: [...] or priorities: [...] so that a function or priority page lists it
content/briefs/housing-what-helps.md:7:10: error: "Say here, in plain words, what this brief explains and why it matters." is the example text of the new brief template
    hint: write the brief's summary in its place, or set draft: true until it is ready
content/briefs/housing-what-helps.md:35:12: error: "Name of the report or article" is the example text of the new brief template
    hint: write the source's title in its place, or set draft: true until it is ready
content/briefs/housing-what-helps.md:36:13: error: "Surname A, Surname B" is the example text of the new brief template
    hint: write the source's author in its place, or set draft: true until it is ready
content/briefs/housing-what-helps.md:38:16: error: "Who published it" is the example text of the new brief template
    hint: write the source's publisher in its place, or set draft: true until it is ready
content/briefs/housing-what-helps.md:50:1: error: "Write the brief here, in Markdown." is the example text of the new brief template
    hint: replace it with the text of the brief, or set draft: true until it is ready
content/briefs/housing-what-helps.md:54:1: error: "Say what the evidence means for people and carers" is the example text of the new brief template
    hint: replace it with the text of the brief, or set draft: true until it is ready
content/briefs/housing-what-helps.md:60:1: error: "Say where the evidence is thin or missing" is the example text of the new brief template
    hint: replace it with the text of the brief, or set draft: true until it is ready
content/briefs/housing-what-helps.md:62:1: error: "Link to another brief by its file name, like this:" is the example text of the new brief template
    hint: replace it with the text of the brief, or set draft: true until it is ready
`
	if got := diags.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// As a draft, the same file stops nothing: its problems are warnings.
	fsys["content/briefs/housing-what-helps.md"] = &fstest.MapFile{Data: []byte(brief)}
	_, diags, _ = Load(fsys, Options{BuildDate: today})
	if diags.HasErrors() {
		t.Errorf("the template as a draft has errors:\n%s", diags)
	}
}
