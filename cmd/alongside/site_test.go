package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// buildRepo builds the repository's own site into a new folder, checking
// review dates against today, as an editor's build would.
func buildRepo(t *testing.T, baseURL string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCLI(t, "build", "-root", "../..", "-out", out, "-base-url", baseURL)
	if code != 0 {
		t.Fatalf("building the hub failed (exit %d):\n%s%s", code, stderr, stdout)
	}
	// Warnings (a review falling due, a page above the reading grade aim)
	// are for editors to act on; they never fail the build or CI.
	if strings.Contains(stderr, ": error: ") {
		t.Errorf("the hub should build with no errors:\n%s%s", stderr, stdout)
	}
	return out
}

func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	return files
}

var (
	h1Tag    = regexp.MustCompile(`<h1[\s>]`)
	titleTag = regexp.MustCompile(`<title>[^<]*\S[^<]*</title>`)
	refAttr  = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// TestWholeSite builds content/ as it is in the repository: no errors, no
// warnings; every page has one <h1>, <html lang="en-GB"> and a <title>.
func TestWholeSite(t *testing.T) {
	out := buildRepo(t, "https://example.org/")
	files := htmlFiles(t, out)
	if len(files) < 20 {
		t.Fatalf("only %d pages", len(files))
	}
	for _, f := range files {
		b, _ := os.ReadFile(filepath.Join(out, f))
		if n := len(h1Tag.FindAll(b, -1)); n != 1 {
			t.Errorf("%s: %d <h1> elements", f, n)
		}
		if !bytes.Contains(b, []byte(`<html lang="en-GB">`)) {
			t.Errorf("%s: no <html lang=\"en-GB\">", f)
		}
		if !titleTag.Match(b) {
			t.Errorf("%s: no <title>", f)
		}
	}
}

// TestTwoBuildsAreIdentical builds twice and compares every byte.
func TestTwoBuildsAreIdentical(t *testing.T) {
	a := buildRepo(t, "https://example.org/")
	b := buildRepo(t, "https://example.org/")
	count := 0
	filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", rel)
		}
		count++
		return nil
	})
	if n := len(htmlFiles(t, b)); count == 0 || n == 0 {
		t.Fatal("nothing was built")
	}
}

