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
	if opt.Cache != nil {
		opt.Cache.begin(opt, cfg)
	}
	if err := l.walk(); err != nil {
		return nil, list, err
	}
	t.stage("load (read, front matter, parse)")
	l.index()
	l.checkURLs()
	t.stage("index")
	l.resolveLinks()
	l.checkEvidence()
	t.stage("link")
	l.relate()
	t.stage("relate")
	l.checkRules()
	l.checkEntryRules()
	l.checkMeanGrade()
	l.render()
	t.stage("render Markdown")
	if opt.Cache != nil {
		l.markdown = nil
		opt.Cache.end(l)
	} else {
		l.forgetChecks()
	}
	if opt.Strict {
		for i := range list {
			list[i].Severity = Error
		}
	}
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
	// broken holds pages whose front matter could not be read: they take
	// their address for links, and their body is still checked.
	broken        []*Page
	brokenEntries []*Entry
	// knownAbbr are the abbreviations that need no spelling out: the
	// glossary's and site.yaml's known_abbreviations, made on first use.
	knownAbbr map[string]bool
	// terms0 are the glossary's entries, by title, once the glossary is
	// read and before anything else is (readAllMarkdown).
	terms0 []*Entry
	// briefTerms are terms0 as linked from each brief (renderOptions).
	briefTerms *termsFrom
	// markdown lists the Markdown files found by walk, in walk order.
	markdown []markdownFile
}

// markdownFile is a Markdown file walk found, read after the walk.
type markdownFile struct {
	path, real string
	info       fs.FileInfo
}

// forgetChecks lets go, at the end of a Load without a Cache, of what
// only the checks of the Load read: where each front matter key was
// written, what the prose rules and the link-text check were given, and
// the terms as written. Only Patch, which needs a Cache, reads them later.
func (l *loader) forgetChecks() {
	for _, p := range l.site.Pages {
		p.keyAt, p.prose, p.uses, p.pending = nil, proseNotes{}, nil, pendingTerms{}
	}
	for _, e := range l.site.Glossary {
		e.keyAt, e.prose, e.uses = nil, proseNotes{}, nil
	}
}

func (l *loader) diags(file string) diags { return diags{list: l.list, file: file} }

func (l *loader) walk() error {
	l.bySource = map[string]any{}
	l.drafts = map[string]bool{}
	info, err := fs.Lstat(l.fsys, "content")
	switch {
	case err != nil:
		l.diags("content").errorf(0, 0, "create the folder content/ with an index.md in it", "the content folder is missing")
		return nil
	case info.Mode()&fs.ModeSymlink != 0:
		target, _ := fs.ReadLink(l.fsys, "content")
		l.diags("content").errorf(0, 0, "move the folder itself to content/ instead of linking to it",
			"content/ is a link to %q; the site reads only a real folder, so that nothing outside it is published", target)
		return nil
	case !info.IsDir():
		l.diags("content").errorf(0, 0, "create the folder content/ with an index.md in it", "content is a file, not a folder")
		return nil
	}
	err = fs.WalkDir(l.fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading %s: %w", p, err)
		}
		name := d.Name()
		if p != "content" && Ignored(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		real, info, ok, err := l.checkFile(p, d)
		if err != nil || !ok {
			return err
		}
		if info.Size() > MaxFileSize {
			l.diags(p).errorf(0, 0, "make it smaller, or keep it outside content/ and link to it",
				"the file is %.1f MB; the most the site takes is 5 MB", float64(info.Size())/(1<<20))
			return nil
		}
		if strings.HasSuffix(name, ".md") {
			l.markdown = append(l.markdown, markdownFile{p, real, info})
			return nil
		}
		if l.notAPage(p, name) {
			return nil
		}
		rel := strings.TrimPrefix(p, "content/")
		l.site.Files = append(l.site.Files, File{Source: p, URL: "/" + rel, real: real, info: info})
		l.bySource[p] = &l.site.Files[len(l.site.Files)-1]
		return nil
	})
	if err != nil {
		return err
	}
	return l.readAllMarkdown()
}

