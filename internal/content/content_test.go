package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
)

func TestRelURL(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"/", "/briefs/x/", "briefs/x/"},
		{"/", "/", "./"},
		{"/briefs/a/", "/briefs/b/", "../b/"},
		{"/briefs/a/", "/glossary/#amhp", "../../glossary/#amhp"},
		{"/briefs/a/", "/briefs/a/#part", "#part"},
		{"/briefs/a/", "/briefs/a/", "./"},
		{"/briefs/a/", "/", "../../"},
		{"/briefs/", "/briefs/a/", "a/"},
		{"/briefs/a/", "/briefs/chart.png", "../chart.png"},
		{"/help/", "/assets/site.css", "../assets/site.css"},
		{"/404.html", "/help/", "help/"},
		{"/functions/x/", "/functions/x/feed.xml", "feed.xml"},
	}
	for _, tt := range tests {
		if got := RelURL(tt.from, tt.to); got != tt.want {
			t.Errorf("RelURL(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestOutputPath(t *testing.T) {
	tests := map[string]string{"/": "index.html", "/briefs/x/": "briefs/x/index.html", "/feed.xml": "feed.xml", "/404.html": "404.html"}
	for in, want := range tests {
		if got := OutputPath(in); got != want {
			t.Errorf("OutputPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPageURL(t *testing.T) {
	tests := []struct {
		rel, url string
		kind     Kind
		ok       bool
	}{
		{"index.md", "/", KindHome, true},
		{"briefs/advocacy.md", "/briefs/advocacy/", KindBrief, true},
		{"functions/capacity.md", "/functions/capacity/", KindFunction, true},
		{"priorities/economic-case.md", "/priorities/economic-case/", KindPriority, true},
		{"pages/help.md", "/help/", KindPage, true},
		{"notes/x.md", "", "", false},
		{"briefs/sub/x.md", "", "", false},
	}
	for _, tt := range tests {
		url, kind, ok := pageURL(tt.rel)
		if url != tt.url || kind != tt.kind || ok != tt.ok {
			t.Errorf("pageURL(%q) = %q, %q, %v; want %q, %q, %v", tt.rel, url, kind, ok, tt.url, tt.kind, tt.ok)
		}
	}
}

func TestClosest(t *testing.T) {
	tests := []struct {
		s    string
		want string
		ok   bool
	}{
		{"advocasy.md", "advocacy.md", true},
		{"priority", "priorities", true},
		{"stewardshp", "stewardship", true},
		{"colour", "", false},
		{"x", "", false},
	}
	cands := []string{"advocacy.md", "priorities", "stewardship", "title"}
	for _, tt := range tests {
		got, ok := closest(tt.s, cands)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("closest(%q) = %q, %v; want %q, %v", tt.s, got, ok, tt.want, tt.ok)
		}
	}
}

// minimalSite is a valid site to which a test adds one bad file.
// overlay adds files to fsys, and deletes those given as nil.
func overlay(fsys, files fstest.MapFS) fstest.MapFS {
	for k, v := range files {
		if v == nil {
			delete(fsys, k)
			continue
		}
		fsys[k] = v
	}
	return fsys
}

func minimalSite() fstest.MapFS {
	return fstest.MapFS{
		"site.yaml":                      {Data: []byte("title: T\nbase_url: https://example.org/\n")},
		"content/index.md":               {Data: []byte("---\ntitle: Home\nsummary: Home.\n---\nHi.\n")},
		"content/functions/capacity.md":  {Data: []byte("---\ntitle: Capacity\nsummary: People.\n---\n")},
		"content/briefs/good.md":         {Data: []byte("---\ntitle: Good\nsummary: Fine.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\nText.\n")},
		"content/pages/outside-link.txt": {Data: []byte("kept as it is")},
	}
}

// TestBadInput gives each kind of bad file its own exact message, and
// shows that nothing panics and the rest of the site still loads.
func TestBadInput(t *testing.T) {
	huge := bytes.Repeat([]byte("a"), MaxFileSize+1)
	tests := []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"invalid UTF-8", fstest.MapFS{"content/briefs/bad.md": {Data: []byte("---\ntitle: A\nsummary: B \xff\xfe\n---\n")}},
			"content/briefs/bad.md:3:12: error: the file has a character that is not valid UTF-8 text\n    hint: save the file as UTF-8 in your editor, or retype the character\n"},
		{"empty file", fstest.MapFS{"content/briefs/empty.md": {Data: []byte(" \n\n")}},
			"content/briefs/empty.md: error: the file is empty\n    hint: add front matter and text, or delete the file\n"},
		{"huge file", fstest.MapFS{"content/briefs/huge.md": {Data: huge}},
			"content/briefs/huge.md: error: the file is 5.0 MB; the most the site takes is 5 MB\n    hint: make it smaller, or keep it outside content/ and link to it\n"},
		{"symlink out of content", fstest.MapFS{"content/briefs/secret.md": {Data: []byte("../../site.yaml"), Mode: fs.ModeSymlink}},
			"content/briefs/secret.md: error: this is a link to \"../../site.yaml\", which leads outside the content folder; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"absolute symlink", fstest.MapFS{"content/passwd": {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}},
			"content/passwd: error: this is a link to \"/etc/passwd\", which leads outside the content folder; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"symlink to a missing file", fstest.MapFS{"content/briefs/gone.md": {Data: []byte("nowhere.md"), Mode: fs.ModeSymlink}},
			"content/briefs/gone.md: error: this is a link to \"nowhere.md\", which does not exist\n    hint: remove the link, or point it at a file that exists\n"},
		{"duplicate URL", fstest.MapFS{"content/pages/briefs.md": {Data: []byte("---\ntitle: Briefs\nsummary: Clash.\n---\n")}},
			"content/pages/briefs.md: error: this makes the page /briefs/, which the generated page /briefs/ also makes\n    hint: rename one of them so that each page has its own address\n"},
		{"missing site.yaml", fstest.MapFS{"site.yaml": nil},
			"site.yaml: error: the site settings file is missing\n    hint: create site.yaml at the top of the project with at least title and base_url\n"},
		{"bad base_url", fstest.MapFS{"site.yaml": {Data: []byte("title: T\nbase_url: example.org\n")}},
			"site.yaml:2:11: error: the base URL \"example.org\" is not a full web address\n    hint: write it like https://owner.github.io/hub/\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := overlay(minimalSite(), tt.files)
			site, diags, err := Load(fsys, Options{BuildDate: today})
			if err != nil {
				t.Fatal(err)
			}
			if got := diags.String(); got != tt.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tt.want)
			}
			if len(site.Briefs) == 0 || site.Briefs[0].Slug != "good" {
				t.Errorf("the good brief was lost: %v", site.Briefs)
			}
		})
	}
}

