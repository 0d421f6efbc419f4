package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"

	"github.com/alongside-hub/alongside/internal/par"
)

// state is everything the index's files are read from (index), kept by a
// Cache from one build to the next.
type state struct {
	docs   []cachedDoc      // by number: every brief, then every glossary entry
	briefs int              // documents 0 to briefs-1 are briefs
	post   map[string][]int // stem -> its postings (postings)
	sizes  map[string]int   // stem -> the bytes it takes in a shard (size)
	stems  []string         // every stem, sorted; never changed in place, as shards hold parts of it
	total  int              // the sum of sizes
	dirty  []string         // stems whose postings changed since the shards were made
	order  []string         // the shards' prefixes, in the entry's order
	shards map[string]builtShard
	blocks []string // hash of each block of documents' files
	names  []string // output path of each document's file

	valuesChanged bool        // a document's facet values changed since the facet lists were made
	infos         []facetInfo // each facet's values and counts
	members       named       // the members file

	encoded, hashedBlocks int // shards and blocks the last build made again, for tests
}

type builtShard struct {
	stems []string
	named
}

// sameList reports whether docs are the documents of st, in the same
// order, with as many briefs. A nil state has none.
func (st *state) sameList(docs []*document, briefs int) bool {
	if st == nil || len(st.docs) != len(docs) || st.briefs != briefs {
		return false
	}
	for i, d := range docs {
		if st.docs[i].doc.URL != d.URL {
			return false
		}
	}
	return true
}

// newState makes the state of docs whole, taking from last (which may be
// nil) the stems and file of each document that did not change.
func newState(docs []*document, briefs int, last *state, c *Cache) *state {
	st := &state{docs: make([]cachedDoc, len(docs)), briefs: briefs, valuesChanged: true}
	old := map[string]*cachedDoc{}
	if last != nil {
		for i := range last.docs {
			old[last.docs[i].doc.URL] = &last.docs[i]
		}
	}
	var todo []int
	for i, d := range docs {
		st.docs[i].doc = *d
		if o, ok := old[d.URL]; ok && sameDoc(&o.doc, d) {
			st.docs[i].flags, st.docs[i].frag = o.flags, o.frag
		} else {
			todo = append(todo, i)
		}
	}
	st.indexDocs(todo, c)
	st.post = postings(st.docs)
	st.sizes = make(map[string]int, len(st.post))
	st.stems = make([]string, 0, len(st.post))
	for s, p := range st.post {
		st.stems = append(st.stems, s)
		st.sizes[s] = size(s, p)
		st.total += st.sizes[s]
	}
	sort.Strings(st.stems)
	n := (len(docs) + blockSize - 1) / blockSize
	if n > 0 {
		st.blocks = make([]string, n)
	}
	st.names = make([]string, len(docs))
	all := make([]int, n)
	for b := range all {
		all[b] = b
	}
	st.hash(all)
	return st
}

// update patches st, the state of the same documents in the same order,
// to be that of docs.
func (st *state) update(docs []*document, c *Cache) {
	var todo []int
	var was []cachedDoc // what the documents of todo were
	for i, d := range docs {
		if !sameValues(st.docs[i].doc.values, d.values) {
			st.valuesChanged = true
		}
		if !sameDoc(&st.docs[i].doc, d) {
			todo = append(todo, i)
			was = append(was, st.docs[i])
			st.docs[i] = cachedDoc{}
		}
		st.docs[i].doc = *d
	}
	st.indexDocs(todo, c)

	// The changes to each stem's postings, in the documents' order.
	changes := map[string][]change{}
	var blocks []int
	for k, i := range todo {
		before, after := was[k].flags, st.docs[i].flags
		for s, f := range before {
			if after[s] != f {
				changes[s] = append(changes[s], change{i, after[s]})
			}
		}
		for s, f := range after {
			if _, ok := before[s]; !ok {
				changes[s] = append(changes[s], change{i, f})
			}
		}
		if b := i / blockSize; !bytes.Equal(was[k].frag, st.docs[i].frag) && !slices.Contains(blocks, b) {
			blocks = append(blocks, b)
		}
	}
	var added, gone []string
	for s, ch := range changes {
		st.dirty = append(st.dirty, s)
		old, had := st.post[s]
		p := patch(old, ch)
		st.total -= st.sizes[s]
		switch {
		case len(p) == 0:
			delete(st.post, s)
			delete(st.sizes, s)
			gone = append(gone, s)
			continue
		case !had:
			added = append(added, s)
		}
		st.post[s] = p
		st.sizes[s] = size(s, p)
		st.total += st.sizes[s]
	}
	if len(added)+len(gone) > 0 {
		st.stems = restem(st.stems, added, gone)
	}
	st.hash(blocks)
}

// restem is the sorted stems with added put in and gone taken out, as a
// new list.
func restem(stems, added, gone []string) []string {
	sort.Strings(added)
	drop := make(map[string]bool, len(gone))
	for _, s := range gone {
		drop[s] = true
	}
	out := make([]string, 0, len(stems)+len(added)-len(gone))
	i := 0
	for _, s := range stems {
		for i < len(added) && added[i] < s {
			out = append(out, added[i])
			i++
		}
		if !drop[s] {
			out = append(out, s)
		}
	}
	return append(out, added[i:]...)
}

// indexDocs makes the stems with their flags and the file of each
// document of todo, on every core.
func (st *state) indexDocs(todo []int, c *Cache) {
	if c != nil {
		c.reused = len(st.docs) - len(todo)
	}
	stop := map[string]bool{}
	for _, w := range stopWords {
		stop[w] = true
	}
	par.Ranges(len(todo), func(first, end int) {
		// A hub uses a few thousand words many times over: each is
		// stemmed once, which was most of the index's time.
		stems := map[string]string{}
		for _, i := range todo[first:end] {
			d := &st.docs[i]
			d.flags, d.frag = docFlags(&d.doc, stop, stems), mustJSON(&d.doc)
		}
	})
}

// hash makes again the hash of each block of blocks, from its documents'
// files, and the names of those files.
func (st *state) hash(blocks []int) {
	st.hashedBlocks = len(blocks)
	par.Ranges(len(blocks), func(first, end int) {
		for _, b := range blocks[first:end] {
			start, stop := b*blockSize, min((b+1)*blockSize, len(st.docs))
			h := sha256.New()
			for i := start; i < stop; i++ {
				h.Write(st.docs[i].frag)
				h.Write([]byte{0})
			}
			sum := hex.EncodeToString(h.Sum(nil))[:10]
			st.blocks[b] = sum
			for i := start; i < stop; i++ {
				st.names[i] = fmt.Sprintf("%s%d.%s.json", Folder, i, sum)
			}
		}
	})
}
