package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-hub/alongside/internal/content"
)

// testServer is a Server over a small built tree.
func testServer(t *testing.T, m fstest.MapFS, opt content.Options) *Server {
	t.Helper()
	s := newServer(m, Options{Content: opt})
	s.rebuild()
	if snap := s.snap.Load(); snap.failed {
		t.Fatalf("the test site does not build:\n%s", snap.diags)
	}
	return s
}

func get(t *testing.T, h http.Handler, method, target string) *http.Response {
	t.Helper()
	r := httptest.NewRequest(method, "http://127.0.0.1/", nil)
	// Set the raw request target by hand: httptest would clean it.
	u, err := url.ParseRequestURI(target)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	r.URL, r.RequestURI = u, target
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func body(t *testing.T, res *http.Response) string {
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestServeRefusesUnsafePaths(t *testing.T) {
	s := testServer(t, repoFS(t), testOptions())
	for _, target := range []string{
		"/../site.yaml", "/briefs/../../go.mod", "/%2e%2e/site.yaml", "/%2E%2E/%2e%2e/etc/passwd",
		"/briefs%2f..%2f..%2fsite.yaml", "/briefs/%2fetc%2fpasswd", "/..%5c..%5csite.yaml", "/a\\b",
		"/index.html%00", "/%00", "//etc/passwd", "/./index.html", "/C:/Windows/win.ini",
		"/briefs/advocacy/%0aindex.html",
	} {
		res := get(t, s, "GET", target)
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 400", target, res.StatusCode)
		}
	}
	// Files of the project outside the build are not served: only the build's files are.
	for _, target := range []string{"/site.yaml", "/content/index.md", "/layouts/base.html", "/etc/passwd", "/go.mod"} {
		res := get(t, s, "GET", target)
		if res.StatusCode != http.StatusNotFound || !strings.Contains(body(t, res), "Page not found") {
			t.Errorf("GET %s: status %d, want the 404 page", target, res.StatusCode)
		}
	}
}

func TestServeMethodsTypesFoldersAndNotFound(t *testing.T) {
	m := repoFS(t)
	m["content/briefs/chart.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}
	s := testServer(t, m, testOptions())
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"} {
		res := get(t, s, method, "/")
		if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: status %d, Allow %q", method, res.StatusCode, res.Header.Get("Allow"))
		}
	}
	for target, want := range map[string]string{
		"/":                     "text/html; charset=utf-8",
		"/briefs/advocacy/":     "text/html; charset=utf-8",
		"/assets/site.css":      "text/css; charset=utf-8",
		"/assets/search.js":     "text/javascript; charset=utf-8",
		"/feed.xml":             "application/xml",
		"/robots.txt":           "text/plain; charset=utf-8",
		"/briefs/chart.svg":     "image/svg+xml",
		"/_alongside/reload.js": "text/javascript; charset=utf-8",
	} {
		res := get(t, s, "GET", target)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != want {
			t.Errorf("GET %s: status %d, type %q, want 200 %q", target, res.StatusCode, res.Header.Get("Content-Type"), want)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", target)
		}
	}
	res := get(t, s, "HEAD", "/briefs/advocacy/")
	if res.StatusCode != 200 || body(t, res) != "" || res.Header.Get("Content-Length") == "0" {
		t.Errorf("HEAD: status %d, length %s", res.StatusCode, res.Header.Get("Content-Length"))
	}
	res = get(t, s, "GET", "/briefs/advocacy")
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/briefs/advocacy/" {
		t.Errorf("a folder without its /: status %d, Location %q", res.StatusCode, res.Header.Get("Location"))
	}
	res = get(t, s, "GET", "/briefs/no-such-brief/")
	if b := body(t, res); res.StatusCode != 404 || !strings.Contains(b, "<h1>Page not found</h1>") {
		t.Errorf("a missing page: status %d, body %.200s", res.StatusCode, b)
	}
	res = get(t, s, "GET", "/briefs/advocacy/index.html")
	if b := body(t, res); res.StatusCode != 200 || !strings.Contains(b, `<script src="/_alongside/reload.js" data-build="1" defer></script></head>`) {
		t.Errorf("the page does not load the reload script: %.300s", b)
	}
}

