package content

import (
	"testing"
	"testing/fstest"
)

// TestSiteYAMLWithByteOrderMark: Notepad saves UTF-8 with a byte-order
// mark first, which is not a mistake in site.yaml.
func TestSiteYAMLWithByteOrderMark(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":        {Data: []byte("\uFEFFtitle: T\nbase_url: https://example.org/\n")},
		"content/index.md": {Data: []byte("---\ntitle: Home\nsummary: Home.\n---\n")},
	}
	site, diags, err := Load(fsys, Options{BuildDate: today})
	if err != nil || len(diags) > 0 || site.Config.Title != "T" {
		t.Errorf("err %v, title %q, diagnostics:\n%s", err, site.Config.Title, diags)
	}
}

// A value on a line the YAML checks repaired (a space put after its
// colon, its indentation) is told at its column in the line as written.
func TestRepairedLineColumns(t *testing.T) {
	fsys := overlay(minimalSite(), fstest.MapFS{"site.yaml": {Data: []byte("title: T\nbase_url: https://example.org/\nchecks:\n  min_words: 10\n max_words:1\n")}})
	_, diags, err := Load(fsys, Options{BuildDate: today})
	if err != nil {
		t.Fatal(err)
	}
	want := "site.yaml:5:1: error: this line does not line up with the lines above it\n    hint: indent it with 2 spaces, to line up with \"min_words: 10\" above\n" +
		"site.yaml:5:11: error: there is no space after the colon in \"max_words:1\"\n    hint: write it as: max_words: 1\n" +
		"site.yaml:5:12: error: max_words (1) is less than min_words (10)\n    hint: make max_words larger than min_words\n"
	var got Diagnostics
	for _, d := range diags {
		if d.Pos.File == "site.yaml" {
			got = append(got, d)
		}
	}
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
