package render

import (
	"encoding/json"
	"encoding/xml"
	"html/template"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

// updated is the time a feed entry or sitemap URL last changed: the day it
// was last reviewed, else published. Never the clock, so builds repeat.
func updated(p *content.Page) time.Time {
	if !p.Reviewed.IsZero() {
		return p.Reviewed
	}
	return p.Published
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string   `xml:"title"`
	ID        string   `xml:"id"`
	Link      atomLink `xml:"link"`
	Published string   `xml:"published"`
	Updated   string   `xml:"updated"`
	Summary   string   `xml:"summary"`
}

// addFeeds writes the site-wide feed and one per function and priority.
// Each lists the latest briefs only, site.yaml's feed_entries of them, so
// that a feed stays small however big the hub grows.
func addFeeds(out *Output, s *content.Site) error {
	type spec struct {
		path, page, title string
		briefs            []*content.Page
	}
	specs := []spec{{"/feed.xml", "/", s.Config.Title, s.Briefs}}
	for _, t := range append(append([]*content.Page(nil), s.Functions...), s.Priorities...) {
		specs = append(specs, spec{t.URL + "feed.xml", t.URL, t.Title + " – " + s.Config.Title, t.Briefs})
	}
	for _, f := range specs {
		briefs := append([]*content.Page(nil), f.briefs...)
		sortByRecent(briefs)
		fd := feed{path: f.path[1:], page: f.page, title: f.title, briefs: briefs[:min(len(briefs), s.Config.FeedEntries)]}
		b, err := fd.bytes(s)
		if err != nil {
			return err
		}
		out.add(fd.path, b, "")
		out.feeds = append(out.feeds, fd)
	}
	return nil
}

// feed is one Atom feed: its output path, the page it is the feed of, its
// title and its entries, newest first.
type feed struct {
	path, page, title string
	briefs            []*content.Page
}

func (f feed) bytes(s *content.Site) ([]byte, error) {
	a := atomFeed{Lang: s.Config.Language, Title: f.title, ID: s.Config.Abs(f.page),
		Links: []atomLink{
			{Href: s.Config.Abs("/" + f.path), Rel: "self", Type: "application/atom+xml"},
			{Href: s.Config.Abs(f.page), Rel: "alternate", Type: "text/html"},
		},
		Author: atomAuthor{Name: s.Config.Title}}
	var latest time.Time
	for _, b := range f.briefs {
		u := updated(b)
		if u.After(latest) {
			latest = u
		}
		a.Entries = append(a.Entries, atomEntry{Title: b.Title, ID: s.Config.Abs(b.URL),
			Link: atomLink{Href: s.Config.Abs(b.URL)}, Published: rfc3339(b.Published),
			Updated: rfc3339(u), Summary: b.Summary})
	}
	if latest.IsZero() {
		latest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	a.Updated = rfc3339(latest)
	b, err := xml.MarshalIndent(a, "", " ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), b...), nil
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists every content page and generated list page, by URL.
func sitemap(s *content.Site, vs []*View) []byte {
	var us urlset
	for _, v := range vs {
		if v.Layout == "404" || v.Layout == "alias" {
			continue
		}
		u := sitemapURL{Loc: s.Config.Abs(v.URL)}
		if v.Page != nil {
			u.LastMod = isoDate(updated(v.Page))
		}
		us.URLs = append(us.URLs, u)
	}
	b, _ := xml.MarshalIndent(us, "", " ")
	return append([]byte(xml.Header), b...)
}

func websiteLD(s *content.Site) template.JS {
	return toJS(map[string]any{
		"@context":    "https://schema.org",
		"@type":       "WebSite",
		"name":        s.Config.Title,
		"url":         s.Config.BaseURL,
		"inLanguage":  s.Config.Language,
		"description": s.Config.Description,
	})
}

// toJS marshals v; encoding/json sorts map keys and escapes <, > and &, so
// the result is deterministic and safe inside a script element.
func toJS(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		panic("render: json: " + err.Error())
	}
	return template.JS(b)
}
