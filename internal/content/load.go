package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// MaxFileSize is the largest file the site reads: 5 MB. A larger file is
// almost always a mistake (a video, an export) and would make pages slow.
const MaxFileSize = 5 << 20

// Load reads site.yaml and content/ from fsys, checks every rule, links
// pages to each other and renders their Markdown. Problems in the content
// are returned as Diagnostics, all of them; err is only for failures to
// read (I/O), which are not the editor's fault.
func Load(fsys fs.FS, opt Options) (*Site, Diagnostics, error) {
	var list Diagnostics
	if opt.BuildDate.IsZero() {
		opt.BuildDate = time.Now()
	}
	cfg, err := readConfig(fsys, opt, &list)
	if err != nil {
		return nil, list, err
	}
	y, m, dd := opt.BuildDate.Date()
	s := &Site{Config: cfg, BuildDate: time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)}
	l := &loader{fsys: fsys, opt: opt, site: s, list: &list}
	t := newTimer(opt.Trace)
	if err := l.walk(); err != nil {
		return nil, list, err
	}
	t.stage("load (read, front matter, parse)")
	l.index()
	l.checkURLs()
	t.stage("index")
	l.resolveLinks()
	t.stage("link")
	l.relate()
	t.stage("relate")
	l.render()
	t.stage("render Markdown")
	list.Sort()
	return s, list, nil
}

// loader holds the state of one Load.
type loader struct {
	fsys  fs.FS
	opt   Options
	site  *Site
	list  *Diagnostics
	terms map[Kind]map[string]*Page // function and priority pages by slug
	// bySource finds a page, entry or file by its source path.
	bySource map[string]any
	// drafts holds sources left out because they are drafts.
	drafts map[string]bool
	// markdown lists the Markdown files found by walk, in walk order.
	markdown []string
}

func (l *loader) diags(file string) diags { return diags{list: l.list, file: file} }

func (l *loader) walk() error {
	l.bySource = map[string]any{}
	l.drafts = map[string]bool{}
	if _, err := fs.Stat(l.fsys, "content"); err != nil {
		l.diags("content").errorf(0, 0, "create the folder content/ with an index.md in it", "the content folder is missing")
		return nil
	}
	err := fs.WalkDir(l.fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading %s: %w", p, err)
		}
		name := d.Name()
		if p != "content" && (strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			ok, err := l.checkSymlink(p)
			if err != nil || !ok {
				return err
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		info, err := fs.Stat(l.fsys, p)
		if err != nil {
			return fmt.Errorf("reading %s: %w", p, err)
		}
		if info.Size() > MaxFileSize {
			l.diags(p).errorf(0, 0, "make it smaller, or keep it outside content/ and link to it",
				"the file is %.1f MB; the most the site takes is 5 MB", float64(info.Size())/(1<<20))
			return nil
		}
		if strings.HasSuffix(name, ".md") {
			l.markdown = append(l.markdown, p)
			return nil
		}
		rel := strings.TrimPrefix(p, "content/")
		l.site.Files = append(l.site.Files, File{Source: p, URL: "/" + rel})
		l.bySource[p] = &l.site.Files[len(l.site.Files)-1]
		return nil
	})
	if err != nil {
		return err
	}
	return l.readAllMarkdown()
}

// checkSymlink allows a link that stays inside content/ and reports one
// that leads out, which could publish private files.
func (l *loader) checkSymlink(p string) (bool, error) {
	target, err := fs.ReadLink(l.fsys, p)
	if err != nil {
		return false, fmt.Errorf("reading link %s: %w", p, err)
	}
	joined := path.Join(path.Dir(p), target)
	if path.IsAbs(target) || !strings.HasPrefix(joined+"/", "content/") {
		l.diags(p).errorf(0, 0, "copy the file into content/ instead of linking to it",
			"this is a link to %q, outside the content folder; it is not published", target)
		return false, nil
	}
	info, err := fs.Stat(l.fsys, p)
	if err != nil {
		l.diags(p).errorf(0, 0, "remove the link, or point it at a file that exists", "this is a link to %q, which does not exist", target)
		return false, nil
	}
	if info.IsDir() {
		l.diags(p).errorf(0, 0, "move the folder here instead of linking to it", "this is a link to the folder %q; linked folders are not read", target)
		return false, nil
	}
	return true, nil
}

