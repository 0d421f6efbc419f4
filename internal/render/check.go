package render

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/par"
	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// pageFacts is what Check needs to know about one HTML file.
type pageFacts struct {
	ids      []string // every id, sorted; one given twice is there twice
	refs     []string // href and src values, as written, each once, in the order first found
	h1       int
	lang     string
	title    string
	csp      bool     // has the site's Content-Security-Policy <meta>
	referrer bool     // has <meta name="referrer" content="no-referrer">
	inline   []string // what the policy would block: inline scripts, styles, event handlers
	// escaped is text a reader would see with an HTML entity in it, such
	// as "&rsquo;" shown as it is: text escaped twice.
	escaped []string
	badIDs  []string // ids made from an escaped entity
}

// entityText finds an HTML entity in text that was already decoded once.
var entityText = regexp.MustCompile(`&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});`)

// entityNames are the entities of punctuation and spaces; one of them as
// a word of an id ("what-rsquo-s-next") comes from an escaped entity.
var entityNames = map[string]bool{"rsquo": true, "lsquo": true, "rdquo": true, "ldquo": true, "ndash": true,
	"mdash": true, "hellip": true, "laquo": true, "raquo": true, "nbsp": true, "amp": true, "quot": true,
	"apos": true, "lt": true, "gt": true, "sbquo": true, "bdquo": true, "prime": true}

// checkText looks at text as the reader sees it, decoded once. Without an
// "&" it can hold no entity, which is most text.
func (f *pageFacts) checkText(decoded string) {
	if strings.IndexByte(decoded, '&') < 0 {
		return
	}
	if m := entityText.FindString(decoded); m != "" {
		f.escaped = append(f.escaped, m)
	}
}

func (f *pageFacts) checkID(id string) {
	for _, w := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }) {
		if entityNames[w] {
			f.badIDs = append(f.badIDs, id)
			return
		}
	}
}

// policy is the Content-Security-Policy every page must carry, in its
// <meta http-equiv> (base.html): only the site's own scripts, styles,
// images and data, nothing inline. frame-ancestors would be ignored in a
// <meta>, so it is not there.
const policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; media-src 'self'; form-action 'self'; base-uri 'none'"

// The facts of every page are held until the check, so they are kept
// small: in, when not nil, holds one copy of each address and id the pages
// scanned with it share (most of a hub's links are the same few menus).
func scan(b []byte, in interner) pageFacts {
	var f pageFacts
	refs := refSets.Get().(map[string]bool)
	defer func() {
		clear(refs)
		refSets.Put(refs)
	}()
	lx := phtml.NewLexer(parse.NewInputBytes(b))
	tag := ""
	attrs := map[string]string{}
	inTitle, inCode := false, false
	for {
		tt, data := lx.Next()
		switch tt {
		case phtml.ErrorToken:
			slices.Sort(f.ids)
			return f
		case phtml.StartTagToken:
			tag = strings.ToLower(string(lx.Text()))
			clear(attrs)
			if tag == "h1" {
				f.h1++
			}
			inTitle = tag == "title"
			inCode = tag == "script" || tag == "style" || tag == "code" || tag == "pre"
		case phtml.StartTagCloseToken, phtml.StartTagVoidToken:
			f.tagDone(tag, attrs)
		case phtml.EndTagToken:
			inTitle, inCode = false, false
		case phtml.TextToken:
			if inTitle {
				f.title += string(data)
			}
			// Text decodes to an "&" only from an "&": the rest is not
			// copied to be looked at.
			if !inCode && bytes.IndexByte(data, '&') >= 0 {
				f.checkText(html.UnescapeString(string(data)))
			}
		case phtml.AttributeToken:
			key, ok := scannedAttr(lx.AttrKey())
			if !ok {
				continue
			}
			val := in.attrValue(unquote(lx.AttrVal()))
			attrs[key] = val
			if (key == "href" || key == "src" || key == "action" || key == "formaction") &&
				strings.HasPrefix(strings.ToLower(strings.TrimSpace(val)), "javascript:") {
				f.inline = append(f.inline, "a javascript: address on <"+tag+">")
			}
			switch {
			case key == "id":
				f.ids = append(f.ids, in.of(val))
				f.checkID(val)
			case key == "title", key == "alt", key == "aria-label", key == "placeholder", key == "content":
				f.checkText(val)
			case key == "lang" && tag == "html":
				f.lang = val
			case key == "href" && (tag == "a" || tag == "link"), key == "src":
				if !refs[val] {
					refs[val] = true
					f.refs = append(f.refs, in.of(val))
				}
			case key == "style":
				f.inline = append(f.inline, "a style attribute on <"+tag+">")
			case strings.HasPrefix(key, "on"):
				f.inline = append(f.inline, "an event handler ("+key+") on <"+tag+">")
			}
		}
	}
}

