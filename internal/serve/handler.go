package serve

import (
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
)

// snapshot is one whole build as served: it is never changed once made,
// and the server swaps the pointer to the next one in a single step, so
// every response is the bytes of one build.
type snapshot struct {
	gen    uint64
	files  map[string][]byte // output path -> bytes, from the last good build
	drafts map[string]bool   // output paths of draft pages
	diags  content.Diagnostics
	failed bool // the latest build had errors: files are from an earlier one, or none
}

// contentTypes are the types of the files a build makes, so that the
// answer does not depend on the machine's MIME tables.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".json": "application/json",
	".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
	".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
	".pdf": "application/pdf", ".csv": "text/csv; charset=utf-8", ".webmanifest": "application/manifest+json",
	".woff2": "font/woff2", ".mp4": "video/mp4",
}

func contentType(p string) string {
	ext := strings.ToLower(path.Ext(p))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// badPath reports a request path that serve refuses outright: dot
// segments, encoded slashes, backslashes or dots, NUL and other control
// characters, and paths that are not rooted at "/".
func badPath(r *http.Request) bool {
	raw := r.URL.EscapedPath()
	if r.URL.Opaque != "" || r.URL.Host != "" && strings.HasPrefix(r.RequestURI, "//") ||
		!strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "//") {
		return true
	}
	lower := strings.ToLower(raw)
	for _, enc := range []string{"%2e", "%2f", "%5c", "%00"} {
		if strings.Contains(lower, enc) {
			return true
		}
	}
	p := r.URL.Path
	if strings.ContainsRune(p, '\\') || strings.ContainsRune(p, ':') {
		return true
	}
	for _, c := range p {
		if c < 0x20 || c == 0x7f {
			return true
		}
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// ServeHTTP answers from the current snapshot only.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD are allowed", http.StatusMethodNotAllowed)
		return
	}
	if badPath(r) {
		http.Error(w, "this address is not allowed", http.StatusBadRequest)
		return
	}
	switch r.URL.Path {
	case eventsURL:
		s.events(w, r)
		return
	case reloadJS:
		s.write(w, r, http.StatusOK, "text/javascript; charset=utf-8", []byte(reloadScript))
		return
	case ownCSS:
		s.write(w, r, http.StatusOK, "text/css; charset=utf-8", []byte(serveCSS))
		return
	}
	snap := s.snap.Load()
	status, name, body := snap.lookup(r.URL.Path)
	switch {
	case status == http.StatusMovedPermanently:
		http.Redirect(w, r, r.URL.Path+"/", status)
		return
	case body == nil:
		s.write(w, r, status, contentTypes[".html"], problemsPage(snap.diags, snap.gen))
		return
	}
	ct := contentType(name)
	if strings.HasSuffix(name, ".html") {
		body = inject(body, snap.diags, snap.drafts[name], false, snap.gen)
	}
	s.write(w, r, status, ct, body)
}

// lookup finds the file for a request path as GitHub Pages does:
// index.html for a folder, a redirect to add the missing "/" for a folder
// asked for without one, and the 404 page (status 404) for anything else.
// A nil body means the site has never built.
func (snap *snapshot) lookup(urlPath string) (int, string, []byte) {
	if snap.files == nil {
		return http.StatusServiceUnavailable, "", nil
	}
	name := strings.TrimPrefix(urlPath, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if b, ok := snap.files[name]; ok {
		return http.StatusOK, name, b
	}
	if _, ok := snap.files[name+"/index.html"]; ok {
		return http.StatusMovedPermanently, "", nil
	}
	if b, ok := snap.files["404.html"]; ok {
		return http.StatusNotFound, "404.html", b
	}
	return http.StatusNotFound, "404.html", []byte("<!doctype html><html lang=\"en-GB\"><head><title>Page not found</title></head><body><main><h1>Page not found</h1></main></body></html>")
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, status int, ct string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}
