package render

import (
	"crypto/sha256"
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/search"
)

// Cache lets one Render reuse the pages of an earlier one, for a
// long-lived process that builds the same project many times (alongside
// serve). A nil *Cache is not valid; use Render for a one-off build.
//
// What is kept: the parsed layouts, keyed by the SHA-256 of every file in
// layouts/; for each page, its minified bytes, keyed by a fingerprint of
// everything its layout can read, so that a page is made again only when
// its fingerprint changes; each brief's citation files, keyed by the
// facts they are made from (citation); and what each document gave the
// search index (search.Cache).
//
// The fingerprint of a page covers every exported field of its View; of
// the page it shows, every exported field and its body (View.Body); of
// any other page it reaches (its functions, backlinks, related briefs,
// the briefs of a list...), the page's "card": every exported field
// except its number of words, headings and the pages it lists, of which
// only the number counts; of a topic reached through a page, its slug,
// name and address. Of the Site it covers the settings, the build date
// and the pages of the footer, and each other field of the Site that the
// layout's text (with base.html and the partials) names, as ".Site.Briefs"
// or ".Latest" (the briefs), as a View would hold it; but only the length
// of a field the layout only counts ("len .Site.Briefs"), and only each
// topic's slug, name, address and count of a list of topics it only
// counts, tests or ranges over for those (countsTopics), which goes for
// the View's Topics too. So a layout may
// show, of another page, its title, summary, dates and how many briefs it
// has, but not its number of words or which pages it lists (its body and
// its text no layout can reach: content.Body); and a layout that hands
// the Site on whole ("{{with .Site}}"), or names what is not a field of
// it, is made again on every build. Which
// layouts those are is read from the layouts' text, so a new layout is
// safe by default. The test of serve holds incremental builds to
// byte-identical output.
type Cache struct {
	mu      sync.Mutex
	seed    maphash.Seed
	sum     [sha256.Size]byte // of the layouts folder
	ls      Layouts
	always  map[string]bool            // layouts made again on every build
	reads   map[string][]string        // the fields of the Site each layout reads (siteFields)
	counts  map[string]bool            // layouts that only count the briefs of the View's topic (countsTopic)
	lists   map[string]bool            // layouts that read of the View's Topics only names, addresses and counts (countsTopics)
	shows   map[string]map[string]bool // for Patch: whether each layout may show another page's summary, or its backlinks (showsOthers)
	pages   map[string]cachedPage
	scanned map[string]scannedPage
	checked map[string]checkedPage
	checks  uint64   // Checks so far
	base    string   // the base path of the last Check
	baseAt  uint64   // the Check at which it last changed
	made    []string // pages the last Render made again, sorted
	cites   map[string]citedBrief
	index   *search.Cache // what each document gave the search index
	out     *Output       // the last Render or Patch made, for Patch
	outSite *content.Site // the Site it was made from
	from    *Output       // the Output the last Patch changed, if it was the last to make c.out
	// For Patch: the card of each page of outSite, the pages whose cards
	// each page's fingerprint took, and (made when first needed) the
	// pages that took each page's card.
	cards      map[*content.Page]uint64
	depsOf     map[string][]*content.Page
	dependents map[*content.Page][]string

	// For CheckPatch: what the last Check or CheckPatch checked, the
	// facts of its pages, its pages in path order, and which pages
	// looked for each file and point into each page (made when first
	// needed).
	checkedOut *Output
	facts      map[string]pageFacts
	order      []string
	lookedBy   map[string]map[string]bool
	targetedBy map[string]map[string]bool
}

// Made lists the pages the last Render made again rather than reused,
// sorted: the pages it found could have changed.
func (c *Cache) Made() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.made...)
}

type cachedPage struct {
	fp uint64
	b  []byte // minified
}

type scannedPage struct {
	b       []byte // the bytes scanned, compared by identity
	facts   pageFacts
	changed uint64 // the Check at which these bytes first came
}

type checkedPage struct {
	at      uint64 // the Check that made ds
	ds      content.Diagnostics
	targets []string // pages its fragments point into
	looked  []string // paths it looked for among the files
	present []bool   // whether each of looked was there
	source  string   // the file it came from, which its problems name
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed(), pages: map[string]cachedPage{}, scanned: map[string]scannedPage{}, checked: map[string]checkedPage{},
		index: search.NewCache()}
}

