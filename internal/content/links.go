package content

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/alongside-hub/alongside/internal/markdown"
	"github.com/alongside-hub/alongside/internal/par"
)

// resolvedLink is a link in a body and where it really goes.
type resolvedLink struct {
	markdown.Link
	target string // site path with fragment; "" means leave Dest as written
	page   *Page  // the page linked to, for backlinks; nil otherwise
}

// folderWhat names what a folder holds, for "there is no such ..." messages.
var folderWhat = map[string]string{
	"content/briefs":     "brief",
	"content/functions":  "function",
	"content/priorities": "priority",
	"content/glossary":   "glossary entry",
	"content/pages":      "page",
}

// resolveLinks checks every link and image of every page and entry, now
// that every heading id is known.
func (l *loader) resolveLinks() {
	type item struct {
		source string
		doc    *markdown.Doc
		notes  proseNotes
		page   *Page // nil for a glossary entry
		entry  bool
		links  *[]resolvedLink // where the result goes; nil for a file whose front matter could not be read
		uses   *[]linkUse
	}
	var items []item
	for _, p := range l.site.Pages {
		items = append(items, item{p.Source, p.doc, p.prose, p, false, &p.links, &p.uses})
	}
	for _, e := range l.site.Glossary {
		items = append(items, item{e.Source, e.doc, e.prose, nil, true, &e.links, &e.uses})
	}
	for _, p := range l.broken {
		items = append(items, item{p.Source, p.doc, p.prose, p, false, nil, nil})
	}
	for _, e := range l.brokenEntries {
		items = append(items, item{e.Source, e.doc, e.prose, nil, true, nil, nil})
	}
	// Each file is looked at on its own, on every core, with a loader of
	// its own that gathers its problems; they are then put in the list in
	// the order above, so the result is the same on any number of cores.
	l.abbreviationsKnown()
	found := make([]Diagnostics, len(items))
	par.Ranges(len(items), func(first, end int) {
		for i := first; i < end; i++ {
			it, one := items[i], *l
			one.list = &found[i]
			links := one.resolveDoc(it.source, it.doc, it.page)
			if it.links != nil {
				*it.links, *it.uses = links, linkUses(it.source, links)
			}
			one.lintDoc(it.source, it.doc, it.entry)
			one.reportProse(it.source, it.doc, it.notes, it.page)
		}
	})
	for _, ds := range found {
		*l.list = append(*l.list, ds...)
	}
}

func (l *loader) resolveDoc(source string, doc *markdown.Doc, self *Page) []resolvedLink {
	var out []resolvedLink
	for _, lk := range doc.Links {
		target, page, ok := l.resolve(source, lk, self)
		if !ok {
			target = "" // already reported; leave as written
		}
		out = append(out, resolvedLink{Link: lk, target: target, page: page})
	}
	return out
}

// resolve works out where one link goes. It reports problems itself.
// phoneNumber is what a tel: or sms: address holds: digits, with a "+"
// in front for a number written in the international form.
var phoneNumber = regexp.MustCompile(`^\+?[0-9]{3,15}$`)

// phoneLink checks a tel: or sms: link, which a phone dials or texts as
// it is: spaces, brackets or a typo in the number make it fail.
func phoneLink(d diags, at markdown.Pos, what, dest string, u *url.URL) bool {
	number := u.Opaque
	if number == "" {
		number = strings.TrimPrefix(u.Path, "//")
	}
	if !phoneNumber.MatchString(number) {
		hint := "write the number in digits only, with no spaces, like: [116 123](tel:116123)"
		if strings.EqualFold(u.Scheme, "sms") {
			hint = "write the number in digits only, with no spaces, like: [text SHOUT to 85258](sms:85258?body=SHOUT)"
		}
		if number == "" {
			d.errorf(at.Line, at.Col, hint, "%s to %q: there is no number after %q", what, dest, u.Scheme+":")
			return false
		}
		d.errorf(at.Line, at.Col, hint, "%s to %q: %q is not a phone number a phone can dial", what, dest, number)
		return false
	}
	return true
}

