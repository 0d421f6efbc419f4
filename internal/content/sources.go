package content

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Source is one entry of a brief's "sources" list: enough for a reader to
// find it and to know what kind of evidence it is.
type Source struct {
	Title     string
	Author    string // as written: "O'Neill A, Robinson CA"; may be an organisation
	Editor    string // as written, for an edited book or collection
	Year      int    // 0 if not given
	Publisher string
	Journal   string // the journal an article is in
	Volume    string
	Issue     string
	Pages     string // as written: "123-130"; shown with an en dash
	DOI       string // "10.1192/bjb.2024.80": checked, without "https://doi.org/"
	URL       string // empty or an http(s) URL
	Accessed  time.Time
	Type      SourceType // "" when not given
	Note      string     // shown after the reference: "read in O'Neill and others (2025)"
}

// DOIURL is the address a DOI resolves at, or "" when there is none.
func (s Source) DOIURL() string {
	if s.DOI == "" {
		return ""
	}
	return "https://doi.org/" + (&url.URL{Path: s.DOI}).EscapedPath()
}

// SourceType is the kind of evidence a source is, as written in YAML.
type SourceType string

// SourceTypes are the kinds of evidence, in the order "About this
// evidence" names them: the most weight first.
var SourceTypes = []struct {
	Type      SourceType
	Name      string // in plain words, as a label: "research study"
	One, Many string // counted in a sentence: "one research study", "two research studies"
}{
	{"research-study", "research study", "research study", "research studies"},
	{"review-of-studies", "review of studies", "review of studies", "reviews of studies"},
	{"statistics", "statistics", "set of statistics", "sets of statistics"},
	{"law", "law", "law", "laws"},
	{"policy-statement", "policy statement", "policy statement", "policy statements"},
	{"professional-guidance", "professional guidance", "piece of professional guidance", "pieces of professional guidance"},
	{"expert-opinion", "expert opinion", "expert opinion", "expert opinions"},
}

// Name is the type in plain words, "" when not given.
func (t SourceType) Name() string {
	for _, st := range SourceTypes {
		if st.Type == t {
			return st.Name
		}
	}
	return ""
}

// sourceTypeOf reads what an editor typed: "research-study", "Research
// study" and "research_study" are all the same type.
func sourceTypeOf(s string) (SourceType, bool) {
	slug := Slugify(strings.ReplaceAll(s, "_", "-"))
	switch slug {
	case "review", "systematic-review", "review-of-research":
		slug = "review-of-studies"
	case "study", "research":
		slug = "research-study"
	case "legislation", "act", "statute":
		slug = "law"
	case "guidance":
		slug = "professional-guidance"
	case "opinion", "expert-view":
		slug = "expert-opinion"
	case "policy":
		slug = "policy-statement"
	}
	for _, st := range SourceTypes {
		if string(st.Type) == slug {
			return st.Type, true
		}
	}
	return "", false
}

func sourceTypeNames() []string {
	var names []string
	for _, st := range SourceTypes {
		names = append(names, string(st.Type))
	}
	return names
}

var sourceKeys = []string{"title", "author", "editor", "year", "publisher", "journal", "volume", "issue",
	"pages", "doi", "url", "accessed", "type", "note"}

// doiPattern is Crossref's advice for modern DOIs: "10.", a registrant
// code of 4 to 9 digits, a slash, then a suffix without spaces.
var doiPattern = regexp.MustCompile(`^10\.\d{4,9}/\S+$`)

// cleanDOI takes a DOI as editors paste it, with or without its address
// or a "doi:" prefix, and returns the bare DOI.
func cleanDOI(s string) string {
	lower := strings.ToLower(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:", "doi "} {
		if strings.HasPrefix(lower, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

func (f *fields) sources() []Source {
	n := f.values["sources"]
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		l, c := f.pos(n)
		f.d.errorf(l, c, "start each source on a new line with \"- title: ...\"", "%q should be a list of sources", "sources")
		return nil
	}
	var out []Source
	for _, s := range n.Content {
		l, c := f.pos(s)
		if s.Kind != yaml.MappingNode {
			f.d.errorf(l, c, "give each source a title, like: - title: \"Name of the report\"", "each source should have keys such as title, author and year")
			continue
		}
		src := f.source(s)
		if src.Title == "" {
			f.d.errorf(l, c, "add a line such as: title: \"Name of the report\"", "this source has no title")
		}
		out = append(out, src)
	}
	return out
}

// source reads one source's keys.
func (f *fields) source(s *yaml.Node) Source {
	var src Source
	seen := map[string]int{}
	for i := 0; i+1 < len(s.Content); i += 2 {
		k, v := s.Content[i], s.Content[i+1]
		kl, kc := f.pos(k)
		if !contains(sourceKeys, k.Value) {
			f.d.errorf(kl, kc, suggestHint(k.Value, sourceKeys, "keys a source can have"), "%q is not a key for a source", k.Value)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			f.d.errorf(kl, kc, "keep one of them and delete the other", "the source's %q is given twice; the first is on line %d", k.Value, first)
			continue
		}
		seen[k.Value] = kl
		vl, vc := f.pos(v)
		if v.Kind != yaml.ScalarNode {
			f.d.errorf(vl, vc, "write it on one line", "the source's %q should be a single value", k.Value)
			continue
		}
		val := strings.TrimSpace(v.Value)
		if v.Tag == "!!null" {
			val = ""
		}
		switch k.Value {
		case "title":
			src.Title = val
		case "author":
			src.Author = val
		case "editor":
			src.Editor = val
		case "publisher":
			src.Publisher = val
		case "journal":
			src.Journal = val
		case "volume":
			src.Volume = val
		case "issue":
			src.Issue = val
		case "pages":
			src.Pages = val
		case "note":
			src.Note = val
		case "year":
			if err := v.Decode(&src.Year); err != nil || src.Year < 1000 || src.Year > 9999 {
				f.d.errorf(vl, vc, "write the year as four digits, like: year: 2025", "the source's year should be a year like 2025, not %q", val)
				src.Year = 0
			}
		case "url":
			u, err := url.Parse(val)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				f.d.errorf(vl, vc, "give the full address starting with https://, or leave the url out", "the source's url %q is not a web address", val)
				continue
			}
			src.URL = val
		case "doi":
			doi := cleanDOI(val)
			if !doiPattern.MatchString(doi) {
				f.d.errorf(vl, vc, "a DOI starts with 10. and has a slash in it, like: doi: 10.1192/bjb.2024.80",
					"the source's doi %q is not a DOI", val)
				continue
			}
			src.DOI = doi
		case "accessed":
			t, err := time.Parse(dateLayout, val)
			if err != nil {
				f.d.errorf(vl, vc, "write the day you read it online as year-month-day, like: accessed: 2026-12-01",
					"the source's accessed date should be a date like 2026-12-01, not %q", val)
				continue
			}
			src.Accessed = t
		case "type":
			t, ok := sourceTypeOf(val)
			if !ok {
				f.d.errorf(vl, vc, suggestHint(val, sourceTypeNames(), "types of source"),
					"the source's type %q is not one of the kinds of evidence", val)
				continue
			}
			src.Type = t
		}
	}
	return src
}
