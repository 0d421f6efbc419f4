package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/alongside-hub/alongside/internal/content"
)

// safeHead is the policy and referrer <meta> every page must have.
const safeHead = `<meta http-equiv="Content-Security-Policy" content="` + policy + `"><meta name="referrer" content="no-referrer">`

func page(body string) []byte {
	return []byte(`<!doctype html><html lang="en-GB"><head>` + safeHead + `<title>T</title></head><body>` + body + `</body></html>`)
}

// TestCheckFindsLayoutFaults shows that Check catches each kind of fault a
// layout could make, with its exact message.
func TestCheckFindsLayoutFaults(t *testing.T) {
	site := &content.Site{Config: content.Config{BaseURL: "https://example.org/hub/"}}
	out := &Output{Files: map[string][]byte{
		"index.html":        page(`<h1>Home</h1><a href="briefs/">ok</a><a href="briefs/a/#part">ok</a><a href="https://x.org/">ext</a>`),
		"briefs/index.html": page(`<h1>A</h1><h1>B</h1><a href="../missing/">x</a><a href="a/#nope">y</a><a href="a">z</a>`),
		"briefs/a/index.html": []byte(`<!doctype html><html><head>` + safeHead + `<title> </title></head><body><h2 id="part">P</h2><p id="part">again</p>` +
			`<a href="../../../up.html">up</a><img src="/elsewhere/x.png" alt="x"><a href="/hub/briefs/">ok</a><a href="../../robots.txt#x">r</a></body></html>`),
		"robots.txt": []byte("User-agent: *\n"),
		"twice/index.html": page(`<h1>People&amp;rsquo;s choice</h1><nav><a href="#what-rsquo-s-next">What&amp;#8217;s next</a></nav>` +
			`<h2 id="what-rsquo-s-next">Next</h2><img src="../robots.txt" alt="a &amp;ldquo;chart&amp;rdquo;">` +
			`<p>R&amp;D &amp; more; fine&rsquo;s fine</p><code>&amp;amp; in code is fine</code>`),
	}, Sources: map[string]string{"briefs/a/index.html": "content/briefs/a.md"}}
	got := out.Check(site)
	got.Sort()
	want := `(generated) briefs/index.html: error: the page /briefs/ has 2 main headings (h1); it should have exactly one
    hint: check the layout and the Markdown: use ## for sections
(generated) briefs/index.html: error: the page /briefs/ links to "../missing/", which does not exist
    hint: this link comes from the layouts; check the template that makes it
(generated) briefs/index.html: error: the page /briefs/ links to "a", which needs a / at the end
    hint: this link comes from the layouts; check the template that makes it
(generated) briefs/index.html: error: the page /briefs/ links to "a/#nope", but /briefs/a/ has no id "nope"
    hint: this link comes from the layouts; check the template that makes it
(generated) twice/index.html: error: the page /twice/ has the id "what-rsquo-s-next", made from an HTML entity
    hint: ids are made from the text a reader sees; check the code that makes this one
(generated) twice/index.html: error: the page /twice/ shows "&#8217;" to readers: an HTML entity escaped twice
    hint: write the character itself (’ or “), or check the code that escapes this text
(generated) twice/index.html: error: the page /twice/ shows "&ldquo;" to readers: an HTML entity escaped twice
    hint: write the character itself (’ or “), or check the code that escapes this text
(generated) twice/index.html: error: the page /twice/ shows "&rsquo;" to readers: an HTML entity escaped twice
    hint: write the character itself (’ or “), or check the code that escapes this text
content/briefs/a.md: error: the page /briefs/a/ does not say its language
    hint: the layout's <html> element needs lang="en-GB"
content/briefs/a.md: error: the page /briefs/a/ has 0 main headings (h1); it should have exactly one
    hint: check the layout and the Markdown: use ## for sections
content/briefs/a.md: error: the page /briefs/a/ has no title
    hint: the layout's <title> element must not be empty
content/briefs/a.md: error: the page /briefs/a/ links to "../../../up.html", which is above the site's root
    hint: this link comes from the layouts; check the template that makes it
content/briefs/a.md: error: the page /briefs/a/ links to "../../robots.txt#x", but only HTML pages have sections
    hint: this link comes from the layouts; check the template that makes it
content/briefs/a.md: error: the page /briefs/a/ links to "/elsewhere/x.png", which is outside the site's base path /hub/
    hint: this link comes from the layouts; check the template that makes it
content/briefs/a.md: error: the page /briefs/a/ uses the id "part" 2 times
    hint: ids must be unique; layout ids contain an underscore so that headings cannot take them
`
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	checkMinifiedToo(t, out, site, want)
}