// siteRead finds what a layout reads of the Site, or calls that read it:
// ".Site.Briefs", a bare ".Site" (handed on whole), ".Latest" (the briefs),
// and whether only its length is taken ("len .Site.Briefs").
var siteRead = regexp.MustCompile(`(len \$?)?\.Site\b(\.[A-Za-z]+)?|\.Latest\b`)

// siteFields are the fields of the Site a layout's text reads, besides
// Config and Others (always in the fingerprint): a field named as it is
// ("Briefs") when the layout may show what it holds, or after "len "
// ("len Briefs") when the layout only counts it; all is true when it
// reads the Site in a way the fields cannot say (".Site" handed on whole,
// or a name that is not a field).
func siteFields(text string) (fields []string, all bool) {
	st := reflect.TypeOf(content.Site{})
	for _, m := range siteRead.FindAllStringSubmatch(text, -1) {
		name := strings.TrimPrefix(m[2], ".")
		switch {
		case m[0] == ".Latest":
			name = "Briefs"
		case name == "":
			return nil, true
		case name == "Config" || name == "Others":
			continue
		}
		f, ok := st.FieldByName(name)
		if !ok {
			return nil, true
		}
		if m[1] != "" && f.Type.Kind() == reflect.Slice {
			name = "len " + name
		}
		fields = append(fields, name)
	}
	return fields, false
}

// topicRead finds what a layout reads of the View's topic.
var topicRead = regexp.MustCompile(`(len \$?)?\.Topic\b(\.[A-Za-z]+)?`)

// countsTopic says whether a layout's text reads of the View's topic (a
// topic or audience page's) only its slug, name and address and how many
// briefs it has ("len .Topic.Briefs"): then a topic page is not made again
// when the card of one of the topic's briefs on another of its pages
// changes. Any other use of .Topic (handed on whole, ranged over, a brief
// of it picked out) counts every brief's card.
func countsTopic(text string) bool {
	for _, m := range topicRead.FindAllStringSubmatch(text, -1) {
		switch {
		case m[2] == ".Name" || m[2] == ".Slug" || m[2] == ".URL":
		case m[1] != "" && m[2] == ".Briefs":
		default:
			return false
		}
	}
	return true
}

// layouts parses the layouts again when any file of the folder changed.
func (c *Cache) layouts(fsys fs.FS) (Layouts, error) {
	h := sha256.New()
	texts := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
		h.Write(b)
		texts[p] = string(b)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	if c.ls != nil && sum == c.sum {
		return c.ls, nil
	}
	ls, err := LoadLayouts(fsys)
	if err != nil {
		return nil, err
	}
	// What base.html and the partials read, every layout reads.
	shared := texts["base.html"]
	for p, t := range texts {
		if strings.HasPrefix(p, "partials/") {
			shared += "\n" + t
		}
	}
	c.always, c.reads, c.counts, c.lists, c.shows = map[string]bool{}, map[string][]string{}, map[string]bool{}, map[string]bool{}, map[string]map[string]bool{}
	for _, name := range layoutNames {
		text := shared + "\n" + texts[name+".html"]
		fields, all := siteFields(text)
		for i, f := range fields {
			if sf, ok := reflect.TypeOf(content.Site{}).FieldByName(f); ok && sf.Type == reflect.TypeOf([]*content.Topic(nil)) && countsTopics(ls[name], "Site", f) {
				fields[i] = "topics " + f
			}
		}
		slices.Sort(fields)
		c.always[name], c.reads[name] = all, slices.Compact(fields)
		c.counts[name] = countsTopic(text)
		c.lists[name] = countsTopics(ls[name], "Topics")
		c.shows[name] = map[string]bool{}
		for _, f := range patchedCardFields {
			c.shows[name][f] = showsOthers(ls[name], f)
		}
	}
	c.sum, c.ls, c.pages = sum, ls, map[string]cachedPage{}
	return ls, nil
}

