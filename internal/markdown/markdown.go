// Package markdown turns one Markdown body into HTML and the facts the site
// needs about it. It knows nothing of the site: it does not know which files
// exist, what a URL is, or what a glossary is for.
//
// The rules:
//
//   - Parse reads CommonMark plus GitHub tables, strikethrough, autolinks and
//     task lists, footnotes and smart quotes. It never fails: any input gives
//     a document.
//   - Every fact (heading, link, image, raw HTML) carries its position in the
//     file, as a 1-based line and a 1-based column counted in characters, not
//     bytes. Parse is told the line the body starts on, so positions point
//     into the editor's file, front matter included.
//   - Heading ids are made from the heading text (see Slug), are stable, and
//     are made unique within the document with -1, -2, ... suffixes. Headings
//     carry no visible self-link: a screen reader would read it as part of
//     every heading. Pages reach sections through the table of contents.
//   - A body goes through goldmark only if it is within the limits of
//     limits.go (size, nesting, emphasis marks and brackets per paragraph
//     and in all, link addresses, footnotes, link definitions, table
//     cells), so that time and memory stay bounded on any input; otherwise
//     the document is empty and Doc.TooComplex says where and why.
//   - A lone carriage return ends a line, as CommonMark and editors say.
//   - Raw HTML is never passed through. It is reported as a fact and renders
//     as nothing, so an editor's stray tag cannot break a page.
//   - Render is called once the caller has decided where each link goes and
//     which glossary terms to link. It rewrites link destinations, links the
//     first use of each term outside headings, links and code, and returns
//     HTML. A released document (Release) is parsed again for each Render
//     and is not changed by it.
//   - A caller that knows the glossary terms but not yet where the links go
//     renders with holes for the addresses (RenderHoled) and fills them in
//     later (Fill), to the same bytes Render would give: the document is
//     then parsed once.
package markdown

import (
	"bytes"
	"html"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Pos is a position in a source file. Line and Col are 1-based; Col counts
// characters (runes), so it matches what an editor's cursor shows.
type Pos struct {
	Line, Col int
}

// Heading is one heading of the document.
type Heading struct {
	Level int    // 1 to 6
	Text  string // plain text, as a reader sees it
	ID    string // unique within the document
	Pos   Pos
}

// Link is one link or image destination as the editor wrote it.
type Link struct {
	Dest  string // as written, unescaped
	Text  string // plain text of the link (alt text for an image)
	Image bool
	Pos   Pos

	node ast.Node // *ast.Link or *ast.Image, for Render to rewrite
}

// Table is one table of the document.
type Table struct {
	Pos         Pos
	EmptyHeader bool // every cell of the header row is empty
}

// Doc is a parsed Markdown body.
type Doc struct {
	Headings []Heading
	Links    []Link
	RawHTML  []Pos   // where raw HTML was written; it renders as nothing
	Text     string  // plain text of the whole body, for word counts and search
	Blocks   []Block // the text of each paragraph, list item, heading and table cell
	// AutoLinks are bare web addresses in the text, made into links.
	AutoLinks []Link
	// Tables are where each table starts, and whether its header row is empty.
	Tables []Table
	// PipeRows are paragraphs whose lines all start with "|": a table
	// without the line of dashes under its header row, shown as text.
	PipeRows []Pos

	// TooComplex is set when the body goes over a limit (limits.go); the
	// document is then empty.
	TooComplex *Complexity

	src   []byte
	root  ast.Node
	lines []int // byte offset where each line of src starts; nil once the source is let go (ForgetSource)
	line0 int   // file line of the first line of src
}

// engine is the one goldmark set-up, made on first use and then only
// read: goldmark's parser and renderer keep the state of a document in a
// context of its own, so one set-up serves every core at once, and making
// one per document (it allocates its tables afresh) is avoided.
var engine = sync.OnceValue(newParser)

func newParser() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough, extension.Linkify,
			extension.TaskList, newTypographer(),
			extension.NewFootnote(extension.WithFootnoteBacklinkHTML(
				`<span aria-hidden="true">↩</span><span class="visually-hidden">Back to the text</span>`)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(&siteRenderer{}, 100)),
		),
	)
}

// typographer makes smart punctuation as the characters themselves, not
// as HTML entities ("’", not "&rsquo;"). An entity is markup, and text
// taken from the tree (heading text for the contents and ids, link text,
// search text) would show it escaped a second time, as "&amp;rsquo;", or
// make ids such as "whats-next" into "what-rsquo-s-next".
func newTypographer() goldmark.Extender {
	return extension.NewTypographer(extension.WithTypographicSubstitutions(extension.TypographicSubstitutions{
		extension.LeftSingleQuote:  []byte("‘"),
		extension.RightSingleQuote: []byte("’"),
		extension.LeftDoubleQuote:  []byte("“"),
		extension.RightDoubleQuote: []byte("”"),
		extension.EnDash:           []byte("–"),
		extension.EmDash:           []byte("—"),
		extension.Ellipsis:         []byte("…"),
		extension.LeftAngleQuote:   []byte("«"),
		extension.RightAngleQuote:  []byte("»"),
		extension.Apostrophe:       []byte("’"),
	}))
}