func (l *loader) resolve(source string, lk markdown.Link, self *Page) (string, *Page, bool) {
	d := l.diags(source)
	dest := strings.TrimSpace(lk.Dest)
	at := lk.Pos
	what := "link"
	if lk.Image {
		what = "image"
	}
	if dest == "" {
		d.errorf(at.Line, at.Col, "put the address in the round brackets, like [text](other-brief.md)", "this %s has no address", what)
		return "", nil, false
	}
	if lk.Image && isExternal(dest) {
		d.errorf(at.Line, at.Col, "save the picture into content/, next to this file, and use its name, like ![A chart](chart.png): the site shows only its own pictures, so that readers' browsers never call another website",
			"image %q: the picture is on another website", dest)
		return "", nil, false
	}
	if u, err := url.Parse(dest); err == nil && u.Scheme != "" {
		switch strings.ToLower(u.Scheme) {
		case "http", "https", "mailto":
			return "", nil, true
		case "tel", "sms":
			return "", nil, phoneLink(d, at, what, dest, u)
		}
		d.errorf(at.Line, at.Col, "use a web address starting with https://, or a link to a .md file", "%s to %q: the site does not allow %q addresses", what, dest, u.Scheme+":")
		return "", nil, false
	}
	if strings.HasPrefix(dest, "//") {
		d.errorf(at.Line, at.Col, "write the full address, starting with https://", "%s to %q: the address has no https: at the start", what, dest)
		return "", nil, false
	}
	filePart, frag, _ := strings.Cut(dest, "#")
	filePart, query, _ := strings.Cut(filePart, "?")
	if strings.HasPrefix(filePart, "/") {
		return l.resolveGenerated(d, lk, what, dest, filePart, query, frag)
	}
	if looksLikeAddress(filePart) && l.bySource[path.Join(path.Dir(source), filePart)] == nil {
		d.errorf(at.Line, at.Col, "write it as https://"+strings.TrimPrefix(strings.TrimPrefix(dest, "http://"), "https://"),
			"%s to %q: a web address starts with https://", what, dest)
		return "", nil, false
	}
	if filePart == "" { // "#section" on this page
		if self == nil {
			d.errorf(at.Line, at.Col, "link to a heading of a brief instead", "%s to %q: a glossary entry has no headings", what, dest)
			return "", nil, false
		}
		if !l.checkAnchor(d, lk, dest, self, frag) {
			return "", nil, false
		}
		return "#" + frag, nil, true
	}
	unescaped, err := url.PathUnescape(filePart)
	if err != nil {
		unescaped = filePart
	}
	targetSrc := path.Join(path.Dir(source), unescaped)
	if !strings.HasPrefix(targetSrc, "content/") {
		d.errorf(at.Line, at.Col, "link only to files inside content/", "%s to %q: it leads outside the content folder", what, dest)
		return "", nil, false
	}
	if l.drafts[targetSrc] {
		d.errorf(at.Line, at.Col, "publish that page first (remove draft: true), or remove the link", "%s to %q: that page is a draft, so it is not on the site", what, dest)
		return "", nil, false
	}
	switch t := l.bySource[targetSrc].(type) {
	case *Page:
		if frag != "" && !l.checkAnchor(d, lk, dest, t, frag) {
			return "", nil, false
		}
		if frag != "" {
			return t.URL + "#" + frag, t, true
		}
		return t.URL, t, true
	case *Entry:
		if frag != "" && frag != t.Slug {
			d.errorf(at.Line, at.Col, fmt.Sprintf("link to %q without the #", filePart), "%s to %q: a glossary entry has no sections", what, dest)
			return "", nil, false
		}
		return t.URL, nil, true
	case *File:
		return t.URL, nil, true
	}
	// Not found: say what kind of thing is missing, and what is near.
	dir := path.Dir(targetSrc)
	kind := folderWhat[dir]
	if kind == "" || path.Ext(targetSrc) != ".md" {
		kind = "file"
	}
	if strings.HasSuffix(filePart, "/") || (path.Ext(filePart) == "" && !strings.HasSuffix(filePart, ".md")) {
		if _, isPage := l.bySource[targetSrc+".md"]; isPage {
			d.errorf(at.Line, at.Col, fmt.Sprintf("did you mean %q?", path.Base(targetSrc)+".md"), "%s to %q: link to the Markdown file, ending in .md", what, dest)
			return "", nil, false
		}
	}
	var near []string
	for src := range l.bySource {
		if path.Dir(src) == dir {
			near = append(near, path.Base(src))
		}
	}
	sort.Strings(near)
	hint := ""
	if c, ok := closest(path.Base(targetSrc), near); ok {
		hint = fmt.Sprintf("did you mean %q?", strings.TrimSuffix(unescaped, path.Base(unescaped))+c)
	} else if len(near) == 0 {
		hint = "check the folder: links are relative to this file, so a brief links to a glossary entry as ../glossary/name.md"
	} else {
		hint = "check the spelling of the file name"
	}
	for _, r := range unescaped {
		if c, ok := lookalike(r); ok {
			hint = "the address has " + describeConfusable(r, c) + "; type it again on your keyboard"
			if s, ok := closest(path.Base(targetSrc), near); ok {
				hint += fmt.Sprintf(": did you mean %q?", strings.TrimSuffix(unescaped, path.Base(unescaped))+s)
			}
			break
		}
	}
	d.errorf(at.Line, at.Col, hint, "%s to %q: there is no such %s", what, dest, kind)
	return "", nil, false
}

