package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// Patch brings site, the Site of the last Load with this cache, up to
// date after the files at the paths changed, when only the bodies (and
// summaries) of pages changed, with their links, and nothing else that the
// joins read: then it changes those pages in place, and the backlinks of
// the pages their links now reach or no longer reach, and returns the
// Diagnostics that Load would return, and what it changed. Otherwise it
// changes nothing and returns ok false, and the caller loads the tree
// again.
//
// A change qualifies when every path (but those that cannot change the
// site: noEffect) is a Markdown page of site (not a glossary entry, not a file whose front matter could not be read, and no
// file of the site has front matter that could not be read), still a
// plain file of its folder, whose front matter reads the same as before
// (the same bytes; or the same fields read from them but the summary, with
// every key on the line and column it was on), and whose body has the
// same headings (their level, text and id). Then every join is as it was
// (taxonomies, related briefs, previous and next, and the ids other pages'
// links point into) but the backlinks, which are worked out again for the
// pages its old and new links reach. What such a page's body decides
// alone is made again: its HTML, plain text, number of words, reading
// grade and table of contents, and its own problems. The problems are
// those of the last Load, less what the old body gave and plus what the
// new one gives (the file's own problems, its links', its text's and its
// length's and sections'), with the rules on the pages whose backlinks
// changed, and the rules that read every page (link texts, the mean
// reading grade), run again before and after. If what the old body gave
// is not all in diags, Patch does nothing (ok false).
//
// Of what other pages may show of a page (its card, in render), a Patch
// changes only the summary of a page it was given, and the number of
// backlinks of a page in Patched.Linked: render.Cache.Patch relies on it.
//
// The caller must hold site alone: Patch changes its pages.
func (c *Cache) Patch(site *Site, diags Diagnostics, changed []string) (Diagnostics, Patched, bool) {
	c.mu.Lock()
	l := c.loaded
	c.mu.Unlock()
	if l == nil || l.site != site || len(l.broken)+len(l.brokenEntries) > 0 {
		return nil, Patched{}, false
	}
	var edits []bodyEdit
	for _, p := range slices.Compact(slices.Sorted(slices.Values(changed))) {
		if l.noEffect(p, diags) {
			continue
		}
		e, ok := l.bodyEdit(p)
		if !ok {
			return nil, Patched{}, false
		}
		if e.page != nil {
			edits = append(edits, e)
		}
	}
	// The pages whose backlinks change: those the old links reach and the
	// new do not, and the other way round; and the link texts the rules
	// weigh again, of the old links and the new.
	texts := map[string]bool{}
	linked := map[*Page]bool{}
	for i, e := range edits {
		was, is := l.targets(e.page, e.old.doc, texts), l.targets(e.page, e.fresh.doc, texts)
		edits[i].gone, edits[i].added = minus(was, is), minus(is, was)
		for _, t := range append(slices.Clone(edits[i].gone), edits[i].added...) {
			linked[t] = true
		}
	}
	targets := slices.SortedFunc(maps.Keys(linked), func(a, b *Page) int { return strings.Compare(a.Source, b.Source) })
	// What the old bodies gave, taken away; Patch stops here if any of it
	// is not in diags, before anything is changed.
	old := l.siteWide(texts)
	for _, e := range edits {
		old = append(old, e.oldList...)
		old = append(old, l.bodyProblems(e.page, e.old)...)
	}
	old = append(old, l.briefRules(targets)...)
	count, files := map[Diagnostic]int{}, map[string]bool{}
	for _, d := range l.strict(old) {
		count[d]++
		files[d.Pos.File] = true
	}
	kept := Diagnostics{}
	for _, d := range diags {
		if files[d.Pos.File] && count[d] > 0 {
			count[d]--
			continue
		}
		kept = append(kept, d)
	}
	for _, n := range count {
		if n > 0 {
			return nil, Patched{}, false
		}
	}
	var done Patched
	var fresh Diagnostics
	for _, e := range edits {
		e.apply(l, c)
		fresh = append(fresh, e.entry.list...)
		fresh = append(fresh, l.bodyProblems(e.page, e.fresh)...)
		l.renderPage(e.page)
		done.Pages = append(done.Pages, e.page)
	}
	for _, t := range targets {
		sortPages(t.Backlinks, byTitle)
		done.Linked = append(done.Linked, t)
	}
	fresh = append(fresh, l.briefRules(targets)...)
	fresh = append(fresh, l.siteWide(texts)...)
	fresh = l.strict(fresh)
	fresh.Sort()
	return kept.Merge(fresh), done, true // diags was sorted, and kept keeps its order
}

