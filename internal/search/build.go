package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/par"
)

// Folder is where the index files go, under the output folder.
const Folder = "search/"

const (
	blockSize = 64 // documents whose fragments share one hash in their names
)

// shardSize is the bytes of JSON above which a shard is split by the next
// letter, for an index of total bytes of postings. A first query fetches
// the entry, which names every shard (about 14 bytes each once gzipped),
// and one shard (about 0.3 of its bytes once gzipped): with total / target
// shards that is 14 total/target + 0.3 target, least at target =
// sqrt(48 total). So a small hub has small shards and a big one fewer,
// larger ones; within 1 and 64 kilobytes.
func shardSize(total int) int {
	return min(64<<10, max(1<<10, int(math.Sqrt(48*float64(total)))))
}

// A posting is a document's number, as the gap from the previous one,
// times postingBase, plus flags of where in it the word is.
const (
	postingBase = 128
	titleShift  = 4   // flags>>titleShift: 0 not in the title, else the title's different words, 1 to 7 (7 or more)
	inTitle     = 112 // mask of the title bits
	inSummary   = 8
	inHeading   = 4
	tfMask      = 3 // how often it is in the text: 0 never, 1 once, 2 two to four times, 3 five or more
)

// Index is the search data of a site: files to write, by output path.
type Index struct {
	Entry string            // output path of the entry file, which names every other
	Files map[string][]byte // output path ("search/s.1a2b3c4d5e.json") -> bytes
}

// document is one thing search can find: a brief or a glossary entry.
type document struct {
	URL     string `json:"u"`
	Title   string `json:"t"`
	Summary string `json:"s"`
	Kind    string `json:"k"` // "brief" or "glossary"
	Text    string `json:"b"` // plain text of the body, for snippets

	index    string // extra words of the title field (a glossary entry's abbreviation and other forms)
	headings []string
	values   map[string][]string // facet key -> slugs
}

// entryFile is the first file the browser reads. Every other file is named
// in it, relative to it.
type entryFile struct {
	Version int         `json:"v"`
	Docs    int         `json:"docs"`
	Briefs  int         `json:"briefs"` // documents 0 to briefs-1 are briefs, the rest glossary entries
	Stop    []string    `json:"stop"`   // stop words, dropped from queries
	Shards  [][2]string `json:"shards"` // [prefix, file]: the words starting with prefix not in a longer prefix's shard
	Block   int         `json:"block"`  // documents per fragment hash
	Frags   []string    `json:"frags"`  // hash of each block: document i is "<i>.<frags[i/block]>.json"
	Facets  []facetInfo `json:"facets"`
	Members string      `json:"members"` // file with each facet value's documents
}

type facetInfo struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	Values []Value `json:"values"`
	Counts []int   `json:"counts"` // documents with each value
}

// Build makes the search index of a site: every brief, then every glossary
// entry, each in the site's order.
func Build(site *content.Site) *Index { return build(site, nil) }

// build is Build with a cache, which may be nil.
func build(site *content.Site, c *Cache) *Index {
	docs := documents(site)
	ix := &Index{Files: map[string][]byte{}}
	flags, frags := indexDocs(docs, c)
	post := postings(flags)

	stems := make([]string, 0, len(post))
	for s := range post {
		stems = append(stems, s)
	}
	sort.Strings(stems)
	sizes := map[string]int{}
	for _, s := range stems {
		sizes[s] = len(mustJSON(s)) + len(mustJSON(post[s])) + 2
	}
	e := entryFile{Version: 1, Docs: len(docs), Briefs: len(site.Briefs), Stop: stopWords, Block: blockSize}
	total := 0
	for _, n := range sizes {
		total += n
	}
	for _, sh := range split("", stems, sizes, shardSize(total)) {
		part := map[string][]int{}
		for _, s := range sh.stems {
			part[s] = post[s]
		}
		e.Shards = append(e.Shards, [2]string{sh.prefix, ix.add("s", mustJSON(part))})
	}

	for start := 0; start < len(docs); start += blockSize {
		end := min(start+blockSize, len(docs))
		h := sha256.New()
		for i := start; i < end; i++ {
			h.Write(frags[i])
			h.Write([]byte{0})
		}
		sum := hex.EncodeToString(h.Sum(nil))[:10]
		for i := start; i < end; i++ {
			ix.Files[fmt.Sprintf("%s%d.%s.json", Folder, i, sum)] = frags[i]
		}
		e.Frags = append(e.Frags, sum)
	}

	members := map[string][][]int{}
	for _, f := range facets {
		info := facetInfo{Key: f.key, Name: f.name, Values: f.all(site), Counts: []int{}}
		if info.Values == nil {
			info.Values = []Value{} // a list the script can walk, not null
		}
		lists := make([][]int, len(info.Values))
		for i, v := range info.Values {
			prev := 0
			for d, doc := range docs {
				if has(doc.values[f.key], v.Slug) {
					lists[i] = append(lists[i], d-prev)
					prev = d
				}
			}
			if lists[i] == nil {
				lists[i] = []int{}
			}
			info.Counts = append(info.Counts, len(lists[i]))
		}
		e.Facets = append(e.Facets, info)
		members[f.key] = lists
	}
	e.Members = ix.add("m", mustJSON(members))
	ix.Entry = Folder + ix.add("index", mustJSON(e))
	return ix
}

// add stores b under a name made from its hash, and returns the name.
func (ix *Index) add(kind string, b []byte) string {
	sum := sha256.Sum256(b)
	name := kind + "." + hex.EncodeToString(sum[:])[:10] + ".json"
	ix.Files[Folder+name] = b
	return name
}

