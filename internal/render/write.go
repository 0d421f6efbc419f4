package render

import (
	"fmt"
	"path"
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