// Patched is what a Patch changed: the pages whose body (and maybe
// summary) it made again, and the pages whose backlinks changed.
type Patched struct {
	Pages  []*Page
	Linked []*Page
}

// targets are the other pages doc, the body of p, links to, in the order
// of the links, each once; the texts of its links are added to texts.
func (l *loader) targets(p *Page, doc *markdown.Doc, texts map[string]bool) []*Page {
	var links []resolvedLink
	l.collect(func(one *loader) { links = one.resolveDoc(p.Source, doc, p) }) // its problems are bodyProblems'
	for _, u := range linkUses(p.Source, links) {
		texts[u.text] = true
	}
	var out []*Page
	for _, lk := range links {
		if t := lk.page; t != nil && t != p && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// minus is the pages of a that are not in b.
func minus(a, b []*Page) []*Page {
	var out []*Page
	for _, p := range a {
		if !slices.Contains(b, p) {
			out = append(out, p)
		}
	}
	return out
}

// briefRules are the problems checkBrief finds on these pages.
func (l *loader) briefRules(pages []*Page) Diagnostics {
	return l.collect(func(one *loader) {
		for _, p := range pages {
			one.checkBrief(p, l.site.Config.Checks)
		}
	})
}

// collect runs rules with a loader of its own, and returns the problems
// they find.
func (l *loader) collect(rules func(one *loader)) Diagnostics {
	one := *l
	var ds Diagnostics
	one.list = &ds
	rules(&one)
	return ds
}

// noEffect says whether a change at the path p cannot change the site: a
// name the site leaves out (Ignored: an editor's temporary or backup file,
// notes, a Makefile) anywhere in its path under content/, or a file that
// came and went, as an editor's temporary file does when a save writes a
// new file and renames it over the old one: it is not there now, and
// nothing of the last Load (no page, file, draft or problem) was at p or
// under it.
func (l *loader) noEffect(p string, diags Diagnostics) bool {
	rest, ok := strings.CutPrefix(p, "content/")
	if !ok {
		return false
	}
	for _, name := range strings.Split(rest, "/") {
		if Ignored(name) {
			return true
		}
	}
	if _, err := fs.Lstat(l.fsys, p); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	for src := range l.bySource {
		if src == p || strings.HasPrefix(src, p+"/") {
			return false
		}
	}
	for src := range l.drafts {
		if src == p || strings.HasPrefix(src, p+"/") {
			return false
		}
	}
	for _, d := range diags {
		if d.Pos.File == p || strings.HasPrefix(d.Pos.File, p+"/") {
			return false
		}
	}
	return true
}

// bodyEdit is a page whose body alone changed, read again.
type bodyEdit struct {
	page    *Page       // of the Site, changed in apply
	fresh   *Page       // the file as read now
	oldList Diagnostics // found reading it last time
	old     *Page       // the file as it was read before
	entry   *cacheEntry // for the cache, in apply
	// The pages the old body linked to and the new does not, and the
	// other way round.
	gone, added []*Page
}

// bodyEdit reads the file at p again and says whether only its body
// changed, as Patch needs; a file whose bytes are the same is no edit
// (page nil).
func (l *loader) bodyEdit(p string) (bodyEdit, bool) {
	c := l.opt.Cache
	pg, ok := l.bySource[p].(*Page)
	if !ok || !strings.HasSuffix(p, ".md") {
		return bodyEdit{}, false
	}
	c.mu.Lock()
	prev := c.files[p]
	c.mu.Unlock()
	if prev == nil || prev.page == nil || prev.draft || prev.real != p {
		return bodyEdit{}, false
	}
	info, err := fs.Lstat(l.fsys, p)
	if err != nil || !info.Mode().IsRegular() || info.Size() > MaxFileSize {
		return bodyEdit{}, false
	}
	src, err := readChecked(l.fsys, p, p, info)
	if err != nil {
		return bodyEdit{}, false
	}
	sum := sha256.Sum256(src)
	if sum == prev.sum {
		return bodyEdit{}, true
	}
	one := l.fileLoader()
	if err := one.readMarkdown(p, p, info); err != nil || len(one.site.Pages) != 1 || len(one.broken) > 0 {
		return bodyEdit{}, false
	}
	fresh := one.site.Pages[0]
	fresh.doc.Release() // made again when it is rendered
	front := frontSum(src, fresh.bodyAt)
	if front != prev.front && !sameBesideSummary(fresh, prev.page) || !sameHeadings(fresh.Headings, prev.page.Headings) {
		return bodyEdit{}, false
	}
	cp := *fresh
	e := &cacheEntry{sum: sum, front: front, real: p, info: info, list: *one.list, page: &cp}
	return bodyEdit{page: pg, fresh: fresh, oldList: prev.list, old: prev.page, entry: e}, true
}

// apply puts what the body gives into the Site's page, and the file's new
// entry into the cache.
func (e bodyEdit) apply(l *loader, c *Cache) {
	c.mu.Lock()
	c.files[e.page.Source] = e.entry
	c.mu.Unlock()
	p, f := e.page, e.fresh
	p.doc, p.Headings, p.TOC, p.ForYou, p.Words, p.text = f.doc, f.Headings, nil, f.ForYou, f.Words, f.text
	p.Summary = f.Summary
	p.prose, p.grade = f.prose, f.grade
	for _, t := range e.gone {
		t.Backlinks = slices.DeleteFunc(t.Backlinks, func(q *Page) bool { return q == p })
	}
	for _, t := range e.added {
		t.Backlinks = append(t.Backlinks, p) // sorted by Patch
	}
}

// bodyProblems are the problems of page p that the body of read (the
// file as read, now or before) gives, as Load finds them: its links', its
// text's, and its length's, sections' and reading grade's. For the page's
// own body (p.doc), it sets its links as resolveLinks does; for another
// (the old body), it changes nothing.
func (l *loader) bodyProblems(p *Page, read *Page) Diagnostics {
	saved, doc := *p, read.doc
	ds := l.collect(func(one *loader) {
		p.doc = doc
		p.links = one.resolveDoc(p.Source, doc, p)
		p.uses = linkUses(p.Source, p.links)
		one.lintDoc(p.Source, doc, false)
		one.reportProse(p.Source, doc, read.prose, p)
		if doc != saved.doc {
			// The old body, whose file's entry is still the cache's: its
			// grade and facts, for the rules on its length.
			p.grade = read.grade
			p.Words = countWords(doc.Text)
			p.Headings = doc.Headings
		}
		one.checkBody(p, l.site.Config.Checks)
	})
	links, uses := p.links, p.uses
	*p = saved
	if doc == saved.doc { // the new body: its links are the page's now
		p.links, p.uses = links, uses
	}
	return ds
}

// siteWide runs the rules that read every page and whose problems a body
// can change: the link texts (those of texts, which the changed pages
// use) and the mean reading grade.
func (l *loader) siteWide(texts map[string]bool) Diagnostics {
	return l.collect(func(one *loader) {
		one.checkLinkTexts(texts)
		one.checkMeanGrade()
	})
}

// strict makes every problem an error when the options say so, as Load
// does at its end.
func (l *loader) strict(ds Diagnostics) Diagnostics {
	if l.opt.Strict {
		for i := range ds {
			ds[i].Severity = Error
		}
	}
	return ds
}

// frontSum is the hash of the lines of src before the body, which starts
// at line bodyAt (counted as Load counts them, after a lone carriage
// return is made a line end and a byte-order mark left out).
func frontSum(src []byte, bodyAt int) [sha256.Size]byte {
	src = bytes.TrimPrefix(markdown.LoneCRToLF(src), []byte("\uFEFF"))
	end := 0
	for line := 1; line < bodyAt && end < len(src); line++ {
		i := bytes.IndexByte(src[end:], '\n')
		if i < 0 {
			end = len(src)
			break
		}
		end += i + 1
	}
	return sha256.Sum256(src[:end])
}

// sameBesideSummary says whether two readings of one file agree on
// everything but what the body alone gives and the summary, which no join
// reads, with every key of the front matter where it was.
func sameBesideSummary(a, b *Page) bool {
	strip := func(p Page) Page {
		p.doc, p.links, p.keyAt, p.grade, p.prose = nil, nil, nil, Readability{}, proseNotes{}
		p.body, p.Headings, p.TOC, p.Words, p.text = "", nil, nil, 0, ""
		p.Summary = ""
		return p
	}
	if !reflect.DeepEqual(strip(*a), strip(*b)) || (a.keyAt == nil) != (b.keyAt == nil) {
		return false
	}
	if a.keyAt != nil {
		for _, k := range briefKeys {
			if a.keyAt(k) != b.keyAt(k) {
				return false
			}
		}
	}
	return true
}

// sameHeadings says whether two bodies have the same headings, wherever
// in the text they are.
func sameHeadings(a, b []markdown.Heading) bool {
	return slices.EqualFunc(a, b, func(x, y markdown.Heading) bool {
		return x.Level == y.Level && x.Text == y.Text && x.ID == y.ID
	})
}