func documents(site *content.Site) []*document {
	var docs []*document
	for _, p := range site.Briefs {
		d := &document{URL: p.URL, Title: p.Title, Summary: p.Summary, Kind: "brief", Text: p.Text,
			values: map[string][]string{}}
		for _, h := range p.Headings {
			d.headings = append(d.headings, h.Text)
		}
		for _, f := range facets {
			d.values[f.key] = f.of(p)
		}
		docs = append(docs, d)
	}
	for _, g := range site.Glossary {
		docs = append(docs, &document{URL: g.URL, Title: g.Title, Summary: g.Summary, Kind: "glossary", Text: g.Text,
			index: g.Abbr + " " + strings.Join(g.Also, " ")})
	}
	return docs
}

// indexDocs is, for each document, its stems with their flags and its
// file, each document on its own, on every core. What c holds for an
// unchanged document is used as it is; c is then left holding these
// documents only.
func indexDocs(docs []*document, c *Cache) ([]map[string]int, [][]byte) {
	stop := map[string]bool{}
	for _, w := range stopWords {
		stop[w] = true
	}
	flags := make([]map[string]int, len(docs))
	frags := make([][]byte, len(docs))
	if c != nil {
		c.reused = 0
		for i, d := range docs {
			if old, ok := c.docs[d.URL]; ok && sameDoc(&old.doc, d) {
				flags[i], frags[i] = old.flags, old.frag
				c.reused++
			}
		}
	}
	par.Ranges(len(docs), func(first, end int) {
		// A hub uses a few thousand words many times over: each is
		// stemmed once, which was most of the index's time.
		stems := map[string]string{}
		for i := first; i < end; i++ {
			if frags[i] == nil {
				flags[i], frags[i] = docFlags(docs[i], stop, stems), mustJSON(docs[i])
			}
		}
	})
	if c != nil {
		c.docs = make(map[string]cachedDoc, len(docs))
		for i, d := range docs {
			c.docs[d.URL] = cachedDoc{doc: *d, flags: flags[i], frag: frags[i]}
		}
	}
	return flags, frags
}

// postings maps each stem to its documents, given each document's stems
// and flags: for each, the difference from the previous document's number
// (the first counts from 0) times postingBase, plus the flags of where the
// word is. The lists are joined in the documents' order, so they come out
// sorted.
func postings(each []map[string]int) map[string][]int {
	post := map[string][]int{}
	last := map[string]int{}
	for d, flags := range each {
		for s, f := range flags {
			post[s] = append(post[s], (d-last[s])*postingBase+f)
			last[s] = d
		}
	}
	return post
}

// docFlags is each stem of one document with its flags. stems caches the
// stem of each word.
func docFlags(doc *document, stop map[string]bool, stems map[string]string) map[string]int {
	stem := func(w string) string {
		s, ok := stems[w]
		if !ok {
			s = Stem(w)
			stems[w] = s
		}
		return s
	}
	flags := map[string]int{}
	mark := func(text string, bit int) {
		for _, w := range Words(text) {
			if !stop[w] {
				flags[stem(w)] |= bit
			}
		}
	}
	// The title bits say how many different words the title has, so the
	// reader's script can tell when a query names it whole.
	distinct := map[string]bool{}
	for _, w := range Words(doc.Title) {
		if !stop[w] {
			distinct[stem(w)] = true
		}
	}
	// A glossary title is a term, always short: it counts as a long title,
	// so that its shortness does not put it before the briefs.
	n := min(7, max(1, len(distinct)))
	if doc.Kind == "glossary" {
		n = 7
	}
	mark(doc.Title+" "+doc.index, n<<titleShift)
	mark(doc.Summary, inSummary)
	mark(strings.Join(doc.headings, "\n"), inHeading)
	tf := map[string]int{}
	for _, w := range Words(doc.Text) {
		if !stop[w] {
			tf[stem(w)]++
		}
	}
	for s, n := range tf {
		b := 3
		switch {
		case n == 1:
			b = 1
		case n <= 4:
			b = 2
		}
		flags[s] |= b
	}
	return flags
}

type shard struct {
	prefix string
	stems  []string
}

// split cuts the sorted stems that start with prefix into shards of about
// target bytes, by the letters that follow prefix; a part under an eighth
// of that stays in its parent's shard. A stem belongs to the shard of the
// longest prefix that starts it, which is how the browser finds it.
func split(prefix string, stems []string, sizes map[string]int, target int) []shard {
	total := 0
	for _, s := range stems {
		total += sizes[s]
	}
	if total <= target {
		return []shard{{prefix, stems}}
	}
	var own []string
	var out []shard
	n := utf8.RuneCountInString(prefix)
	for i := 0; i < len(stems); {
		s := stems[i]
		if utf8.RuneCountInString(s) == n {
			own = append(own, s)
			i++
			continue
		}
		child := string([]rune(s)[:n+1])
		j := i
		size := 0
		for j < len(stems) && strings.HasPrefix(stems[j], child) {
			size += sizes[stems[j]]
			j++
		}
		if size < target/8 {
			own = append(own, stems[i:j]...)
		} else {
			out = append(out, split(child, stems[i:j], sizes, target)...)
		}
		i = j
	}
	if len(own) > 0 {
		sort.Strings(own)
		out = append([]shard{{prefix, own}}, out...)
	}
	return out
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// mustJSON encodes v compactly, without escaping <, > and &: the files are
// data read by a script, never HTML. Map keys come out sorted, so the
// bytes depend only on the content.
func mustJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	// Only strings, numbers, slices and string-keyed maps are encoded
	// here, which cannot fail.
	_ = enc.Encode(v)
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
