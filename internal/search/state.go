package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"sort"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/par"
)

// state is everything the index's files are read from (index), kept by a
// Cache from one build to the next.
type state struct {
	docs    []cachedDoc      // by number: every brief, then every glossary entry
	briefs  int              // documents 0 to briefs-1 are briefs
	post    map[string][]int // stem -> its postings (postings)
	stems   []string         // every stem, sorted; never changed in place, as shards hold parts of it
	sizes   []int            // the bytes each stem takes in a shard (size), in the order of stems
	total   int              // the sum of sizes
	dirty   []string         // stems whose postings changed since the shards were made
	order   []string         // the shards' prefixes, in the entry's order
	shards  map[string]builtShard
	scratch []int    // for patching postings
	blocks  []string // hash of each block of documents' files
	names   []string // output path of each document's file

	valuesChanged bool        // a document's facet values changed since the facet lists were made
	infos         []facetInfo // each facet's values and counts
	members       named       // the members file

	encoded, hashedBlocks int // shards and blocks the last build made again, for tests
}

type builtShard struct {
	stems []string
	named
}

// sameList reports whether the documents of site are those of st: the
// same addresses in the same order, with as many briefs. A nil state has
// none.
func (st *state) sameList(site *content.Site) bool {
	if st == nil || st.briefs != len(site.Briefs) || len(st.docs) != len(site.Briefs)+len(site.Glossary) {
		return false
	}
	for i, p := range site.Briefs {
		if st.docs[i].doc.URL != p.URL {
			return false
		}
	}
	for i, g := range site.Glossary {
		if st.docs[st.briefs+i].doc.URL != g.URL {
			return false
		}
	}
	return true
}

// newState makes the state of docs whole, taking from last (which may be
// nil) the stems and file of each document that did not change; docs is
// emptied. With put (never with last), each document is indexed and its
// file made, named and handed to put a few blocks at a time, and then
// neither its text nor its file is kept (emit), and done is called with
// its number.
func newState(docs []document, briefs int, last *state, c *Cache, put func(string, []byte), done func(doc int)) *state {
	st := &state{docs: make([]cachedDoc, len(docs)), briefs: briefs, valuesChanged: true}
	old := map[string]*cachedDoc{}
	if last != nil {
		for i := range last.docs {
			old[last.docs[i].doc.URL] = &last.docs[i]
		}
	}
	var todo []int
	for i := range docs {
		d := &docs[i]
		st.docs[i].doc = *d
		if o, ok := old[d.URL]; ok && sameDoc(&o.doc, d) {
			st.docs[i].flags, st.docs[i].frag = o.flags, o.frag
		} else {
			todo = append(todo, i)
		}
	}
	clear(docs) // st.docs holds them now
	n := (len(docs) + blockSize - 1) / blockSize
	if n > 0 {
		st.blocks = make([]string, n)
	}
	st.names = make([]string, len(docs))
	if put != nil {
		st.post = st.emit(put, done)
	} else {
		st.indexDocs(todo, c)
		st.post = postings(st.docs)
	}
	st.stems = make([]string, 0, len(st.post))
	for s := range st.post {
		st.stems = append(st.stems, s)
	}
	sort.Strings(st.stems)
	st.sizes = make([]int, len(st.stems))
	for i, s := range st.stems {
		st.sizes[i] = size(s, st.post[s])
		st.total += st.sizes[i]
	}
	if put != nil {
		return st
	}
	all := make([]int, n)
	for b := range all {
		all[b] = b
	}
	st.hash(all)
	return st
}

// emitBlocks is how many blocks of documents' files emit makes at once:
// about a thousand files.
const emitBlocks = 16

// emit indexes every document and makes its file, on every core, a few
// blocks at a time; names each block's files from their hash; hands them
// to put in the documents' order, keeping none; calls done with the
// number of each document the index no longer reads; and returns the
// postings. Neither a document's text nor its stems are kept once its
// block is done, so the index never holds every document's at once.
func (st *state) emit(put func(string, []byte), done func(doc int)) map[string][]int {
	stopw := stopSet()
	// Each core takes a counter and gives it back, so that its stems stay
	// known from one few blocks to the next; par.Ranges runs no more at
	// once than there are counters.
	counters := make(chan *counter, runtime.GOMAXPROCS(0))
	for range cap(counters) {
		counters <- newCounter()
	}
	pl := newPostingLists()
	files := make([][]byte, emitBlocks*blockSize)
	for first := 0; first < len(st.blocks); first += emitBlocks {
		end := min(len(st.blocks), first+emitBlocks)
		base := first * blockSize
		par.Ranges(end-first, func(a, b int) {
			c := <-counters
			defer func() { counters <- c }()
			for bl := first + a; bl < first+b; bl++ {
				start, stop := bl*blockSize, min((bl+1)*blockSize, len(st.docs))
				for i := start; i < stop; i++ {
					d := &st.docs[i]
					d.flags = c.count(&d.doc, stopw)
					files[i-base] = mustJSON(&d.doc)
					d.doc.Text = ""
				}
				st.name(bl, files[start-base:stop-base])
			}
		})
		for i := base; i < min(end*blockSize, len(st.docs)); i++ {
			put(st.names[i], files[i-base])
			files[i-base] = nil
			pl.add(i, st.docs[i].flags)
			st.docs[i].flags = nil // in the postings now, and never patched
			done(i)
		}
	}
	return pl.post
}