func TestSymlinkInsideContentIsRead(t *testing.T) {
	fsys := minimalSite()
	fsys["content/briefs/alias.md"] = &fstest.MapFile{Data: []byte("good.md"), Mode: fs.ModeSymlink}
	site, diags, err := Load(fsys, Options{BuildDate: today})
	if err != nil || len(diags) > 0 {
		t.Fatalf("err %v, diags %s", err, diags)
	}
	if len(site.Briefs) != 2 {
		t.Errorf("got %d briefs, want the linked copy too", len(site.Briefs))
	}
}

func TestWindowsLineEndingsAndBOM(t *testing.T) {
	fsys := minimalSite()
	fsys["content/briefs/crlf.md"] = &fstest.MapFile{Data: []byte("\uFEFF---\r\ntitle: CRLF\r\nsummary: Windows.\r\nfunctions: [capacity]\r\npublished: 2026-01-01\r\nreviewed: 2026-01-02\r\n---\r\n## Part\r\n\r\n[bad](nope.md)\r\n")}
	_, diags, err := Load(fsys, Options{BuildDate: today})
	if err != nil {
		t.Fatal(err)
	}
	want := "content/briefs/crlf.md:10:1: error: link to \"nope.md\": there is no such brief\n    hint: check the spelling of the file name\n"
	if got := diags.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestDraftsOnlyWithOption(t *testing.T) {
	fsys := minimalSite()
	fsys["content/briefs/draft.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Draft\nsummary: Not yet.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-01-01\ndraft: true\n---\n")}
	for _, drafts := range []bool{false, true} {
		site, _, err := Load(fsys, Options{BuildDate: today, Drafts: drafts})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(site.Briefs), map[bool]int{false: 1, true: 2}[drafts]; got != want {
			t.Errorf("drafts=%v: %d briefs, want %d", drafts, got, want)
		}
	}
}

// Merge of two sorted lists is the sorted list of both, ties in order:
// what Sort makes of the first followed by the second.
func TestDiagnosticsMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	some := func() Diagnostics {
		var ds Diagnostics
		for range r.IntN(8) {
			ds = append(ds, Diagnostic{Pos: Pos{File: string(rune('a' + r.IntN(3))), Line: r.IntN(3), Col: r.IntN(2)},
				Severity: Severity(r.IntN(2)), Msg: string(rune('x' + r.IntN(2))), Hint: fmt.Sprint(r.IntN(100))})
		}
		ds.Sort()
		return ds
	}
	for range 500 {
		a, b := some(), some()
		want := append(append(Diagnostics(nil), a...), b...)
		want.Sort()
		if got := a.Merge(b); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("Merge(%v, %v) = %v, want %v", a, b, got, want)
		}
	}
}

