// Package render turns a loaded *content.Site and the layouts into the
// files of the site, in memory, and writes them to disk in one step.
//
// The rules:
//
//   - Render is pure: site and layouts in, Output (path -> bytes) out. Only
//     WriteDir and Stage touch the disk. A build does not hold its site
//     whole: RenderTo hands each file, minified, to a Sink as soon as it is
//     made, and keeps only its path and what Check needs of it (its ids,
//     links, headings and policy). The sink is a Staged folder, the new
//     site written beside the old, which Commit swaps in only if the build
//     found no error (stream.go, staged.go).
//   - Every link between pages is relative to the page (View.Rel), so one
//     build works at the root of a domain and under a sub-path such as a
//     GitHub Pages project site. Absolute URLs, from base_url, appear only
//     where a standard asks for them: canonical links, Open Graph, JSON-LD,
//     feeds and the sitemap. The 404 page is served by GitHub Pages at any
//     depth, so its links start from the base path instead.
//   - Output is deterministic: pages are made in a fixed order, dates come
//     from the content (never the clock), and nothing iterates a map into
//     output.
//   - Check finds what the layouts got wrong: a link or asset that goes
//     nowhere, a missing fragment, a page without exactly one h1, without a
//     lang or without a title.
//   - Every file is put into the Output through one door (Output.claim,
//     output.go), so no two sources can make one file: a content file or
//     alias that takes the address of a layout asset, a generated file
//     (feeds, sitemap, robots.txt, 404, search data...) or another file,
//     a file where another needs a folder, or two paths that differ only
//     in case, is an error naming both, reported by Check.
//   - Every page carries a Content-Security-Policy <meta> that allows only
//     the site's own scripts, styles, images and data, and
//     <meta name="referrer" content="no-referrer">. Check fails a page
//     without them, or with anything inline the policy would block (a
//     <script> that is not a JSON-LD data block, a <style>, a style or
//     on... attribute); the browser suite listens for violations. So
//     scripts and styles live in layouts/assets/, and Markdown table
//     alignment is a class. frame-ancestors is ignored in a <meta>, so it
//     is not there.
//   - Files copied from content/ are read through the real path Load
//     checked (content.File.Read), never by their name again. Every file
//     of layouts/assets/ is copied to /assets/ but those content/ ignores
//     too (content.Ignored): the folder's Makefile, names that start with
//     "_" or ".".
//   - Layout ids contain an underscore ("main_content"). Heading ids made
//     from Markdown never do, so the two cannot clash.
//   - Words that depend on a number go through one rule, count ("1 brief",
//     "2 briefs"), in every layout.
//   - What a reader needs to weigh and check a brief is made here, from its
//     front matter: "About this evidence" (AboutEvidence, from the types of
//     its sources), each source as a full reference (reference), and how
//     to cite it, on the page and as RIS, BibTeX and CSL-JSON files beside
//     it (cite.go). JSON-LD puts lastReviewed on a WebPage, the type
//     schema.org defines it for, with the Article as its main entity.
//   - Lists of briefs "by date" are by the day each was last reviewed,
//     then published, then title (sortByRecent), and say so.
//   - The search index is made by internal/search and added to the output
//     under search/; the search page names its entry file (View.SearchIndex).
//   - Every page's header links to the help page, /help/ (made from
//     content/pages/help.md), in the same place (WCAG 2.2, 3.2.6). A site
//     without it fails Check, like any other broken link.
//   - A list of briefs longer than PerPage is split into pages, All briefs
//     A to Z, and the map's cells move to pages of their own past
//     MapInline, so that every page keeps to the page-weight budget as the
//     hub grows (pages.go). Feeds list the latest briefs only (feeds.go).
//   - Pages, checks and minifying run on every core (internal/par); each
//     page is made into its own slot and the slots are gathered in a fixed
//     order, so the output is the same bytes on one core or many.
//
// # The output folder
//
// The output folder belongs to the build. WriteDir promises:
//
//   - It never deletes what a build did not make. It replaces a folder
//     only when it is missing, empty, or holds the Marker file that every
//     build writes into its output. It never replaces, or writes inside,
//     the project folder, content/, layouts/, the working folder or the
//     home folder, nor a folder that holds one of them; nor a file; nor a
//     marked folder that holds site.yaml, go.mod, .git, content or layouts.
//     Folders are compared as the disk sees them (symbolic links followed,
//     then device and inode), so no spelling gets round it: a link, ".",
//     "..", a trailing slash, an absolute path, another case. CheckOutDir
//     says why with a Refusal, and the command exits 2.
//   - It never writes outside the output folder: every path of the Output
//     must be local.
//   - The folder holds the old site whole or the new site whole at every
//     moment, whatever stops the build (an error, a full disk, SIGKILL):
//     the new site is written into .NAME.new-N beside it (as its files are
//     made, with Stage and Put; an error found meanwhile throws it away
//     with Abort), which is then
//     swapped with the old in one step (renameat2 RENAME_EXCHANGE on
//     Linux, renamex_np RENAME_SWAP on macOS). Where there is no such
//     exchange (another system, or a disk that refuses it) two renames do
//     it, and between them, for an instant, the folder is missing while the
//     old site waits whole in .NAME.old-N; this fallback cannot promise
//     more. Before swapping, WriteDir checks that the old site can be
//     deleted, so a read-only folder keeps the old site whole rather than
//     leave half of it beside the new. Files are not flushed to the disk
//     (fsync), so a power cut, unlike a killed build, is not covered.
//   - It never writes into the old site. A file of the old site that holds
//     exactly the bytes of the new one, and that the build could have made
//     (a regular file with the build's permissions and no other name,
//     reached without leaving the old folder), is given a second name in
//     the new folder instead of being written again (reuse.go), so a
//     rebuild makes on disk only the files that changed.
//   - The WriteError it returns says in plain words which site the folder
//     holds: "was left as it was" or "the new site is in place".
//   - One build at a time writes a folder: it holds .NAME.lock, with
//     flock(2) where there is one, and deletes it when done. A second
//     build says another is writing and stops, leaving the folder to it.
//   - What killed builds left (.NAME.new-N and .NAME.old-N, N digits) is
//     deleted by the next build, under the lock; nothing else is touched.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/par"
	"github.com/alongside-hub/alongside/internal/search"
)

