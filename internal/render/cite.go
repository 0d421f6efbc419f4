package render

import (
	"encoding/json"
	"html"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

// How a brief is cited. The hub is the author (its briefs are written and
// reviewed by its editors together); the year is the year the brief was
// published; the date it was last reviewed says which version was read.
// The same facts go into the citation shown on the page and into three
// files beside it, one for each family of reference manager:
//
//	cite.ris   RIS: EndNote, Zotero, Mendeley, RefWorks
//	cite.bib   BibTeX and biblatex: LaTeX
//	cite.json  CSL-JSON: Zotero, Pandoc and citeproc tools
//
// They are made at build time from the same data and never from the
// clock, so two builds give the same bytes.

// citation is the facts of one brief that a reference needs.
type citation struct {
	key, author, title, summary, url, lang string
	published, reviewed                    time.Time // zero if not given
}

func citationOf(s *content.Site, p *content.Page) citation {
	return citation{key: p.Slug, author: s.Config.Title, title: p.Title, summary: p.Summary,
		url: s.Config.Abs(p.URL), lang: s.Config.Language, published: p.Published, reviewed: p.Reviewed}
}

// Citation is how to cite this brief, as a reader would copy it:
//
//	Mental Health Social Care Knowledge Hub (2026). What is mental health
//	social care? https://example.org/briefs/x/ (last reviewed 23 November 2026).
func (v *View) Citation() template.HTML {
	if v.Page == nil || v.Page.Kind != content.KindBrief {
		return ""
	}
	p, esc := v.Page, html.EscapeString
	var b strings.Builder
	b.WriteString(esc(v.Site.Config.Title))
	if !p.Published.IsZero() {
		b.WriteString(" (" + strconv.Itoa(p.Published.Year()) + ")")
	}
	b.WriteString(". <cite>" + esc(sentence(p.Title)) + "</cite> ")
	b.WriteString(esc(v.Abs(p.URL)))
	if !p.Reviewed.IsZero() {
		b.WriteString(" (last reviewed " + longDate(p.Reviewed) + ")")
	}
	b.WriteString(".")
	return template.HTML(b.String())
}

// CiteFile is one downloadable citation file of a brief.
type CiteFile struct {
	Name, Format, URL string // "cite.ris", "RIS", site path
}

// CiteFiles are this brief's citation files, for the layout to link.
func (v *View) CiteFiles() []CiteFile {
	if v.Page == nil || v.Page.Kind != content.KindBrief {
		return nil
	}
	formats := map[string]string{"cite.ris": "RIS (EndNote, Zotero, Mendeley)", "cite.bib": "BibTeX", "cite.json": "CSL-JSON"}
	var out []CiteFile
	for _, f := range content.CiteFiles {
		out = append(out, CiteFile{Name: f, Format: formats[f], URL: v.Page.URL + f})
	}
	return out
}

// addCiteFiles writes each brief's citation files beside its page.
// memo, if not nil, gives the files of a citation made by an earlier
// build (see Cache): they are made from the citation alone.
func addCiteFiles(out *Output, s *content.Site, memo *citeMemo) error {
	for _, p := range s.Briefs {
		files, err := citeFiles(s, p, memo)
		if err != nil {
			return err
		}
		dir := strings.TrimPrefix(p.URL, "/")
		for i, f := range content.CiteFiles {
			out.add(dir+f, files[i], p.Source)
		}
	}
	return nil
}

// citeFiles are the citation files of brief p, in the order of
// content.CiteFiles.
func citeFiles(s *content.Site, p *content.Page, memo *citeMemo) ([][]byte, error) {
	c := citationOf(s, p)
	if files, ok := memo.get(p.Source, c); ok {
		return files, nil
	}
	js, err := c.cslJSON()
	if err != nil {
		return nil, err
	}
	files := make([][]byte, len(content.CiteFiles))
	for i, f := range content.CiteFiles {
		switch f {
		case "cite.ris":
			files[i] = c.ris()
		case "cite.bib":
			files[i] = c.bibtex()
		case "cite.json":
			files[i] = js
		}
	}
	memo.put(p.Source, c, files)
	return files, nil
}

// citeMemo keeps the citation files of each brief from one build to the
// next, by source, with the citation they were made from.
type citeMemo struct {
	prev, next map[string]citedBrief
}

type citedBrief struct {
	c     citation
	files [][]byte
}

func (m *citeMemo) get(source string, c citation) ([][]byte, bool) {
	if m == nil {
		return nil, false
	}
	if e, ok := m.prev[source]; ok && e.c == c {
		m.next[source] = e
		return e.files, true
	}
	return nil, false
}

func (m *citeMemo) put(source string, c citation, files [][]byte) {
	if m != nil {
		m.next[source] = citedBrief{c, files}
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// ris is the RIS form: one "TAG  - value" line each, ending with ER.
func (c citation) ris() []byte {
	var b strings.Builder
	tag := func(t, v string) {
		if v != "" {
			b.WriteString(t + "  - " + oneLine(v) + "\r\n")
		}
	}
	tag("TY", "ELEC")
	tag("AU", c.author)
	tag("TI", c.title)
	if !c.published.IsZero() {
		tag("PY", strconv.Itoa(c.published.Year()))
		tag("DA", c.published.Format("2006/01/02"))
	}
	tag("PB", c.author)
	tag("UR", c.url)
	tag("LA", c.lang)
	tag("AB", c.summary)
	if !c.reviewed.IsZero() {
		tag("N1", "Last reviewed "+longDate(c.reviewed))
	}
	b.WriteString("ER  - \r\n")
	return []byte(b.String())
}

// bibEscape escapes the characters BibTeX gives a meaning to.
func bibEscape(s string) string { return bibSpecial.Replace(oneLine(s)) }

// bibSpecial escapes what TeX reads as commands. A Replacer is safe for
// every core at once, and costly to make, so there is one.
var bibSpecial = strings.NewReplacer(`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `&`, `\&`, `%`, `\%`, `$`, `\$`,
	`#`, `\#`, `_`, `\_`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`)

// bibtex is a @misc entry, which BibTeX and biblatex both read; the
// author is in double braces so that it is kept as one name.
func (c citation) bibtex() []byte {
	var b strings.Builder
	b.WriteString("@misc{" + c.key + ",\n")
	field := func(k, v string) {
		if v != "" {
			b.WriteString("  " + k + " = {" + v + "},\n")
		}
	}
	field("author", "{"+bibEscape(c.author)+"}")
	field("title", bibEscape(c.title))
	if !c.published.IsZero() {
		field("year", strconv.Itoa(c.published.Year()))
		field("date", isoDate(c.published))
	}
	field("publisher", bibEscape(c.author))
	field("url", c.url)
	field("howpublished", `\url{`+c.url+`}`)
	field("langid", strings.ToLower(c.lang))
	if !c.reviewed.IsZero() {
		field("note", "Last reviewed "+longDate(c.reviewed))
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// cslJSON is CSL-JSON: a list of one item of type webpage.
func (c citation) cslJSON() ([]byte, error) {
	item := map[string]any{
		"id":              c.key,
		"type":            "webpage",
		"title":           c.title,
		"author":          []map[string]string{{"literal": c.author}},
		"container-title": c.author,
		"publisher":       c.author,
		"URL":             c.url,
		"language":        c.lang,
		"abstract":        c.summary,
	}
	if p := c.published; !p.IsZero() {
		item["issued"] = map[string]any{"date-parts": [][]int{{p.Year(), int(p.Month()), p.Day()}}}
	}
	if !c.reviewed.IsZero() {
		item["note"] = "Last reviewed " + longDate(c.reviewed)
	}
	b, err := json.MarshalIndent([]any{item}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
