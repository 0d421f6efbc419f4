// Package render turns a loaded *content.Site and the layouts into the
// files of the site, in memory, and writes them to disk in one step.
//
// The rules:
//
//   - Render is pure: site and layouts in, Output (path -> bytes) out. Only
//     WriteDir touches the disk, and it replaces the output folder whole:
//     it writes a complete new folder beside it, then swaps, so a failed
//     build never leaves the folder half-written or empty.
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
//   - Layout ids contain an underscore ("main_content"). Heading ids made
//     from Markdown never do, so the two cannot clash.
//   - Every page's header links to the help page, /help/ (made from
//     content/pages/help.md), in the same place (WCAG 2.2, 3.2.6). A site
//     without it fails Check, like any other broken link.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/par"
)

// Output is the whole site in memory.
type Output struct {
	Files   map[string][]byte // output path ("briefs/x/index.html") -> bytes
	Sources map[string]string // output path -> the source file it came from, if any
	Copied  map[string]bool   // output paths copied from content/ as they are
}

func (o *Output) add(outPath string, b []byte, source string) {
	o.Files[outPath] = b
	if source != "" {
		o.Sources[outPath] = source
	}
}

// Paths returns the output paths, sorted.
func (o *Output) Paths() []string {
	ps := make([]string, 0, len(o.Files))
	for p := range o.Files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}

// layoutNames are the page layouts; each is a file in layouts/ that defines
// "main", and is drawn inside base.html.
var layoutNames = []string{"home", "brief", "term", "page", "list", "terms", "topics", "topic",
	"glossary", "map", "search", "404", "alias"}

// Layouts are the parsed templates, one per layout name.
type Layouts map[string]*template.Template

