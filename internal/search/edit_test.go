package search

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/markdown"
	"github.com/alongside-hub/alongside/internal/synth"
)

// synthSite is a synthetic hub of n briefs and its glossary, loaded.
func synthSite(t testing.TB, n int) *content.Site {
	return loadFiles(t, synth.Hub(synth.Options{Briefs: n}))
}

// editor makes random edits to a site the way the content package hands
// them over: a new Site whose changed pages are new values and whose
// other pages are the same.
type editor struct {
	r    *rand.Rand
	site *content.Site
	n    int // for new addresses and words
}

// vocabulary is what edits write: common words, words that fold to
// others, numbers, and (word) words no document has yet.
var vocabulary = strings.Fields("care carers carer's Carer’s café cafe support housing assessment assessed " +
	"the of and 2024 17 advocacy recovery crisis listening people AMHP")

func (e *editor) word() string {
	if e.r.IntN(4) == 0 {
		e.n++
		return fmt.Sprintf("word%dx", e.r.IntN(40))
	}
	return vocabulary[e.r.IntN(len(vocabulary))]
}

func (e *editor) words(n int) string {
	var ws []string
	for range n {
		ws = append(ws, e.word())
	}
	return strings.Join(ws, " ")
}

// text changes a body: a word put in, a word replaced, words added many
// times over (so their counts change), or half of it dropped.
func (e *editor) text(s string) string {
	ws := strings.Fields(s)
	switch e.r.IntN(4) {
	case 0:
		i := e.r.IntN(len(ws) + 1)
		ws = slices.Insert(ws, i, e.word())
	case 1:
		if len(ws) > 0 {
			ws[e.r.IntN(len(ws))] = e.word()
		}
	case 2:
		w := e.word()
		for range 1 + e.r.IntN(6) {
			ws = append(ws, w)
		}
	default:
		ws = ws[:len(ws)/2]
	}
	return strings.Join(ws, " ")
}

// kind is what an edit did, for what the test expects of the cache.
type kind int

const (
	inPlace   kind = iota // the same documents in the same order
	unindexed             // and no document's stems or file changed
	unchanged             // nothing changed at all
	moved                 // documents added, removed or moved
)

// edit makes one random edit. It returns what it did, its kind and how
// many documents it changed.
func (e *editor) edit() (string, kind, int) {
	s := *e.site
	s.Briefs, s.Glossary = slices.Clone(s.Briefs), slices.Clone(s.Glossary)
	e.site = &s
	brief := func() (int, *content.Page) {
		i := e.r.IntN(len(s.Briefs))
		p := copyPage(s.Briefs[i])
		s.Briefs[i] = p
		return i, p
	}
	switch op := e.r.IntN(16); op {
	case 0, 1, 2, 3:
		i, p := brief()
		setText(p, e.text(textOf(p)))
		return fmt.Sprintf("body of brief %d", i), inPlace, 1
	case 4:
		n := 2 + e.r.IntN(4)
		for range n {
			_, p := brief()
			setText(p, e.text(textOf(p)))
		}
		return fmt.Sprintf("bodies of %d briefs", n), inPlace, n
	case 5:
		i, p := brief()
		p.Summary = e.words(3 + e.r.IntN(8))
		return fmt.Sprintf("summary of brief %d", i), inPlace, 1
	case 6:
		i, p := brief()
		p.Title = e.words(1 + e.r.IntN(9))
		return fmt.Sprintf("title of brief %d", i), inPlace, 1
	case 7:
		i, p := brief()
		p.Headings = slices.Clone(p.Headings)
		switch {
		case len(p.Headings) > 0 && e.r.IntN(2) == 0:
			p.Headings = slices.Delete(p.Headings, 0, 1)
		default:
			p.Headings = append(p.Headings, markdown.Heading{Level: 2, Text: e.words(2)})
		}
		return fmt.Sprintf("headings of brief %d", i), unindexed, 1
	case 8:
		i, p := brief()
		if e.r.IntN(2) == 0 {
			p.Topics = pickSome(e.r, s.Topics)
		} else {
			p.Functions = pickSome(e.r, s.Functions)
		}
		return fmt.Sprintf("facets of brief %d", i), unindexed, 0
	case 9:
		s.Topics = slices.Clone(s.Topics)
		k := e.r.IntN(len(s.Topics))
		if e.r.IntN(2) == 0 || len(s.Topics) < 3 {
			t := *s.Topics[k]
			t.Name = e.words(2)
			s.Topics[k] = &t
			return "a topic's name", unindexed, 0
		}
		s.Topics = slices.Delete(s.Topics, k, k+1)
		return "a topic gone from the site", unindexed, 0
	case 10:
		i := e.r.IntN(len(s.Glossary))
		g := *s.Glossary[i]
		g.Also = append(slices.Clone(g.Also), e.word())
		if e.r.IntN(2) == 0 {
			g.Text = e.text(g.Text)
		}
		s.Glossary[i] = &g
		return fmt.Sprintf("glossary entry %d", i), inPlace, 1
	case 11:
		p := copyPage(s.Briefs[e.r.IntN(len(s.Briefs))])
		e.n++
		p.URL = fmt.Sprintf("/briefs/new-%d/", e.n)
		setText(p, e.text(textOf(p)))
		s.Briefs = slices.Insert(s.Briefs, e.r.IntN(len(s.Briefs)+1), p)
		return "a brief added", moved, 1
	case 12:
		if len(s.Briefs) < 3 {
			return "nothing", unchanged, 0
		}
		i := e.r.IntN(len(s.Briefs))
		s.Briefs = slices.Delete(s.Briefs, i, i+1)
		return fmt.Sprintf("brief %d removed", i), moved, 0
	case 13:
		i, j := e.r.IntN(len(s.Briefs)), e.r.IntN(len(s.Briefs))
		if i == j {
			return "nothing", unchanged, 0
		}
		s.Briefs[i], s.Briefs[j] = s.Briefs[j], s.Briefs[i]
		return fmt.Sprintf("briefs %d and %d swapped", i, j), moved, 0
	case 14:
		if len(s.Glossary) > 2 && e.r.IntN(2) == 0 {
			i := e.r.IntN(len(s.Glossary))
			s.Glossary = slices.Delete(s.Glossary, i, i+1)
			return "a glossary entry removed", moved, 0
		}
		g := *s.Glossary[e.r.IntN(len(s.Glossary))]
		e.n++
		g.URL = fmt.Sprintf("/glossary/#new-%d", e.n)
		g.Title = e.words(2)
		s.Glossary = append(s.Glossary, &g)
		return "a glossary entry added", moved, 1
	default:
		return "nothing", unchanged, 0
	}
}

