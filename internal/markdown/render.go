package markdown

import (
	"bytes"
	"html"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Term is a glossary term whose first use Render links.
type Term struct {
	Phrases []string // forms to recognise, matched ignoring case at word boundaries
	Abbr    string   // optional short form, matched exactly; shown as <abbr title="Title">
	Title   string   // the full name
	URL     string   // where the first use links
	// Hidden is said by screen readers after the term, inside the link, and
	// not shown: " (glossary)" tells a link to a definition from a link with
	// the same words to a page on that subject.
	Hidden string
}

// RenderOptions says what Render does beyond plain conversion.
type RenderOptions struct {
	// Dest returns the destination a link or image should have on the
	// page. Nil leaves every destination as written.
	Dest func(Link) string
	// Terms are linked on first use, outside headings, links and code.
	Terms []Term
	// Boxes puts sections in a box: the heading with this id, and all
	// that follows it up to the next heading of its level or higher,
	// become <section class="(the value)" aria-labelledby="(the id)">.
	Boxes map[string]string
}

// Render returns the HTML of the document. The tree of a document just
// parsed is rewritten in place, then let go (Release). A released document
// is parsed again for each Render and is not changed, so that it may be
// rendered any number of times, from any number of goroutines at once,
// each time to the same bytes for the same options.
func (d *Doc) Render(opt RenderOptions) []byte {
	var dest func(int) string
	if opt.Dest != nil {
		dest = func(i int) string { return opt.Dest(d.Links[i]) }
	}
	return d.render(opt, dest)
}

// render is Render with dest giving the address of the i-th of d.Links.
func (d *Doc) render(opt RenderOptions, dest func(i int) string) []byte {
	if d.lines == nil {
		return nil // the source was let go (ForgetSource)
	}
	root, nodes := d.root, []ast.Node(nil)
	if root == nil {
		// Parsing is deterministic, so the tree is the one the facts
		// were read from.
		root, nodes = d.reparse()
	} else {
		for _, l := range d.Links {
			nodes = append(nodes, l.node)
		}
		defer d.Release() // the tree is rendered: only the facts are kept
	}
	if dest != nil {
		for i := range d.Links {
			to := []byte(dest(i))
			switch n := nodes[i].(type) {
			case *ast.Link:
				n.Destination = to
			case *ast.Image:
				n.Destination = to
			}
		}
	}
	if len(opt.Terms) > 0 {
		d.linkTerms(root, opt.Terms)
	}
	if len(opt.Boxes) > 0 {
		box(root, opt.Boxes)
	}
	var b bytes.Buffer
	b.Grow(len(d.src) + len(d.src)/2) // HTML is about this much bigger than its Markdown
	if err := engine().Renderer().Render(&b, d.src, root); err != nil {
		// Rendering into a bytes.Buffer cannot fail; say so loudly if it does.
		panic("markdown: render: " + err.Error())
	}
	return b.Bytes()
}

// reparse parses the source again for rendering: the tree alone, marked
// as collect marks it (each heading's id, each table cell's alignment),
// with the node of each of d.Links, in order. The facts are d's already.
func (d *Doc) reparse() (ast.Node, []ast.Node) {
	if d.TooComplex != nil {
		return ast.NewDocument(), nil
	}
	root := engine().Parser().Parse(text.NewReader(d.src))
	nodes := make([]ast.Node, 0, len(d.Links))
	h := 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.SetAttributeString("id", []byte(d.Headings[h].ID))
			h++
		case *ast.Link, *ast.Image:
			nodes = append(nodes, n)
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *east.TableCell:
			markCell(n)
		}
		return ast.WalkContinue, nil
	})
	return root, nodes
}

// Release lets go of the document's syntax tree and keeps its facts;
// Render parses the source again. A caller that holds many documents at
// once between parsing and rendering (a site, whose links can only be
// checked once every page is read) keeps a few kilobytes of each rather
// than its whole tree, for the price of a second parse (or renders each
// with holes first: RenderHoled).
func (d *Doc) Release() {
	d.root = nil
	for i := range d.Links {
		d.Links[i].node = nil
	}
}

