package render

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/alongside-hub/alongside/internal/content"
)

// smallSite is the least a site needs to build, as source files.
func smallSite() map[string]string {
	return map[string]string{
		"site.yaml":                     "title: T\nbase_url: https://example.org/\n",
		"content/index.md":              "---\ntitle: Home\nsummary: Home.\n---\nHi.\n",
		"content/pages/help.md":         "---\ntitle: Need help now?\nsummary: Who to call.\n---\nCall 999.\n",
		"content/functions/capacity.md": "---\ntitle: Capacity\nsummary: People.\n---\n",
		"content/briefs/good.md":        "---\ntitle: Good\nsummary: Fine.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\nText.\n",
	}
}

// build loads and renders files (added to smallSite; "" deletes one) with
// the project's layouts, and returns the output and every diagnostic of
// loading and of Check.
func build(t *testing.T, files map[string]string) (*Output, content.Diagnostics) {
	t.Helper()
	fsys := fstest.MapFS{}
	for k, v := range smallSite() {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	for k, v := range files {
		if v == "" {
			delete(fsys, k)
			continue
		}
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	site, diags, err := content.Load(fsys, content.Options{BuildDate: today})
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	out := renderWithLayouts(t, site, fsys)
	diags = append(diags, out.Check(site)...)
	diags.Sort()
	streamedToo(t, site, fsys)
	return out, diags
}

// TestAddressClashes shows that no content file or alias can take the
// address of a layout asset, a generated file or another file, and that
// the message names both sources.
func TestAddressClashes(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"content file over the stylesheet", map[string]string{"content/assets/site.css": "body{}"},
			"content/assets/site.css: error: this makes the file /assets/site.css, which layouts/assets/site.css also makes\n" +
				"    hint: rename or move one of them so that each file has its own address\n"},
		{"alias over the stylesheet", map[string]string{"content/pages/about.md": "---\ntitle: About\nsummary: A.\naliases: [/old/, /assets/site.css]\n---\n"},
			"content/pages/about.md:4:18: error: the alias \"/assets/site.css\" makes the file /assets/site.css, which layouts/assets/site.css also makes\n" +
				"    hint: rename or move one of them so that each file has its own address\n"},
		{"content file over the search script", map[string]string{"content/assets/search.js": "alert(1)"},
			"content/assets/search.js: error: this makes the file /assets/search.js, which layouts/assets/search.js also makes\n" +
				"    hint: rename or move one of them so that each file has its own address\n"},
		{"file where a page needs a folder", map[string]string{"content/map": "x"},
			"content/map: error: this makes the file /map, but the generated page /map/ makes /map/index.html: one of them would have to be a file and a folder at once\n" +
				"    hint: rename or move one of them so that each file has its own address\n"},
		{"alias that differs only in case", map[string]string{"content/pages/about.md": "---\ntitle: About\nsummary: A.\naliases: [/Sitemap.xml]\n---\n"},
			"content/pages/about.md:4:11: error: the alias \"/Sitemap.xml\" makes the page /Sitemap.xml, which the generated page /sitemap.xml also makes\n" +
				"    hint: rename one of them so that each page has its own address\n"},
		{"alias under a copied file", map[string]string{"content/pages/about.md": "---\ntitle: About\nsummary: A.\naliases: [/briefs/chart.png/old/]\n---\n", "content/briefs/chart.png": "png"},
			"content/pages/about.md:4:11: error: the alias \"/briefs/chart.png/old/\" makes the file /briefs/chart.png/old/index.html, but content/briefs/chart.png makes /briefs/chart.png: one of them would have to be a file and a folder at once\n" +
				"    hint: rename or move one of them so that each file has its own address\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := build(t, tt.files)
			if got := diags.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestCheckFindsPolicyFaults shows that a page without the site's
// Content-Security-Policy or referrer policy, or with anything inline that
// the policy would block, fails Check. A JSON-LD data block is not a
// script and passes.
func TestCheckFindsPolicyFaults(t *testing.T) {
	site := &content.Site{Config: content.Config{BaseURL: "https://example.org/"}}
	out := &Output{Files: map[string][]byte{
		"index.html": page(`<h1>Home</h1><script type="application/ld+json">{"@context":"https://schema.org"}</script><script src="assets/x.js"></script>`),
		"bare/index.html": []byte(`<!doctype html><html lang="en-GB"><head><title>T</title>` +
			`<meta http-equiv="Content-Security-Policy" content="default-src *"></head><body><h1>B</h1></body></html>`),
		"inline/index.html": page(`<h1 style="color:red">I</h1><script>alert(1)</script><style>p{}</style><img src="../x.png" alt="x" onerror="alert(1)"><a href="JavaScript:alert(1)">x</a>`),
		"x.png":             []byte("png"),
		"assets/x.js":       []byte(""),
	}}
	got := out.Check(site)
	got.Sort()
	want := `(generated) bare/index.html: error: the page /bare/ does not carry the site's Content-Security-Policy
    hint: base.html's <head> needs <meta http-equiv="Content-Security-Policy" content="` + policy + `">
(generated) bare/index.html: error: the page /bare/ does not say "no-referrer"
    hint: base.html's <head> needs <meta name="referrer" content="no-referrer">
(generated) inline/index.html: error: the page /inline/ has a <style> element, which its Content-Security-Policy blocks
    hint: put scripts and styles in layouts/assets/ and link to them; use a class instead of a style attribute
(generated) inline/index.html: error: the page /inline/ has a javascript: address on <a>, which its Content-Security-Policy blocks
    hint: put scripts and styles in layouts/assets/ and link to them; use a class instead of a style attribute
(generated) inline/index.html: error: the page /inline/ has a style attribute on <h1>, which its Content-Security-Policy blocks
    hint: put scripts and styles in layouts/assets/ and link to them; use a class instead of a style attribute
(generated) inline/index.html: error: the page /inline/ has an event handler (onerror) on <img>, which its Content-Security-Policy blocks
    hint: put scripts and styles in layouts/assets/ and link to them; use a class instead of a style attribute
(generated) inline/index.html: error: the page /inline/ has an inline <script>, which its Content-Security-Policy blocks
    hint: put scripts and styles in layouts/assets/ and link to them; use a class instead of a style attribute
`
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	checkMinifiedToo(t, out, site, want)
}

// TestEveryPageCarriesThePolicy builds a site and finds the policy and
// referrer <meta> on every page, tables included (alignment is a class).
func TestEveryPageCarriesThePolicy(t *testing.T) {
	out, diags := build(t, map[string]string{
		"content/briefs/good.md": "---\ntitle: Good\nsummary: Fine.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n",
	})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	n := 0
	for _, p := range out.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		n++
		f := scan(out.Files[p], nil)
		if !f.csp || !f.referrer || len(f.inline) > 0 {
			t.Errorf("%s: policy %v, referrer %v, inline %q", p, f.csp, f.referrer, f.inline)
		}
	}
	if !strings.Contains(string(out.Files["briefs/good/index.html"]), `<th class="align-center">a</th>`) {
		t.Errorf("the table's alignment is not a class:\n%s", out.Files["briefs/good/index.html"])
	}
	if n < 10 {
		t.Errorf("only %d pages", n)
	}
}

// TestNamesCutByLetter: glossary titles and topic names that start with a
// digit or a letter outside ASCII build, with one group per letter, ids
// that are unique and text that is valid UTF-8.
func TestNamesCutByLetter(t *testing.T) {
	entry := func(title string) string { return "---\ntitle: " + title + "\nsummary: S.\n---\n" }
	out, diags := build(t, map[string]string{
		"site.yaml":                   "title: T\nbase_url: https://example.org/\ntopics:\n  egalite: Égalité\n  nhs: NHS funding\n",
		"content/glossary/crisis.md":  entry("24-hour crisis line"),
		"content/glossary/equipe.md":  entry("Équipe mobile"),
		"content/glossary/amhp.md":    entry("Approved mental health professional"),
		"content/glossary/ecology.md": entry("Ecology"),
		"content/glossary/zeta.md":    entry("Zeta"),
		"content/glossary/omega.md":   entry("Ωmega"),
		"content/briefs/good.md":      "---\ntitle: Good\nsummary: Fine.\nfunctions: [capacity]\ntopics: [egalite, nhs]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\nText.\n",
	})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	for p, b := range out.Files {
		if !utf8.Valid(b) && strings.HasSuffix(p, ".html") {
			t.Errorf("%s is not valid UTF-8", p)
		}
	}
	g := string(out.Files["glossary/index.html"])
	var letters []string
	for _, part := range strings.Split(g, `<h2 id="`)[1:] {
		letters = append(letters, part[:strings.IndexByte(part, '"')])
	}
	if got, want := strings.Join(letters, " "), "letter_other letter_a letter_e letter_z"; got != want {
		t.Errorf("glossary groups %q, want %q", got, want)
	}
	if i, j := strings.Index(g, "Ecology"), strings.Index(g, "Équipe mobile"); i < 0 || j < i {
		t.Errorf("Équipe mobile should come after Ecology, under E")
	}
	for p, want := range map[string]string{"topics/egalite/index.html": "Briefs about égalité.", "topics/nhs/index.html": "Briefs about NHS funding."} {
		if !strings.Contains(string(out.Files[p]), want) {
			t.Errorf("%s does not say %q", p, want)
		}
	}
}

// TestAssetsLeaveOutWhatContentIgnores shows that the files content/
// ignores are not published from layouts/assets/ either: the folder's
// Makefile (for "make check"), notes and hidden files, at any depth.
func TestAssetsLeaveOutWhatContentIgnores(t *testing.T) {
	layouts := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../layouts"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(os.DirFS("../../layouts"), p)
		layouts[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ignored := []string{"assets/Makefile", "assets/.DS_Store", "assets/_notes.txt",
		"assets/icons/Makefile", "assets/_old/site.css", "assets/.cache/x.css"}
	for _, p := range append(ignored, "assets/icons/a.svg") {
		layouts[p] = &fstest.MapFile{Data: []byte("x")}
	}
	fsys := fstest.MapFS{}
	for k, v := range smallSite() {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	site, diags, err := content.Load(fsys, content.Options{BuildDate: today})
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v\n%s", err, diags)
	}
	ls, err := LoadLayouts(layouts)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(site, ls, layouts, fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ignored {
		if _, ok := out.Files[p]; ok {
			t.Errorf("%s was published", p)
		}
	}
	for _, p := range []string{"assets/icons/a.svg", "assets/site.css", "assets/search.js"} {
		if _, ok := out.Files[p]; !ok {
			t.Errorf("%s was not published", p)
		}
	}
}
