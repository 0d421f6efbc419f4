package content

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"sync"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// Cache lets one Load reuse what an earlier Load learned from each
// Markdown file, for a long-lived process that builds the same project
// many times (alongside serve). Give the same Cache in Options.Cache to
// every Load; a nil Cache means no reuse.
//
// What is kept, per source path, keyed by the SHA-256 of the file's bytes:
//
//   - everything reading the file alone gives: its front matter fields,
//     the parsed Markdown and its facts (headings, links, text), what its
//     text gave the prose rules and its reading grade (proseNotes), and
//     the diagnostics found on the way;
//   - the rendered HTML of its body, keyed by everything the rendering
//     reads besides the file: the page's address, where each of its links
//     resolved to, and the glossary terms it may link;
//   - and, for the whole tree, each brief's related briefs, keyed by what
//     decides them (relatedKey: the briefs in order, and their terms);
//   - the file's stamp on disk (identity, size, modification time), so
//     that a file a watcher did not report (Changed) and whose stamp is
//     the same is not read or hashed again.
//
// Why the result stays right: of what joins files, only the related
// briefs are kept, keyed by all they are made from. Sorting, taxonomies,
// link resolution and its diagnostics, backlinks and previous/next are
// worked out again from the kept per-file facts on every Load, and each
// Load gets its own copies of the pages, so a page of an earlier Site is
// never changed, but by Patch, which brings the last Site up to date in
// place after a change to bodies alone. The whole cache is dropped
// when the options or site.yaml change (dates, drafts, review interval,
// topic names all feed the per-file rules), and an entry whose file is
// gone is dropped at the end of the Load that no longer saw it, so the
// cache holds one entry per file of the current tree and no more.
type Cache struct {
	mu      sync.Mutex
	changed []string          // paths said to have changed since the last Load; "." is all
	all     bool              // nothing is known of what changed: read every file
	unread  int               // files the current Load took from the cache unread
	last    int               // unread, of the last Load
	key     [sha256.Size]byte // options and site.yaml the entries were made with
	files   map[string]*cacheEntry
	seen    map[string]bool    // sources read by the current Load
	gloss   *[sha256.Size]byte // glossaryKey of the current Load, once made
	relKey  [sha256.Size]byte  // relatedKey of the briefs rel was made for
	rel     [][]int32          // each brief's related briefs, by rank
	loaded  *loader            // the last Load's loader, for Patch; nil while a Load runs or after one failed
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{all: true} }

// Changed tells the cache which paths (slash paths from the root, as a
// watcher of the folder reports them) changed since the last Load; a
// folder stands for everything in it, and "." for the whole tree. The next
// Load reads again every file it was told of, and skips reading a file of
// the disk that it was not told of and whose size, modification time and
// identity are as they were: so a watcher's report is needed for the skip,
// and the file's stamp confirms it (a change the watcher missed still
// shows in the stamp, and one the stamp misses, as when two saves fall in
// one tick of the clock, is in the report). Without a call to Changed
// before a Load, every file is read and hashed.
func (c *Cache) Changed(paths []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		if p == "." || p == "" {
			c.all = true
		}
	}
	c.changed = append(c.changed, paths...)
}

// mayHaveChanged says whether the file at source (read at real) is among
// the paths the cache was told of; the caller holds c.mu.
func (c *Cache) mayHaveChanged(source, real string) bool {
	if c.all {
		return true
	}
	for _, q := range c.changed {
		for _, p := range []string{source, real} {
			if p == q || strings.HasPrefix(p, q+"/") {
				return true
			}
		}
	}
	return false
}

// sameStamp says whether two descriptions are of one file of the disk,
// unchanged: the same file (device and inode), size and modification time.
// Files of an in-memory fs.FS have no such stamp and are always read.
func sameStamp(a, b fs.FileInfo) bool {
	return a != nil && b != nil && os.SameFile(a, b) &&
		a.Size() == b.Size() && a.ModTime().Equal(b.ModTime()) && a.Mode() == b.Mode()
}