// A symbolic link that leads out of content/ is never served.
func TestServeDoesNotFollowSymlinksOut(t *testing.T) {
	root := t.TempDir()
	m := repoFS(t)
	for p, f := range m {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	secret := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(secret, []byte("private"), 0o644)
	if err := os.Symlink(secret, filepath.Join(root, "content", "secret.txt")); err != nil {
		t.Skip("symbolic links are not available here")
	}
	s := New(Options{Root: root, Content: testOptions()})
	s.rebuild()
	snap := s.snap.Load()
	if !strings.Contains(snap.diags.String(), `content/secret.txt: error: this is a link to "`) {
		t.Fatalf("the link out is not reported:\n%s", snap.diags)
	}
	res := get(t, s, "GET", "/secret.txt")
	if b := body(t, res); strings.Contains(b, "private") {
		t.Fatal("a file outside content/ was served through a symbolic link")
	}
}

func TestEventsStream(t *testing.T) {
	s := testServer(t, repoFS(t), testOptions())
	ts := httptest.NewServer(s)
	defer ts.Close()
	res, err := http.Get(ts.URL + eventsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	r := bufio.NewReader(res.Body)
	read := func() string {
		var ev strings.Builder
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			if line == "\n" {
				return ev.String()
			}
			ev.WriteString(line)
		}
	}
	if ev := read(); ev != "retry: 500\nevent: build\ndata: 1\n" {
		t.Fatalf("first event %q", ev)
	}
	s.rebuild()
	if ev := read(); ev != "retry: 500\nevent: build\ndata: 2\n" {
		t.Fatalf("event after a rebuild %q", ev)
	}
}

func TestListenRefusesOtherAddresses(t *testing.T) {
	for addr, want := range map[string]string{
		"0.0.0.0:8080":  `0.0.0.0:8080 is not a loopback address, so anyone on the network could read the preview and its drafts: use 127.0.0.1, or add -public if that is what you want`,
		":8080":         `:8080 is not a loopback address, so anyone on the network could read the preview and its drafts: use 127.0.0.1, or add -public if that is what you want`,
		"192.0.2.1:80":  `192.0.2.1:80 is not a loopback address, so anyone on the network could read the preview and its drafts: use 127.0.0.1, or add -public if that is what you want`,
		"127.0.0.1":     `"127.0.0.1" is not an address: write it like 127.0.0.1:8080`,
		"localhost:x:y": `"localhost:x:y" is not an address: write it like 127.0.0.1:8080`,
	} {
		ln, err := Listen(addr, false)
		if err == nil {
			ln.Close()
			t.Errorf("%s: allowed", addr)
			continue
		}
		if err.Error() != want {
			t.Errorf("%s:\n got %s\nwant %s", addr, err, want)
		}
	}
	ln, err := Listen("127.0.0.1:0", false)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	_, err = Listen(ln.Addr().String(), false)
	want := "port " + strconv.Itoa(port) + " is in use: try -addr 127.0.0.1:" + strconv.Itoa(port+1)
	if err == nil || err.Error() != want {
		t.Fatalf("a port in use: got %v, want %s", err, want)
	}
}

// -public lets a non-loopback address through to the network, with a
// warning; the test never binds one (192.0.2.1 is an address for
// documentation, which no computer has), so nothing is exposed.
func TestPublic(t *testing.T) {
	warn := func(addr string) string {
		return "warning: serving at " + addr + ": anyone who can reach this computer can read the preview, drafts included"
	}
	for addr, want := range map[string]string{
		"127.0.0.1:8080": "", "[::1]:8080": "", "localhost:8080": "", "127.0.0.2:80": "",
		"0.0.0.0:8080": warn("0.0.0.0:8080"), "[::]:8080": warn("[::]:8080"),
		"192.168.1.20:8080": warn("192.168.1.20:8080"), "example.org:80": warn("example.org:80"),
	} {
		if got := PublicWarning(addr); got != want {
			t.Errorf("PublicWarning(%q) = %q, want %q", addr, got, want)
		}
	}
	// Without -public the address is refused before any bind; with it,
	// the bind itself is tried (and fails here, since no interface has it).
	_, err := Listen("192.0.2.1:0", false)
	if want := "192.0.2.1:0 is not a loopback address, so anyone on the network could read the preview and its drafts: use 127.0.0.1, or add -public if that is what you want"; err == nil || err.Error() != want {
		t.Fatalf("without -public: %v", err)
	}
	ln, err := Listen("192.0.2.1:0", true)
	if err == nil {
		ln.Close()
		t.Fatal("192.0.2.1 was bound: this computer has a documentation address")
	}
	if !strings.HasPrefix(err.Error(), "cannot serve at 192.0.2.1:0: ") {
		t.Fatalf("with -public: %v", err)
	}
	// -public with a loopback address is allowed, and needs no warning.
	ln, err = Listen("127.0.0.1:0", true)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if w := PublicWarning(ln.Addr().String()); w != "" {
		t.Errorf("a loopback listener is warned about: %q", w)
	}
}