// match is one place a term was found in a text node.
type match struct {
	start, end int // byte offsets in the node's text
	term       int
	abbr       bool
}

// lookEverywhere, set by tests only, looks for every term in every text
// node, to hold the ruling out of terms (sourceWords) to what it saves.
var lookEverywhere = false

// linkTerms links the first use of each term. Text inside headings, links,
// images and code is left alone: a link there would nest or mislead.
func (d *Doc) linkTerms(root ast.Node, terms []Term) {
	used := make([]bool, len(terms))
	var texts []*ast.Text
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading, *ast.Link, *ast.Image, *ast.AutoLink, *ast.CodeSpan,
			*ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if !n.IsRaw() {
				texts = append(texts, n)
			}
		}
		return ast.WalkContinue, nil
	})
	// Each phrase is put in lower case once, not once per text.
	lowered := make([][][]byte, len(terms))
	for i, t := range terms {
		for _, p := range t.Phrases {
			lowered[i] = append(lowered[i], asciiLower([]byte(p)))
		}
	}
	// A term that is nowhere in the source is in no text node either
	// (a text node is a piece of the source), so it is not looked for in
	// each one: most pages use few of the glossary's terms.
	lowerSrc := asciiLower(d.src)
	lowAbbr := make([][]byte, len(terms))
	var firsts [][]byte
	for i, t := range terms {
		if t.Abbr != "" {
			lowAbbr[i] = asciiLower([]byte(t.Abbr))
			firsts = append(firsts, lowAbbr[i])
		}
		firsts = append(firsts, lowered[i]...)
	}
	inSource := firstWordsIn(lowerSrc, firsts)
	left := len(terms)
	for i, t := range terms {
		found := t.Abbr != "" && inSource.has(lowerSrc, lowAbbr[i]) && bytes.Contains(d.src, []byte(t.Abbr))
		for _, p := range lowered[i] {
			found = found || inSource.has(lowerSrc, p)
		}
		if !found && !lookEverywhere {
			used[i] = true
			left--
		}
	}
	for _, t := range texts {
		for t != nil && left > 0 {
			seg := t.Segment
			text, lower := seg.Value(d.src), []byte(nil)
			if seg.Padding == 0 {
				lower = lowerSrc[seg.Start:seg.Stop] // the node's text is that piece of the source
			} else {
				lower = asciiLower(text)
			}
			m, ok := firstMatch(text, lower, terms, lowered, used)
			if !ok {
				break
			}
			used[m.term] = true
			left--
			t = d.splitLink(t, m, terms[m.term])
		}
	}
}

// sourceWords are where the first words of the terms' phrases stand
// among the runs of ASCII letters and digits of a source in lower case. A
// term can be used in a text node only where a run of the source is the
// first such run of the term and the rest of the term follows: text nodes
// are pieces of the source that begin after a mark, a space or a line end,
// never inside a run, and a term is matched as a whole word. So looking a
// term up at the places its first word stands rules most terms out
// without searching the whole source for each.
type sourceWords map[string][]int

// firstWordsIn finds where the first word of each phrase stands among the
// runs of lower, the source in lower case.
func firstWordsIn(lower []byte, phrases [][]byte) sourceWords {
	w := sourceWords{}
	var starts [256]bool // the first letters of the words looked for
	for _, p := range phrases {
		if n := alnumRun(p); n > 0 {
			w[string(p[:n])] = nil
			starts[p[0]] = true
		}
	}
	for i := 0; i < len(lower); {
		n := alnumRun(lower[i:])
		if n == 0 {
			i++
			continue
		}
		if starts[lower[i]] {
			if at, ok := w[string(lower[i:i+n])]; ok {
				w[string(lower[i:i+n])] = append(at, i)
			}
		}
		i += n
	}
	return w
}

// has reports whether the phrase (in lower case) may be in the source.
func (w sourceWords) has(lower, phrase []byte) bool {
	n := alnumRun(phrase)
	if n == 0 {
		return bytes.Contains(lower, phrase)
	}
	for _, at := range w[string(phrase[:n])] {
		if bytes.HasPrefix(lower[at:], phrase) {
			return true
		}
	}
	return false
}