// resolveGenerated checks a link to a page the site makes, which has no
// file to link to: it is written from the site's root, like "/map/" or
// "/topics/housing/", and becomes relative on the page like any other.
func (l *loader) resolveGenerated(d diags, lk markdown.Link, what, dest, filePart, query, frag string) (string, *Page, bool) {
	at := lk.Pos
	want := filePart
	if !strings.HasSuffix(want, "/") && path.Ext(want) == "" {
		want += "/"
	}
	var generated []string
	for _, g := range l.site.Generated() {
		if g == "/assets/" {
			continue
		}
		generated = append(generated, g)
		if g == want {
			if query != "" && want != "/search/" {
				break
			}
			target := want
			if query != "" {
				target += "?" + query
			}
			if frag != "" {
				target += "#" + frag
			}
			return target, nil, true
		}
	}
	for _, p := range l.site.Pages {
		if p.URL == want {
			d.errorf(at.Line, at.Col, fmt.Sprintf("link to its file, like [%s](%s), so that the link also works on GitHub", lk.Text, relSource(d.file, p.Source)),
				"%s to %q: a page written by an editor is linked by its file name", what, dest)
			return "", nil, false
		}
	}
	hint := "the pages the site makes are " + strings.Join(generatedExamples, ", ") + ", and a page for each topic and audience"
	if c, ok := closest(want, generated); ok {
		hint = fmt.Sprintf("did you mean %q?", c)
	}
	d.errorf(at.Line, at.Col, hint, "%s to %q: the site makes no such page", what, dest)
	return "", nil, false
}

// generatedExamples are the pages the site makes that editors link to.
var generatedExamples = []string{"/map/", "/search/", "/glossary/", "/topics/", "/topics/<topic>/", "/audiences/<audience>/", "/briefs/", "/functions/", "/priorities/"}

// isExternal reports whether dest leaves the site as a browser reads it:
// it has a scheme ("https:", "data:") before any "/", "?" or "#", or it
// starts with two slashes, a backslash counting as a slash and tabs and
// line breaks left out, as browsers do.
func isExternal(dest string) bool {
	d := strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return -1
		case '\\':
			return '/'
		}
		return r
	}, dest)
	if strings.HasPrefix(d, "//") {
		return true
	}
	i := strings.IndexAny(d, ":/?#")
	return i > 0 && d[i] == ':'
}

// checkAnchor reports a #fragment that names no heading of target.
func (l *loader) checkAnchor(d diags, lk markdown.Link, dest string, target *Page, frag string) bool {
	var ids []string
	for _, h := range target.Headings {
		if h.ID == frag {
			return true
		}
		ids = append(ids, h.ID)
	}
	where := path.Base(target.Source)
	hint := ""
	if c, ok := closest(frag, ids); ok {
		hint = fmt.Sprintf("did you mean \"#%s\"?", c)
	} else if len(ids) == 0 {
		hint = "that page has no headings; link to the page without the #"
	} else {
		hint = "a heading's id is its text in lower case with hyphens for spaces: \"## What helps\" is #what-helps"
	}
	d.errorf(lk.Pos.Line, lk.Pos.Col, hint, "link to %q: %s has no heading with the id %q", dest, where, frag)
	return false
}

// lintDoc checks what the Markdown itself must not do.
func (l *loader) lintDoc(source string, doc *markdown.Doc, entry bool) {
	d := l.diags(source)
	for _, p := range doc.RawHTML {
		d.warnf(p.Line, p.Col, "write it in Markdown instead: **bold**, *italics*, [a link](other.md), or a blank line between paragraphs",
			"raw HTML is not shown on the site")
	}
	prev := 1
	for _, h := range doc.Headings {
		switch {
		case entry:
			d.errorf(h.Pos.Line, h.Pos.Col, "use a short paragraph or a list instead", "a glossary entry cannot have headings")
		case h.Level == 1:
			d.errorf(h.Pos.Line, h.Pos.Col, "use ## for a section; the title in the front matter is the page's main heading",
				"a heading with one # would be a second main title")
		case h.Level > prev+1:
			after := strings.Repeat("#", prev)
			if prev == 1 {
				after = "the page title"
			}
			d.errorf(h.Pos.Line, h.Pos.Col, fmt.Sprintf("use %s here, so that screen reader users can follow the outline", strings.Repeat("#", prev+1)),
				"this heading skips a level (%s straight after %s)", strings.Repeat("#", h.Level), after)
		}
		prev = max(h.Level, 1)
	}
	for _, lk := range doc.Links {
		if strings.TrimSpace(lk.Text) != "" {
			continue
		}
		if lk.Image {
			d.errorf(lk.Pos.Line, lk.Pos.Col, "describe the picture in the square brackets: ![A chart of funding by year](chart.png)",
				"this image has no description (alt text)")
		} else {
			d.errorf(lk.Pos.Line, lk.Pos.Col, "put the words to click in the square brackets: [the advocacy brief](advocacy.md)",
				"this link has no text")
		}
	}
}

// relSource is the path from the file from to the file to, both under the
// root, as an editor writes it in a link: "advocacy.md", "../glossary/amhp.md".
func relSource(from, to string) string {
	fd := strings.Split(path.Dir(from), "/")
	td := strings.Split(to, "/")
	i := 0
	for i < len(fd) && i < len(td)-1 && fd[i] == td[i] {
		i++
	}
	return strings.Repeat("../", len(fd)-i) + strings.Join(td[i:], "/")
}
