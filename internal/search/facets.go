package search

import (
	"slices"

	"github.com/alongside-hub/alongside/internal/content"
)

// Value is one value a facet can take: one checkbox on the search page.
type Value struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// facet is one way of narrowing results, read from a brief's validated
// front matter. To add one, add a line to facets: its key (also the name
// of its parameter in the search page's address), the legend readers see,
// the values in the order the site lists them, and the values of one
// brief. A facet no brief uses has no values and shows no checkboxes.
type facet struct {
	key, name string
	all       func(*content.Site) []Value
	slug      func(p *content.Page, i int) (string, bool) // the brief's i-th value, false past the last
}

var facets = []facet{
	{"function", "Function", pageValues(func(s *content.Site) []*content.Page { return s.Functions }),
		pageSlug(func(p *content.Page) []*content.Page { return p.Functions })},
	{"priority", "Research priority", pageValues(func(s *content.Site) []*content.Page { return s.Priorities }),
		pageSlug(func(p *content.Page) []*content.Page { return p.Priorities })},
	{"topic", "Topic", topicValues(func(s *content.Site) []*content.Topic { return s.Topics }),
		topicSlug(func(p *content.Page) []*content.Topic { return p.Topics })},
	{"audience", "Who it is for", topicValues(func(s *content.Site) []*content.Topic { return s.Audiences }),
		topicSlug(func(p *content.Page) []*content.Topic { return p.Audiences })},
	{"nation", "Where it applies", topicValues(func(s *content.Site) []*content.Topic { return s.Nations }),
		topicSlug(func(p *content.Page) []*content.Topic { return p.Nations })},
}

func pageValues(list func(*content.Site) []*content.Page) func(*content.Site) []Value {
	return func(s *content.Site) []Value {
		var vs []Value
		for _, p := range list(s) {
			vs = append(vs, Value{p.Slug, p.Title})
		}
		return vs
	}
}

func topicValues(list func(*content.Site) []*content.Topic) func(*content.Site) []Value {
	return func(s *content.Site) []Value {
		var vs []Value
		for _, t := range list(s) {
			vs = append(vs, Value{t.Slug, t.Name})
		}
		return vs
	}
}

func pageSlug(list func(*content.Page) []*content.Page) func(*content.Page, int) (string, bool) {
	return func(p *content.Page, i int) (string, bool) {
		if ps := list(p); i < len(ps) {
			return ps[i].Slug, true
		}
		return "", false
	}
}

func topicSlug(list func(*content.Page) []*content.Topic) func(*content.Page, int) (string, bool) {
	return func(p *content.Page, i int) (string, bool) {
		if ts := list(p); i < len(ts) {
			return ts[i].Slug, true
		}
		return "", false
	}
}

// facets makes the facet lists of the entry and the members file: for
// each value of each facet, the documents that have it, as gaps. The
// values' names are read again on every build; the lists are kept while
// no document's values and no facet's slugs changed.
func (st *state) facets(site *content.Site) {
	infos := make([]facetInfo, len(facets))
	same := !st.valuesChanged && len(st.infos) == len(facets)
	for k, f := range facets {
		infos[k] = facetInfo{Key: f.key, Name: f.name, Values: f.all(site), Counts: []int{}}
		if infos[k].Values == nil {
			infos[k].Values = []Value{} // a list the script can walk, not null
		}
		same = same && slices.EqualFunc(infos[k].Values, st.infos[k].Values, func(a, b Value) bool { return a.Slug == b.Slug })
	}
	if same {
		for k := range infos {
			infos[k].Counts = st.infos[k].Counts
		}
		st.infos, st.valuesChanged = infos, false
		return
	}
	members := map[string][][]int{}
	for k, f := range facets {
		lists := make([][]int, len(infos[k].Values))
		for i, v := range infos[k].Values {
			prev := 0
			for d := range st.docs {
				if vs := st.docs[d].doc.values; len(vs) > k && has(vs[k], v.Slug) { // a glossary entry has none
					lists[i] = append(lists[i], d-prev)
					prev = d
				}
			}
			if lists[i] == nil {
				lists[i] = []int{}
			}
			infos[k].Counts = append(infos[k].Counts, len(lists[i]))
		}
		members[f.key] = lists
	}
	st.infos, st.valuesChanged = infos, false
	st.members = hashed("m", mustJSON(members))
}

// sameValues reports whether two documents have the same facet values.
func sameValues(a, b [][]string) bool {
	return slices.EqualFunc(a, b, slices.Equal)
}

// briefValues reports whether values are the facet values of brief p,
// without making a list of them.
func briefValues(values [][]string, p *content.Page) bool {
	if len(values) != len(facets) {
		return false
	}
	for k, f := range facets {
		vs := values[k]
		i := 0
		for ; ; i++ {
			s, ok := f.slug(p, i)
			if !ok {
				break
			}
			if i >= len(vs) || vs[i] != s {
				return false
			}
		}
		if i != len(vs) {
			return false
		}
	}
	return true
}
