package render

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/par"
	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// pageFacts is what Check needs to know about one HTML file.
type pageFacts struct {
	ids   map[string]int
	refs  []string // href and src values, as written
	h1    int
	lang  string
	title string
}

func scan(b []byte) pageFacts {
	f := pageFacts{ids: map[string]int{}}
	lx := phtml.NewLexer(parse.NewInputBytes(b))
	tag := ""
	inTitle := false
	for {
		tt, data := lx.Next()
		switch tt {
		case phtml.ErrorToken:
			return f
		case phtml.StartTagToken:
			tag = strings.ToLower(string(lx.Text()))
			if tag == "h1" {
				f.h1++
			}
			inTitle = tag == "title"
		case phtml.EndTagToken:
			inTitle = false
		case phtml.TextToken:
			if inTitle {
				f.title += string(data)
			}
		case phtml.AttributeToken:
			key := strings.ToLower(string(lx.AttrKey()))
			val := html.UnescapeString(string(bytes.Trim(lx.AttrVal(), `"'`)))
			switch {
			case key == "id":
				f.ids[val]++
			case key == "lang" && tag == "html":
				f.lang = val
			case key == "href" && (tag == "a" || tag == "link"), key == "src":
				f.refs = append(f.refs, val)
			}
		}
	}
}

// Check reports what the layouts got wrong on every HTML page: links and
// assets that go nowhere, fragments that name no id, duplicate ids, and
// pages without exactly one h1, a lang or a title. Links written in
// Markdown were checked when the content was loaded; these come from the
// layouts.
func (o *Output) Check(site *content.Site) content.Diagnostics {
	var html []string
	for _, p := range o.Paths() {
		if strings.HasSuffix(p, ".html") {
			html = append(html, p)
		}
	}
	// Every page is scanned, then checked, on every core; the problems
	// are gathered in path order.
	scanned := make([]pageFacts, len(html))
	par.Ranges(len(html), func(first, end int) {
		for i := first; i < end; i++ {
			scanned[i] = scan(o.Files[html[i]])
		}
	})
	facts := make(map[string]pageFacts, len(html))
	for i, p := range html {
		facts[p] = scanned[i]
	}
	base := site.Config.BasePath()
	found := make([]content.Diagnostics, len(html))
	par.Ranges(len(html), func(first, end int) {
		for i := first; i < end; i++ {
			found[i] = o.checkPage(html[i], facts[html[i]], base, facts)
		}
	})
	var ds content.Diagnostics
	for _, f := range found {
		ds = append(ds, f...)
	}
	return ds
}

// checkPage is Check for the page at p.
func (o *Output) checkPage(p string, f pageFacts, base string, facts map[string]pageFacts) content.Diagnostics {
	var ds content.Diagnostics
	{
		where := o.Sources[p]
		if where == "" {
			where = "(generated) " + p
		}
		report := func(msg, hint string) {
			ds = append(ds, content.Diagnostic{Pos: content.Pos{File: where}, Severity: content.Error, Msg: msg, Hint: hint})
		}
		page := "/" + strings.TrimSuffix(p, "index.html")
		if f.h1 != 1 {
			report(fmt.Sprintf("the page %s has %d main headings (h1); it should have exactly one", page, f.h1),
				"check the layout and the Markdown: use ## for sections")
		}
		if f.lang == "" {
			report(fmt.Sprintf("the page %s does not say its language", page), "the layout's <html> element needs lang=\"en-GB\"")
		}
		if strings.TrimSpace(f.title) == "" {
			report(fmt.Sprintf("the page %s has no title", page), "the layout's <title> element must not be empty")
		}
		for id, n := range f.ids {
			if n > 1 {
				report(fmt.Sprintf("the page %s uses the id %q %d times", page, id, n), "ids must be unique; layout ids contain an underscore so that headings cannot take them")
			}
		}
		seen := map[string]bool{}
		for _, ref := range f.refs {
			if seen[ref] {
				continue
			}
			seen[ref] = true
			if msg := o.checkRef(p, ref, base, facts); msg != "" {
				report(fmt.Sprintf("the page %s links to %q, %s", page, ref, msg), "this link comes from the layouts; check the template that makes it")
			}
		}
	}
	return ds
}

// checkRef resolves ref as a browser would from the file at p and says
// what is wrong with it, or "" if nothing.
func (o *Output) checkRef(p, ref, base string, facts map[string]pageFacts) string {
	u, err := url.Parse(ref)
	if err != nil {
		return "which is not a valid address"
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // external, or absolute from base_url: not ours to fetch
	}
	target := p
	if u.Path != "" {
		if strings.HasPrefix(u.Path, "/") {
			if !strings.HasPrefix(u.Path, base) {
				return "which is outside the site's base path " + base
			}
			target = strings.TrimPrefix(u.Path, base)
		} else {
			target = path.Join(path.Dir(p), u.Path)
		}
		if strings.HasPrefix(target, "../") || target == ".." {
			return "which is above the site's root"
		}
		if target == "." || target == "" || strings.HasSuffix(u.Path, "/") {
			target = path.Join(target, "index.html")
		}
		if _, ok := o.Files[target]; !ok {
			if _, ok := o.Files[target+"/index.html"]; ok {
				return "which needs a / at the end"
			}
			return "which does not exist"
		}
	}
	if u.Fragment != "" {
		f, ok := facts[target]
		if !ok {
			return "but only HTML pages have sections"
		}
		if f.ids[u.Fragment] == 0 {
			return fmt.Sprintf("but %s has no id %q", "/"+strings.TrimSuffix(target, "index.html"), u.Fragment)
		}
	}
	return ""
}