// layoutNames are the page layouts; each is a file in layouts/ that defines
// "main", and is drawn inside base.html.
var layoutNames = []string{"home", "brief", "term", "page", "list", "terms", "topics", "topic",
	"glossary", "map", "search", "404", "alias", "paged"}

// Layouts are the parsed templates, one per layout name.
type Layouts map[string]*template.Template

// LoadLayouts parses base.html, partials/*.html and each layout from fsys
// (the layouts folder). The error names the file and line.
func LoadLayouts(fsys fs.FS) (Layouts, error) {
	base := template.New("base.html").Funcs(template.FuncMap{
		"date":     longDate,
		"isodate":  isoDate,
		"inc":      func(i int) int { return i + 1 },
		"count":    count,
		"ref":      reference,
		"places":   content.PlacesName,
		"pluralOf": func(n int, one string) string { return pluralOf(n, one) },
		"cell":     mapCell,
	})
	if _, err := base.ParseFS(fsys, "base.html"); err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	if parts, _ := fs.Glob(fsys, "partials/*.html"); len(parts) > 0 {
		if _, err := base.ParseFS(fsys, "partials/*.html"); err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
	}
	ls := Layouts{}
	for _, name := range layoutNames {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(fsys, name+".html"); err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
		ls[name] = t
	}
	return ls, nil
}

// Render makes every file of the site. layouts holds assets/ (copied to
// /assets/); root is the file system Load read, through which copied files
// are read again at the real path Load checked.
// The pages are as the layouts made them; Minify shrinks them.
func Render(site *content.Site, ls Layouts, layouts fs.FS, root fs.FS) (*Output, error) {
	return render(site, ls, layouts, root, renderWith{})
}

