package content

import (
	"io/fs"
	"time"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// Kind is what a page is, which decides its layout.
type Kind string

const (
	KindHome     Kind = "home"     // content/index.md
	KindBrief    Kind = "brief"    // content/briefs/<slug>.md
	KindFunction Kind = "function" // content/functions/<slug>.md
	KindPriority Kind = "priority" // content/priorities/<slug>.md
	KindPage     Kind = "page"     // content/pages/<slug>.md
)

// Page is one Markdown file that becomes one HTML page.
type Page struct {
	Kind    Kind
	Source  string // slash path under the root: "content/briefs/advocacy.md"
	Slug    string // file name without ".md"; "" for the home page
	URL     string // site path; starts and ends with "/": "/briefs/advocacy/"
	Title   string
	Label   string // functions and priorities: plain-English subtitle
	Summary string
	Order   int // functions and priorities: listing order (then title)

	Published   time.Time // briefs only; zero elsewhere
	Reviewed    time.Time // zero if not given (pages)
	ReviewDue   time.Time // zero if not given
	ContentNote string
	Sources     []Source
	AppliesTo   []Place // briefs: where it applies; empty if not given
	Draft       bool
	Aliases     []string // site paths that redirect here

	Functions  []*Page  // briefs: the function pages it belongs to, in front matter order
	Priorities []*Page  // briefs: the priority pages
	Topics     []*Topic // briefs: free tags
	Audiences  []*Topic // briefs: who it is for
	Nations    []*Topic // briefs: the nations' pages that list it (from AppliesTo)

	Headings []markdown.Heading // every heading of the body
	TOC      []markdown.Heading // the level-2 headings, when there are 3 or more
	ForYou   string             // briefs: id of the "What this means for you" heading, if there is one
	Words    int                // words in the body

	Briefs    []*Page // function and priority pages: their briefs, by title
	Backlinks []*Page // pages that link here, by title
	Related   []*Page // briefs sharing functions, priorities or topics, best first
	Prev      *Page   // previous brief in the first function, by title
	Next      *Page

	body     string // rendered HTML of the Markdown body: Body
	text     string // plain text of the body, blocks on lines of their own: PlainText
	doc      *markdown.Doc
	holed    *markdown.Holed            // without a Cache: the body rendered when read, but for its links' addresses (Body)
	dest     func(markdown.Link) string // with holed, once rendered: the address of each link (linkDest)
	links    []resolvedLink
	uses     []linkUse  // of links, for checkLinkTexts; kept after rendering
	prose    proseNotes // what the body's text gave the prose rules
	aliasPos []Pos      // where each of Aliases was written
	bodyAt   int        // file line where the body starts
	pending  pendingTerms
	sortKey  string               // the title in lower case, for sorting by title
	rank     int                  // briefs: place in Site.Briefs
	keyAt    func(key string) Pos // briefs: where a front matter key is, or the opening ---
	grade    Readability
}

// AliasPos is where the i-th alias of the page was written.
func (p *Page) AliasPos(i int) Pos {
	if i < len(p.aliasPos) {
		return p.aliasPos[i]
	}
	return Pos{File: p.Source}
}

// Grade is the page's reading grade (see Readability).
func (p *Page) Grade() Readability { return p.grade }

// pendingTerms are a brief's taxonomy values as written, resolved once
// every function and priority page is known.
type pendingTerms struct {
	functions, priorities, topics, audiences []item
	at                                       Pos
	audiencesAt                              Pos
}

// Topic is a free tag, an audience or a nation: a generated page that
// lists briefs.
type Topic struct {
	Slug   string
	Name   string // label shown to readers
	URL    string // "/topics/<slug>/", "/audiences/<slug>/" or "/applies-to/<slug>/"
	Briefs []*Page
}

// Entry is one glossary term. All entries share the page /glossary/.
type Entry struct {
	Source    string
	Slug      string // also the anchor on /glossary/
	Title     string
	Abbr      string
	Also      []string
	Summary   string
	AppliesTo []Place // where the term applies; empty if not given
	Body      []byte  // rendered HTML, may be empty
	Text      string  // plain text of the body (for search)
	URL       string  // "/glossary/#<slug>"

	doc     *markdown.Doc
	links   []resolvedLink
	uses    []linkUse            // of links, for checkLinkTexts; kept after rendering
	prose   proseNotes           // what the body's text gave the prose rules
	sortKey string               // the title in lower case
	keyAt   func(key string) Pos // where a front matter key is, or the opening ---
	// names are, for an entry whose front matter could not be read, the
	// title, abbreviation and other forms that could: other pages may use
	// them without spelling them out while it is being fixed.
	names []string
}

// File is a file under content/ that is copied as it is.
type File struct {
	Source string // "content/briefs/chart.png"
	URL    string // "/briefs/chart.png"

	real string      // the checked real path, links followed; read it with Read
	info fs.FileInfo // what was found there when it was checked
}

// Site is everything loaded from the root, checked and cross-linked.
// Every slice is sorted (pages by URL, terms by order then title, topics and
// entries by slug), so that output built from it is deterministic.
type Site struct {
	Config     Config
	BuildDate  time.Time
	Home       *Page
	Pages      []*Page // every page, home included, by URL
	Briefs     []*Page // by title
	Functions  []*Page // by order, then title
	Priorities []*Page // by order, then title
	Others     []*Page // content/pages/*, by title
	Topics     []*Topic
	Audiences  []*Topic // in the fixed order of the schema, empty ones left out
	Nations    []*Topic // the four nations, in the order of Nations; none if no brief says where it applies
	Glossary   []*Entry // by title, A to Z
	Files      []File   // by URL
}

// Generated lists the site paths the layouts make besides the pages, so
// that a page or file cannot take one of them.
func (s *Site) Generated() []string {
	g := []string{"/briefs/", "/functions/", "/priorities/", "/glossary/", "/topics/", "/audiences/",
		"/map/", "/search/", "/feed.xml", "/sitemap.xml", "/robots.txt", "/404.html", "/assets/"}
	for _, t := range s.Topics {
		g = append(g, t.URL)
	}
	for _, t := range s.Audiences {
		g = append(g, t.URL)
	}
	g = append(g, "/applies-to/")
	for _, n := range Nations {
		g = append(g, "/applies-to/"+n.Slug+"/")
	}
	for _, b := range s.Briefs {
		for _, f := range CiteFiles {
			g = append(g, b.URL+f)
		}
	}
	for _, p := range s.Functions {
		g = append(g, p.URL+"feed.xml")
	}
	for _, p := range s.Priorities {
		g = append(g, p.URL+"feed.xml")
	}
	return g
}
