package content

import (
	"sort"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// MaxRelated is how many related briefs a brief shows.
const MaxRelated = 5

// relate fills in the lists that join pages: each term's briefs, backlinks,
// related briefs and previous/next.
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
	for _, b := range s.Briefs {
		b.Related = related(b, s.Briefs)
		if len(b.Functions) > 0 {
			list := b.Functions[0].Briefs
			for i, x := range list {
				if x == b {
					if i > 0 {
						b.Prev = list[i-1]
					}
					if i+1 < len(list) {
						b.Next = list[i+1]
					}
				}
			}
		}
	}
}

// related ranks the other briefs by how many functions, priorities and
// topics they share with b; ties go by title.
func related(b *Page, all []*Page) []*Page {
	type scored struct {
		p     *Page
		score int
	}
	var list []scored
	for _, o := range all {
		if o == b {
			continue
		}
		n := shared(b.Functions, o.Functions) + shared(b.Priorities, o.Priorities)
		for _, t := range b.Topics {
			for _, u := range o.Topics {
				if t == u {
					n++
				}
			}
		}
		if n > 0 {
			list = append(list, scored{o, n})
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return byTitle(list[i].p, list[j].p)
	})
	var out []*Page
	for i := 0; i < len(list) && i < MaxRelated; i++ {
		out = append(out, list[i].p)
	}
	return out
}

func shared(a, b []*Page) int {
	n := 0
	for _, x := range a {
		if containsPage(b, x) {
			n++
		}
	}
	return n
}

// render turns every body into HTML with links relative to its page, and
// links the first use of each glossary term in briefs.
func (l *loader) render() {
	s := l.site
	for _, p := range s.Pages {
		var boxes map[string]string
		if p.Kind == KindBrief && p.ForYou != "" {
			boxes = map[string]string{p.ForYou: "for-you"}
		}
		p.Body = l.renderBody(p.Source, p.doc, p.links, p.URL, p.Kind == KindBrief, boxes)
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
	for _, e := range s.Glossary {
		e.Body = l.renderBody(e.Source, e.doc, e.links, "/glossary/", false, nil)
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
	dest := map[markdown.Pos]string{}
	for _, lk := range links {
		if lk.target != "" {
			dest[lk.Pos] = RelURL(from, lk.target)
		}
	}
	return doc.Render(markdown.RenderOptions{
		Dest: func(lk markdown.Link) string {
			if d, ok := dest[lk.Pos]; ok {
				return d
			}
			return lk.Dest
		},
		Terms: terms,
		Boxes: boxes,
	})
}
