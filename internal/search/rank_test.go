package search

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

// query ranks the documents of a built index for q the way search.js
// does (rank in layouts/assets/search.js), reading only the index's files.
// It returns the site paths of the results, best first.
func query(t *testing.T, ix *Index, q string) []string {
	t.Helper()
	var e entryFile
	decode(t, ix.Files[ix.Entry], &e)
	stop := map[string]bool{}
	for _, w := range e.Stop {
		stop[w] = true
	}
	all := map[string][]int{} // every shard: the script loads only those it needs, with the same result
	for _, s := range e.Shards {
		var part map[string][]int
		decode(t, ix.Files[Folder+s[1]], &part)
		for k, v := range part {
			all[k] = v
		}
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
				d += x / 32
				f := x % 32
				s := 0.0
				if f&inTitle != 0 {
					s += 10
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
				}
				best[d][ti] = math.Max(best[d][ti], s)
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
		rs = append(rs, result{d, float64(m)*1000 + sum})
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].score != rs[j].score {
			return rs[i].score > rs[j].score
		}
		return rs[i].id < rs[j].id
	})
	var urls []string
	for _, r := range rs {
		var d document
		name := ""
		for p := range ix.Files {
			if strings.HasPrefix(p, Folder+itoa(r.id)+".") {
				name = p
			}
		}
		decode(t, ix.Files[name], &d)
		urls = append(urls, d.URL)
	}
	return urls
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func decode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decoding %.40q: %v", b, err)
	}
}

// hub builds the index of the repository's own content.
func hub(t *testing.T) *Index {
	t.Helper()
	site, diags, err := content.Load(os.DirFS("../.."), content.Options{BuildDate: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil || diags.HasErrors() {
		t.Fatalf("loading the hub: %v\n%s", err, diags)
	}
	return Build(site)
}

// TestRanking holds the hub's index to testdata/queries.txt: each query's
// first result, as the reader's script ranks them.
func TestRanking(t *testing.T) {
	ix := hub(t)
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
		got := query(t, ix, q)
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
	ix := hub(t)
	got := query(t, ix, "carers assessment")
	both := map[string]bool{}
	for _, u := range query(t, ix, "carers ") {
		for _, v := range query(t, ix, "assessment ") {
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