var (
	briefKeys    = keysOf(briefFields)
	termKeys     = keysOf(termFields)
	glossaryKeys = keysOf(glossaryFields)
	pageKeys     = keysOf(pageFields)
)

func (l *loader) readMarkdown(p, real string, info fs.FileInfo) error {
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
		l.badPageName(p)
		return nil
	}
	src, err := readChecked(l.fsys, p, real, info)
	if err != nil {
		return err
	}
	// A file that cannot be read as a page still takes its address, so
	// that links to it are not reported as links to nothing, and its body
	// (when there is one) is checked: see "Front matter that cannot be
	// read" in doc.go.
	holdPlace := func(doc *markdown.Doc, notes proseNotes, bodyAt int, names []string) {
		if isGlossary {
			e := &Entry{Source: p, Slug: slug, URL: "/glossary/#" + slug, doc: doc, prose: notes, names: names}
			if doc != nil {
				l.brokenEntries = append(l.brokenEntries, e)
			}
			l.bySource[p] = e
			return
		}
		pg := &Page{Kind: kind, Source: p, Slug: slug, URL: url, doc: doc, prose: notes, grade: notes.grade, bodyAt: bodyAt}
		if doc != nil {
			pg.Headings = doc.Headings
			pg.Words = countWords(doc.Text)
			l.broken = append(l.broken, pg)
		}
		l.bySource[p] = pg
	}
	// A lone carriage return ends a line, as in editors.
	src = markdown.LoneCRToLF(src)
	if len(bytes.TrimSpace(src)) == 0 {
		d.errorf(0, 0, "add front matter and text, or delete the file", "the file is empty")
		holdPlace(nil, proseNotes{}, 0, nil)
		return nil
	}
	if !utf8.Valid(src) {
		line, col := invalidUTF8At(src)
		d.errorf(line, col, "save the file as UTF-8 in your editor, or retype the character",
			"the file has a character that is not valid UTF-8 text")
		holdPlace(nil, proseNotes{}, 0, nil)
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	sp, ok := split(src, d)
	if !ok {
		holdPlace(nil, proseNotes{}, 0, nil)
		return nil
	}
	if sp.openLine == 0 {
		d.errorf(1, 1, "start the file with a line ---, then title: and summary:, then another line ---",
			"the file has no front matter")
		doc, notes := parseBody(p, sp.body, sp.bodyLine)
		holdPlace(doc, notes, sp.bodyLine, nil)
		return nil
	}
	doc, notes := parseBody(p, sp.body, sp.bodyLine)
	switch c := doc.TooComplex; {
	case c == nil:
	case c.Kind == "size":
		d.errorf(0, 0, complexityHint[c.Kind], "the text is %d KB; the most the site reads in one page is %d KB", (c.Count+1023)/1024, c.Max/1024)
	case c.Kind == "link-work":
		d.errorf(c.Pos.Line, c.Pos.Col, complexityHint[c.Kind],
			"the links up to here leave their addresses open: finding where they end means reading %d KB, and the most the site reads is %d KB", (c.Count+1023)/1024, c.Max/1024)
	default:
		d.errorf(c.Pos.Line, c.Pos.Col, complexityHint[c.Kind],
			"this has %d %s; the most the site reads is %d", c.Count, c.What, c.Max)
	}
	if sp.broken {
		// None of its values is used, but for a draft: its problems stay
		// warnings, as every draft's do, so that a draft never stops the
		// site from building.
		if !l.opt.Drafts && draftIn(sp.meta) {
			l.asDraft(p, before)
			return nil
		}
		holdPlace(doc, notes, sp.bodyLine, namesIn(sp.meta))
		return nil
	}
	if isGlossary {
		l.readEntry(p, slug, sp, doc, notes, d)
		return nil
	}
	pg := &Page{Kind: kind, Source: p, Slug: slug, URL: url, doc: doc, prose: notes, grade: notes.grade, bodyAt: sp.bodyLine, Headings: doc.Headings}
	if kind == KindHome {
		pg.Slug = ""
	}
	switch kind {
	case KindBrief:
		f := readFields(sp, d, "brief", briefKeys)
		l.readBrief(pg, f)
		pg.keyAt = f.keyPositions()
	case KindFunction, KindPriority:
		f := readFields(sp, d, string(kind), termKeys)
		pg.Title = f.textOf(termFields, "title")
		pg.Label = f.textOf(termFields, "label")
		pg.Summary = f.textOf(termFields, "summary")
		pg.Order, _ = f.integer("order")
	default:
		f := readFields(sp, d, "page", pageKeys)
		pg.Title = f.textOf(pageFields, "title")
		pg.Summary = f.textOf(pageFields, "summary")
		pg.Draft = f.boolean("draft")
		l.readReview(pg, f, false)
		pg.Aliases = l.aliases(f, pg)
	}
	pg.Words = countWords(doc.Text)
	pg.text = doc.Text
	if pg.Draft && !l.opt.Drafts {
		l.asDraft(p, before)
		return nil
	}
	l.site.Pages = append(l.site.Pages, pg)
	l.bySource[p] = pg
	return nil
}