// Parse parses body, whose first line is line firstLine of its file.
// Invalid UTF-8 should be reported by the caller before; Parse still copes.
// A lone carriage return ends a line, as in editors and CommonMark. A body
// over one of the limits (see limits.go) is not parsed: the document is
// empty and TooComplex says why.
func Parse(body []byte, firstLine int) *Doc {
	body = LoneCRToLF(body)
	d := &Doc{src: body, line0: firstLine}
	d.lines = append(d.lines, 0)
	for i, b := range body {
		if b == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	if c, at := scanLimits(body); c != nil {
		c.Pos = d.pos(at)
		d.TooComplex = c
		d.root = ast.NewDocument()
		return d
	}
	d.root = engine().Parser().Parse(text.NewReader(body))
	d.collect()
	d.collectBlocks()
	return d
}

// LoneCRToLF returns src with each carriage return that is not followed
// by a line feed made a line feed, so that every line ends in "\n" and
// byte offsets stay the same. src is copied only if it has one.
func LoneCRToLF(src []byte) []byte {
	out := src
	for i, c := range src {
		if c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			if &out[0] == &src[0] {
				out = bytes.Clone(src)
			}
			out[i] = '\n'
		}
	}
	return out
}

// pos converts a byte offset in src into a file position; once the source
// is let go (ForgetSource), every offset is at the body's first line.
func (d *Doc) pos(off int) Pos {
	if len(d.lines) == 0 {
		return Pos{Line: d.line0, Col: 1}
	}
	if off < 0 {
		off = 0
	}
	if off > len(d.src) {
		off = len(d.src)
	}
	// binary search for the line holding off
	lo, hi := 0, len(d.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := utf8.RuneCount(d.src[d.lines[lo]:off]) + 1
	return Pos{Line: d.line0 + lo, Col: col}
}

// blockPos is the position of a block node: its first line's first byte.
func (d *Doc) blockPos(n ast.Node) Pos {
	if p := n.Pos(); p >= 0 {
		return d.pos(p)
	}
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return d.pos(l.At(0).Start)
	}
	return d.pos(0)
}

func (d *Doc) collect() {
	ids := map[string]int{}
	var txt bytes.Buffer
	txt.Grow(len(d.src)) // the text is a little shorter than its Markdown
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock && txt.Len() > 0 && txt.Bytes()[txt.Len()-1] != '\n' {
				txt.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			t := plainText(n, d.src)
			id := uniqueID(Slug(t), ids)
			n.SetAttributeString("id", []byte(id))
			d.Headings = append(d.Headings, Heading{Level: n.Level, Text: t, ID: id, Pos: d.blockPos(n)})
		case *ast.Link:
			d.Links = append(d.Links, Link{Dest: string(n.Destination), Text: plainText(n, d.src), Pos: d.pos(n.Pos()), node: n})
		case *ast.Image:
			d.Links = append(d.Links, Link{Dest: string(n.Destination), Text: plainText(n, d.src), Image: true, Pos: d.pos(n.Pos()), node: n})
		case *ast.AutoLink:
			d.AutoLinks = append(d.AutoLinks, Link{Dest: string(n.URL(d.src)), Text: string(n.Label(d.src)), Pos: d.pos(n.Pos())})
		case *east.Table:
			t := Table{Pos: d.blockPos(n), EmptyHeader: true}
			if h := n.FirstChild(); h != nil {
				for c := h.FirstChild(); c != nil; c = c.NextSibling() {
					if plainText(c, d.src) != "" {
						t.EmptyHeader = false
					}
				}
			}
			d.Tables = append(d.Tables, t)
		case *ast.Paragraph:
			if l := n.Lines(); l.Len() >= 2 {
				pipes := true
				for i := 0; i < l.Len(); i++ {
					seg := l.At(i)
					if !bytes.HasPrefix(bytes.TrimSpace(seg.Value(d.src)), []byte("|")) {
						pipes = false
					}
				}
				if pipes {
					d.PipeRows = append(d.PipeRows, d.blockPos(n))
				}
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				d.RawHTML = append(d.RawHTML, d.pos(n.Segments.At(0).Start))
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			d.RawHTML = append(d.RawHTML, d.blockPos(n))
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			txt.Write(n.Segment.Value(d.src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				txt.WriteByte(' ')
			}
		case *ast.String:
			txt.WriteString(stringText(n))
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			txt.Write(n.Lines().Value(d.src))
		case *east.TableCell:
			markCell(n)
		}
		return ast.WalkContinue, nil
	})
	d.Text = txt.String()
}

// markCell gives a table cell its alignment: a class, not a style
// attribute, since the pages' Content Security Policy allows no inline
// styles.
func markCell(n *east.TableCell) {
	if n.Alignment != east.AlignNone {
		n.SetAttributeString("class", []byte("align-"+n.Alignment.String()))
	}
}

// uniqueID returns id, or id-1, id-2, ... if id was taken before.
func uniqueID(id string, seen map[string]int) string {
	if id == "" {
		id = "section"
	}
	if seen[id] == 0 {
		seen[id] = 1
		return id
	}
	for n := seen[id]; ; n++ {
		c := id + "-" + itoa(n)
		if seen[c] == 0 {
			seen[c] = 1
			seen[id] = n + 1
			return c
		}
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for n >= 10 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	b[i] = byte('0' + n)
	return string(b[i:])
}

// stringText is the text a reader sees of a String node. A node marked
// as code holds HTML (an extension's entity, say), which is decoded once
// here so that it is never escaped twice.
func stringText(n *ast.String) string {
	if n.IsCode() {
		return html.UnescapeString(string(n.Value))
	}
	return string(n.Value)
}

// plainText is the text a reader sees inside n.
func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(stringText(c))
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return string(bytes.TrimSpace(b.Bytes()))
}