// RenderMinified is Render with each page minified as soon as it is made,
// so that the site is never held whole unminified (a sixth less memory at
// 5,000 briefs); Minify then does the rest. The build uses it.
func RenderMinified(site *content.Site, ls Layouts, layouts fs.FS, root fs.FS) (*Output, error) {
	return render(site, ls, layouts, root, renderWith{minify: true})
}

// RenderTo is RenderMinified with each file handed to sink as soon as it
// is made and minified, instead of kept, so that the site is never held
// whole: the Output then holds every path, and what Check needs of every
// page, but no bytes. Minify has nothing left to do. A build writes its
// new folder this way (Stage).
//
// RenderTo renders a site once: it lets each page's plain text go once
// the search index is made, and each body once its page is drawn
// (content.LetGoBody), so the site cannot be rendered again. Check can
// still be run on it.
func RenderTo(site *content.Site, ls Layouts, layouts fs.FS, root fs.FS, sink Sink) (*Output, error) {
	return render(site, ls, layouts, root, renderWith{minify: true, sink: sink})
}

// renderWith is what a render may reuse, and how it makes pages.
type renderWith struct {
	sink   Sink                               // where each file goes as soon as it is made (RenderTo); nil keeps them
	reuse  func(*View, string) ([]byte, bool) // a page's bytes, already minified, instead of running its layout (see Cache)
	cites  *citeMemo                          // a brief's citation files
	index  *search.Cache                      // the search index's documents that did not change
	minify bool                               // minify each page as it is made
}

// render is Render, with what w gives.
func render(site *content.Site, ls Layouts, layouts fs.FS, root fs.FS, w renderWith) (*Output, error) {
	reuse, cites, index := w.reuse, w.cites, w.index
	out := newOutput()
	if w.sink != nil {
		out.sink, out.facts = w.sink, map[string]pageFacts{}
	}
	var ix *search.Index
	switch {
	case index != nil:
		ix = index.Build(site)
	case out.sink != nil:
		// Each document's file goes to the sink as soon as it is made.
		ix = search.BuildTo(site, func(p string, b []byte) { out.add(p, b, "") }, content.LetGoPlainText)
	default:
		ix = search.Build(site)
	}
	paths := make([]string, 0, len(ix.Files))
	for p := range ix.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths) // a clash is reported the same way every time
	for _, p := range paths {
		out.add(p, ix.Files[p], "")
	}
	if out.sink == nil {
		out.index = ix.Files
	} else {
		out.flush()
		ix = &search.Index{Entry: ix.Entry} // the files are written: let them go
		for _, p := range site.Pages {
			// The briefs' went as the index read them; no other
			// page's text is read.
			content.LetGoPlainText(p)
		}
	}
	vs := views(site, ix)
	// Pages given by reuse are asked for first, and the others are made,
	// on every core, each into its own slot; then all are claimed in the
	// fixed order of views.
	pages := make([][]byte, len(vs))
	reused := make([]bool, len(vs))
	if reuse != nil {
		par.Ranges(len(vs), func(first, end int) {
			for i := first; i < end; i++ {
				pages[i], reused[i] = reuse(vs[i], content.OutputPath(vs[i].URL))
			}
		})
	}
	var facts []pageFacts
	if out.sink != nil {
		facts = make([]pageFacts, len(vs))
	}
	if err := makePages(vs, pages, reused, ls, w.minify, out.sink, facts); err != nil {
		return nil, err
	}
	for i, v := range vs {
		src := ""
		if v.Page != nil {
			src = v.Page.Source
		}
		if out.sink != nil {
			out.claimMade(content.OutputPath(v.URL), facts[i], src, v.owner())
			continue
		}
		out.claim(content.OutputPath(v.URL), pages[i], src, v.owner())
		if reused[i] || w.minify {
			out.minified[content.OutputPath(v.URL)] = true
		}
	}
	if err := addFeeds(out, site); err != nil {
		return nil, err
	}
	if err := addCiteFiles(out, site, cites); err != nil {
		return nil, err
	}
	out.add("sitemap.xml", sitemap(site, vs), "")
	addHosting(out, site.Config)
	err := fs.WalkDir(layouts, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "assets" && content.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil // a Makefile, notes, a system's hidden file
		}
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(layouts, p)
		if err != nil {
			return err
		}
		out.claim(p, b, "layouts/"+p, owner{what: "layouts/" + p})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("layouts: assets: %w", err)
	}
	for _, f := range site.Files {
		b, err := f.Read(root) // through the path Load checked
		if err != nil {
			return nil, fmt.Errorf("copying %s: %w", f.Source, err)
		}
		out.Copied[strings.TrimPrefix(f.URL, "/")] = true // before claim, which must not minify it
		out.claim(strings.TrimPrefix(f.URL, "/"), b, f.Source, owner{what: f.Source, pos: content.Pos{File: f.Source}})
	}
	if out.sink != nil {
		out.flush()
		if out.failed != nil {
			return nil, out.failed
		}
	}
	out.checkFolders()
	return out, nil
}

