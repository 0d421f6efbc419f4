package search

import (
	"strings"
)

// docFlags is each stem of one document with its flags. stems caches the
// stem of each word; tf and flags are maps the caller lends, for counting,
// which docFlags empties first.
func docFlags(doc *document, stop map[string]bool, stems map[string]string, tf, flags map[string]int) stemFlags {
	stem := func(w string) string {
		s, ok := stems[w]
		if !ok {
			// w is part of this document's folded text: the cache
			// keeps a copy, not the whole text.
			w = strings.Clone(w)
			s = Stem(w)
			stems[w] = s
		}
		return s
	}
	clear(tf)
	eachWord(doc.Text, func(w string) {
		if !stop[w] {
			tf[stem(w)]++
		}
	})
	clear(flags)
	mark := func(text string, bit int) {
		eachWord(text, func(w string) {
			if !stop[w] {
				flags[stem(w)] |= bit
			}
		})
	}
	// The title bits say how many different words the title has, so the
	// reader's script can tell when a query names it whole.
	distinct := map[string]bool{}
	eachWord(doc.Title, func(w string) {
		if !stop[w] {
			distinct[stem(w)] = true
		}
	})
	// A glossary title is a term, always short: it counts as a long title,
	// so that its shortness does not put it before the briefs.
	n := min(7, max(1, len(distinct)))
	if doc.Kind == "glossary" {
		n = 7
	}
	mark(doc.Title+" "+doc.index, n<<titleShift)
	mark(doc.Summary, inSummary)
	mark(strings.Join(doc.headings, "\n"), inHeading)
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
	out := make(stemFlags, 0, len(flags))
	for s, f := range flags {
		out = append(out, stemFlag{s, f})
	}
	return out
}

// stemFlags are the stems of one document with their flags, in no order:
// the index reads them whole, and a list holds them in about half the
// memory of a map, which matters as every document's are held at once.
type stemFlags []stemFlag

type stemFlag struct {
	stem  string
	flags int
}

// byStem is the flags of each stem.
func (fs stemFlags) byStem() map[string]int {
	m := make(map[string]int, len(fs))
	for _, f := range fs {
		m[f.stem] = f.flags
	}
	return m
}

// postings maps each stem to its documents, given each document's stems
// and flags: for each, the difference from the previous document's number
// (the first counts from 0) times postingBase, plus the flags of where the
// word is. The lists are joined in the documents' order, so they come out
// sorted.
func postings(docs []cachedDoc) map[string][]int {
	pl := newPostingLists()
	for d := range docs {
		pl.add(d, docs[d].flags)
	}
	return pl.post
}

// postingLists are postings made one document at a time, in the
// documents' order.
type postingLists struct {
	post map[string][]int
	last map[string]int // the last document each stem was in
}

func newPostingLists() *postingLists {
	return &postingLists{post: map[string][]int{}, last: map[string]int{}}
}

// add puts document d, with the stems and flags fs, into the postings.
func (pl *postingLists) add(d int, fs stemFlags) {
	for _, sf := range fs {
		s, f := sf.stem, sf.flags
		pl.post[s] = append(pl.post[s], (d-pl.last[s])*postingBase+f)
		pl.last[s] = d
	}
}

// A change is a document's new flags for one stem, 0 if it no longer has
// it (a stem a document has always has some flag).
type change struct{ doc, flags int }

// patch appends to out the postings list post with the changes, in the
// documents' order, made: each changed document's posting replaced,
// added or dropped, and the gap of the one after it made again. post is
// not changed.
func patch(out, post []int, changes []change) []int {
	prev := 0 // the number of the last document in out
	put := func(d, f int) {
		if f != 0 {
			out = append(out, (d-prev)*postingBase+f)
			prev = d
		}
	}
	d, k := 0, 0
	for _, p := range post {
		d += p / postingBase
		for k < len(changes) && changes[k].doc < d {
			put(changes[k].doc, changes[k].flags)
			k++
		}
		if k < len(changes) && changes[k].doc == d {
			put(d, changes[k].flags)
			k++
			continue
		}
		put(d, p%postingBase)
	}
	for ; k < len(changes); k++ {
		put(changes[k].doc, changes[k].flags)
	}
	return out
}

// size is the bytes a stem and its postings take in a shard, as mustJSON
// writes them: "stem":[1,2,3] and a comma.
func size(stem string, post []int) int {
	n := stringSize(stem) + 2 + 2 + len(post) - 1
	for _, p := range post {
		for n++; p >= 10; p /= 10 {
			n++
		}
	}
	return n
}