func TestDiagnosticsSortedAndCounted(t *testing.T) {
	ds := Diagnostics{
		{Pos: Pos{File: "b.md", Line: 1, Col: 1}, Severity: Warning, Msg: "w"},
		{Pos: Pos{File: "a.md", Line: 2, Col: 5}, Severity: Error, Msg: "e2"},
		{Pos: Pos{File: "a.md", Line: 2, Col: 1}, Severity: Error, Msg: "e1", Hint: "fix it"},
	}
	want := "a.md:2:1: error: e1\n    hint: fix it\na.md:2:5: error: e2\nb.md:1:1: warning: w\n"
	if got := ds.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if e, w := ds.Count(); e != 2 || w != 1 || !ds.HasErrors() {
		t.Errorf("Count = %d, %d", e, w)
	}
}

// FuzzRelURL checks the one property that matters: a browser resolving the
// relative address from the page lands on the target.
func FuzzRelURL(f *testing.F) {
	f.Add("/briefs/a/", "/glossary/#amhp")
	f.Add("/", "/")
	f.Add("/404.html", "/help/")
	f.Add("/a/b/c/", "/a/x.png")
	f.Fuzz(func(t *testing.T, from, to string) {
		// Site paths are made of slugs, file names and "/" (see pageURL).
		for _, r := range from + to {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("-./#_", r)) {
				return
			}
		}
		for _, seg := range strings.Split(from+"/"+strings.Split(to, "#")[0], "/") {
			if strings.HasPrefix(seg, ".") {
				return // names starting with "." are never published
			}
		}
		if !strings.HasPrefix(from, "/") || !strings.HasPrefix(to, "/") ||
			strings.Contains(from+to, "//") || strings.Contains(from+to, "/./") || strings.Contains(from+to, "/../") ||
			strings.HasSuffix(from, "/.") || strings.HasSuffix(from, "/..") || strings.HasSuffix(to, "/.") || strings.HasSuffix(to, "/..") ||
			strings.Contains(from, "#") || strings.Count(to, "#") > 1 {
			return
		}
		base, err := url.Parse("https://example.org" + from)
		if err != nil {
			return
		}
		rel := RelURL(from, to)
		ref, err := url.Parse(rel)
		if err != nil {
			t.Fatalf("RelURL(%q, %q) = %q does not parse: %v", from, to, rel, err)
		}
		got := base.ResolveReference(ref)
		want, _ := url.Parse("https://example.org" + to)
		if got.Path != want.Path || got.Fragment != want.Fragment {
			t.Fatalf("RelURL(%q, %q) = %q resolves to %q", from, to, rel, got)
		}
	})
}

// TestReviewDates covers the date rules one case at a time: the format, the
// default interval, and which mistakes are errors and which are warnings.
func TestReviewDates(t *testing.T) {
	tests := []struct {
		name, dates string
		due         string // the review_due the page ends up with
		diag        string // the one diagnostic expected, or ""
	}{
		{"default interval", "published: 2026-01-10\nreviewed: 2026-02-28", "2027-02-28", ""},
		{"given due date", "published: 2026-01-10\nreviewed: 2026-02-28\nreview_due: 2026-12-01", "2026-12-01", ""},
		{"quoted date", "published: \"2026-01-10\"\nreviewed: '2026-01-10'", "2027-01-10", ""},
		{"reviewed today", "published: 2026-11-23\nreviewed: 2026-11-23", "2027-11-23", ""},
		{"slashes", "published: 2026/01/10\nreviewed: 2026-01-10", "2027-01-10",
			`"published" should be a date like 2026-11-20, not "2026/01/10"`},
		{"no such day", "published: 2026-02-30\nreviewed: 2026-03-01", "2027-03-01",
			`"published" is 2026-02-30, but February 2026 has 28 days`},
		{"due passed", "published: 2024-01-01\nreviewed: 2024-06-01", "2025-06-01",
			"the review of this page was due on 2025-06-01"},
		{"due not after reviewed", "published: 2026-01-01\nreviewed: 2026-05-01\nreview_due: 2026-04-01", "",
			`"review_due" is 2026-04-01, not after "reviewed" (2026-05-01)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimalSite()
			fsys["content/briefs/good.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Good\nsummary: Fine.\nfunctions: [capacity]\n" + tt.dates + "\n---\n")}
			site, diags, err := Load(fsys, Options{BuildDate: today})
			if err != nil {
				t.Fatal(err)
			}
			var msgs []string
			for _, d := range diags {
				msgs = append(msgs, d.Msg)
			}
			if got := strings.Join(msgs, "; "); got != tt.diag {
				t.Errorf("diagnostics %q, want %q", got, tt.diag)
			}
			got := ""
			if due := site.Briefs[0].ReviewDue; !due.IsZero() {
				got = due.Format(dateLayout)
			}
			if got != tt.due {
				t.Errorf("review due %q, want %q", got, tt.due)
			}
		})
	}
}
