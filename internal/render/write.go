package render

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"

	"github.com/alongside-hub/alongside/internal/par"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/xml"
)

// Minify shrinks the HTML, CSS, JavaScript and XML the layouts made.
// Files copied from content/ are left exactly as the editor gave them.
// Document and end tags and attribute quotes are kept: the bytes saved are
// few once gzipped, and validators and tests read the pages more easily.
func (o *Output) Minify() error {
	m := minify.New()
	m.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc("application/xml", xml.Minify)
	types := map[string]string{".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".xml": "application/xml"}
	var paths []string
	for _, p := range o.Paths() {
		if !o.Copied[p] && types[path.Ext(p)] != "" {
			paths = append(paths, p)
		}
	}
	// One minifier serves every core; each file is minified into its own
	// slot, then put back in path order.
	done := make([][]byte, len(paths))
	errs := make([]error, len(paths))
	par.Ranges(len(paths), func(first, end int) {
		for i := first; i < end; i++ {
			p := paths[i]
			// Bytes reads the page in place and writes into one buffer
			// of the page's size: no copy of the input, no growing.
			b, err := m.Bytes(types[path.Ext(p)], o.Files[p])
			if err != nil {
				errs[i] = fmt.Errorf("minifying %s: %w", p, err)
				continue
			}
			done[i] = b
		}
	})
	for i, p := range paths {
		if errs[i] != nil {
			return errs[i]
		}
		o.Files[p] = done[i]
	}
	return nil
}

// WriteDir replaces dir with the output. It writes everything into a new
// folder beside dir, then swaps the two, so that readers of dir see the old
// site or the new one, never half of each; files from an earlier build do
// not survive. It refuses to replace a folder that looks like a project
// rather than a build (one holding site.yaml, go.mod or .git).
func (o *Output) WriteDir(dir string) error {
	dir = filepath.Clean(dir)
	for _, marker := range []string{"site.yaml", "go.mod", ".git", "content"} {
		if _, err := os.Lstat(filepath.Join(dir, marker)); err == nil {
			return fmt.Errorf("refusing to replace %s: it holds %s, so it is not a build output folder", dir, marker)
		}
	}
	parent, name := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+name+".new-")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, p := range o.Paths() {
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			return fmt.Errorf("refusing to write %q: it is outside the output folder", p)
		}
		full := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, o.Files[p], 0o644); err != nil {
			return err
		}
	}
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = filepath.Join(parent, "."+name+".old-"+filepath.Base(tmp)[len(name)+6:])
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("moving the old build aside: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		return fmt.Errorf("putting the new build in place: %w", err)
	}
	ok = true
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