func alnumRun(s []byte) int {
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= '0' && s[n] <= '9') {
		n++
	}
	return n
}

// firstMatch finds the earliest use of any unused term in s, which is
// lower in lower case; at the same start the longest wins.
// lowered holds each term's phrases in lower case.
func firstMatch(s, lower []byte, terms []Term, lowered [][][]byte, used []bool) (match, bool) {
	best := match{start: -1}
	consider := func(m match) {
		if best.start < 0 || m.start < best.start || (m.start == best.start && m.end > best.end) {
			best = m
		}
	}
	for i, t := range terms {
		if used[i] {
			continue
		}
		for _, p := range lowered[i] {
			if at := indexPhrase(s, lower, p); at >= 0 {
				consider(match{start: at, end: at + len(p), term: i})
			}
		}
		if t.Abbr != "" {
			if at := indexWord(s, []byte(t.Abbr)); at >= 0 {
				consider(match{start: at, end: at + len(t.Abbr), term: i, abbr: true})
			}
		}
	}
	return best, best.start >= 0
}

// indexPhrase finds the first use of needle (lower case) in s, as a whole
// word and not inside a longer name; lower is s in lower case.
func indexPhrase(s, lower, needle []byte) int {
	for off := 0; off < len(s); {
		at := indexWord(lower[off:], needle)
		if at < 0 {
			return -1
		}
		at += off
		if !inName(s, at, at+len(needle)) {
			return at
		}
		off = at + 1
	}
	return -1
}

// inName reports whether s[start:end] is the start of a longer name, such
// as "Mental Health Social Care" in "Mental Health Social Care Incubator":
// every word of the match is capitalised and so is the word after it. A
// term is not linked there, since the name means something else.
func inName(s []byte, start, end int) bool {
	if end+1 >= len(s) || s[end] != ' ' || !upperAt(s, end+1) {
		return false
	}
	for i := start; i < end; i++ {
		if (i == start || s[i-1] == ' ') && !upperAt(s, i) {
			return false
		}
	}
	return true
}

// upperAt reports whether the letter that starts at s[i] is a capital,
// in any alphabet ("É" as well as "E").
func upperAt(s []byte, i int) bool {
	r, _ := utf8.DecodeRune(s[i:])
	return unicode.IsUpper(r)
}

// indexWord finds needle in s where it stands as a whole word.
func indexWord(s, needle []byte) int {
	if len(needle) == 0 {
		return -1
	}
	for off := 0; off < len(s); {
		i := bytes.Index(s[off:], needle)
		if i < 0 {
			return -1
		}
		at := off + i
		end := at + len(needle)
		if (at == 0 || !wordByte(s[at-1])) && (end == len(s) || !wordByte(s[end])) {
			return at
		}
		off = at + 1
	}
	return -1
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80
}

// asciiLower lower-cases s letter by letter, keeping byte offsets intact:
// a letter whose lower case takes another number of bytes is kept as it
// is. Despite the name, "Équipe" gives "équipe".
func asciiLower(s []byte) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if l := unicode.ToLower(r); r != utf8.RuneError && utf8.RuneLen(l) == n {
			b = utf8.AppendRune(b, l)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// splitLink replaces t by text, a link around the match, and the rest; it
// returns the rest (nil if none) so that later terms can be found in it.
func (d *Doc) splitLink(t *ast.Text, m match, term Term) *ast.Text {
	seg := t.Segment
	parent := t.Parent()
	linkSeg := text.NewSegment(seg.Start+m.start, seg.Start+m.end)
	link := ast.NewLink()
	link.Destination = []byte(term.URL)
	link.SetAttributeString("class", []byte("glossary-term"))
	inner := ast.NewTextSegment(linkSeg)
	if m.abbr {
		a := &abbr{Title: term.Title}
		a.AppendChild(a, inner)
		link.AppendChild(link, a)
	} else {
		link.AppendChild(link, inner)
	}
	if term.Hidden != "" {
		link.AppendChild(link, &hidden{Words: term.Hidden})
	}
	if m.start > 0 {
		before := ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+m.start))
		parent.InsertBefore(parent, t, before)
	}
	parent.InsertBefore(parent, t, link)
	if seg.Start+m.end == seg.Stop {
		if t.SoftLineBreak() || t.HardLineBreak() {
			// keep the line break after the link
			rest := ast.NewTextSegment(text.NewSegment(seg.Stop, seg.Stop))
			rest.SetSoftLineBreak(t.SoftLineBreak())
			rest.SetHardLineBreak(t.HardLineBreak())
			parent.ReplaceChild(parent, t, rest)
			return nil
		}
		parent.RemoveChild(parent, t)
		return nil
	}
	t.Segment = text.NewSegment(seg.Start+m.end, seg.Stop)
	return t
}

