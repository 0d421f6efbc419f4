package render

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/search"
)

// Patch is Render after content.Cache.Patch changed pages of the Site
// the last Render or Patch of this cache made, and nothing that joins
// them but backlinks: it makes again only what those pages show, and
// takes every other file from the last Output. pages are those whose body
// changed, and maybe their summary; linked, those whose backlinks
// changed. A page whose card (what other pages may show of it; see Cache)
// is as before changed in its body alone, which is shown on its own page
// only: so it makes again those pages and their aliases' (which give the
// page's summary), the pages whose layout reads the whole Site, the
// search page and the search index. A page whose card changed makes
// again, as well, every page whose last fingerprint took that card and
// whose layout may show what changed of it (showsOthers): of a page of
// pages, a patch changes only the summary; of a page of linked, only the
// number of its backlinks (patchedCardFields). And the pages whose
// layout shows a field of the Site, the feeds that list it and its
// citation files; the sitemap is made from what did not change. It
// returns ok false, having changed nothing, when it cannot be sure:
// another Site, changed layouts, or a last Output with files that clash;
// then Render.
func (c *Cache) Patch(site *content.Site, layouts fs.FS, pages, linked []*content.Page) (*Output, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	prev := c.out
	if prev == nil || c.outSite != site || len(prev.clashes) > 0 || c.depsOf == nil {
		return nil, false, nil
	}
	sum := c.sum
	ls, err := c.layouts(layouts)
	if err != nil || c.sum != sum {
		return nil, false, err
	}
	changed := map[*content.Page]bool{}
	sources := map[string]bool{}        // of the changed pages, which their aliases' views come from
	cards := map[*content.Page]uint64{} // of the pages whose card changed
	fp := &fingerprinter{seed: c.seed, s: site}
	for _, p := range pages {
		changed[p], sources[p.Source] = true, true
		if h := fp.cardHash(p); h != c.cards[p] {
			cards[p] = h
		}
	}
	// A page whose backlinks changed shows them, and its card holds how
	// many there are: every page that took the card, and may show another
	// page's backlinks, is made again.
	counted := map[*content.Page]uint64{}
	for _, p := range linked {
		changed[p] = true
		if h := fp.cardHash(p); h != c.cards[p] {
			counted[p] = h // and in cards too if its summary changed as well
		}
	}
	again, linksCard := c.showing(cards), c.showing(counted)
	ix := c.index.Build(site)
	var vs []*View
	for _, v := range views(site, ix) {
		p := content.OutputPath(v.URL)
		own := changed[v.Page] || (v.Alias != "" && sources[v.From.File]) // an alias shows the page's summary
		// Of a card, a patch can change only the summary and the number of
		// backlinks (content.Cache.Patch), so a page that took the card but
		// shows neither of another page stays as it is.
		shows := (again[p] && c.shows[v.Layout]["Summary"]) || (linksCard[p] && c.shows[v.Layout]["Backlinks"])
		if own || shows || c.always[v.Layout] || v.Layout == "search" || (len(cards)+len(counted) > 0 && showsField(c.reads[v.Layout])) {
			if _, ok := prev.Files[p]; !ok {
				return nil, false, nil
			}
			vs = append(vs, v)
		}
	}
	made := make([][]byte, len(vs))
	if err := makePages(vs, made, nil, ls, true, nil, nil); err != nil {
		return nil, false, err
	}
	files := map[string][]byte{}
	for i, v := range vs {
		files[content.OutputPath(v.URL)] = made[i]
	}
	if err := c.cardFiles(site, prev, cards, files); err != nil { // feeds and citations show no backlinks
		return nil, false, err
	}
	// Of the last Output, what changes is copied; the rest is shared, and
	// not changed after it is made: Sources and Copied keep their paths,
	// and every page was already minified.
	out := &Output{Files: maps.Clone(prev.Files), Sources: prev.Sources, Copied: prev.Copied, index: ix.Files,
		owners: maps.Clone(prev.owners), minified: prev.minified, feeds: prev.feeds}
	// The index's files that keep their names keep their place; the others
	// are taken out, and the new ones claimed as Render claims them.
	for p := range prev.index {
		if _, kept := ix.Files[p]; !kept {
			delete(out.Files, p)
			delete(out.owners, strings.ToLower(p))
		}
	}
	for _, p := range slices.Sorted(maps.Keys(ix.Files)) {
		if _, kept := prev.index[p]; kept {
			out.Files[p] = ix.Files[p]
		} else {
			out.add(p, ix.Files[p], "")
		}
	}
	if len(out.clashes) > 0 {
		return nil, false, nil
	}
	c.made = c.made[:0]
	for p, b := range files {
		out.Files[p] = b
		if isHTML(p) {
			delete(c.pages, p) // its fingerprint is not known: made again by the next Render
			c.made = append(c.made, p)
		}
	}
	sort.Strings(c.made)
	maps.Copy(c.cards, cards)
	maps.Copy(c.cards, counted)
	c.out, c.outSite, c.from = out, site, prev
	return out, true, nil
}

// patchedCardFields are what a patch can change of a card
// (content.Cache.Patch): a page's summary, and how many backlinks it has.
var patchedCardFields = []string{"Summary", "Backlinks"}

