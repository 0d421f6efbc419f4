package search

import (
	"slices"
	"sync"

	"github.com/alongside-hub/alongside/internal/content"
)

// A Cache keeps, between builds of the same site, the state its last build
// made the index from (state): each document with its stems and flags and
// its file; each stem's postings and the bytes they take; each shard's
// stems and file; each block's hash and each document's file name; and
// the facet lists and members file. The live preview keeps one; a build
// needs none.
//
// When the documents are the same list as last time (the same addresses,
// in the same order, with as many briefs), the state is patched: a
// document is indexed again only when a field the index reads of it
// changed (sameDoc); only the postings of the stems whose flags changed in
// those documents are made again, by replacing those documents' postings;
// the stems are split into shards again (cheap), and a shard's file is
// made again only when its stems, or the postings of one of them, changed;
// a block is hashed again only when one of its files changed; the facet
// lists are made again only when a document's values or a facet's values
// changed. When the list changed (a document added, removed or moved),
// the state is made whole, still taking each unchanged document's stems
// and file from the cache.
//
// Why the result stays right: every part of the state is a function of
// the documents alone, each made again whenever what it is made from
// changed, and the files are read from the state in the same way either
// way; so the index is byte for byte the one Build makes.
// TestCacheMatchesBuild and TestCacheRandomEdits hold it to that.
type Cache struct {
	mu     sync.Mutex
	last   *state
	reused int // documents taken from the cache by the last build, for tests
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

// Build is Build, reusing what the cache holds.
func (c *Cache) Build(site *content.Site) *Index {
	c.mu.Lock()
	defer c.mu.Unlock()
	return build(site, c, nil, nil)
}

type cachedDoc struct {
	doc   document
	flags stemFlags
	frag  []byte // its file
}

// sameDoc reports whether the index would read the same stems and file
// from a and b (their facet values aside). Strings that share their bytes,
// as unchanged files' do, compare at once.
func sameDoc(a, b *document) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Summary == b.Summary && a.Kind == b.Kind &&
		a.Text == b.Text && a.index == b.index && slices.Equal(a.headings, b.headings)
}
