package content

import (
	"crypto/sha256"
	"io"
	"strings"
	"sync"

	"github.com/alongside-hub/alongside/internal/par"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// MaxRelated is how many related briefs a brief shows.
const MaxRelated = 5

// relate fills in the lists that join pages: each term's briefs, backlinks,
// related briefs and previous/next.
//
// Nothing here compares every brief with every other: related briefs come
// from an index of the briefs of each function, priority and topic (see
// relatedIndex), and previous/next from one pass over each function's list.
func (l *loader) relate() {
	s := l.site
	for _, b := range s.Briefs {
		for _, t := range b.Functions {
			t.Briefs = append(t.Briefs, b)
		}
		for _, t := range b.Priorities {
			t.Briefs = append(t.Briefs, b)
		}
	}
	for _, p := range s.Pages {
		seen := map[*Page]bool{}
		for _, lk := range p.links {
			if t := lk.page; t != nil && t != p && !seen[t] {
				seen[t] = true
				t.Backlinks = append(t.Backlinks, p)
			}
		}
	}
	// The lists of briefs were filled in title order already; sorting
	// them again keeps that promise whatever fills them.
	for _, p := range s.Pages {
		sortPages(p.Backlinks, byTitle)
		sortPages(p.Briefs, byTitle)
	}
	for _, t := range s.Topics {
		sortPages(t.Briefs, byTitle)
	}
	for _, t := range s.Audiences {
		sortPages(t.Briefs, byTitle)
	}
	l.relateBriefs()
	for _, t := range s.Functions {
		for i, b := range t.Briefs {
			if b.Functions[0] != t {
				continue
			}
			if i > 0 {
				b.Prev = t.Briefs[i-1]
			}
			if i+1 < len(t.Briefs) {
				b.Next = t.Briefs[i+1]
			}
		}
	}
}

// relateBriefs fills in each brief's related briefs, reusing the lists of
// the last Load when the cache holds them for the same briefs in the same
// order with the same terms: nothing else decides them.
func (l *loader) relateBriefs() {
	s := l.site
	c := l.opt.Cache
	var key [sha256.Size]byte
	if c != nil {
		key = relatedKey(s.Briefs)
		if ranks, ok := c.relatedFor(key); ok {
			for i, b := range s.Briefs {
				b.Related = nil
				for _, r := range ranks[i] {
					b.Related = append(b.Related, s.Briefs[r])
				}
			}
			return
		}
	}
	idx := newRelatedIndex(s)
	par.Ranges(len(s.Briefs), func(first, end int) {
		scratch := idx.scratch()
		for _, b := range s.Briefs[first:end] {
			b.Related = idx.related(b, scratch)
		}
	})
	if c != nil {
		ranks := make([][]int32, len(s.Briefs))
		for i, b := range s.Briefs {
			for _, r := range b.Related {
				ranks[i] = append(ranks[i], int32(r.rank))
			}
		}
		c.keepRelated(key, ranks)
	}
}

// relatedKey hashes what decides the related briefs: the briefs in title
// order, and the functions, priorities and topics of each.
func relatedKey(briefs []*Page) [sha256.Size]byte {
	h := sha256.New()
	str := func(s string) { writeLen(h, len(s)); io.WriteString(h, s) }
	writeLen(h, len(briefs))
	for _, b := range briefs {
		str(b.Source)
		writeLen(h, len(b.Functions))
		for _, t := range b.Functions {
			str(t.Slug)
		}
		writeLen(h, len(b.Priorities))
		for _, t := range b.Priorities {
			str(t.Slug)
		}
		writeLen(h, len(b.Topics))
		for _, t := range b.Topics {
			str(t.Slug)
		}
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// relatedIndex finds a brief's related briefs: the others that share the
// most functions, priorities and topics with it, ties going by title.
//
// It holds, for each term, its briefs by their place in title order. To
// rank the briefs related to b it adds one to the score of each brief in
// each of b's terms, then keeps the best MaxRelated in a small sorted list
// (a bounded heap): work in proportion to the briefs that share a term
// with b, with nothing sorted and no strings compared.
type relatedIndex struct {
	briefs []*Page         // by title: a brief's rank is its place here
	terms  map[any][]int32 // a function or priority *Page, or a *Topic -> ranks of its briefs
}

func newRelatedIndex(s *Site) *relatedIndex {
	idx := &relatedIndex{briefs: s.Briefs, terms: map[any][]int32{}}
	for _, b := range s.Briefs {
		for _, t := range b.Functions {
			idx.terms[t] = append(idx.terms[t], int32(b.rank))
		}
		for _, t := range b.Priorities {
			idx.terms[t] = append(idx.terms[t], int32(b.rank))
		}
		for _, t := range b.Topics {
			idx.terms[t] = append(idx.terms[t], int32(b.rank))
		}
	}
	return idx
}

// relatedScratch is one worker's memory for scoring: a score per brief,
// always left at zero, and the briefs touched.
type relatedScratch struct {
	score   []uint16
	touched []int32
}

func (idx *relatedIndex) scratch() *relatedScratch {
	return &relatedScratch{score: make([]uint16, len(idx.briefs))}
}

func (idx *relatedIndex) related(b *Page, sc *relatedScratch) []*Page {
	count := func(r int32) {
		if int(r) == b.rank {
			return
		}
		if sc.score[r] == 0 {
			sc.touched = append(sc.touched, r)
		}
		sc.score[r]++
	}
	for _, t := range b.Functions {
		for _, r := range idx.terms[t] {
			count(r)
		}
	}
	for _, t := range b.Priorities {
		for _, r := range idx.terms[t] {
			count(r)
		}
	}
	for _, t := range b.Topics {
		for _, r := range idx.terms[t] {
			count(r)
		}
	}
	// best holds the top briefs so far, best first: a higher score, or
	// the same score and a lower rank (earlier in title order).
	var best [MaxRelated]int32
	n := 0
	better := func(x, y int32) bool {
		if sc.score[x] != sc.score[y] {
			return sc.score[x] > sc.score[y]
		}
		return x < y
	}
	for _, r := range sc.touched {
		if n == MaxRelated && !better(r, best[n-1]) {
			continue
		}
		i := min(n, MaxRelated-1)
		for i > 0 && better(r, best[i-1]) {
			best[i] = best[i-1]
			i--
		}
		best[i] = r
		if n < MaxRelated {
			n++
		}
	}
	var out []*Page
	for _, r := range best[:n] {
		out = append(out, idx.briefs[r])
	}
	for _, r := range sc.touched {
		sc.score[r] = 0
	}
	sc.touched = sc.touched[:0]
	return out
}

// render turns every body into HTML with links relative to its page, and
// links the first use of each glossary term in briefs.
func (l *loader) render() {
	s := l.site
	// Each page is rendered on its own, so the pages are shared out
	// between the cores; each writes only to its own page (the Cache has
	// its own lock).
	par.Ranges(len(s.Pages), func(first, end int) {
		for _, p := range s.Pages[first:end] {
			l.renderPage(p)
		}
	})
	for _, e := range s.Glossary {
		e.Body = l.renderBody(e.Source, e.doc, e.links, "/glossary/", false, nil)
		e.doc, e.links = nil, nil
	}
}

func (l *loader) renderPage(p *Page) {
	if p.holed == nil {
		p.body = string(l.renderBody(p.Source, p.doc, p.links, p.URL, p.Kind == KindBrief, pageBoxes(p)))
	} else {
		// Rendered when read, with the glossary read before it: the body
		// keeps its holes and where its links go, and is filled in when
		// it is asked for (Body), so that it is never held twice.
		p.dest = linkDest(p.links, p.URL)
	}
	// This Site is done with the document and its links (a Cache keeps
	// its own copy of the page); letting go of them frees most of the
	// memory a page took.
	p.doc, p.links = nil, nil
	var h2 []markdown.Heading
	for _, h := range p.Headings {
		if h.Level == 2 {
			h2 = append(h2, h)
		}
	}
	if len(h2) >= 3 {
		p.TOC = h2
	}
}

func glossaryTerms(entries []*Entry, from string) []markdown.Term {
	var terms []markdown.Term
	for _, e := range entries {
		terms = append(terms, markdown.Term{
			Phrases: append([]string{e.Title}, e.Also...),
			Abbr:    e.Abbr,
			Title:   e.Title,
			URL:     RelURL(from, e.URL),
			Hidden:  " (glossary)",
		})
	}
	return terms
}

func renderDoc(doc *markdown.Doc, links []resolvedLink, from string, terms []markdown.Term, boxes map[string]string) []byte {
	return doc.Render(markdown.RenderOptions{Dest: linkDest(links, from), Terms: terms, Boxes: boxes})
}

// renderOptions are how page p's body is rendered, but for its links'
// addresses (linkDest): a brief links the first use of each of the
// glossary's entries, and boxes its "What this means for you" section.
func renderOptions(p *Page, glossary *termsFrom) markdown.RenderOptions {
	opt := markdown.RenderOptions{Boxes: pageBoxes(p)}
	if p.Kind == KindBrief {
		opt.Terms = glossary.terms(p.URL)
	}
	return opt
}

// termsFrom are the glossary's terms (glossaryTerms) as linked from each
// page, made once for each way to /glossary/ and only read after: every
// brief shares one. A term's address is that way and the entry's
// fragment, but from /glossary/ itself, where it is the fragment alone.
type termsFrom struct {
	entries []*Entry
	onPage  bool // every entry is on the glossary page, as each is
	mu      sync.Mutex
	byWay   map[string][]markdown.Term
}

func newTermsFrom(entries []*Entry) *termsFrom {
	t := &termsFrom{entries: entries, onPage: true, byWay: map[string][]markdown.Term{}}
	for _, e := range entries {
		t.onPage = t.onPage && strings.HasPrefix(e.URL, "/glossary/#")
	}
	return t
}

// terms are the terms as linked from the page at from.
func (t *termsFrom) terms(from string) []markdown.Term {
	if !t.onPage || from == "/glossary/" {
		return glossaryTerms(t.entries, from)
	}
	way := RelURL(from, "/glossary/")
	t.mu.Lock()
	defer t.mu.Unlock()
	terms, ok := t.byWay[way]
	if !ok {
		terms = glossaryTerms(t.entries, from)
		t.byWay[way] = terms
	}
	return terms
}

// pageBoxes are the sections of page p shown in a box: a brief's "What
// this means for you".
func pageBoxes(p *Page) map[string]string {
	if p.Kind != KindBrief || p.ForYou == "" {
		return nil
	}
	return map[string]string{p.ForYou: "for-you"}
}

// linkDest gives the address each link of a page at from has on the
// page: where it resolved to, relative, or as written.
func linkDest(links []resolvedLink, from string) func(markdown.Link) string {
	dest := map[markdown.Pos]string{}
	for _, lk := range links {
		if lk.target != "" {
			dest[lk.Pos] = RelURL(from, lk.target)
		}
	}
	return func(lk markdown.Link) string {
		if d, ok := dest[lk.Pos]; ok {
			return d
		}
		return lk.Dest
	}
}
