package render

import (
	"bytes"
	"fmt"
	"path"
	"regexp"

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
	for _, p := range o.Paths() {
		if o.Copied[p] || o.minified[p] {
			continue
		}
		mt := types[path.Ext(p)]
		if mt == "" {
			continue
		}
		var b bytes.Buffer
		if err := m.Minify(mt, &b, bytes.NewReader(o.Files[p])); err != nil {
			return fmt.Errorf("minifying %s: %w", p, err)
		}
		o.Files[p] = b.Bytes()
	}
	return nil
}