var (
	briefKeys = []string{"title", "summary", "functions", "priorities", "topics", "audiences", "published",
		"reviewed", "review_due", "content_note", "sources", "draft", "aliases"}
	termKeys     = []string{"title", "label", "summary", "order"}
	glossaryKeys = []string{"title", "abbr", "also", "summary"}
	pageKeys     = []string{"title", "summary", "draft", "aliases", "reviewed", "review_due"}
)

func (l *loader) readMarkdown(p string) error {
	d := l.diags(p)
	before := len(*l.list)
	rel := strings.TrimPrefix(p, "content/")
	isGlossary := path.Dir(rel) == "glossary"
	url, kind, ok := pageURL(rel)
	if !ok && !isGlossary {
		d.errorf(0, 0, "briefs go in content/briefs/, other pages in content/pages/; start the name with _ to keep a draft out of the site",
			"this Markdown file is not in a folder the site publishes")
		return nil
	}
	slug := strings.TrimSuffix(path.Base(rel), ".md")
	if kind != KindHome && !validSlug(slug) {
		want := Slugify(slug)
		if want == "" {
			want = "my-page"
		}
		d.errorf(0, 0, fmt.Sprintf("rename it %q: lower-case letters, digits and single hyphens", want+".md"),
			"the file name %q is not a valid page name", path.Base(rel))
		return nil
	}
	src, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		return fmt.Errorf("reading %s: %w", p, err)
	}
	if len(bytes.TrimSpace(src)) == 0 {
		d.errorf(0, 0, "add front matter and text, or delete the file", "the file is empty")
		return nil
	}
	if !utf8.Valid(src) {
		line, col := invalidUTF8At(src)
		d.errorf(line, col, "save the file as UTF-8 in your editor, or retype the character",
			"the file has a character that is not valid UTF-8 text")
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	sp, ok := split(src, d)
	if !ok {
		return nil
	}
	if sp.openLine == 0 {
		d.errorf(1, 1, "start the file with a line ---, then title: and summary:, then another line ---",
			"the file has no front matter")
		return nil
	}
	doc := markdown.Parse(sp.body, sp.bodyLine)
	if isGlossary {
		l.readEntry(p, slug, sp, doc, d)
		return nil
	}
	pg := &Page{Kind: kind, Source: p, Slug: slug, URL: url, doc: doc, bodyAt: sp.bodyLine, Headings: doc.Headings}
	if kind == KindHome {
		pg.Slug = ""
	}
	switch kind {
	case KindBrief:
		l.readBrief(pg, readFields(sp, d, "brief", briefKeys))
	case KindFunction, KindPriority:
		f := readFields(sp, d, string(kind), termKeys)
		pg.Title = f.str("title", true, 90, "Stewardship")
		pg.Label = f.str("label", false, 90, "Setting the direction")
		pg.Summary = f.str("summary", true, 300, "What this means, in a sentence or two.")
		pg.Order, _ = f.integer("order")
	default:
		f := readFields(sp, d, "page", pageKeys)
		pg.Title = f.str("title", true, 90, "About the hub")
		pg.Summary = f.str("summary", true, 300, "What this page is about, in a sentence or two.")
		pg.Draft = f.boolean("draft")
		l.readReview(pg, f, false)
		pg.Aliases = l.aliases(f)
	}
	pg.Words = countWords(doc.Text)
	if pg.Draft && !l.opt.Drafts {
		// A draft is not published, so its problems cannot break the
		// site: they are shown as warnings until it is.
		for i := before; i < len(*l.list); i++ {
			(*l.list)[i].Severity = Warning
		}
		l.drafts[p] = true
		return nil
	}
	l.site.Pages = append(l.site.Pages, pg)
	l.bySource[p] = pg
	return nil
}

func (l *loader) readBrief(pg *Page, f *fields) {
	pg.Title = f.str("title", true, 90, "What is mental health social care?")
	pg.Summary = f.str("summary", true, 300, "What the brief says, in a sentence or two.")
	pg.ContentNote = f.str("content_note", false, 300, "This page talks about being detained in hospital.")
	pg.Draft = f.boolean("draft")
	if t, ok := f.date("published", true); ok {
		pg.Published = t
	}
	l.readReview(pg, f, true)
	pg.Sources = f.sources()
	pg.Aliases = l.aliases(f)
	// Taxonomy slugs are resolved in index, once every page is known.
	pg.pending = pendingTerms{
		functions:  f.list("functions", "[stewardship, capacity]"),
		priorities: f.list("priorities", "[better-lives]"),
		topics:     f.list("topics", "[recovery, unpaid-carers]"),
		audiences:  f.list("audiences", "[public, practitioners]"),
		at:         f.posOf("functions"),
	}
	if len(pg.pending.functions) == 0 && len(pg.pending.priorities) == 0 {
		f.d.errorf(f.openLine, 1, "add functions: [...] or priorities: [...] so that a function or priority page lists it",
			"a brief needs at least one function or priority")
	}
}