// cacheEntry is what one Markdown file gave.
type cacheEntry struct {
	sum     [sha256.Size]byte
	front   [sha256.Size]byte // of the lines before the body (frontSum), for Patch
	real    string            // where it was read
	info    fs.FileInfo       // what it was when read; see sameStamp
	list    Diagnostics       // found while reading the file
	page    *Page             // the page as read, before any joining; never handed out
	entry   *Entry
	draft   bool // left out as a draft
	bodyKey [sha256.Size]byte
	body    []byte // rendered for bodyKey; nil until rendered
}

// relatedFor gives the related briefs (by rank) kept for key.
func (c *Cache) relatedFor(key [sha256.Size]byte) ([][]int32, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rel, c.rel != nil && key == c.relKey
}

func (c *Cache) keepRelated(key [sha256.Size]byte, ranks [][]int32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.relKey, c.rel = key, ranks
}

// Unread is how many files the last Load took from the cache without
// reading them (see Changed).
func (c *Cache) Unread() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

// Len is the number of files the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.files)
}

// begin starts a Load with these options and this site.yaml.
func (c *Cache) begin(opt Options, cfg Config) {
	h := sha256.New()
	optionsKey(h, opt)
	fmt.Fprintf(h, "\x00%#v", cfg)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	c.mu.Lock()
	defer c.mu.Unlock()
	if key != c.key || c.files == nil {
		c.key, c.files, c.rel = key, map[string]*cacheEntry{}, nil
	}
	c.seen, c.gloss, c.loaded = map[string]bool{}, nil, nil
}

// end forgets the files the Load did not read, and what it was told had
// changed: the Load has seen it.
func (c *Cache) end(l *loader) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.loaded = l
	c.changed, c.all = nil, false
	c.last, c.unread = c.unread, 0
	for p := range c.files {
		if !c.seen[p] {
			delete(c.files, p)
		}
	}
	c.seen = nil
}

// readMarkdownCached is readMarkdown, reusing what the cache holds for a
// file with the same bytes.
func (l *loader) readMarkdownCached(p, real string, info fs.FileInfo) error {
	c := l.opt.Cache
	if c == nil {
		return l.readMarkdown(p, real, info)
	}
	c.mu.Lock()
	e := c.files[p]
	c.seen[p] = true
	skip := e != nil && e.real == real && !c.mayHaveChanged(p, real) && sameStamp(e.info, info)
	c.mu.Unlock()
	fresh := false
	var src []byte
	if skip {
		c.mu.Lock()
		c.unread++
		c.mu.Unlock()
	} else {
		var err error
		src, err = readChecked(l.fsys, p, real, info)
		if err != nil {
			c.mu.Lock()
			delete(c.files, p) // nothing of it is kept
			c.mu.Unlock()
			return l.readMarkdown(p, real, info) // reports it as it would without a cache
		}
		if sum := sha256.Sum256(src); e == nil || e.sum != sum {
			e, fresh = &cacheEntry{sum: sum}, true
		}
		c.mu.Lock()
		e.real, e.info = real, info
		c.mu.Unlock()
	}
	if fresh {
		// A file not seen before, or changed: read it as without a cache
		// (it is read a second time, through the same checks).
		before, pages, entries := len(*l.list), len(l.site.Pages), len(l.site.Glossary)
		if err := l.readMarkdown(p, real, info); err != nil {
			return err
		}
		e.list = append(Diagnostics(nil), (*l.list)[before:]...)
		if len(l.site.Pages) > pages {
			cp := *l.site.Pages[pages]
			e.page = &cp
			e.front = frontSum(src, cp.bodyAt)
		}
		if len(l.site.Glossary) > entries {
			cp := *l.site.Glossary[entries]
			e.entry = &cp
		}
		e.draft = l.drafts[p]
		c.mu.Lock()
		c.files[p] = e
		c.mu.Unlock()
		return nil
	}
	*l.list = append(*l.list, e.list...)
	if e.draft {
		l.drafts[p] = true
	}
	if e.page != nil {
		cp := *e.page
		l.site.Pages = append(l.site.Pages, &cp)
		l.bySource[p] = &cp
	}
	if e.entry != nil {
		cp := *e.entry
		l.site.Glossary = append(l.site.Glossary, &cp)
		l.bySource[p] = &cp
	}
	return nil
}