// makePages runs the layout of each view not done, on every core, each
// into its own slot of pages. Minified, each page is minified as soon as
// it is made, and each core fills one buffer with page after page:
// minifying copies the page out of it. Otherwise each page gets a buffer
// of its own, about the size of the last. With a sink (always minified),
// each page is minified into a second buffer of the core's, scanned into
// its slot of facts and handed over; its slot of pages stays empty, and
// the body of its content page is let go.
func makePages(vs []*View, pages [][]byte, done []bool, ls Layouts, minify bool, sink Sink, facts []pageFacts) error {
	errs := make([]error, len(vs))
	m := newMinifier()
	par.Ranges(len(vs), func(first, end int) {
		var buf, small bytes.Buffer
		size := 16 << 10
		in := interner{} // each core's pages share one copy of each address
		for i := first; i < end; i++ {
			if done != nil && done[i] {
				continue
			}
			b := &buf
			if minify {
				buf.Reset()
			} else {
				b = bytes.NewBuffer(make([]byte, 0, size))
			}
			if errs[i] = execute(b, ls, vs[i]); errs[i] != nil {
				continue
			}
			if sink != nil && vs[i].Page != nil {
				content.LetGoBody(vs[i].Page) // only the page's own view shows it
			}
			if !minify {
				pages[i] = b.Bytes()
				size = max(size, len(pages[i])+len(pages[i])/4)
				continue
			}
			if sink != nil {
				small.Reset()
				if errs[i] = m.Minify("text/html", &small, b); errs[i] != nil {
					errs[i] = fmt.Errorf("minifying %s: %w", content.OutputPath(vs[i].URL), errs[i])
					continue
				}
				facts[i] = scan(small.Bytes(), in)
				sink.Put(content.OutputPath(vs[i].URL), small.Bytes())
				continue
			}
			if pages[i], errs[i] = m.Bytes("text/html", b.Bytes()); errs[i] != nil {
				errs[i] = fmt.Errorf("minifying %s: %w", content.OutputPath(vs[i].URL), errs[i])
				continue
			}
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// execute draws one page into b.
func execute(b *bytes.Buffer, ls Layouts, v *View) error {
	t := ls[v.Layout]
	if t == nil {
		return fmt.Errorf("layouts: no layout %q", v.Layout)
	}
	if err := t.ExecuteTemplate(b, "base", v); err != nil {
		return fmt.Errorf("layouts: page %s: %w", v.URL, err)
	}
	return nil
}

// views lists every HTML page of the site, in a fixed order.
func views(s *content.Site, ix *search.Index) []*View {
	var vs []*View
	home := Crumb{Name: "Home", URL: "/"}
	add := func(v *View) {
		v.Site = s
		if v.OGType == "" {
			v.OGType = "website"
		}
		vs = append(vs, v)
	}
	for _, p := range s.Pages {
		v := &View{Page: p, URL: p.URL, Title: p.Title, Description: p.Summary}
		switch p.Kind {
		case content.KindHome:
			v.Layout, v.Feed = "home", "/feed.xml"
		case content.KindBrief:
			v.Layout, v.OGType = "brief", "article"
			v.Crumbs = []Crumb{home, {"Briefs", "/briefs/"}}
		case content.KindFunction, content.KindPriority:
			section := Crumb{"Functions", "/functions/"}
			if p.Kind == content.KindPriority {
				section = Crumb{"Priorities", "/priorities/"}
			}
			v.Layout, v.Feed, v.Crumbs = "term", p.URL+"feed.xml", []Crumb{home, section}
		default:
			v.Layout = "page"
			v.Crumbs = []Crumb{home}
		}
		v.From = content.Pos{File: p.Source}
		if p.Kind == content.KindFunction || p.Kind == content.KindPriority {
			// The term page shows the first page of its briefs; the
			// others are pages of their own.
			for _, pv := range split(p.URL, p.Briefs, func(n int, briefs []*content.Page) *View {
				if n == 1 {
					v.List = briefs
					return v
				}
				count := pageCount(len(p.Briefs))
				return &View{Layout: "paged", Title: continued("Briefs on "+p.Title, n, count), List: briefs,
					Crumbs:      []Crumb{home, v.Crumbs[1], {p.Title, p.URL}},
					Description: "Briefs on " + p.Title + ", page " + strconv.Itoa(n) + " of " + strconv.Itoa(count) + "."}
			}) {
				add(pv)
			}
		} else {
			add(v)
		}
		for i, a := range p.Aliases {
			add(&View{Layout: "alias", URL: a, Title: "This page has moved", Description: p.Summary, Target: p.URL,
				From: p.AliasPos(i), Alias: a})
		}
	}
	all := split("/briefs/", s.Briefs, func(n int, briefs []*content.Page) *View {
		v := &View{Layout: "list", Title: continued("All briefs", n, pageCount(len(s.Briefs))), Crumbs: []Crumb{home}, List: briefs,
			Description: "Every brief on the hub, A to Z."}
		if n == 1 {
			v.Feed = "/feed.xml"
		}
		return v
	})
	azPages(all, s.Briefs)
	for _, v := range all {
		add(v)
	}
	add(&View{Layout: "terms", URL: "/functions/", Title: "The four functions of a research system", Crumbs: []Crumb{home},
		List: s.Functions, Description: "Briefs grouped by the four functions of a health research system."})
	add(&View{Layout: "terms", URL: "/priorities/", Title: "Research priorities", Crumbs: []Crumb{home},
		List: s.Priorities, Description: "Briefs grouped by research priority."})
	add(&View{Layout: "topics", URL: "/topics/", Title: "Topics", Crumbs: []Crumb{home}, Topics: s.Topics,
		Description: "Briefs grouped by topic."})
	for _, t := range s.Topics {
		for _, v := range split(t.URL, t.Briefs, func(n int, briefs []*content.Page) *View {
			return &View{Layout: "topic", Title: continued(t.Name, n, pageCount(len(t.Briefs))), Topic: t, List: briefs,
				Crumbs: []Crumb{home, {"Topics", "/topics/"}}, Description: "Briefs about " + lowerFirst(t.Name) + "."}
		}) {
			add(v)
		}
	}
	add(&View{Layout: "topics", URL: "/audiences/", Title: "Who the briefs are for", Crumbs: []Crumb{home}, Topics: s.Audiences,
		Description: "Briefs grouped by who they are written for."})
	for _, t := range s.Audiences {
		for _, v := range split(t.URL, t.Briefs, func(n int, briefs []*content.Page) *View {
			return &View{Layout: "topic", Title: continued("Briefs for: "+t.Name, n, pageCount(len(t.Briefs))), Topic: t, List: briefs,
				Crumbs: []Crumb{home, {"Who the briefs are for", "/audiences/"}}, Description: "Briefs written for: " + t.Name + "."}
		}) {
			add(v)
		}
	}
	if len(s.Nations) > 0 {
		add(&View{Layout: "topics", URL: "/applies-to/", Title: "Where the briefs apply", Crumbs: []Crumb{home}, Topics: s.Nations,
			Description: "Briefs grouped by the nation of the UK they apply to: law, services and bodies differ between England, Wales, Scotland and Northern Ireland."})
		for _, t := range s.Nations {
			for _, v := range split(t.URL, t.Briefs, func(n int, briefs []*content.Page) *View {
				return &View{Layout: "topic", Title: continued("Briefs that apply in "+t.Name, n, pageCount(len(t.Briefs))), Topic: t, List: briefs,
					Crumbs:      []Crumb{home, {"All briefs", "/briefs/"}, {"Where the briefs apply", "/applies-to/"}},
					Description: "Briefs that apply in " + t.Name + ": those for " + t.Name + ", and those for more of the UK that include it."}
			}) {
				add(v)
			}
		}
	}
	add(&View{Layout: "glossary", URL: "/glossary/", Title: "Glossary", Crumbs: []Crumb{home}, Groups: glossaryGroups(s.Glossary),
		Description: "Plain-English meanings of the words used in mental health social care, A to Z."})
	m := buildMap(s)
	add(&View{Layout: "map", URL: "/map/", Title: "Map of the evidence", Crumbs: []Crumb{home}, Map: m,
		Description: "How many briefs there are for each research function and priority: where the evidence base is thin."})
	for _, row := range m.Rows {
		for _, c := range append(append([]MapCell(nil), row.Cells...), row.NoFunction) {
			if c.URL == "" {
				continue
			}
			name, about := row.Priority.Title+", with no function", "Briefs on "+row.Priority.Title+" with no function."
			if c.Function != nil {
				name = c.Function.Title + " and " + row.Priority.Title
				about = "Briefs on both " + c.Function.Title + " and " + row.Priority.Title + "."
			}
			for _, v := range split(c.URL, c.Briefs, func(n int, briefs []*content.Page) *View {
				return &View{Layout: "paged", Title: continued(name, n, pageCount(len(c.Briefs))), List: briefs,
					Crumbs: []Crumb{home, {"Map of the evidence", "/map/"}}, Description: about}
			}) {
				add(v)
			}
		}
	}
	add(&View{Layout: "search", URL: "/search/", Title: "Search the briefs", Crumbs: []Crumb{home}, List: s.Briefs,
		Description: "Find a brief by any word in it, and narrow the results by function, priority, topic or reader.",
		SearchIndex: "/" + ix.Entry})
	add(&View{Layout: "404", URL: "/404.html", Title: "Page not found", Root: s.Config.BasePath(),
		Description: "There is no page at this address."})
	return vs
}

// Group is one letter of the glossary.
type Group struct {
	Letter  string
	ID      string // "letter_a"
	Entries []*content.Entry
}

// glossaryGroups groups the entries by the first letter of their title,
// accents set aside ("Équipe mobile" is under E); a title that starts with
// anything else (a digit, a symbol, another script) goes under "#". Each
// letter is one group, whatever order the entries come in, so that the
// page never has two headings with one id.
func glossaryGroups(es []*content.Entry) []Group {
	var gs []Group
	at := map[string]int{}
	for _, e := range es {
		l := "#"
		if k := content.SortKey(e.Title); k != "" && k[0] >= 'a' && k[0] <= 'z' {
			l = strings.ToUpper(k[:1]) // the key is ASCII here, so one byte is one letter
		}
		i, ok := at[l]
		if !ok {
			id := "letter_" + strings.ToLower(l)
			if l == "#" {
				id = "letter_other"
			}
			i = len(gs)
			at[l] = i
			gs = append(gs, Group{Letter: l, ID: id})
		}
		gs[i].Entries = append(gs[i].Entries, e)
	}
	return gs
}

// lowerFirst puts the first letter of a name in lower case, to fit it in
// a sentence, unless the name starts with an abbreviation ("NHS funding").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// Map is the functions x priorities table.
type Map struct {
	Functions  []*content.Page
	Rows       []MapRow
	NoFunction int  // briefs with no function, whatever their priority
	Apart      bool // each cell's briefs are on a page of their own (see MapInline)
}

// MapRow is one priority of the map.
type MapRow struct {
	Priority   *content.Page
	Cells      []MapCell // one per function, in order
	NoFunction MapCell   // briefs with this priority and no function (Function is nil)
	Total      int       // briefs with this priority
}

// MapCellView is what the map-cell template needs: a cell and its row.
type MapCellView struct {
	Row  MapRow
	Cell MapCell
}

func mapCell(r MapRow, c MapCell) MapCellView { return MapCellView{Row: r, Cell: c} }

// MapCell is the briefs with one function and one priority.
type MapCell struct {
	Function *content.Page
	Briefs   []*content.Page
	ID       string // anchor of the cell's list: "cell_stewardship_economic-case"
	URL      string // the cell's own page, when the map lists its cells apart
	Href     string // URL as seen from the map page
}

func buildMap(s *content.Site) *Map {
	m := &Map{Functions: s.Functions}
	listed := 0
	for _, b := range s.Briefs {
		if len(b.Functions) == 0 {
			m.NoFunction++
		}
	}
	for _, pr := range s.Priorities {
		row := MapRow{Priority: pr, Total: len(pr.Briefs)}
		for _, fn := range s.Functions {
			c := MapCell{Function: fn, ID: "cell_" + fn.Slug + "_" + pr.Slug}
			for _, b := range pr.Briefs {
				for _, bf := range b.Functions {
					if bf == fn {
						c.Briefs = append(c.Briefs, b)
					}
				}
			}
			listed += len(c.Briefs)
			row.Cells = append(row.Cells, c)
		}
		row.NoFunction = MapCell{ID: "cell_none_" + pr.Slug}
		for _, b := range pr.Briefs {
			if len(b.Functions) == 0 {
				row.NoFunction.Briefs = append(row.NoFunction.Briefs, b)
			}
		}
		listed += len(row.NoFunction.Briefs)
		m.Rows = append(m.Rows, row)
	}
	if listed > MapInline {
		// Too many to list on the map page: each cell gets its own.
		m.Apart = true
		for _, row := range m.Rows {
			for i := range row.Cells {
				if c := &row.Cells[i]; len(c.Briefs) > 0 {
					c.URL = "/map/" + c.Function.Slug + "/" + row.Priority.Slug + "/"
					c.Href = content.RelURL("/map/", c.URL)
				}
			}
		}
		for i := range m.Rows {
			if r := &m.Rows[i]; len(r.NoFunction.Briefs) > 0 {
				r.NoFunction.URL = "/map/no-function/" + r.Priority.Slug + "/"
				r.NoFunction.Href = content.RelURL("/map/", r.NoFunction.URL)
			}
		}
	}
	return m
}

// sortByRecent orders briefs newest first by the day they were last
// reviewed (or published, if never reviewed), then by the day they were
// published, then by title: the order of "Most recently reviewed" and of
// the feeds.
func sortByRecent(ps []*content.Page) {
	// The lower-case titles are made once, not in each comparison.
	type keyed struct {
		p     *content.Page
		title string
	}
	ks := make([]keyed, len(ps))
	for i, p := range ps {
		ks[i] = keyed{p, strings.ToLower(p.Title)}
	}
	slices.SortStableFunc(ks, func(x, y keyed) int {
		a, b := x.p, y.p
		if ua, ub := updated(a), updated(b); !ua.Equal(ub) {
			return ub.Compare(ua)
		}
		if !a.Published.Equal(b.Published) {
			return b.Published.Compare(a.Published)
		}
		return strings.Compare(x.title, y.title)
	})
	for i, k := range ks {
		ps[i] = k.p
	}
}
