package content

import "strings"

// Place is where in the UK a brief or a glossary entry applies: law,
// bodies and services differ between England, Wales, Scotland and
// Northern Ireland.
type Place struct {
	Slug    string   // as written in applies_to: "england-and-wales"
	Name    string   // as readers see it: "England and Wales"
	Nations []string // the nations it covers, as slugs
}

// Places are the values applies_to takes, in the order pages list them.
var Places = []Place{
	{"uk", "UK", []string{"england", "wales", "scotland", "northern-ireland"}},
	{"england", "England", []string{"england"}},
	{"england-and-wales", "England and Wales", []string{"england", "wales"}},
	{"wales", "Wales", []string{"wales"}},
	{"scotland", "Scotland", []string{"scotland"}},
	{"northern-ireland", "Northern Ireland", []string{"northern-ireland"}},
}

// Nations are the four nations a reader can filter briefs by; each has
// a page, /applies-to/<slug>/, listing the briefs that apply there.
var Nations = []struct{ Slug, Name string }{
	{"england", "England"},
	{"wales", "Wales"},
	{"scotland", "Scotland"},
	{"northern-ireland", "Northern Ireland"},
}

// placeOf reads what an editor typed: "England and Wales",
// "england-and-wales" and "England & Wales" are the same place.
func placeOf(s string) (Place, bool) {
	slug := Slugify(strings.ReplaceAll(s, "&", " and "))
	switch slug {
	case "united-kingdom", "the-uk", "the-united-kingdom":
		slug = "uk"
	case "ni":
		slug = "northern-ireland"
	}
	for _, p := range Places {
		if p.Slug == slug {
			return p, true
		}
	}
	return Place{}, false
}

func placeSlugs() []string {
	var out []string
	for _, p := range Places {
		out = append(out, p.Slug)
	}
	return out
}

// appliesTo reads the applies_to list. Places are kept in one form
// whatever the order or overlap they were written in: [england, wales]
// and [england-and-wales, england] are both England and Wales, the four
// nations together are the UK, and [england-and-wales, northern-ireland]
// is England, Wales and Northern Ireland.
func (f *fields) appliesTo() []Place {
	nations := map[string]bool{}
	for _, it := range f.list("applies_to", "[england]") {
		p, ok := placeOf(it.Value)
		if !ok {
			f.d.errorf(it.Pos.Line, it.Pos.Col, suggestHint(Slugify(it.Value), placeSlugs(), "places"),
				"%q is not a place a page can apply to", it.Value)
			continue
		}
		for _, n := range p.Nations {
			nations[n] = true
		}
	}
	return placesCovering(nations)
}

// placesCovering names a set of nations: as one place when one place
// is exactly those nations (England and Wales, the UK), else nation by
// nation ("England, Wales and Northern Ireland").
func placesCovering(nations map[string]bool) []Place {
	if len(nations) == 0 {
		return nil
	}
	for _, p := range Places {
		if len(p.Nations) == len(nations) && coversAll(p, nations) {
			return []Place{p}
		}
	}
	var out []Place
	for _, n := range Nations {
		if nations[n.Slug] {
			p, _ := placeOf(n.Slug)
			out = append(out, p)
		}
	}
	return out
}

func coversAll(p Place, nations map[string]bool) bool {
	for _, n := range p.Nations {
		if !nations[n] {
			return false
		}
	}
	return true
}

// PlacesName says where pages apply, in words: "England and Wales",
// "Wales and Scotland", "" when not given.
func PlacesName(ps []Place) string {
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	return JoinAnd(names)
}

// JoinAnd joins words as a sentence does: "a", "a and b", "a, b and c".
func JoinAnd(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// covers reports whether a page with these places applies in nation.
func covers(ps []Place, nation string) bool {
	for _, p := range ps {
		for _, n := range p.Nations {
			if n == nation {
				return true
			}
		}
	}
	return false
}