// renderBody is renderDoc for a body whose first use of each glossary
// term is linked if terms is true (briefs), with boxes as renderDoc takes
// them, reusing the HTML of the last render of the same file with the
// same inputs.
func (l *loader) renderBody(source string, doc *markdown.Doc, links []resolvedLink, from string, terms bool, boxes map[string]string) []byte {
	glossary := func() []markdown.Term {
		if !terms {
			return nil
		}
		return glossaryTerms(l.site.Glossary, from)
	}
	c := l.opt.Cache
	if c == nil {
		return renderDoc(doc, links, from, glossary(), boxes)
	}
	c.mu.Lock()
	e := c.files[source]
	var gkey [sha256.Size]byte
	if terms {
		gkey = c.glossaryKey(l.site.Glossary)
	}
	c.mu.Unlock()
	if e == nil {
		return renderDoc(doc, links, from, glossary(), boxes)
	}
	key := bodyKey(from, links, gkey, boxes)
	c.mu.Lock()
	body := e.body
	if e.bodyKey != key {
		body = nil
	}
	c.mu.Unlock()
	if body != nil {
		return body
	}
	body = renderDoc(doc, links, from, glossary(), boxes)
	c.mu.Lock()
	e.bodyKey, e.body = key, body
	c.mu.Unlock()
	return body
}

// glossaryKey hashes what glossaryTerms reads of the entries, once per
// Load; the caller holds c.mu.
func (c *Cache) glossaryKey(entries []*Entry) [sha256.Size]byte {
	if c.gloss != nil {
		return *c.gloss
	}
	h := sha256.New()
	str := func(s string) { writeLen(h, len(s)); io.WriteString(h, s) }
	writeLen(h, len(entries))
	for _, e := range entries {
		str(e.Title)
		writeLen(h, len(e.Also))
		for _, a := range e.Also {
			str(a)
		}
		str(e.Abbr)
		str(e.URL)
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	c.gloss = &key
	return key
}

// bodyKey hashes what renderDoc reads besides the document itself: the
// page's address (links and terms are made relative to it), where each
// link goes, the glossary terms (gloss, zero for none) and the boxes.
func bodyKey(from string, links []resolvedLink, gloss [sha256.Size]byte, boxes map[string]string) [sha256.Size]byte {
	h := sha256.New()
	str := func(s string) { writeLen(h, len(s)); io.WriteString(h, s) }
	str(from)
	writeLen(h, len(links))
	for _, lk := range links {
		writeLen(h, lk.Pos.Line)
		writeLen(h, lk.Pos.Col)
		str(lk.target)
	}
	h.Write(gloss[:])
	writeLen(h, len(boxes))
	for _, k := range sortedKeys(boxes) {
		str(k)
		str(boxes[k])
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

func writeLen(h hash.Hash, n int) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

// optionsKey writes the options that can change what a file gives: every
// field of Options but functions and pointers (the cache itself, hooks).
func optionsKey(w io.Writer, opt Options) {
	v := reflect.ValueOf(opt)
	for i := 0; i < v.NumField(); i++ {
		switch f := v.Field(i); f.Kind() {
		case reflect.Func, reflect.Pointer, reflect.Chan, reflect.Interface:
		default:
			fmt.Fprintf(w, "%s=%#v\x00", v.Type().Field(i).Name, f.Interface())
		}
	}
}