// readAttrs are the attributes scan and tagDone read; of the rest, only
// event handlers ("on...").
var readAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "id": true,
	"title": true, "alt": true, "aria-label": true, "placeholder": true, "content": true, "lang": true,
	"style": true, "http-equiv": true, "name": true, "type": true}

// scannedAttr is the name of an attribute in lower case, and whether scan
// reads it; a name already in lower case, as most are, is not copied to
// be looked up.
func scannedAttr(raw []byte) (string, bool) {
	lower := true
	for _, c := range raw {
		if 'A' <= c && c <= 'Z' {
			lower = false
			break
		}
	}
	if lower && !readAttrs[string(raw)] && !bytes.HasPrefix(raw, []byte("on")) {
		return "", false
	}
	key := strings.ToLower(string(raw))
	return key, readAttrs[key] || strings.HasPrefix(key, "on")
}

// count is how many times the page gives the id.
func (f *pageFacts) count(id string) int {
	i, found := slices.BinarySearch(f.ids, id)
	if !found {
		return 0
	}
	n := 1
	for i+n < len(f.ids) && f.ids[i+n] == id {
		n++
	}
	return n
}

// refSets lends scan a set for the addresses of the page it reads: every
// page has a hundred or so.
var refSets = sync.Pool{New: func() any { return map[string]bool{} }}

// interner gives one copy of each string it is given; a nil interner
// gives each back as it is.
type interner map[string]string

// attrValue is an attribute's value as written, raw, with its entities
// decoded; one the interner holds already is not copied again.
func (in interner) attrValue(raw []byte) string {
	if bytes.IndexByte(raw, '&') >= 0 {
		return html.UnescapeString(string(raw))
	}
	if s, ok := in[string(raw)]; ok {
		return s
	}
	return string(raw)
}

func (in interner) of(s string) string {
	if in == nil {
		return s
	}
	if t, ok := in[s]; ok {
		return t
	}
	in[s] = s
	return s
}

// unquote takes the quotation marks off an attribute value, and only
// them: "'none'" keeps its apostrophes.
func unquote(v []byte) []byte {
	if n := len(v); n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n-1] == v[0] {
		return v[1 : n-1]
	}
	return v
}

// tagDone notes what a start tag, with all its attributes, means for the
// page's policy.
func (f *pageFacts) tagDone(tag string, attrs map[string]string) {
	switch tag {
	case "meta":
		if strings.EqualFold(attrs["http-equiv"], "content-security-policy") && attrs["content"] == policy {
			f.csp = true
		}
		if strings.EqualFold(attrs["name"], "referrer") && attrs["content"] == "no-referrer" {
			f.referrer = true
		}
	case "script":
		if _, ok := attrs["src"]; !ok && !strings.EqualFold(attrs["type"], "application/ld+json") {
			f.inline = append(f.inline, "an inline <script>")
		}
	case "style":
		f.inline = append(f.inline, "a <style> element")
	}
}

