package content

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-hub/alongside/internal/synth"
)

// loadSynth loads the synthetic hub of n briefs.
func loadSynth(t *testing.T, n int) *Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, b := range synth.Hub(synth.Options{Briefs: n}) {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	site, diags, err := Load(fsys, Options{BuildDate: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v\n%s", err, diags)
	}
	return site
}

// The index gives the same related briefs as comparing every brief with
// every other: most shared functions, priorities and topics first, ties by
// title (ignoring case), then by address.
func TestRelatedMatchesEveryPair(t *testing.T) {
	site := loadSynth(t, 300)
	for _, b := range site.Briefs {
		want := relatedByEveryPair(b, site.Briefs)
		if !slices.Equal(b.Related, want) {
			t.Fatalf("%s: related %v, want %v", b.Source, urls(b.Related), urls(want))
		}
	}
}

func relatedByEveryPair(b *Page, all []*Page) []*Page {
	type scored struct {
		p *Page
		n int
	}
	var list []scored
	for _, o := range all {
		if o == b {
			continue
		}
		n := 0
		for _, x := range b.Functions {
			n += count(o.Functions, x)
		}
		for _, x := range b.Priorities {
			n += count(o.Priorities, x)
		}
		for _, x := range b.Topics {
			n += count(o.Topics, x)
		}
		if n > 0 {
			list = append(list, scored{o, n})
		}
	}
	slices.SortStableFunc(list, func(x, y scored) int {
		if x.n != y.n {
			return y.n - x.n
		}
		if c := strings.Compare(strings.ToLower(x.p.Title), strings.ToLower(y.p.Title)); c != 0 {
			return c
		}
		return strings.Compare(x.p.URL, y.p.URL)
	})
	var out []*Page
	for i := 0; i < len(list) && i < MaxRelated; i++ {
		out = append(out, list[i].p)
	}
	return out
}

func count[T comparable](list []T, x T) int {
	if slices.Contains(list, x) {
		return 1
	}
	return 0
}

func urls(ps []*Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.URL)
	}
	return out
}

// Previous and next follow the brief's first function in title order.
func TestPrevNextFollowFirstFunction(t *testing.T) {
	site := loadSynth(t, 120)
	for _, b := range site.Briefs {
		list := b.Functions[0].Briefs
		i := slices.Index(list, b)
		var prev, next *Page
		if i > 0 {
			prev = list[i-1]
		}
		if i+1 < len(list) {
			next = list[i+1]
		}
		if b.Prev != prev || b.Next != next {
			t.Errorf("%s: prev/next %v/%v, want %v/%v", b.Source, b.Prev, b.Next, prev, next)
		}
	}
}

func TestCountWordsAsFields(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "tab\tand\nnew line", "non\u00a0breaking\u2003em space", "café au lait ", "\n\n"} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestTermsFromAsMadeForEachPage holds the terms made once for the pages
// that share a way to /glossary/ to the terms made for each page, from
// pages at every depth, the glossary itself, and for entries of which
// one is not on the glossary page.
func TestTermsFromAsMadeForEachPage(t *testing.T) {
	entries := []*Entry{{Title: "Approved mental health professional", Abbr: "AMHP", URL: "/glossary/#amhp"},
		{Title: "Carer", Also: []string{"carers"}, URL: "/glossary/#carer"}}
	froms := []string{"/briefs/a/", "/briefs/b/", "/", "/briefs/", "/glossary/", "/glossary/x/", "/glossary/x.html", "/topics/t/", "/briefs/page/2/", "/404.html", "/a/b/c/"}
	odd := append(slices.Clone(entries), &Entry{Title: "Elsewhere", URL: "/pages/elsewhere/#x"})
	for _, list := range [][]*Entry{entries, odd, nil} {
		tf := newTermsFrom(list)
		for _, from := range froms {
			if got, want := tf.terms(from), glossaryTerms(list, from); !reflect.DeepEqual(got, want) {
				t.Errorf("from %s: made once %+v, for the page %+v", from, got, want)
			}
		}
	}
}