// update patches st, the state of the same documents in the same order,
// to be that of site.
func (st *state) update(site *content.Site, c *Cache) {
	var todo []int
	var was []cachedDoc // what the documents of todo were
	// A document found the same is not made again.
	put := func(i int, d document) {
		if !sameValues(st.docs[i].doc.values, d.values) {
			st.valuesChanged = true
		}
		if !sameDoc(&st.docs[i].doc, &d) {
			todo = append(todo, i)
			was = append(was, st.docs[i])
			st.docs[i] = cachedDoc{}
		}
		st.docs[i].doc = d
	}
	// Reading every brief is most of a rebuild's time at thousands of
	// them, waiting on memory: it is shared between the cores.
	differ := make([]bool, len(site.Briefs))
	par.Ranges(len(site.Briefs), func(first, end int) {
		for i := first; i < end; i++ {
			differ[i] = !sameBrief(&st.docs[i].doc, site.Briefs[i])
		}
	})
	for i, p := range site.Briefs {
		if differ[i] {
			put(i, briefDoc(p))
		}
	}
	for i, g := range site.Glossary {
		if d := entryDoc(g); !sameDoc(&st.docs[st.briefs+i].doc, &d) {
			put(st.briefs+i, d)
		}
	}
	st.indexDocs(todo, c)
	st.repost(todo, was)
}

// repost patches the postings, sizes and stems for the documents of todo,
// which were was, and hashes again the blocks whose files changed.
func (st *state) repost(todo []int, was []cachedDoc) {
	// The changes to each stem's postings, in the documents' order.
	changes := map[string][]change{}
	var blocks []int
	for k, i := range todo {
		before, after := was[k].flags.byStem(), st.docs[i].flags.byStem()
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
	added := map[string]int{} // new stems, with their sizes
	gone := map[string]bool{}
	for s, ch := range changes {
		st.dirty = append(st.dirty, s)
		old, had := st.post[s]
		// The list is made in scratch, then copied over the old one when
		// it fits: nothing but the state holds a list, and a common
		// word's is long.
		st.scratch = patch(st.scratch[:0], old, ch)
		p := st.scratch
		if len(p) <= cap(old) {
			p = append(old[:0], p...)
		} else {
			p = slices.Clone(p)
		}
		if !had {
			st.post[s] = p
			added[s] = size(s, p)
			st.total += added[s]
			continue
		}
		k, _ := slices.BinarySearch(st.stems, s)
		st.total -= st.sizes[k]
		if len(p) == 0 {
			delete(st.post, s)
			gone[s] = true
			continue
		}
		st.post[s] = p
		st.sizes[k] = size(s, p)
		st.total += st.sizes[k]
	}
	if len(added)+len(gone) > 0 {
		st.stems, st.sizes = restem(st.stems, st.sizes, added, gone)
	}
	st.hash(blocks)
}

// restem is the sorted stems and their sizes with added put in and gone
// taken out, as new lists.
func restem(stems []string, sizes []int, added map[string]int, gone map[string]bool) ([]string, []int) {
	news := make([]string, 0, len(added))
	for s := range added {
		news = append(news, s)
	}
	sort.Strings(news)
	n := len(stems) + len(added) - len(gone)
	outStems, outSizes := make([]string, 0, n), make([]int, 0, n)
	i := 0
	for k, s := range stems {
		for ; i < len(news) && news[i] < s; i++ {
			outStems, outSizes = append(outStems, news[i]), append(outSizes, added[news[i]])
		}
		if !gone[s] {
			outStems, outSizes = append(outStems, s), append(outSizes, sizes[k])
		}
	}
	for ; i < len(news); i++ {
		outStems, outSizes = append(outStems, news[i]), append(outSizes, added[news[i]])
	}
	return outStems, outSizes
}

// indexDocs makes the stems with their flags of each document of todo,
// and its file, on every core.
func (st *state) indexDocs(todo []int, c *Cache) {
	if c != nil {
		c.reused = len(st.docs) - len(todo)
	}
	stop := stopSet()
	par.Ranges(len(todo), func(first, end int) {
		c := newCounter()
		for _, i := range todo[first:end] {
			d := &st.docs[i]
			d.flags = c.count(&d.doc, stop)
			d.frag = mustJSON(&d.doc)
		}
	})
}

// stopSet is the stop words, to look up.
func stopSet() map[string]bool {
	stop := make(map[string]bool, len(stopWords))
	for _, w := range stopWords {
		stop[w] = true
	}
	return stop
}

// counter is what one core counts a document's words with (docFlags).
// A hub uses a few thousand words many times over: each is stemmed once,
// which was most of the index's time.
type counter struct {
	stems    map[string]string
	tf, bits map[string]int
}

func newCounter() *counter {
	return &counter{stems: map[string]string{}, tf: map[string]int{}, bits: map[string]int{}}
}

func (c *counter) count(doc *document, stop map[string]bool) stemFlags {
	return docFlags(doc, stop, c.stems, c.tf, c.bits)
}

// hash makes again the hash of each block of blocks, from its documents'
// files, and the names of those files.
func (st *state) hash(blocks []int) {
	st.hashedBlocks = len(blocks)
	par.Ranges(len(blocks), func(first, end int) {
		for _, b := range blocks[first:end] {
			start, stop := b*blockSize, min((b+1)*blockSize, len(st.docs))
			files := make([][]byte, 0, stop-start)
			for i := start; i < stop; i++ {
				files = append(files, st.docs[i].frag)
			}
			st.name(b, files)
		}
	})
}

// name hashes block b, whose documents' files are files, and names them.
func (st *state) name(b int, files [][]byte) {
	h := sha256.New()
	for _, f := range files {
		h.Write(f)
		h.Write([]byte{0})
	}
	sum := hex.EncodeToString(h.Sum(nil))[:10]
	st.blocks[b] = sum
	for k := range files {
		i := b*blockSize + k
		st.names[i] = fmt.Sprintf("%s%d.%s.json", Folder, i, sum)
	}
}