// asDraft leaves the draft p out of the site. A draft is not published,
// so its problems cannot break the site: they are shown as warnings (those
// from the first of the loader's list on) until it is.
func (l *loader) asDraft(p string, first int) {
	for i := first; i < len(*l.list); i++ {
		(*l.list)[i].Severity = Warning
	}
	l.drafts[p] = true
}

func (l *loader) readBrief(pg *Page, f *fields) {
	pg.Title = f.textOf(briefFields, "title")
	pg.Summary = f.textOf(briefFields, "summary")
	pg.ContentNote = f.textOf(briefFields, "content_note")
	pg.Draft = f.boolean("draft")
	if t, ok := f.dateOf(briefFields, "published"); ok {
		pg.Published = t
		if t.After(l.site.BuildDate) {
			p := f.posOf("published")
			f.d.errorf(p.Line, p.Col, "published is the day the brief first went on the site: set it to today or an earlier day, and keep draft: true until it is ready",
				"%q is %s, after today (%s)", "published", t.Format(dateLayout), l.site.BuildDate.Format(dateLayout))
		}
	}
	l.readReview(pg, f, true)
	f.noPlaceholders = !pg.Draft
	if p := f.posOf("summary"); f.values["summary"] != nil {
		f.placeholder("summary", pg.Summary, p.Line, p.Col)
	}
	pg.Sources = f.sources()
	pg.AppliesTo = f.appliesTo()
	pg.ForYou = forYouHeading(pg.Headings)
	pg.Aliases = l.aliases(f, pg)
	// Taxonomy slugs are resolved in index, once every page is known.
	pg.pending = pendingTerms{
		functions:   f.listOf(briefFields, "functions"),
		priorities:  f.listOf(briefFields, "priorities"),
		topics:      f.listOf(briefFields, "topics"),
		audiences:   f.listOf(briefFields, "audiences"),
		at:          f.posOf("functions"),
		audiencesAt: f.posOf("audiences"),
	}
	if len(pg.pending.functions) == 0 && len(pg.pending.priorities) == 0 {
		f.d.errorf(f.openLine, 1, "add functions: [...] or priorities: [...] so that a function or priority page lists it",
			"a brief needs at least one function or priority")
	}
}

// ForYouTitle is the heading of the section of a brief that says what the
// evidence means for its readers. The layouts give it its own place: a
// box, and a link to it at the top of the brief.
const ForYouTitle = "What this means for you"