// showing are the pages whose last fingerprint took the card of one of
// the pages.
func (c *Cache) showing(pages map[*content.Page]uint64) map[string]bool {
	if len(pages) == 0 {
		return nil
	}
	if c.dependents == nil {
		c.dependents = map[*content.Page][]string{}
		for _, v := range slices.Sorted(maps.Keys(c.depsOf)) {
			for _, p := range c.depsOf[v] {
				c.dependents[p] = append(c.dependents[p], v)
			}
		}
	}
	out := map[string]bool{}
	for p := range pages {
		for _, v := range c.dependents[p] {
			out[v] = true
		}
	}
	return out
}

// showsField says whether a layout that reads these fields of the Site
// (siteFields) may show what one of them holds, not only count it.
func showsField(fields []string) bool {
	for _, f := range fields {
		if !strings.HasPrefix(f, "len ") && !strings.HasPrefix(f, "topics ") {
			return true
		}
	}
	return false
}

// cardFiles makes again, into files, the feeds that list a page whose
// card changed, and the citation files of those pages.
func (c *Cache) cardFiles(site *content.Site, prev *Output, cards map[*content.Page]uint64, files map[string][]byte) error {
	if len(cards) == 0 {
		return nil
	}
	m := newMinifier()
	for _, f := range prev.feeds {
		if slices.ContainsFunc(f.briefs, func(p *content.Page) bool { _, ok := cards[p]; return ok }) {
			b, err := f.bytes(site)
			if err == nil {
				b, err = m.Bytes(minifyTypes[path.Ext(f.path)], b) // as Minify does
			}
			if err != nil {
				return err
			}
			files[f.path] = b
		}
	}
	memo := &citeMemo{prev: c.cites, next: c.cites}
	for p := range cards {
		if p.Kind != content.KindBrief {
			continue
		}
		fs, err := citeFiles(site, p, memo)
		if err != nil {
			return err
		}
		for i, name := range content.CiteFiles {
			files[strings.TrimPrefix(p.URL, "/")+name] = fs[i]
		}
	}
	return nil
}

// CheckPatch is Check of the Output the last Patch made, when the last
// Check was of the Output before it: it scans and checks again only the
// pages Patch made again, the pages that looked for a file Patch added or
// took away (the search index's: every other file it changes keeps its
// path), and, when the ids of a page made again changed, the pages whose
// links point into it; every other page keeps its problems. ok is false
// when that is not the case; then Check.
func (c *Cache) CheckPatch(o *Output, site *content.Site) (content.Diagnostics, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	prev := c.checkedOut
	if prev == nil || prev != c.from || o != c.out || site.Config.BasePath() != c.base || c.facts == nil {
		return nil, false
	}
	for _, p := range c.made {
		if _, ok := c.checked[p]; !ok {
			return nil, false
		}
	}
	if c.lookedBy == nil {
		c.lookedBy = map[string]map[string]bool{}
		for p, cp := range c.checked {
			c.note(p, cp, false)
		}
	}
	c.checks++
	now := c.checks
	again := map[string]bool{}
	var gone []string
	for p := range prev.index {
		if _, ok := o.Files[p]; !ok {
			gone = append(gone, p)
		}
	}
	for _, p := range append(slices.Clone(gone), newPaths(o.index, prev.Files)...) {
		for q := range c.lookedBy[p] {
			again[q] = true
		}
	}
	for _, p := range gone {
		delete(c.lookedBy, p)
	}
	for _, p := range c.made {
		again[p] = true
		s := scannedPage{b: o.Files[p], facts: scan(o.Files[p], nil), changed: now}
		if !slices.Equal(c.facts[p].ids, s.facts.ids) {
			if c.targetedBy == nil {
				c.targetedBy = map[string]map[string]bool{}
				for q, cp := range c.checked {
					c.note(q, cp, true)
				}
			}
			for q := range c.targetedBy[p] {
				again[q] = true
			}
		}
		c.scanned[p], c.facts[p] = s, s.facts
	}
	o.facts = c.facts
	base := site.Config.BasePath()
	memo := refMemo{}
	for _, p := range slices.Sorted(maps.Keys(again)) {
		ds, targets, looked := o.checkPage(p, c.facts[p], base, c.facts, memo)
		present := make([]bool, len(looked))
		for i, q := range looked {
			_, present[i] = o.Files[q]
		}
		cp := checkedPage{at: now, ds: ds, targets: targets, looked: looked, present: present, source: o.Sources[p]}
		c.checked[p] = cp
		c.note(p, cp, c.targetedBy != nil)
	}
	ds := append(content.Diagnostics(nil), o.clashes...)
	for _, p := range c.order {
		ds = append(ds, c.checked[p].ds...)
	}
	c.checkedOut = o
	return ds, true
}

// note notes, for CheckPatch, which of the search index's files page p
// looked for, the only files a Patch adds or takes away, and, with
// targets, the pages it points into. A page noted for a file it no longer
// looks for is only checked again.
func (c *Cache) note(p string, cp checkedPage, targets bool) {
	add := func(m map[string]map[string]bool, k string) {
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		m[k][p] = true
	}
	for _, q := range cp.looked {
		if strings.HasPrefix(q, search.Folder) {
			add(c.lookedBy, q)
		}
	}
	if targets {
		for _, t := range cp.targets {
			add(c.targetedBy, t)
		}
	}
}

// newPaths are the paths of files not among old.
func newPaths(files map[string][]byte, old map[string][]byte) []string {
	var out []string
	for p := range files {
		if _, ok := old[p]; !ok {
			out = append(out, p)
		}
	}
	return out
}