// pagesServer serves dir under /hub/ on 127.0.0.1, answering a missing
// page with 404.html and status 404, as GitHub Pages does.
func pagesServer(dir string) *httptest.Server {
	files := http.FileServer(http.Dir(dir))
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/hub/") {
			http.NotFound(w, r)
			return
		}
		rel := strings.TrimPrefix(r.URL.Path, "/hub/")
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if st, err := os.Stat(p); err != nil || (st.IsDir() && !fileExists(filepath.Join(p, "index.html"))) {
			w.WriteHeader(http.StatusNotFound)
			b, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Write(b)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + rel
		files.ServeHTTP(w, r2)
	}))
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// TestServedUnderSubPath serves a build at /hub/ and follows every link and
// asset of every page (and of the 404 page served deep in the site): none
// may be broken, and every #fragment must name an id.
func TestServedUnderSubPath(t *testing.T) {
	out := buildRepo(t, "http://127.0.0.1/hub/")
	srv := pagesServer(out)
	defer srv.Close()
	base, _ := url.Parse(srv.URL + "/hub/")
	type page struct {
		status int
		body   []byte
	}
	cache := map[string]page{}
	get := func(u *url.URL) page {
		key := u.Scheme + "://" + u.Host + u.Path
		if p, ok := cache[key]; ok {
			return p
		}
		resp, err := http.Get(key)
		if err != nil {
			t.Fatalf("GET %s: %v", key, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		cache[key] = page{resp.StatusCode, b}
		return cache[key]
	}
	var starts []*url.URL
	for _, f := range htmlFiles(t, out) {
		starts = append(starts, base.ResolveReference(&url.URL{Path: strings.TrimSuffix(f, "index.html")}))
	}
	starts = append(starts, base.ResolveReference(&url.URL{Path: "no/such/page/"}))
	links := 0
	for _, from := range starts {
		p := get(from)
		if p.status != 200 && !strings.HasSuffix(from.Path, "/no/such/page/") {
			t.Errorf("%s: status %d", from.Path, p.status)
			continue
		}
		for _, m := range refAttr.FindAllSubmatch(p.body, -1) {
			ref, err := url.Parse(string(m[1]))
			if err != nil {
				t.Errorf("%s: bad address %q", from.Path, m[1])
				continue
			}
			target := from.ResolveReference(ref)
			if target.Host != from.Host {
				continue // external: not followed
			}
			links++
			if !strings.HasPrefix(target.Path, "/hub/") {
				t.Errorf("%s: %q leaves the sub-path", from.Path, m[1])
				continue
			}
			tp := p
			if target.Path != from.Path {
				tp = get(target)
			}
			if tp.status != 200 && target.Path != from.Path {
				t.Errorf("%s: %q is broken (%d)", from.Path, m[1], tp.status)
				continue
			}
			if target.Fragment != "" && !hasID(tp.body, target.Fragment) {
				t.Errorf("%s: %q names no id in %s", from.Path, m[1], path.Base(target.Path))
			}
		}
	}
	if links < 100 {
		t.Errorf("followed only %d links", links)
	}
}

func hasID(body []byte, id string) bool {
	for _, m := range idAttr.FindAllSubmatch(body, -1) {
		if string(m[1]) == id {
			return true
		}
	}
	return false
}

var (
	tagOrScript = regexp.MustCompile(`(?s)<script.*?</script>|<[^>]*>`)
	onePlural   = regexp.MustCompile(`(?:^|[^0-9.,])1\s+(briefs|sources|studies|entries|pages|topics|terms|functions|priorities|files)\b`)
	escapedText = regexp.MustCompile(`&amp;(?:[a-zA-Z][a-zA-Z0-9]+|#[0-9]+|#x[0-9a-fA-F]+);`)
	h1Text      = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	gluedWords  = regexp.MustCompile(`\p{Ll}\p{Lu}`)
	entityID    = regexp.MustCompile(`\sid="[^"]*\b(?:rsquo|lsquo|rdquo|ldquo|ndash|mdash|hellip|amp|quot|nbsp)\b[^"]*"`)
)

// TestWholeSiteReadsRight looks at the words of every page of the hub as a
// reader gets them: no "1 briefs", no entity shown as text ("&rsquo;"),
// no id made from one ("-rsquo-"), and no h1 whose parts run together in
// a browser without CSS ("StewardshipSetting the direction").
func TestWholeSiteReadsRight(t *testing.T) {
	out := buildRepo(t, "https://example.org/")
	for _, f := range htmlFiles(t, out) {
		b, _ := os.ReadFile(filepath.Join(out, f))
		if m := escapedText.Find(b); m != nil {
			t.Errorf("%s: shows %q as text", f, m)
		}
		if m := entityID.Find(b); m != nil {
			t.Errorf("%s: has an id made from an HTML entity: %s", f, m)
		}
		if m := h1Text.FindSubmatch(b); m != nil {
			if plain := tagOrScript.ReplaceAll(m[1], nil); gluedWords.Match(plain) {
				t.Errorf("%s: the h1 reads %q without CSS", f, plain)
			}
		}
		text := tagOrScript.ReplaceAll(b, []byte(" "))
		if m := onePlural.Find(text); m != nil {
			t.Errorf("%s: says %q", f, strings.TrimSpace(string(m)))
		}
	}
}

var (
	anchor = regexp.MustCompile(`(?s)<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>`)
	divTag = regexp.MustCompile(`<div[\s>]|</div>`)
)

// withoutProse cuts the editors' text (<div class="prose">, to its end)
// out of a page.
func withoutProse(b []byte) []byte {
	i := bytes.Index(b, []byte(`<div class="prose">`))
	if i < 0 {
		return b
	}
	depth := 0
	for _, m := range divTag.FindAllIndex(b[i:], -1) {
		if b[i+m[0]+1] == '/' {
			depth--
		} else {
			depth++
		}
		if depth == 0 {
			return append(append([]byte(nil), b[:i]...), withoutProse(b[i+m[1]:])...)
		}
	}
	return b[:i]
}

// TestSameLinkTextSamePlace: across the hub, links the layouts make with
// the same words (as a screen reader announces them, hidden words
// included, in any case) go to the same page, so a reader who follows
// "Co-production" twice is not taken to a brief once and to a topic the
// next time. Links within a page (to its own sections or its own citation
// files) are left out, and so is the text editors write, which the
// content's own check covers at the line of each link.
func TestSameLinkTextSamePlace(t *testing.T) {
	out := buildRepo(t, "https://example.org/")
	places := map[string]map[string]string{} // text -> target -> first page
	for _, f := range htmlFiles(t, out) {
		b, _ := os.ReadFile(filepath.Join(out, f))
		b = withoutProse(b)
		self := "/" + strings.TrimSuffix(f, "index.html")
		for _, m := range anchor.FindAllSubmatch(b, -1) {
			href := string(m[1])
			u, err := url.Parse(href)
			if err != nil || u.Scheme != "" || strings.HasPrefix(href, "#") {
				continue
			}
			target := path.Join(path.Dir(self+"x"), u.Path)
			if strings.HasSuffix(u.Path, "/") || u.Path == "" {
				target += "/"
			}
			if strings.HasPrefix(target, self) {
				continue
			}
			text := strings.ToLower(strings.Join(strings.Fields(string(tagOrScript.ReplaceAll(m[2], nil))), " "))
			if places[text] == nil {
				places[text] = map[string]string{}
			}
			if _, ok := places[text][target]; !ok {
				places[text][target] = f
			}
		}
	}
	for text, targets := range places {
		if len(targets) > 1 {
			var where []string
			for target, f := range targets {
				where = append(where, target+" (from "+f+")")
			}
			sort.Strings(where)
			t.Errorf("the link text %q leads to %d places: %s", text, len(targets), strings.Join(where, ", "))
		}
	}
}
