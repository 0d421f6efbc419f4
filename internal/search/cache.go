package search

import (
	"slices"
	"sync"

	"github.com/alongside-hub/alongside/internal/content"
)

// A Cache keeps, between builds of the same site, what each document gave
// the index: its stems with their flags, and its file. A document is taken
// from the cache only when every field the index reads from it is the same
// as last time, so the index is byte for byte the one Build makes. It
// holds the documents of the last build only. The live preview keeps one;
// a build needs none.
type Cache struct {
	mu     sync.Mutex
	docs   map[string]cachedDoc // by address
	reused int                  // documents taken from the cache by the last build, for tests
}

type cachedDoc struct {
	doc   document
	flags map[string]int
	frag  []byte
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

// Build is Build, reusing what the cache holds.
func (c *Cache) Build(site *content.Site) *Index {
	c.mu.Lock()
	defer c.mu.Unlock()
	return build(site, c)
}

// sameDoc reports whether the index would read the same from a and b.
// Strings that share their bytes, as unchanged files' do, compare at once.
func sameDoc(a, b *document) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Summary == b.Summary && a.Kind == b.Kind &&
		a.Text == b.Text && a.index == b.index && slices.Equal(a.headings, b.headings)
}
