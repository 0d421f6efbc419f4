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

// minifyTypes are the media types of the files that are minified, by
// their extension.
var minifyTypes = map[string]string{".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".xml": "application/xml"}

// newMinifier is the minifier of every file: one serves every core.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return m
}

// Minify shrinks the HTML, CSS, JavaScript and XML the layouts made.
// Files copied from content/ are left exactly as the editor gave them.
// Document and end tags and attribute quotes are kept: the bytes saved are
// few once gzipped, and validators and tests read the pages more easily.
//
// Pages already minified (by RenderMinified, or given by a Cache) are left
// as they are, so after RenderMinified this does the rest: feeds, the
// sitemap, assets.
func (o *Output) Minify() error {
	m := o.minifier()
	var paths []string
	for _, p := range o.Paths() {
		if o.needsMinify(p) {
			paths = append(paths, p)
		}
	}
	// One minifier serves every core. The files go in batches, each put
	// back in path order before the next starts, so that a page's
	// unminified bytes can be freed as soon as its batch is done rather
	// than all kept until the end.
	const batch = 256
	done := make([][]byte, batch)
	errs := make([]error, batch)
	for start := 0; start < len(paths); start += batch {
		part := paths[start:min(start+batch, len(paths))]
		par.Ranges(len(part), func(first, end int) {
			for i := first; i < end; i++ {
				p := part[i]
				// Bytes reads the page in place and writes into one
				// buffer of the page's size: no copy, no growing.
				done[i], errs[i] = m.Bytes(minifyTypes[path.Ext(p)], o.Files[p])
				if errs[i] != nil {
					errs[i] = fmt.Errorf("minifying %s: %w", p, errs[i])
				}
			}
		})
		for i, p := range part {
			if errs[i] != nil {
				return errs[i]
			}
			o.Files[p] = done[i]
		}
	}
	return nil
}
