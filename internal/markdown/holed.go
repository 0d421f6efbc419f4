package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Holed is the HTML of a document whose links' and images' addresses are
// left as holes, filled in by Fill. A site knows where its links go only
// once every file is read, so a document rendered as soon as it is read
// is rendered with holes: it is then parsed once, not once to learn its
// facts and again to render.
type Holed struct {
	html  []byte
	holes []hole // in the order they stand in html
	links []Link // the document's links, as d.Links
	// again is set when a hole could not be told apart from the text
	// (see RenderHoled): Fill then renders the document again.
	again *Doc
	opt   RenderOptions
}

// hole is where, in html, the address of one of the links goes.
type hole struct{ at, link int }

// RenderHoled renders the document as Render does with opt, but for the
// addresses of its links and images: Fill gives them. opt.Dest is not
// used.
//
// Each address is rendered as a mark that the text cannot hold (its
// letters are in none of the source, the terms or the boxes), and the
// marks are then taken out. If the marks found are not exactly one pair
// for each link, the document is kept, released, to be rendered again by
// Fill: the result is the same either way.
func (d *Doc) RenderHoled(opt RenderOptions) *Holed {
	opt.Dest = nil
	if len(d.Links) == 0 {
		return &Holed{html: d.render(opt, nil)}
	}
	return d.renderHoled(opt, d.freeMark(opt))
}

// renderHoled is RenderHoled with the mark given.
func (d *Doc) renderHoled(opt RenderOptions, mark string) *Holed {
	h := &Holed{links: d.Links}
	out := d.render(opt, func(i int) string { return mark + strconv.Itoa(i) + mark })
	seen := make([]bool, len(d.Links))
	var b bytes.Buffer
	b.Grow(len(out))
	for rest := out; ; {
		i := bytes.Index(rest, []byte(mark))
		if i < 0 {
			b.Write(rest)
			break
		}
		b.Write(rest[:i])
		rest = rest[i+len(mark):]
		j := bytes.Index(rest, []byte(mark))
		n, err := strconv.Atoi(string(rest[:max(j, 0)]))
		if j < 0 || err != nil || n < 0 || n >= len(seen) || seen[n] {
			return &Holed{links: d.Links, again: d, opt: opt}
		}
		seen[n] = true
		h.holes = append(h.holes, hole{at: b.Len(), link: n})
		rest = rest[j+len(mark):]
	}
	if len(h.holes) != len(d.Links) {
		return &Holed{links: d.Links, again: d, opt: opt}
	}
	h.html = b.Bytes()
	return h
}

// freeMark is a run of letters found nowhere in what the HTML is made
// from but the renderer's own words, which hold no "zq".
func (d *Doc) freeMark(opt RenderOptions) string {
	in := func(m string) bool {
		if bytes.Contains(d.src, []byte(m)) {
			return true
		}
		for _, t := range opt.Terms {
			for _, s := range append([]string{t.Abbr, t.Title, t.URL, t.Hidden}, t.Phrases...) {
				if bytes.Contains([]byte(s), []byte(m)) {
					return true
				}
			}
		}
		for id, class := range opt.Boxes {
			if bytes.Contains([]byte(id+" "+class), []byte(m)) {
				return true
			}
		}
		return false
	}
	m := "zqhole"
	for in(m) {
		m += "q"
	}
	return m
}

// Alone reports whether Fill needs nothing more of the document: then
// the document's source may be let go (ForgetSource).
func (h *Holed) Alone() bool { return h.again == nil }

// ForgetSource lets go of the document's source and tree, keeping its
// facts (their positions are already worked out), once it is rendered
// with holes that Fill fills Alone. The document may not be rendered
// again: Render then gives nothing.
func (d *Doc) ForgetSource() {
	d.Release()
	d.src, d.lines = nil, nil
}

// Fill returns the HTML with the address dest gives each link, as Render
// with opt.Dest set to dest gives it.
func (h *Holed) Fill(dest func(Link) string) string {
	if h.again != nil {
		opt := h.opt
		opt.Dest = dest
		return string(h.again.Render(opt))
	}
	var b strings.Builder
	b.Grow(len(h.html) + 32*len(h.holes))
	last := 0
	for _, o := range h.holes {
		b.Write(h.html[last:o.at])
		// As goldmark writes an address: escaped for a URL, left out if
		// it could run a script, and escaped for HTML.
		to := util.URLEscape([]byte(dest(h.links[o.link])), true)
		if !html.IsDangerousURL(to) {
			b.Write(util.EscapeHTML(to))
		}
		last = o.at
	}
	b.Write(h.html[last:])
	return b.String()
}