// LoadLayouts parses base.html, partials/*.html and each layout from fsys
// (the layouts folder). The error names the file and line.
func LoadLayouts(fsys fs.FS) (Layouts, error) {
	base := template.New("base.html").Funcs(template.FuncMap{
		"date":    longDate,
		"isodate": isoDate,
		"inc":     func(i int) int { return i + 1 },
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

// Render makes every file of the site. assets is the layouts/assets folder
// (copied to /assets/); files are read from root for content/ copies.
func Render(site *content.Site, ls Layouts, layouts fs.FS, root fs.FS) (*Output, error) {
	out := &Output{Files: map[string][]byte{}, Sources: map[string]string{}, Copied: map[string]bool{}}
	vs := views(site)
	// The pages are made on every core, each into its own slot, then
	// added in the fixed order of views.
	pages := make([][]byte, len(vs))
	errs := make([]error, len(vs))
	par.Ranges(len(vs), func(first, end int) {
		var b bytes.Buffer
		for i := first; i < end; i++ {
			pages[i], errs[i] = execute(ls, vs[i], &b)
		}
	})
	for i, v := range vs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		src := ""
		if v.Page != nil {
			src = v.Page.Source
		}
		out.add(content.OutputPath(v.URL), pages[i], src)
	}
	if err := addFeeds(out, site); err != nil {
		return nil, err
	}
	out.add("sitemap.xml", sitemap(site), "")
	out.add("robots.txt", []byte("User-agent: *\nAllow: /\nSitemap: "+site.Config.Abs("/sitemap.xml")+"\n"), "")
	err := fs.WalkDir(layouts, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(layouts, p)
		if err != nil {
			return err
		}
		out.add(p, b, "layouts/"+p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("layouts: assets: %w", err)
	}
	for _, f := range site.Files {
		b, err := fs.ReadFile(root, f.Source)
		if err != nil {
			return nil, fmt.Errorf("copying %s: %w", f.Source, err)
		}
		out.add(strings.TrimPrefix(f.URL, "/"), b, f.Source)
		out.Copied[strings.TrimPrefix(f.URL, "/")] = true
	}
	return out, nil
}

// execute draws one page, using b as scratch space.
func execute(ls Layouts, v *View, b *bytes.Buffer) ([]byte, error) {
	t := ls[v.Layout]
	if t == nil {
		return nil, fmt.Errorf("layouts: no layout %q", v.Layout)
	}
	b.Reset()
	if err := t.ExecuteTemplate(b, "base", v); err != nil {
		return nil, fmt.Errorf("layouts: page %s: %w", v.URL, err)
	}
	return bytes.Clone(b.Bytes()), nil
}

// views lists every HTML page of the site, in a fixed order.
func views(s *content.Site) []*View {
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
			v.JSONLD = websiteLD(s)
		case content.KindBrief:
			v.Layout, v.OGType = "brief", "article"
			v.Crumbs = []Crumb{home, {"Briefs", "/briefs/"}}
			v.JSONLD = articleLD(s, p)
		case content.KindFunction:
			v.Layout, v.Feed = "term", p.URL+"feed.xml"
			v.Crumbs = []Crumb{home, {"Functions", "/functions/"}}
		case content.KindPriority:
			v.Layout, v.Feed = "term", p.URL+"feed.xml"
			v.Crumbs = []Crumb{home, {"Priorities", "/priorities/"}}
		default:
			v.Layout = "page"
			v.Crumbs = []Crumb{home}
		}
		add(v)
		for _, a := range p.Aliases {
			add(&View{Layout: "alias", URL: a, Title: "This page has moved", Description: p.Summary, Target: p.URL})
		}
	}
	add(&View{Layout: "list", URL: "/briefs/", Title: "All briefs", Crumbs: []Crumb{home}, List: s.Briefs,
		Description: "Every brief on the hub, A to Z.", Feed: "/feed.xml"})
	add(&View{Layout: "terms", URL: "/functions/", Title: "The four functions of a research system", Crumbs: []Crumb{home},
		List: s.Functions, Description: "Briefs grouped by the four functions of a health research system."})
	add(&View{Layout: "terms", URL: "/priorities/", Title: "Research priorities", Crumbs: []Crumb{home},
		List: s.Priorities, Description: "Briefs grouped by research priority."})
	add(&View{Layout: "topics", URL: "/topics/", Title: "Topics", Crumbs: []Crumb{home}, Topics: s.Topics,
		Description: "Briefs grouped by topic."})
	for _, t := range s.Topics {
		add(&View{Layout: "topic", URL: t.URL, Title: t.Name, Topic: t, Crumbs: []Crumb{home, {"Topics", "/topics/"}},
			Description: "Briefs about " + strings.ToLower(t.Name[:1]) + t.Name[1:] + "."})
	}
	add(&View{Layout: "topics", URL: "/audiences/", Title: "Who the briefs are for", Crumbs: []Crumb{home}, Topics: s.Audiences,
		Description: "Briefs grouped by who they are written for."})
	for _, t := range s.Audiences {
		add(&View{Layout: "topic", URL: t.URL, Title: "Briefs for: " + t.Name, Topic: t, Crumbs: []Crumb{home, {"Who the briefs are for", "/audiences/"}},
			Description: "Briefs written for: " + t.Name + "."})
	}
	add(&View{Layout: "glossary", URL: "/glossary/", Title: "Glossary", Crumbs: []Crumb{home}, Groups: glossaryGroups(s.Glossary),
		Description: "Plain-English meanings of the words used in mental health social care, A to Z."})
	add(&View{Layout: "map", URL: "/map/", Title: "Map of the evidence", Crumbs: []Crumb{home}, Map: buildMap(s),
		Description: "How many briefs there are for each research function and priority: where the evidence base is thin."})
	add(&View{Layout: "search", URL: "/search/", Title: "Search the briefs", Crumbs: []Crumb{home}, List: s.Briefs,
		Description: "Find a brief by words in its title or summary."})
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

func glossaryGroups(es []*content.Entry) []Group {
	var gs []Group
	for _, e := range es {
		l := strings.ToUpper(e.Title[:1])
		if l < "A" || l > "Z" {
			l = "#"
		}
		if len(gs) == 0 || gs[len(gs)-1].Letter != l {
			id := "letter_" + strings.ToLower(l)
			if l == "#" {
				id = "letter_other"
			}
			gs = append(gs, Group{Letter: l, ID: id})
		}
		gs[len(gs)-1].Entries = append(gs[len(gs)-1].Entries, e)
	}
	return gs
}

// Map is the functions x priorities table.
type Map struct {
	Functions []*content.Page
	Rows      []MapRow
}

// MapRow is one priority of the map.
type MapRow struct {
	Priority *content.Page
	Cells    []MapCell // one per function, in order
	Total    int       // briefs with this priority
}

// MapCell is the briefs with one function and one priority.
type MapCell struct {
	Function *content.Page
	Briefs   []*content.Page
	ID       string // anchor of the cell's list: "cell_stewardship_economic-case"
}

func buildMap(s *content.Site) *Map {
	m := &Map{Functions: s.Functions}
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
			row.Cells = append(row.Cells, c)
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}
