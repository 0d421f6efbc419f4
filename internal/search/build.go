package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
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
	values   [][]string // each facet's slugs, in the order of facets
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
func Build(site *content.Site) *Index { return build(site, nil, nil, nil) }

// BuildTo is Build, handing the file of each document to put as soon as
// its block is named, in the order of the documents, and keeping none:
// they hold the text of every body, so a build that writes them as they
// come never holds them all. The Index has the other files. done, if not
// nil, is called with each brief, in order, once the index has read it,
// so that its text can be let go (content.LetGoPlainText).
func BuildTo(site *content.Site, put func(path string, b []byte), done func(*content.Page)) *Index {
	return build(site, nil, put, done)
}

// build is Build with a cache, which may be nil, or BuildTo with put and
// done (and no cache), which may be nil. The index is made from a
// state: every list, size, shard, block hash and facet list of the site.
// With a cache whose last build had the same documents in the same order,
// that state is the last one, patched where documents changed (update);
// otherwise it is made whole (newState). Either way the files are then
// read from it the same way.
func build(site *content.Site, c *Cache, put func(string, []byte), done func(*content.Page)) *Index {
	var last *state
	if c != nil {
		// The cache holds the state again only once it is whole.
		last, c.last = c.last, nil
	}
	var st *state
	if last.sameList(site) {
		st = last
		st.update(site, c)
	} else {
		st = newState(documents(site), len(site.Briefs), last, c, put, func(i int) {
			if done != nil && i < len(site.Briefs) {
				done(site.Briefs[i])
			}
		})
	}
	st.shard()
	st.facets(site)
	if c != nil {
		c.last = st
	}
	return st.index()
}

// index is the files of the state, each named by the hash of its content.
func (st *state) index() *Index {
	ix := &Index{Files: make(map[string][]byte, len(st.docs)+len(st.shards)+2)}
	e := entryFile{Version: 1, Docs: len(st.docs), Briefs: st.briefs, Stop: stopWords, Block: blockSize,
		Shards: make([][2]string, 0, len(st.order)), Frags: st.blocks, Facets: st.infos, Members: st.members.name}
	for _, p := range st.order {
		sh := st.shards[p]
		ix.Files[Folder+sh.name] = sh.b
		e.Shards = append(e.Shards, [2]string{p, sh.name})
	}
	for i := range st.docs {
		if f := st.docs[i].frag; f != nil { // nil once handed out (BuildTo)
			ix.Files[st.names[i]] = f
		}
	}
	ix.Files[Folder+st.members.name] = st.members.b
	ix.Entry = Folder + ix.add("index", mustJSON(e))
	return ix
}

// named is a file's bytes and its name, made from their hash.
type named struct {
	name string
	b    []byte
}

// hashed names b as add does.
func hashed(kind string, b []byte) named {
	sum := sha256.Sum256(b)
	return named{kind + "." + hex.EncodeToString(sum[:])[:10] + ".json", b}
}

// add stores b under a name made from its hash, and returns the name.
func (ix *Index) add(kind string, b []byte) string {
	f := hashed(kind, b)
	ix.Files[Folder+f.name] = b
	return f.name
}

// documents is every brief, then every glossary entry.
func documents(site *content.Site) []document {
	docs := make([]document, 0, len(site.Briefs)+len(site.Glossary))
	for _, p := range site.Briefs {
		docs = append(docs, briefDoc(p))
	}
	for _, g := range site.Glossary {
		docs = append(docs, entryDoc(g))
	}
	return docs
}

// briefDoc is the document of a brief. Its headings and facet values
// share one list, so that there are few to allocate. sameBrief reads the
// same fields.
func briefDoc(p *content.Page) document {
	ss := make([]string, 0, len(p.Headings)+16)
	for _, h := range p.Headings {
		ss = append(ss, h.Text)
	}
	d := document{URL: p.URL, Title: p.Title, Summary: p.Summary, Kind: "brief", Text: textOf(p),
		headings: ss[:len(ss):len(ss)], values: make([][]string, len(facets))}
	for k, f := range facets {
		start := len(ss)
		for i := 0; ; i++ {
			s, ok := f.slug(p, i)
			if !ok {
				break
			}
			ss = append(ss, s)
		}
		d.values[k] = ss[start:len(ss):len(ss)]
	}
	return d
}

// sameBrief reports whether brief p would give the document d, without
// making it: the fields briefDoc reads are the same.
func sameBrief(d *document, p *content.Page) bool {
	if d.Kind != "brief" || d.URL != p.URL || d.Title != p.Title || d.Summary != p.Summary || d.Text != textOf(p) ||
		d.index != "" || len(d.headings) != len(p.Headings) {
		return false
	}
	for i, h := range p.Headings {
		if d.headings[i] != h.Text {
			return false
		}
	}
	return briefValues(d.values, p)
}

// entryDoc is the document of a glossary entry: its abbreviation and
// other forms count as its title.
func entryDoc(g *content.Entry) document {
	return document{URL: g.URL, Title: g.Title, Summary: g.Summary, Kind: "glossary", Text: g.Text,
		index: g.Abbr + " " + strings.Join(g.Also, " ")}
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
	// A copy of its size: a document's file is held until it is written,
	// and the buffer has grown to as much as twice that.
	return bytes.Clone(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// textOf is a brief's plain text; tests of edits change it here, as the
// page's text cannot be set from outside content.
var textOf = content.PlainText