// readReview reads reviewed and review_due, and applies the date rules.
func (l *loader) readReview(pg *Page, f *fields, required bool) {
	reviewed, ok := f.date("reviewed", required)
	if ok {
		pg.Reviewed = reviewed
		if reviewed.After(l.site.BuildDate) {
			p := f.posOf("reviewed")
			f.d.errorf(p.Line, p.Col, "set it to the date the page was last checked",
				"%q is %s, after today (%s)", "reviewed", reviewed.Format(dateLayout), l.site.BuildDate.Format(dateLayout))
		}
		if !pg.Published.IsZero() && reviewed.Before(pg.Published) {
			p := f.posOf("reviewed")
			f.d.errorf(p.Line, p.Col, "a page is checked when it is published or later; make reviewed the same day as published or after",
				"%q is %s, before the page was published (%s)", "reviewed", reviewed.Format(dateLayout), pg.Published.Format(dateLayout))
		}
	}
	due, hasDue := f.date("review_due", false)
	switch {
	case hasDue && ok && !due.After(reviewed):
		p := f.posOf("review_due")
		f.d.errorf(p.Line, p.Col, "the next review comes after the last one; leave review_due out to use the usual interval",
			"%q is %s, not after %q (%s)", "review_due", due.Format(dateLayout), "reviewed", reviewed.Format(dateLayout))
	case hasDue:
		pg.ReviewDue = due
	case ok:
		pg.ReviewDue = reviewed.AddDate(0, l.site.Config.ReviewInterval, 0)
	}
	if !pg.ReviewDue.IsZero() && pg.ReviewDue.Before(l.site.BuildDate) {
		p := f.posOf("review_due")
		if !hasDue {
			p = f.posOf("reviewed")
		}
		f.d.warnf(p.Line, p.Col, "check the page is still right, then set reviewed to the date you checked it",
			"the review of this page was due on %s", pg.ReviewDue.Format(dateLayout))
	}
}

func (l *loader) aliases(f *fields) []string {
	var out []string
	for _, it := range f.list("aliases", "[/old/path/]") {
		a := it.Value
		if !strings.HasPrefix(a, "/") || strings.Contains(a, "..") || strings.ContainsAny(a, "?#\\ ") {
			f.d.errorf(it.Pos.Line, it.Pos.Col, "write the old address from the site's root, like /old/path/",
				"the alias %q is not a path on this site", a)
			continue
		}
		if !strings.HasSuffix(a, "/") && path.Ext(a) == "" {
			a += "/"
		}
		out = append(out, a)
	}
	return out
}

func (l *loader) readEntry(p, slug string, sp splitResult, doc *markdown.Doc, d diags) {
	f := readFields(sp, d, "glossary entry", glossaryKeys)
	e := &Entry{Source: p, Slug: slug, URL: "/glossary/#" + slug, doc: doc}
	e.Title = f.str("title", true, 90, "Approved mental health professional")
	e.Abbr = f.str("abbr", false, 20, "AMHP")
	for _, it := range f.list("also", "[AMHPs, approved mental health professionals]") {
		e.Also = append(e.Also, it.Value)
	}
	e.Summary = f.str("summary", true, 300, "A specially trained professional who ...")
	l.site.Glossary = append(l.site.Glossary, e)
	l.bySource[p] = e
}

// countWords counts the words of s as strings.Fields splits them, without
// making the list.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// invalidUTF8At finds the line and column of the first invalid byte.
func invalidUTF8At(src []byte) (int, int) {
	line, col := 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return line, col
}

func sortPages(ps []*Page, less func(a, b *Page) bool) {
	slices.SortStableFunc(ps, func(a, b *Page) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
}

// byTitle sorts by title, ignoring case, then by URL. The lower-case
// titles are made once, in index, not in each comparison.
func byTitle(a, b *Page) bool {
	if a.sortKey != b.sortKey {
		return a.sortKey < b.sortKey
	}
	return a.URL < b.URL
}

func byOrder(a, b *Page) bool {
	if a.Order != b.Order {
		return a.Order < b.Order
	}
	return byTitle(a, b)
}
