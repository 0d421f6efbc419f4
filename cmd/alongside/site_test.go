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
