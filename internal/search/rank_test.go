package search

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

// reader is a built index as the browser sees it: decoded from its files.
type reader struct {
	e    entryFile
	all  map[string][]int // every shard: the script loads only those it needs, with the same result
	docs []document       // by number
}

func read(t *testing.T, ix *Index) *reader {
	t.Helper()
	r := &reader{all: map[string][]int{}}
	decode(t, ix.Files[ix.Entry], &r.e)
	for _, s := range r.e.Shards {
		var part map[string][]int
		decode(t, ix.Files[Folder+s[1]], &part)
		for k, v := range part {
			r.all[k] = v
		}
	}
	r.docs = make([]document, r.e.Docs)
	for i := range r.docs {
		decode(t, ix.Files[fmt.Sprintf("%s%d.%s.json", Folder, i, r.e.Frags[i/r.e.Block])], &r.docs[i])
	}
	return r
}

// query ranks the documents for q the way search.js does (rank in
// layouts/assets/search.js). It returns their site paths, best first.
func (r *reader) query(q string) []string {
	e, all := r.e, r.all
	stop := map[string]bool{}
	for _, w := range e.Stop {
		stop[w] = true
	}
	type term struct {
		word, stem string
		prefix     bool
	}
	ws := Words(q)
	typing := !strings.HasSuffix(q, " ")
	var ts []term
	seen := map[string]bool{}
	for i, w := range ws {
		if stop[w] {
			continue
		}
		tm := term{w, Stem(w), typing && i == len(ws)-1 && len([]rune(w)) >= 3}
		if seen[tm.stem] && !tm.prefix {
			continue
		}
		seen[tm.stem] = true
		ts = append(ts, tm)
	}
	best := map[int][]float64{}
	inTitleOf := map[int][]bool{} // document -> which words are in its title
	titleWords := map[int]int{}   // document -> different words in its title
	for ti, tm := range ts {
		var hits []string
		if _, ok := all[tm.stem]; ok {
			hits = append(hits, tm.stem)
		}
		if tm.prefix {
			w := []rune(tm.word)
			p, n := tm.stem, len(w)
			for {
				var more []string
				for k := range all {
					if k != tm.stem && strings.HasPrefix(k, p) {
						more = append(more, k)
					}
				}
				n--
				if len(more) > 0 || len(hits) > 0 || n < max(3, len(w)-3) {
					hits = append(hits, more...)
					break
				}
				p = string(w[:n])
			}
		}
		for _, h := range hits {
			weight := math.Log(1 + float64(e.Docs)/float64(len(all[h])))
			if h != tm.stem {
				weight *= 0.5
			}
			d := 0
			for _, x := range all[h] {
				d += x / postingBase
				f := x % postingBase
				s := 0.0
				if n := f >> titleShift; n > 0 {
					s += 8 + 16/float64(n+1)
				}
				if f&inSummary != 0 {
					s += 6
				}
				if f&inHeading != 0 {
					s += 3
				}
				s += []float64{0, 1, 1.5, 2}[f&tfMask]
				s *= weight
				if d >= e.Briefs {
					s *= 0.5
				}
				if best[d] == nil {
					best[d] = make([]float64, len(ts))
					inTitleOf[d] = make([]bool, len(ts))
				}
				best[d][ti] = math.Max(best[d][ti], s)
				if n := f >> titleShift; n > 0 {
					inTitleOf[d][ti] = true
					titleWords[d] = n
				}
			}
		}
	}
	type result struct {
		id    int
		score float64
	}
	var rs []result
	for d, b := range best {
		m, sum := 0, 0.0
		for _, s := range b {
			if s > 0 {
				m++
				sum += s
			}
		}
		t := 0
		for _, in := range inTitleOf[d] {
			if in {
				t++
			}
		}
		if n := titleWords[d]; n > 0 && n < 7 && t >= n && d < e.Briefs {
			sum += 500 // the query names the brief's whole title
		}
		rs = append(rs, result{d, float64(m)*1000 + sum})
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].score != rs[j].score {
			return rs[i].score > rs[j].score
		}
		return rs[i].id < rs[j].id
	})
	var urls []string
	for _, x := range rs {
		urls = append(urls, r.docs[x.id].URL)
	}
	return urls
}

func decode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decoding %.40q: %v", b, err)
	}
}

// hub builds the index of the repository's own content.
func hub(t *testing.T) *Index {
	t.Helper()
	// Today: the hub's review dates are real, so a fixed day would fall
	// before some of them as the hub is kept up to date.
	site, diags, err := content.Load(os.DirFS("../.."), content.Options{BuildDate: time.Now()})
	if err != nil || diags.HasErrors() {
		t.Fatalf("loading the hub: %v\n%s", err, diags)
	}
	return Build(site)
}

// TestRanking holds the hub's index to testdata/queries.txt: each query's
// first result, as the reader's script ranks them.
func TestRanking(t *testing.T) {
	r := read(t, hub(t))
	f, err := os.Open("testdata/queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("queries.txt: %q has no tab", line)
		}
		n++
		got := r.query(q)
		if len(got) == 0 || got[0] != want {
			t.Errorf("%q: first results %v, want %s first", q, got[:min(3, len(got))], want)
		}
	}
	if n < 10 {
		t.Errorf("only %d queries in queries.txt", n)
	}
}

// TestRankingAllWordsFirst: a document with every word of the query comes
// before one with some of them, however often those are used.
func TestRankingAllWordsFirst(t *testing.T) {
	r := read(t, hub(t))
	got := r.query("carers assessment")
	both := map[string]bool{}
	for _, u := range r.query("carers ") {
		for _, v := range r.query("assessment ") {
			if u == v {
				both[u] = true
			}
		}
	}
	if len(both) == 0 {
		t.Fatal("no document has both words")
	}
	for i, u := range got {
		if i < len(both) && !both[u] {
			t.Errorf("result %d, %s, lacks a word while %d documents have both", i+1, u, len(both))
		}
	}
}

// TestRankingTitleFirst: for a one-word query, every brief with the word
// in its title or summary comes before every brief with it only in its
// headings or text.
func TestRankingTitleFirst(t *testing.T) {
	r := read(t, hub(t))
	for _, w := range []string{"carers", "housing", "advocacy", "assessment", "research", "social", "money", "hospital"} {
		top := map[string]bool{} // briefs with the word in title or summary
		d := 0
		for _, x := range r.all[Stem(w)] {
			d += x / postingBase
			if x%postingBase&(inTitle|inSummary) != 0 {
				top[r.docs[d].URL] = true
			}
		}
		if len(top) == 0 {
			t.Fatalf("%q is in no title or summary", w)
		}
		seenLow := ""
		for i, u := range r.query(w + " ") {
			if !strings.HasPrefix(u, "/briefs/") {
				continue
			}
			if !top[u] {
				seenLow = u
			} else if seenLow != "" {
				t.Errorf("%q: %s (word in title or summary) ranks %d, after %s (word only in the text)", w, u, i+1, seenLow)
				break
			}
		}
	}
}