func pickSome[T any](r *rand.Rand, list []*T) []*T {
	var out []*T
	for _, x := range list {
		if r.IntN(3) == 0 {
			out = append(out, x)
		}
	}
	return out
}

// TestCacheRandomEdits applies a random series of edits to a synthetic
// hub (bodies, summaries, titles, headings, facets, the site's topics,
// glossary entries, and briefs and entries added, removed and moved).
// After each, the cache's index is byte for byte the one Build makes; a
// build where nothing changed makes no file again; and when the documents
// stayed the same list, only the blocks of changed documents are hashed
// again and most shards are kept.
func TestCacheRandomEdits(t *testing.T) {
	site := synthSite(t, 80)
	// Shorter bodies keep the test quick; the words are still many.
	for i, p := range site.Briefs {
		cp := copyPage(p)
		setText(cp, strings.Join(strings.Fields(textOf(cp))[:150], " "))
		site.Briefs[i] = cp
	}
	e := &editor{r: rand.New(rand.NewPCG(11, 5)), site: site}
	c := NewCache()
	sameIndex(t, "first build", c.Build(e.site), Build(e.site))
	encoded, shards := 0, 0
	for step := range 200 {
		what, k, changed := e.edit()
		name := fmt.Sprintf("step %d (%s)", step, what)
		sameIndex(t, name, c.Build(e.site), Build(e.site))
		st := c.last
		docs := len(e.site.Briefs) + len(e.site.Glossary)
		switch k {
		case unchanged:
			if c.reused != docs || st.encoded != 0 || st.hashedBlocks != 0 {
				t.Errorf("%s: %d of %d documents reused, %d shards and %d blocks made again, want all, 0 and 0",
					name, c.reused, docs, st.encoded, st.hashedBlocks)
			}
		case unindexed:
			if st.hashedBlocks != 0 {
				t.Errorf("%s: %d blocks hashed again, want 0", name, st.hashedBlocks)
			}
		case inPlace:
			if st.hashedBlocks > changed || c.reused < docs-changed {
				t.Errorf("%s: %d blocks hashed again and %d of %d documents reused for %d changed",
					name, st.hashedBlocks, c.reused, docs, changed)
			}
			if changed == 1 {
				encoded += st.encoded
				shards += len(st.order)
			}
		}
	}
	if shards == 0 || encoded*4 > shards {
		t.Errorf("one-document edits made %d of %d shards again, want at most a quarter", encoded, shards)
	}
	t.Logf("one-document edits made %d of %d shards again", encoded, shards)
}

// TestEncodeShard: a shard's file is the bytes mustJSON writes for a map
// of its stems to their postings, whatever the stems hold.
func TestEncodeShard(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	odd := []string{"a", "carer'", "café", "x\u2028y", `q"`, `b\s`, "tab\t", "del\x7f", "日本", "bad\xffutf", "<&>"}
	for range 200 {
		post := map[string][]int{}
		for range 1 + r.IntN(8) {
			s := odd[r.IntN(len(odd))] + fmt.Sprint(r.IntN(5))
			if r.IntN(2) == 0 {
				s = fmt.Sprintf("w%d", r.IntN(1000))
			}
			var list []int
			for range 1 + r.IntN(30) {
				list = append(list, r.IntN(1<<r.IntN(20)))
			}
			post[s] = list
		}
		stems := slices.Sorted(maps.Keys(post))
		if got, want := encodeShard(stems, post), mustJSON(post); !bytes.Equal(got, want) {
			t.Fatalf("encodeShard:\n%s\nmustJSON:\n%s", got, want)
		}
		for _, s := range stems {
			if got, want := size(s, post[s]), len(mustJSON(s))+len(mustJSON(post[s]))+2; got != want {
				t.Fatalf("size(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

// TestSize: the bytes size counts are the bytes mustJSON writes, for
// numbers of every length and stems that JSON escapes.
func TestSize(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, stem := range []string{"a", "carer'", "café", "x\u2028y", `q"`, "日本", "del\x7f"} {
		for n := 1; n < 40; n++ {
			var post []int
			for range n {
				post = append(post, r.IntN(1<<r.IntN(24)))
			}
			post = append(post, 0, 9, 10, 99, 100)
			if got, want := size(stem, post), len(mustJSON(stem))+len(mustJSON(post))+2; got != want {
				t.Fatalf("size(%q, %v) = %d, want %d", stem, post, got, want)
			}
		}
	}
}
