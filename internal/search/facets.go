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
	of        func(*content.Page) []string // slugs
}

var facets = []facet{
	{"function", "Function", pageValues(func(s *content.Site) []*content.Page { return s.Functions }),
		func(p *content.Page) []string { return pageSlugs(p.Functions) }},
	{"priority", "Research priority", pageValues(func(s *content.Site) []*content.Page { return s.Priorities }),
		func(p *content.Page) []string { return pageSlugs(p.Priorities) }},
	{"topic", "Topic", topicValues(func(s *content.Site) []*content.Topic { return s.Topics }),
		func(p *content.Page) []string { return topicSlugs(p.Topics) }},
	{"audience", "Who it is for", topicValues(func(s *content.Site) []*content.Topic { return s.Audiences }),
		func(p *content.Page) []string { return topicSlugs(p.Audiences) }},
	{"nation", "Where it applies", topicValues(func(s *content.Site) []*content.Topic { return s.Nations }),
		func(p *content.Page) []string { return topicSlugs(p.Nations) }},
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

func pageSlugs(ps []*content.Page) []string {
	var ss []string
	for _, p := range ps {
		ss = append(ss, p.Slug)
	}
	return ss
}

func topicSlugs(ts []*content.Topic) []string {
	var ss []string
	for _, t := range ts {
		ss = append(ss, t.Slug)
	}
	return ss
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
				if has(st.docs[d].doc.values[f.key], v.Slug) {
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
func sameValues(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !slices.Equal(v, w) {
			return false
		}
	}
	return true
}