// Check reports what the layouts got wrong on every HTML page: links and
// assets that go nowhere, fragments that name no id, duplicate ids, and
// pages without exactly one h1, a lang or a title. Links written in
// Markdown were checked when the content was loaded; these come from the
// layouts.
func (o *Output) Check(site *content.Site) content.Diagnostics {
	ds := append(content.Diagnostics(nil), o.clashes...)
	facts := o.facts
	if facts == nil {
		// Every page is scanned on every core, then gathered.
		var html []string
		for _, p := range o.Paths() {
			if isHTML(p) {
				html = append(html, p)
			}
		}
		scanned := make([]pageFacts, len(html))
		par.Ranges(len(html), func(first, end int) {
			for i := first; i < end; i++ {
				scanned[i] = scan(o.Files[html[i]], nil)
			}
		})
		facts = make(map[string]pageFacts, len(html))
		for i, p := range html {
			facts[p] = scanned[i]
		}
	}
	base := site.Config.BasePath()
	pages := make([]string, 0, len(facts))
	for p := range facts {
		if _, ok := o.Files[p]; ok {
			pages = append(pages, p)
		}
	}
	sort.Strings(pages)
	if o.reuseCheck == nil && o.keepCheck == nil {
		// Each page is checked on its own, on every core; the problems
		// are gathered in path order.
		found := make([]content.Diagnostics, len(pages))
		par.Ranges(len(pages), func(first, end int) {
			memo := refMemo{}
			for i := first; i < end; i++ {
				found[i], _, _ = o.checkPage(pages[i], facts[pages[i]], base, facts, memo)
			}
		})
		for _, f := range found {
			ds = append(ds, f...)
		}
		return ds
	}
	memo := refMemo{}
	for _, p := range pages {
		f := facts[p]
		if o.reuseCheck != nil {
			if prev, ok := o.reuseCheck(p); ok {
				ds = append(ds, prev...)
				continue
			}
		}
		one, targets, looked := o.checkPage(p, f, base, facts, memo)
		if o.keepCheck != nil {
			o.keepCheck(p, one, targets, looked)
		}
		ds = append(ds, one...)
	}
	return ds
}

// checkPage checks one page. It also returns the pages its fragments
// point into, whose ids the result depends on, and the paths it looked
// for among the files, whose presence it depends on: nothing else of the
// build but the base path counts.
func (o *Output) checkPage(p string, f pageFacts, base string, facts map[string]pageFacts, memo refMemo) (ds content.Diagnostics, targets, looked []string) {
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
	for _, e := range f.escaped {
		report(fmt.Sprintf("the page %s shows %q to readers: an HTML entity escaped twice", page, e),
			"write the character itself (’ or “), or check the code that escapes this text")
	}
	for _, id := range f.badIDs {
		report(fmt.Sprintf("the page %s has the id %q, made from an HTML entity", page, id),
			"ids are made from the text a reader sees; check the code that makes this one")
	}
	for i := 0; i < len(f.ids); {
		n := f.count(f.ids[i])
		if n > 1 {
			report(fmt.Sprintf("the page %s uses the id %q %d times", page, f.ids[i], n), "ids must be unique; layout ids contain an underscore so that headings cannot take them")
		}
		i += n
	}
	if !f.csp {
		report(fmt.Sprintf("the page %s does not carry the site's Content-Security-Policy", page),
			"base.html's <head> needs <meta http-equiv=\"Content-Security-Policy\" content=\""+policy+"\">")
	}
	if !f.referrer {
		report(fmt.Sprintf("the page %s does not say %q", page, "no-referrer"),
			"base.html's <head> needs <meta name=\"referrer\" content=\"no-referrer\">")
	}
	for _, what := range f.inline {
		report(fmt.Sprintf("the page %s has %s, which its Content-Security-Policy blocks", page, what),
			"put scripts and styles in layouts/assets/ and link to them; use a class instead of a style attribute")
	}
	for _, ref := range f.refs {
		msg, target, paths := o.checkRef(p, ref, base, facts, memo)
		looked = append(looked, paths...)
		if target != "" && target != p {
			targets = append(targets, target)
		}
		if msg != "" {
			report(fmt.Sprintf("the page %s links to %q, %s", page, ref, msg), "this link comes from the layouts; check the template that makes it")
		}
	}
	return ds, targets, looked
}