// checkMinifiedToo minifies the pages of out, as the build checks them
// (RenderMinified), and expects the same problems, in the same words.
func checkMinifiedToo(t *testing.T, out *Output, site *content.Site, want string) {
	t.Helper()
	m := newMinifier()
	for p, b := range out.Files {
		if isHTML(p) {
			min, err := m.Bytes("text/html", b)
			if err != nil {
				t.Fatal(err)
			}
			out.Files[p] = min
		}
	}
	got := out.Check(site)
	got.Sort()
	if got.String() != want {
		t.Errorf("minified, got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteDirReplacesWhole(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	if err := os.MkdirAll(filepath.Join(dir, "stale"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "stale", "old.html"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(dir, Marker), nil, 0o644)
	out := &Output{Files: map[string][]byte{"index.html": []byte("new"), "a/b/c.txt": []byte("deep")}}
	if err := out.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "stale")); !os.IsNotExist(err) {
		t.Errorf("stale folder survived: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a/b/c.txt")); string(b) != "deep" {
		t.Errorf("a/b/c.txt = %q", b)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left behind beside the output: %v", names)
	}
}

func TestWriteDirFailureKeepsOldSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	good := &Output{Files: map[string][]byte{"index.html": []byte("good")}}
	if err := good.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	bad := &Output{Files: map[string][]byte{"index.html": []byte("bad"), "../escape.txt": []byte("x")}}
	err := bad.WriteDir(dir)
	if err == nil || err.Error() != `refusing to write "../escape.txt": it is outside the output folder` {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(b) != "good" {
		t.Errorf("old site lost: index.html = %q", b)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.txt")); !os.IsNotExist(err) {
		t.Error("a file was written outside the output folder")
	}
}

func TestMinifyLeavesCopiedFiles(t *testing.T) {
	out := &Output{
		Files:  map[string][]byte{"index.html": []byte("<p>  a   b  </p>\n\n"), "briefs/raw.html": []byte("<p>  a   b  </p>\n\n"), "assets/site.css": []byte("a {  color : red ; }\n")},
		Copied: map[string]bool{"briefs/raw.html": true},
	}
	if err := out.Minify(); err != nil {
		t.Fatal(err)
	}
	if got := string(out.Files["index.html"]); got != "<p>a b</p>" {
		t.Errorf("index.html = %q", got)
	}
	if got := string(out.Files["briefs/raw.html"]); got != "<p>  a   b  </p>\n\n" {
		t.Errorf("copied file changed: %q", got)
	}
	if got := string(out.Files["assets/site.css"]); got != "a{color:red}" {
		t.Errorf("site.css = %q", got)
	}
}

// TestScanKeepsFactsSmall shows what scan keeps of a page: each id,
// sorted and counted, each address once, and with an interner one copy of
// each address and id however many pages give it.
func TestScanKeepsFactsSmall(t *testing.T) {
	in := interner{}
	a := scan(page(`<h1 id="z">A</h1><p id="b">x</p><p id="z">y</p><a href="../x/">x</a><a href="../x/">again</a><img src="c.png" alt="c">`), in)
	b := scan(page(`<h1 id="z">B</h1><a href="../x/">x</a>`), in)
	if got := strings.Join(a.ids, " "); got != "b z z" {
		t.Errorf("ids %q, want sorted with the repeat: %q", got, "b z z")
	}
	for id, want := range map[string]int{"z": 2, "b": 1, "nothing": 0} {
		if got := a.count(id); got != want {
			t.Errorf("count(%q) = %d, want %d", id, got, want)
		}
	}
	if got := strings.Join(a.refs, " "); got != "../x/ c.png" {
		t.Errorf("refs %q, want each address once in order: %q", got, "../x/ c.png")
	}
	if unsafe.StringData(a.refs[0]) != unsafe.StringData(b.refs[0]) || unsafe.StringData(a.ids[1]) != unsafe.StringData(b.ids[0]) {
		t.Error("two pages scanned with one interner hold two copies of an address or id")
	}
	c := scan(page(`<a href="../x/">x</a>`), nil)
	if c.refs[0] != "../x/" {
		t.Errorf("without an interner: refs %q", c.refs)
	}
}

// TestScanReadsAttributesInAnyCase: scan skips attributes it has no use
// for, but reads those it needs however they are written.
func TestScanReadsAttributesInAnyCase(t *testing.T) {
	f := scan(page(`<P ID="a" class="x">x</P><p id="a">y</p><A HREF="../x/" rel="prev">l</A><div ONCLICK="go()" STYLE="color:red">d</div><img SRC="c.png" ALT="Image">`), nil)
	if got := strings.Join(f.ids, " "); got != "a a" {
		t.Errorf("ids %q", got)
	}
	if got := strings.Join(f.refs, " "); got != "../x/ c.png" {
		t.Errorf("refs %q", got)
	}
	if got := strings.Join(f.inline, "; "); got != "an event handler (onclick) on <div>; a style attribute on <div>" {
		t.Errorf("inline %q", got)
	}
}