// Render is Render followed by Minify, making again only the pages whose
// fingerprint changed since the last call.
func (c *Cache) Render(site *content.Site, layouts fs.FS, root fs.FS) (*Output, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ls, err := c.layouts(layouts)
	if err != nil {
		return nil, err
	}
	fp := &fingerprinter{seed: c.seed, cards: map[*content.Page]uint64{}, s: site, fields: map[string]uint64{}}
	fp.site = fp.siteHash(site)
	fp.prepare(c.reads)
	made := map[string]uint64{}
	depsOf := map[string][]*content.Page{}
	var mu sync.Mutex // reuse is called on every core
	reuse := func(v *View, outPath string) ([]byte, bool) {
		if c.always[v.Layout] {
			return nil, false
		}
		f, deps := fp.view(v, c.reads[v.Layout], c.counts[v.Layout], c.lists[v.Layout])
		mu.Lock()
		made[outPath] = f
		depsOf[outPath] = deps
		mu.Unlock()
		if p, ok := c.pages[outPath]; ok && p.fp == f {
			return p.b, true
		}
		return nil, false
	}
	cites := &citeMemo{prev: c.cites, next: map[string]citedBrief{}}
	out, err := render(site, ls, layouts, root, renderWith{reuse: reuse, cites: cites, index: c.index, minify: true})
	if err != nil {
		return nil, err
	}
	c.cites = cites.next
	if err := out.Minify(); err != nil {
		return nil, err
	}
	next := make(map[string]cachedPage, len(made))
	for p, f := range made {
		next[p] = cachedPage{fp: f, b: out.Files[p]}
	}
	c.pages = next
	c.out, c.outSite, c.from = out, site, nil
	c.cards, c.depsOf, c.dependents = fp.cards, depsOf, nil
	c.made = c.made[:0]
	for v := range out.Files {
		if isHTML(v) && !out.minified[v] {
			c.made = append(c.made, v)
		}
	}
	sort.Strings(c.made)
	return out, nil
}

// Check is Output.Check, scanning again only the pages whose bytes are not
// the ones it scanned last time, and checking again only the pages whose
// result could differ: a page's problems depend on its own bytes and the
// file it came from, on the base path, on whether each file it links to is there (checkPage says
// which it looked for), and on the ids of the pages its fragments point
// into, so its last result is kept while none of those changed.
func (c *Cache) Check(o *Output, site *content.Site) content.Diagnostics {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checks++
	now := c.checks
	if base := site.Config.BasePath(); base != c.base || c.baseAt == 0 {
		c.base, c.baseAt = base, now
	}
	next := map[string]scannedPage{}
	o.facts = map[string]pageFacts{}
	for p, b := range o.Files {
		if !isHTML(p) {
			continue
		}
		s, ok := c.scanned[p]
		if !ok || len(s.b) != len(b) || (len(b) > 0 && &s.b[0] != &b[0]) {
			s = scannedPage{b: b, facts: scan(b, nil), changed: now}
		}
		next[p] = s
		o.facts[p] = s.facts
	}
	c.scanned = next
	checked := map[string]checkedPage{}
	o.reuseCheck = func(p string) (content.Diagnostics, bool) {
		prev, ok := c.checked[p]
		if !ok || prev.at < c.baseAt || prev.at < next[p].changed || prev.source != o.Sources[p] {
			return nil, false
		}
		for i, q := range prev.looked {
			if _, there := o.Files[q]; there != prev.present[i] {
				return nil, false
			}
		}
		for _, t := range prev.targets {
			if prev.at < next[t].changed {
				return nil, false
			}
		}
		checked[p] = prev
		return prev.ds, true
	}
	o.keepCheck = func(p string, ds content.Diagnostics, targets, looked []string) {
		present := make([]bool, len(looked))
		for i, q := range looked {
			_, present[i] = o.Files[q]
		}
		checked[p] = checkedPage{at: now, ds: ds, targets: targets, looked: looked, present: present, source: o.Sources[p]}
	}
	ds := o.Check(site)
	o.reuseCheck, o.keepCheck = nil, nil
	c.checked = checked
	c.checkedOut, c.facts, c.lookedBy, c.targetedBy = o, o.facts, nil, nil
	c.order = slices.Sorted(maps.Keys(o.facts))
	return ds
}