// forYouHeading finds the brief's "What this means for you" section: a
// level-2 heading with those words, whatever its capitals or punctuation.
func forYouHeading(hs []markdown.Heading) string {
	for _, h := range hs {
		if h.Level == 2 && Slugify(h.Text) == Slugify(ForYouTitle) {
			return h.ID
		}
	}
	return ""
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
		if !pg.Published.IsZero() && reviewed.Before(pg.Published) && !pg.Published.After(l.site.BuildDate) {
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

// aliases reads the old addresses of a page. Each must be a plain path on
// this site, so that check and build agree on what it writes: the rules
// are in aliasProblem.
func (l *loader) aliases(f *fields, pg *Page) []string {
	var out []string
	for _, it := range f.listOf(briefFields, "aliases") {
		a := it.Value
		if why := aliasProblem(a); why != "" {
			f.d.errorf(it.Pos.Line, it.Pos.Col, "write the old address from the site's root, like /old/path/",
				"the alias %q is not a path on this site: %s", a, why)
			continue
		}
		if !strings.HasSuffix(a, "/") && path.Ext(a) == "" {
			a += "/"
		}
		out = append(out, a)
		pg.aliasPos = append(pg.aliasPos, it.Pos)
	}
	return out
}

// aliasProblem says what is wrong with an alias, or "" if nothing. An
// alias is a path from the site's root made of plain segments: letters,
// digits and "-", "_", ".", "~", with no empty, "." or ".." segment, so
// that it names one file inside the output folder and nothing else.
func aliasProblem(a string) string {
	switch {
	case !strings.HasPrefix(a, "/"):
		return "it should start with /"
	case strings.HasPrefix(a, "//"):
		return "it starts with //, which browsers read as another website"
	}
	segs := strings.Split(strings.TrimSuffix(a[1:], "/"), "/")
	if a == "/" {
		segs = nil
	}
	for _, seg := range segs {
		switch seg {
		case "":
			return "it has // in it"
		case ".", "..":
			return fmt.Sprintf("it has a %q part", seg)
		}
		for _, r := range seg {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_.~", r)) {
				return fmt.Sprintf("it has the character %q in it; use letters, digits, - and _", r)
			}
		}
	}
	return ""
}

func (l *loader) readEntry(p, slug string, sp splitResult, doc *markdown.Doc, notes proseNotes, d diags) {
	f := readFields(sp, d, "glossary entry", glossaryKeys)
	e := &Entry{Source: p, Slug: slug, URL: "/glossary/#" + slug, Text: doc.Text, doc: doc, prose: notes}
	e.Title = f.textOf(glossaryFields, "title")
	e.Abbr = f.textOf(glossaryFields, "abbr")
	for _, it := range f.listOf(glossaryFields, "also") {
		e.Also = append(e.Also, it.Value)
	}
	e.Summary = f.textOf(glossaryFields, "summary")
	e.AppliesTo = f.appliesTo()
	e.keyAt = f.keyPositions()
	l.site.Glossary = append(l.site.Glossary, e)
	l.bySource[p] = e
}

// complexityHint says what to do about each of markdown's limits, which
// keep the build fast whatever a file holds.
var complexityHint = map[string]string{
	"size":             "split it into several pages",
	"nesting":          "put fewer lists and quotes inside each other; start a new list instead",
	"containers":       "split it into several pages, or use fewer lists and quotes inside each other",
	"delimiters":       "split the paragraph with blank lines, or write \\* or \\_ for a mark that is not emphasis",
	"delimiters-total": "split it into several pages, or write \\* or \\_ for a mark that is not emphasis",
	"brackets":         "split the paragraph with blank lines, or write \\[ for a bracket that is not a link",
	"brackets-total":   "split it into several pages, or write \\[ for a bracket that is not a link",
	"link-work":        "end each link's address with ), like [text](page.md), and check for one left open",
	"footnotes":        "use fewer footnotes, or split it into several pages",
	"definitions":      "split it into several pages",
	"table-cells":      "make the tables smaller, or split them into several tables; a row gets as many cells as the header has",
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
	slices.SortStableFunc(ps, compareBy(less))
}

// byTitle sorts by title, ignoring case, then by URL. The lower-case
// titles are made once, in index, not in each comparison.
func byTitle(a, b *Page) bool {
	if a.sortKey != b.sortKey {
		return a.sortKey < b.sortKey
	}
	return a.URL < b.URL
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

func byOrder(a, b *Page) bool {
	if a.Order != b.Order {
		return a.Order < b.Order
	}
	return byTitle(a, b)
}
