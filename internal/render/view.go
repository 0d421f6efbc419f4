package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

// View is what a layout sees: one page to write. Layouts reach every
// other page through Site; links go through Rel so that they stay
// relative. A layout shows the body of its own page through Body; no
// layout can reach the body or the plain text of another (content.Body).
type View struct {
	Site        *content.Site
	Page        *content.Page // the Markdown page shown, or nil for generated pages
	Layout      string        // the layout file: "brief", "term", "list", ...
	URL         string        // site path of this page: "/briefs/x/"
	Title       string        // the page's h1 and the first part of <title>
	Description string        // meta description
	Crumbs      []Crumb       // breadcrumbs, home first, this page not included
	Root        string        // the base path ("/hub/") for a page served at any depth (404); "" for relative links
	OGType      string        // "article" for briefs, "website" elsewhere
	Feed        string        // site path of the Atom feed for this page, if any

	List   []*content.Page  // list pages: the pages listed
	Topic  *content.Topic   // topic and audience pages
	Topics []*content.Topic // the topic index
	Map    *Map             // the map page
	Groups []Group          // the glossary, A to Z
	Target string           // alias pages: where the page went
	Pager  *Pager           // a list split over pages: where this one stands; nil if not split
	Alias  string           // alias pages: the old address, as written
	From   content.Pos      // where in content/ the page comes from: its file, or the line of the alias

	SearchIndex string // the search page: site path of the index's entry file
}

// owner says who makes this page, for the messages about two sources
// making one file.
func (v *View) owner() owner {
	switch {
	case v.Alias != "":
		return owner{what: fmt.Sprintf("the alias %q in %s", v.Alias, v.From.File), subject: fmt.Sprintf("the alias %q", v.Alias), pos: v.From}
	case v.Page != nil:
		return owner{what: v.Page.Source, pos: v.From}
	}
	return owner{what: "the generated page " + v.URL}
}

// JSONLD is the page's structured data, already JSON: of the site on the
// home page, of the article on a brief's page, none elsewhere. It is made
// when the layout asks for it, from the page and the site's settings, so
// a page whose bytes are reused by a Cache costs nothing here.
func (v *View) JSONLD() template.JS {
	switch {
	case v.Page == nil || v.Site == nil:
		return ""
	case v.Page.Kind == content.KindHome:
		return websiteLD(v.Site)
	case v.Page.Kind == content.KindBrief:
		return toJS(briefLD(v.Site, v.Page))
	}
	return ""
}

// Crumb is one step of the breadcrumbs.
type Crumb struct {
	Name string
	URL  string // site path
}

// Rel returns the address of a site path as seen from this page.
func (v *View) Rel(sitePath string) string {
	if v.Root != "" {
		return v.Root + strings.TrimPrefix(sitePath, "/")
	}
	return content.RelURL(v.URL, sitePath)
}

// Abs returns the absolute URL of a site path, for canonical links and feeds.
func (v *View) Abs(sitePath string) string { return v.Site.Config.Abs(sitePath) }

// Canonical is the absolute URL of this page; for a moved page, of the
// page it moved to.
func (v *View) Canonical() string {
	if v.Target != "" {
		return v.Abs(v.Target)
	}
	return v.Abs(v.URL)
}

// EditURL is where an editor can change this page's source, if the site
// names its repository.
func (v *View) EditURL() string {
	if v.Page == nil || v.Site.Config.Repository == "" {
		return ""
	}
	return v.Site.Config.Repository + "/edit/" + v.Site.Config.Branch + "/" + v.Page.Source
}

// SourceYears says how old the evidence of a brief is: "2008 to 2025".
func (v *View) SourceYears() string {
	if v.Page == nil {
		return ""
	}
	lo, hi := 0, 0
	for _, s := range v.Page.Sources {
		if s.Year == 0 {
			continue
		}
		if lo == 0 || s.Year < lo {
			lo = s.Year
		}
		if s.Year > hi {
			hi = s.Year
		}
	}
	switch {
	case lo == 0:
		return ""
	case lo == hi:
		return strconv.Itoa(lo)
	}
	return strconv.Itoa(lo) + " to " + strconv.Itoa(hi)
}

// Latest is the briefs most recently reviewed (see sortByRecent).
func (v *View) Latest(n int) []*content.Page {
	list := append([]*content.Page(nil), v.Site.Briefs...)
	sortByRecent(list)
	if len(list) > n {
		list = list[:n]
	}
	return list
}

// HelpURL is the address of the help page, linked from every page.
func (v *View) HelpURL() string { return v.Rel("/help/") }

func longDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// NavItem is one link of the main navigation.
type NavItem struct {
	Name, URL string
	Current   string // "page" on that page, "true" inside its section, "" elsewhere
}

// Nav is the main navigation, the same on every page.
func (v *View) Nav() []NavItem {
	items := []NavItem{{Name: "All briefs", URL: "/briefs/"}, {Name: "Functions", URL: "/functions/"},
		{Name: "Priorities", URL: "/priorities/"}, {Name: "Map", URL: "/map/"},
		{Name: "Glossary", URL: "/glossary/"}, {Name: "Search", URL: "/search/"}}
	for i, it := range items {
		switch {
		case v.URL == it.URL:
			items[i].Current = "page"
		case strings.HasPrefix(v.URL, it.URL):
			items[i].Current = "true"
		}
	}
	return items
}

// BriefList is what the brief-list partial needs: pages and the view that
// makes their links relative.
type BriefList struct {
	View  *View
	Pages []*content.Page
}

// Briefs wraps pages for the brief-list partial.
func (v *View) Briefs(ps []*content.Page) BriefList { return BriefList{View: v, Pages: ps} }

// Body is the page's rendered Markdown. It is safe: raw HTML was dropped
// when it was rendered, and goldmark escapes text.
func (v *View) Body() template.HTML {
	if v.Page == nil {
		return ""
	}
	return template.HTML(content.Body(v.Page))
}

// HTML marks rendered Markdown (a glossary entry's body) as safe.
func (v *View) HTML(b []byte) template.HTML { return template.HTML(b) }