func isHTML(p string) bool { return strings.HasSuffix(p, ".html") }

// checkRef resolves ref as a browser would from the file at p and says
// what is wrong with it, or "" if nothing, with the paths it looked for.
func (o *Output) checkRef(p, ref, base string, facts map[string]pageFacts, memo refMemo) (msg, fragTarget string, looked []string) {
	key, same := refKeyOf(p, ref)
	if r, ok := memo[key]; same && ok {
		return r.msg, r.target, r.looked
	}
	msg, fragTarget = o.resolveRef(p, ref, base, facts, &looked)
	if same && memo != nil {
		memo[key] = refResult{msg, fragTarget, looked}
	}
	return msg, fragTarget, looked
}

// refMemo is what checkRef found for each address that goes to the same
// place from every page as deep as the one it was found on: most links
// of a hub are the same menus, climbing to the root. It belongs to one
// Check, and to one core.
type refMemo map[refKey]refResult

type refKey struct {
	depth int // folders between the page and the root; -1 for an address that goes to one place from any page
	ref   string
}

type refResult struct {
	msg, target string
	looked      []string
}

// refKeyOf is ref's key in a refMemo, as seen from page p, and whether
// it has one. An address with a scheme (a colon before any /, ? or #) or
// from the root goes to one place from any page; a relative one that
// climbs ("../") at least as many folders as p is deep goes to one place
// from any page as deep; any other, and one with no path ("#id"), which
// is p itself, depends on p.
func refKeyOf(p, ref string) (refKey, bool) {
	if ref == "" || ref[0] == '#' || ref[0] == '?' {
		return refKey{}, false
	}
	if strings.HasPrefix(ref, "/") {
		return refKey{-1, ref}, true
	}
	if i := strings.IndexAny(ref, ":/?#"); i >= 0 && ref[i] == ':' {
		return refKey{-1, ref}, true
	}
	depth := strings.Count(p, "/") // p is a clean path from the root: "briefs/x/index.html" is 2 deep
	rest := ref
	for range depth {
		var ok bool
		if rest, ok = strings.CutPrefix(rest, "../"); !ok {
			return refKey{}, false
		}
	}
	return refKey{depth, ref}, true
}

func (o *Output) resolveRef(p, ref, base string, facts map[string]pageFacts, looked *[]string) (msg, fragTarget string) {
	u, err := url.Parse(ref)
	if err != nil {
		return "which is not a valid address", ""
	}
	if u.Scheme != "" || u.Host != "" {
		return "", "" // external, or absolute from base_url: not ours to fetch
	}
	target := p
	if u.Path != "" {
		if strings.HasPrefix(u.Path, "/") {
			if !strings.HasPrefix(u.Path, base) {
				return "which is outside the site's base path " + base, ""
			}
			target = strings.TrimPrefix(u.Path, base)
		} else {
			target = path.Join(path.Dir(p), u.Path)
		}
		if strings.HasPrefix(target, "../") || target == ".." {
			return "which is above the site's root", ""
		}
		if target == "." || target == "" || strings.HasSuffix(u.Path, "/") {
			target = path.Join(target, "index.html")
		}
		*looked = append(*looked, target, target+"/index.html")
		if _, ok := o.Files[target]; !ok {
			if _, ok := o.Files[target+"/index.html"]; ok {
				return "which needs a / at the end", ""
			}
			return "which does not exist", ""
		}
	}
	if u.Fragment != "" {
		f, ok := facts[target]
		if !ok {
			return "but only HTML pages have sections", ""
		}
		if f.count(u.Fragment) == 0 {
			return fmt.Sprintf("but %s has no id %q", "/"+strings.TrimSuffix(target, "index.html"), u.Fragment), target
		}
		return "", target
	}
	return "", ""
}
