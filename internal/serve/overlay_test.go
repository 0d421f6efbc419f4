package serve

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-hub/alongside/internal/content"
)

func TestOverlayListsEveryProblemInTheWordsOfCheck(t *testing.T) {
	ds := content.Diagnostics{
		{Pos: content.Pos{File: "content/briefs/advocacy.md", Line: 14, Col: 22}, Severity: content.Error,
			Msg: `link to "advocasy.md": there is no such brief`, Hint: `did you mean "advocacy.md"?`},
		{Pos: content.Pos{File: "content/briefs/a&b.md"}, Severity: content.Warning, Msg: `raw HTML <b> is not shown`},
	}
	got := string(overlayHTML(ds, false))
	want := `<section id="alongside_problems" class="alongside-problems" role="alert" tabindex="-1" aria-labelledby="alongside_problems_title">` +
		`<h2 id="alongside_problems_title">The site was not rebuilt: 1 error to fix</h2>` +
		`<p>This page shows the last version that built. Fix each problem below and save the file: the page then reloads by itself.</p><ol>` +
		`<li><code>content/briefs/advocacy.md:14:22</code>: error: link to &#34;advocasy.md&#34;: there is no such brief<span class="alongside-hint">hint: did you mean &#34;advocacy.md&#34;?</span></li>` +
		`<li><code>content/briefs/a&amp;b.md</code>: warning: raw HTML &lt;b&gt; is not shown</li>` +
		`</ol><button type="button" id="alongside_problems_close" hidden>Close this list (Escape)</button></section>`
	if got != want {
		t.Fatalf("overlay:\n got %s\nwant %s", got, want)
	}
}

func TestInject(t *testing.T) {
	page := []byte(`<!doctype html><html><head><title>x</title></head><body><header>h</header><main id="main_content" class="wrap"><h1>T</h1></main><footer>f</footer></body></html>`)
	errs := content.Diagnostics{{Pos: content.Pos{File: "site.yaml", Line: 1, Col: 1}, Severity: content.Error, Msg: "bad"}}
	got := string(inject(page, errs, true, false, 7))
	want := `<!doctype html><html><head><title>x</title><link rel="stylesheet" href="/_alongside/serve.css"><script src="/_alongside/reload.js" data-build="7" defer></script></head>` +
		`<body><header>h</header><main id="main_content" class="wrap">` + draftBanner + `<h1>T</h1>` + string(overlayHTML(errs, false)) + `</main><footer>f</footer></body></html>`
	if got != want {
		t.Fatalf("inject:\n got %s\nwant %s", got, want)
	}
	// Warnings alone do not cover the page; a page that is not a draft has no banner.
	warn := content.Diagnostics{{Pos: content.Pos{File: "site.yaml"}, Severity: content.Warning, Msg: "w"}}
	if got := string(inject(page, warn, false, false, 1)); strings.Contains(got, "alongside_problems") || strings.Contains(got, "Draft") {
		t.Fatalf("inject with a warning: %s", got)
	}
	// The original bytes are never changed: they are shared by every request.
	if !bytes.HasPrefix(page, []byte(`<!doctype html><html><head><title>x</title></head>`)) {
		t.Fatal("inject changed the page it was given")
	}
}

// The live-reload script and everything else serve adds never reach the
// output of a build.
func TestBuildOutputHasNoTraceOfServe(t *testing.T) {
	m := repoFS(t)
	res, err := fullBuild(m, content.Options{BuildDate: buildDate, Drafts: true})
	if err != nil || res.out == nil {
		t.Fatalf("build: %v\n%s", err, res.diags)
	}
	for _, p := range res.out.Paths() {
		for _, trace := range []string{"_alongside", "alongside-problems", "alongside-draft", "EventSource", "reload.js", "data-build"} {
			if bytes.Contains(res.out.Files[p], []byte(trace)) {
				t.Errorf("%s holds %q", p, trace)
			}
		}
	}
}

func TestFailedBuilds(t *testing.T) {
	m := repoFS(t)
	good := m["content/briefs/advocacy.md"].Data
	m["content/briefs/advocacy.md"] = &fstest.MapFile{Data: []byte("---\ntitle: \"unclosed\n---\nText\n")}
	// A first build with errors serves only the list of problems, at every address.
	s := newServer(m, Options{Content: testOptions()})
	s.rebuild()
	for _, target := range []string{"/", "/briefs/advocacy/", "/nothing"} {
		res := get(t, s, "GET", target)
		b := body(t, res)
		// Every problem is listed, however many the hub's links make.
		want := fmt.Sprintf(`The site cannot be built yet: %d errors to fix`, strings.Count(b, "<li><code>"))
		if !strings.Contains(b, `<h1>Problems to fix before the site can be built</h1>`) || !strings.Contains(b, `<code>content/briefs/advocacy.md:3</code>: error: the front matter is not valid YAML: found unexpected end of stream<span class="alongside-hint">hint: `) ||
			!strings.Contains(b, want) || strings.Count(b, "<li><code>") < 2 {
			t.Fatalf("GET %s after a failed first build: %s", target, b)
		}
	}
	// Fixed, the site is served with no overlay; broken again, the last
	// good build stays, with the problems over it; fixed, they go.
	m["content/briefs/advocacy.md"] = &fstest.MapFile{Data: good}
	s.rebuild()
	if b := body(t, get(t, s, "GET", "/briefs/advocacy/")); strings.Contains(b, "alongside_problems\"") || !strings.Contains(b, "<h1>Advocacy") {
		t.Fatalf("after the fix: %.300s", b)
	}
	m["content/briefs/advocacy.md"] = &fstest.MapFile{Data: append(append([]byte(nil), good...), "\n[x](no-such.md)\n"...)}
	s.rebuild()
	b := body(t, get(t, s, "GET", "/briefs/advocacy/"))
	if !strings.Contains(b, "<h1>Advocacy") || !strings.Contains(b, `role="alert"`) || !strings.Contains(b, `: error: link to &#34;no-such.md&#34;: there is no such brief`) {
		t.Fatalf("broken again: %.3000s", b)
	}
	m["content/briefs/advocacy.md"] = &fstest.MapFile{Data: good}
	s.rebuild()
	if b := body(t, get(t, s, "GET", "/briefs/advocacy/")); strings.Contains(b, `role="alert"`) {
		t.Fatal("the overlay stays after the fix")
	}
}

func TestDraftBanner(t *testing.T) {
	m := repoFS(t)
	m["content/briefs/a-draft.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A draft\nsummary: Not yet.\nfunctions: [capacity]\npublished: 2026-11-01\nreviewed: 2026-11-01\ndraft: true\n---\nText.\n")}
	opt := testOptions()
	opt.Drafts = true
	s := testServer(t, m, opt)
	if b := body(t, get(t, s, "GET", "/briefs/a-draft/")); !strings.Contains(b, `<main id="main_content" class="wrap" tabindex="-1">`+draftBanner+"<article><h1>A draft</h1>") {
		t.Fatalf("a draft has no banner: %.2000s", b)
	}
	if b := body(t, get(t, s, "GET", "/briefs/advocacy/")); strings.Contains(b, "Draft: not published") {
		t.Fatal("a published brief has the draft banner")
	}
	s = testServer(t, m, testOptions())
	if res := get(t, s, "GET", "/briefs/a-draft/"); res.StatusCode != 404 {
		t.Fatalf("without -drafts, a draft is served: %d", res.StatusCode)
	}
}
