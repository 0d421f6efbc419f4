package search

import "github.com/alongside-hub/alongside/internal/content"

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
