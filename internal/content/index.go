package content

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// Audiences are the readers a brief can be for, in the order pages list them.
var Audiences = []struct{ Slug, Name string }{
	{"public", "Anyone curious"},
	{"lived-experience", "People with lived experience, families and carers"},
	{"practitioners", "Practitioners"},
	{"researchers", "Researchers"},
	{"commissioners", "Commissioners and policymakers"},
}

// sortEntries sorts glossary entries by title, A to Z, then by slug.
func sortEntries(es []*Entry) {
	for _, e := range es {
		e.sortKey = SortKey(e.Title)
	}
	slices.SortStableFunc(es, func(a, b *Entry) int {
		if c := strings.Compare(a.sortKey, b.sortKey); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
}

// index sorts the pages and resolves each brief's functions, priorities,
// topics and audiences.
func (l *loader) index() {
	s := l.site
	for _, p := range s.Pages {
		p.sortKey = strings.ToLower(p.Title)
	}
	slices.SortStableFunc(s.Pages, func(a, b *Page) int { return strings.Compare(a.URL, b.URL) })
	l.terms = map[Kind]map[string]*Page{KindFunction: {}, KindPriority: {}}
	for _, p := range s.Pages {
		switch p.Kind {
		case KindHome:
			s.Home = p
		case KindBrief:
			s.Briefs = append(s.Briefs, p)
		case KindFunction:
			s.Functions = append(s.Functions, p)
			l.terms[KindFunction][p.Slug] = p
		case KindPriority:
			s.Priorities = append(s.Priorities, p)
			l.terms[KindPriority][p.Slug] = p
		case KindPage:
			s.Others = append(s.Others, p)
		}
	}
	if s.Home == nil {
		l.diags("content/index.md").errorf(0, 0, "create content/index.md with a title, a summary and a short welcome", "the home page is missing")
	}
	sortPages(s.Briefs, byTitle)
	sortPages(s.Functions, byOrder)
	sortPages(s.Priorities, byOrder)
	sortPages(s.Others, byTitle)
	sortEntries(s.Glossary)
	for i, b := range s.Briefs {
		b.rank = i
	}
	sort.SliceStable(s.Files, func(i, j int) bool { return s.Files[i].URL < s.Files[j].URL })
	for i := range s.Files {
		l.bySource[s.Files[i].Source] = &s.Files[i]
	}

	topics := map[string]*Topic{}
	audiences := map[string]*Topic{}
	var audienceSlugs []string
	for _, a := range Audiences {
		audiences[a.Slug] = &Topic{Slug: a.Slug, Name: a.Name, URL: "/audiences/" + a.Slug + "/"}
		audienceSlugs = append(audienceSlugs, a.Slug)
	}
	for _, b := range s.Briefs {
		d := l.diags(b.Source)
		b.Functions = l.resolveTerms(d, b.pending.functions, KindFunction)
		b.Priorities = l.resolveTerms(d, b.pending.priorities, KindPriority)
		seen := map[string]bool{}
		for _, it := range b.pending.topics {
			slug := Slugify(it.Value)
			if slug == "" {
				d.errorf(it.Pos.Line, it.Pos.Col, "use letters or digits, like: topics: [housing]", "the topic %q has no letters or digits", it.Value)
				continue
			}
			if seen[slug] {
				continue
			}
			seen[slug] = true
			if declared := s.Config.TopicNames; len(declared) > 0 && declared[slug] == "" {
				// Topics are declared in site.yaml, so that a typo never
				// makes a public topic page of its own.
				hint := suggestHint(slug, sortedKeys(declared), "topics in site.yaml")
				if _, ok := closest(slug, sortedKeys(declared)); !ok {
					hint = fmt.Sprintf("use one of the topics listed under topics: in site.yaml, or add this one there first, with the name readers see, like:\n      %s: %s", slug, humanize(slug))
				}
				d.errorf(it.Pos.Line, it.Pos.Col, hint, "%q is not one of the site's topics", it.Value)
				continue
			}
			t := topics[slug]
			if t == nil {
				name := s.Config.TopicNames[slug]
				if name == "" {
					name = humanize(slug)
				}
				t = &Topic{Slug: slug, Name: name, URL: "/topics/" + slug + "/"}
				topics[slug] = t
			}
			b.Topics = append(b.Topics, t)
			t.Briefs = append(t.Briefs, b)
		}
		for _, it := range b.pending.audiences {
			t := audiences[it.Value]
			if t == nil {
				d.errorf(it.Pos.Line, it.Pos.Col, suggestHint(it.Value, audienceSlugs, "audiences"), "%q is not an audience", it.Value)
				continue
			}
			if !containsPage(t.Briefs, b) {
				b.Audiences = append(b.Audiences, t)
				t.Briefs = append(t.Briefs, b)
			}
		}
	}
	for _, slug := range sortedKeys(topics) {
		s.Topics = append(s.Topics, topics[slug])
	}
	for _, a := range Audiences {
		if t := audiences[a.Slug]; len(t.Briefs) > 0 {
			s.Audiences = append(s.Audiences, t)
		}
	}
	l.indexNations()
}

// indexNations makes one page per nation, listing the briefs that apply
// there: a brief for the UK is on all four, one for England and Wales on
// two. There are none until a brief says where it applies.
func (l *loader) indexNations() {
	s := l.site
	any := false
	for _, b := range s.Briefs {
		any = any || len(b.AppliesTo) > 0
	}
	if !any {
		return
	}
	for _, n := range Nations {
		t := &Topic{Slug: n.Slug, Name: n.Name, URL: "/applies-to/" + n.Slug + "/"}
		for _, b := range s.Briefs {
			if covers(b.AppliesTo, n.Slug) {
				t.Briefs = append(t.Briefs, b)
				b.Nations = append(b.Nations, t)
			}
		}
		s.Nations = append(s.Nations, t)
	}
}

func (l *loader) resolveTerms(d diags, items []item, kind Kind) []*Page {
	var out []*Page
	known := sortedKeys(l.terms[kind])
	what := map[Kind]string{KindFunction: "function", KindPriority: "priority"}[kind]
	for _, it := range items {
		t := l.terms[kind][it.Value]
		if t == nil {
			hint := suggestHint(it.Value, known, what+" names")
			if _, other := l.terms[otherKind(kind)][it.Value]; other {
				hint = fmt.Sprintf("%q is a %s; move it to %s", it.Value, map[Kind]string{KindFunction: "priority", KindPriority: "function"}[kind],
					map[Kind]string{KindFunction: "priorities", KindPriority: "functions"}[kind])
			}
			d.errorf(it.Pos.Line, it.Pos.Col, hint, "%q is not a %s", it.Value, what)
			continue
		}
		if !containsPage(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func otherKind(k Kind) Kind {
	if k == KindFunction {
		return KindPriority
	}
	return KindFunction
}

func containsPage(ps []*Page, p *Page) bool {
	for _, x := range ps {
		if x == p {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// humanize turns a slug into a label: "unpaid-carers" gives "Unpaid carers".
func humanize(slug string) string {
	s := strings.ReplaceAll(slug, "-", " ")
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// SortKey is the form of a title used to put titles in A to Z order: lower
// case with accents set aside, so that "Équipe mobile" comes among the E's.
// Its first byte is an ASCII letter exactly when the title starts with a
// letter of the Latin alphabet.
func SortKey(title string) string {
	return markdown.Fold(strings.ToLower(strings.TrimSpace(title)))
}

// checkURLs reports two sources that would write the same file. Paths are
// compared in lower case: on Windows and macOS, "Chart.png" and
// "chart.png" are one file. The renderer checks every file it makes once
// more (layout assets included), see render.Output.
func (l *loader) checkURLs() {
	owner := map[string]string{} // output path, lower case -> what made it
	for _, g := range l.site.Generated() {
		owner[strings.ToLower(outputPath(g))] = "the generated page " + g
	}
	claim := func(url, source, what string, pos Pos) {
		out := strings.ToLower(outputPath(url))
		if prev, taken := owner[out]; taken {
			*l.list = append(*l.list, Diagnostic{Pos: pos, Severity: Error,
				Msg:  fmt.Sprintf("%s %s, which %s also makes", what, url, prev),
				Hint: "rename one of them so that each page has its own address"})
			return
		}
		owner[out] = source
	}
	for _, p := range l.site.Pages {
		claim(p.URL, p.Source, "this makes the page", Pos{File: p.Source})
	}
	for _, p := range l.site.Pages {
		for i, a := range p.Aliases {
			claim(a, "the alias "+a+" in "+p.Source, fmt.Sprintf("the alias %q makes the page", a), p.AliasPos(i))
		}
	}
	for _, f := range l.site.Files {
		claim(f.URL, f.Source, "this makes the file", Pos{File: f.Source})
	}
}