// box wraps each boxed section of the document's top level in a section
// node.
func box(root ast.Node, boxes map[string]string) {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok {
			continue
		}
		id, _ := h.AttributeString("id")
		idb, _ := id.([]byte)
		class, ok := boxes[string(idb)]
		if !ok {
			continue
		}
		sec := &section{Class: class, LabelledBy: string(idb)}
		root.InsertBefore(root, h, sec)
		for c := ast.Node(h); c != nil; {
			next := c.NextSibling()
			if o, isH := c.(*ast.Heading); isH && c != h && o.Level <= h.Level {
				break
			}
			root.RemoveChild(root, c)
			sec.AppendChild(sec, c)
			c = next
		}
		n = sec
	}
}

// section is a <section> around a boxed part of the document.
type section struct {
	ast.BaseBlock
	Class, LabelledBy string
}

var kindSection = ast.NewNodeKind("Section")

func (s *section) Kind() ast.NodeKind { return kindSection }

func (s *section) Dump(src []byte, level int) { ast.DumpHelper(s, src, level, nil, nil) }

func (r *siteRenderer) section(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	s := node.(*section)
	if entering {
		_, _ = w.WriteString(`<section class="` + html.EscapeString(s.Class) + `" aria-labelledby="` + html.EscapeString(s.LabelledBy) + "\">\n")
	} else {
		_, _ = w.WriteString("</section>\n")
	}
	return ast.WalkContinue, nil
}

// abbr is an inline <abbr title="..."> around a glossary abbreviation.
type abbr struct {
	ast.BaseInline
	Title string
}

var kindAbbr = ast.NewNodeKind("Abbr")

func (a *abbr) Kind() ast.NodeKind { return kindAbbr }

func (a *abbr) Dump(src []byte, level int) { ast.DumpHelper(a, src, level, nil, nil) }

// hidden is text for screen readers only: <span class="visually-hidden">.
type hidden struct {
	ast.BaseInline
	Words string
}

var kindHidden = ast.NewNodeKind("Hidden")

func (h *hidden) Kind() ast.NodeKind { return kindHidden }

func (h *hidden) Dump(src []byte, level int) { ast.DumpHelper(h, src, level, nil, nil) }

func (r *siteRenderer) hidden(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<span class="visually-hidden">` + html.EscapeString(node.(*hidden).Words) + "</span>")
	}
	return ast.WalkSkipChildren, nil
}

// siteRenderer renders raw HTML as nothing at all, and glossary <abbr>.
type siteRenderer struct{}

func (r *siteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, skip)
	reg.Register(ast.KindHTMLBlock, skip)
	reg.Register(kindAbbr, r.abbr)
	reg.Register(kindSection, r.section)
	reg.Register(kindHidden, r.hidden)
	reg.Register(east.KindTaskCheckBox, r.taskBox)
}

// taskBox shows a task list item's state as a symbol with words for
// screen readers, rather than a disabled checkbox with no label.
func (r *siteRenderer) taskBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*east.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<span class="task" aria-hidden="true">☑</span><span class="visually-hidden">Done:</span> `)
	} else {
		_, _ = w.WriteString(`<span class="task" aria-hidden="true">☐</span><span class="visually-hidden">Not done:</span> `)
	}
	return ast.WalkContinue, nil
}

func skip(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

func (r *siteRenderer) abbr(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<abbr title="` + html.EscapeString(node.(*abbr).Title) + `">`)
	} else {
		_, _ = w.WriteString("</abbr>")
	}
	return ast.WalkContinue, nil
}
