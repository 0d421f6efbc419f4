package content

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// Text that would reach the page by accident, and text that shuts some
// readers out. Markdown never fails: a link it cannot read, or a footnote
// with no note, is shown as the characters the editor typed. So the text
// of each paragraph (code left out) is searched for what only a broken
// link leaves behind. The rest are warnings about plain language and
// accessibility: link text that says nothing on its own, alt text that is
// a file name, a table without a header row, an abbreviation no one has
// spelt out.

var (
	// "[text](address)" that Markdown did not make a link.
	literalLink = regexp.MustCompile(`\[([^\[\]]+)\](\s*)\(([^()]*)\)`)
	// "[text][label]" with no "[label]: address" line.
	literalRef = regexp.MustCompile(`\[([^\[\]^]+)\]\[([^\[\]]*)\]`)
	// "[^1]" with no "[^1]: note" line.
	literalFootnote = regexp.MustCompile(`\[\^([^\[\]\s]+)\]`)
	romanNumeral    = regexp.MustCompile(`^[IVXLC]+$`)
	imageFileName   = regexp.MustCompile(`(?i)(^(img|dsc|image|pic|photo|screenshot|screen shot)[ _-]?\d+|\.(png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic)$)`)
)

var vagueLinkText = map[string]bool{
	"click here": true, "here": true, "click": true, "read more": true, "more": true, "this": true, "this link": true,
	"link": true, "learn more": true, "find out more": true, "more info": true, "more information": true,
	"this page": true, "page": true, "website": true, "this website": true, "read this": true, "see here": true,
	"go here": true, "click this link": true, "details": true, "continue": true, "continue reading": true,
}

var vagueAltText = map[string]bool{
	"image": true, "picture": true, "photo": true, "photograph": true, "img": true, "graphic": true,
	"screenshot": true, "icon": true, "alt": true, "alt text": true, "an image": true, "a picture": true,
	"a photo": true, "a photograph": true, "image of": true, "picture of": true, "photo of": true, "placeholder": true,
}

// proseNotes is what the text of one body gives the rules on prose and
// the reading grade. It is found when the file is read (readProse), while
// the text of each paragraph is at hand (markdown.Doc.Blocks); that text
// is then let go, since held for every file until the whole site is known
// it was the largest part of a build's memory. What depends on other
// files (which abbreviations are known, which files sit beside this one)
// and on the front matter (whether the page is a brief, or a draft) is
// decided when the notes are reported (reportProse).
type proseNotes struct {
	found        Diagnostics // problems of the text alone
	placeholders []proseUse  // the new brief template's example text
	spaced       []proseUse  // links shown as text for a space in the address: text and dest
	abbrs        []proseUse  // the first use of each abbreviation not spelt out: word and base
	grade        Readability
}

// proseUse is one thing found in the text, where it starts, and up to two
// of its words.
type proseUse struct {
	at   markdown.Pos
	a, b string
}

// parseBody parses a body, reads its prose notes, and lets go of the text
// of its paragraphs.
func parseBody(source string, body []byte, line int) (*markdown.Doc, proseNotes) {
	doc := markdown.Parse(body, line)
	notes := readProse(source, doc)
	doc.Blocks = nil
	return doc, notes
}

// readProse finds what the text of doc gives the prose rules.
func readProse(source string, doc *markdown.Doc) proseNotes {
	n := proseNotes{grade: readability(doc, 3)}
	d := diags{list: &n.found, file: source}
	seen := map[string]bool{}
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		n.spaced = literalLinks(d, b, n.spaced)
		for _, p := range Placeholders {
			if i := strings.Index(b.Text, p.Text); p.Key == "" && i >= 0 {
				n.placeholders = append(n.placeholders, proseUse{at: b.PosAt(i), a: p.Text})
			}
		}
		for _, m := range abbreviationsIn(b.Text) {
			w := b.Text[m[0]:m[1]]
			base := strings.TrimSuffix(w, "s")
			// The same word is decided the same way each time it comes, so
			// its first use is all abbreviations needs.
			if seen[w] || romanNumeral.MatchString(w) || len(base) < 2 || len(base) > 8 || strings.ToUpper(base) != base {
				continue
			}
			seen[w] = true
			if strings.Contains(doc.Text, "("+base+")") || strings.Contains(doc.Text, "("+base+"s)") || strings.Contains(doc.Text, base+" (") {
				continue
			}
			n.abbrs = append(n.abbrs, proseUse{at: b.PosAt(m[0]), a: strings.Clone(w), b: strings.Clone(base)})
		}
	}
	invisibleInBody(d, doc)
	for i := range n.grade.Longest {
		// Its own copy, so that the paragraph it was cut from goes.
		n.grade.Longest[i].Text = strings.Clone(n.grade.Longest[i].Text)
	}
	return n
}

// reportProse reports the prose problems of one body: its notes, and its
// links and tables; self is nil for a glossary entry.
func (l *loader) reportProse(source string, doc *markdown.Doc, notes proseNotes, self *Page) {
	d := l.diags(source)
	*l.list = append(*l.list, notes.found...)
	if self != nil && self.Kind == KindBrief && !self.Draft {
		for _, u := range notes.placeholders {
			d.errorf(u.at.Line, u.at.Col, "replace it with the text of the brief, or set draft: true until it is ready",
				"%q is the example text of the new brief template", u.a)
		}
	}
	for _, u := range notes.spaced {
		d.errorf(u.at.Line, u.at.Col, l.spacedLinkHint(source, u.a, u.b),
			"this link is shown as plain text, because its address %q has spaces in it", u.b)
	}
	for _, lk := range doc.Links {
		text := strings.ToLower(strings.Trim(strings.TrimSpace(lk.Text), ".,:;!?…"))
		switch {
		case lk.Image && (vagueAltText[text] || imageFileName.MatchString(lk.Text) ||
			text == strings.ToLower(strings.TrimSuffix(path.Base(lk.Dest), path.Ext(lk.Dest)))):
			d.warnf(lk.Pos.Line, lk.Pos.Col, "say what the picture shows, like ![A bar chart of council spending, 2015 to 2025](chart.png)",
				"the image's description %q does not say what it shows", lk.Text)
		case !lk.Image && vagueLinkText[text]:
			d.warnf(lk.Pos.Line, lk.Pos.Col, "use words that name where it goes, like [what councils do](councils-care-act-and-mental-health.md): screen reader users often hear links on their own",
				"the link text %q does not say where the link goes", lk.Text)
		case !lk.Image && looksLikeAddress(text):
			d.warnf(lk.Pos.Line, lk.Pos.Col, "give the link words that name the page, like [Shelter's advice on housing](https://www.shelter.org.uk)",
				"the link text is a web address, which a screen reader spells out")
		}
	}
	for _, lk := range doc.AutoLinks {
		if strings.HasPrefix(lk.Dest, "mailto:") {
			continue
		}
		d.warnf(lk.Pos.Line, lk.Pos.Col, fmt.Sprintf("give the link words that name the page, like [Shelter's advice on housing](%s)", lk.Dest),
			"the web address %q is shown as its own link text, which a screen reader spells out", lk.Text)
	}
	for _, t := range doc.Tables {
		if t.EmptyHeader {
			d.warnf(t.Pos.Line, t.Pos.Col, "put a heading for each column in the first row, so that screen reader users know what each cell is",
				"this table's header row is empty")
		}
	}
	for _, p := range doc.PipeRows {
		d.errorf(p.Line, p.Col, "add a line like | --- | --- | under the first row, which holds the column headings",
			"this looks like a table, but it has no header row, so it is shown as plain text")
	}
	if self != nil {
		l.abbreviations(d, notes.abbrs)
	}
}

// literalLinks reports link syntax that Markdown showed as text, but for
// a link with a space in its address, whose hint needs the files beside
// this one: that is added to spaced, which is returned.
func literalLinks(d diags, b *markdown.Block, spaced []proseUse) []proseUse {
	if strings.IndexByte(b.Text, '[') < 0 {
		return spaced // each of the three begins with "["
	}
	for _, m := range literalFootnote.FindAllStringSubmatchIndex(b.Text, -1) {
		pos, label := b.PosAt(m[0]), b.Text[m[2]:m[3]]
		d.errorf(pos.Line, pos.Col, fmt.Sprintf("add its note on a line of its own at the end, like: [^%s]: Where this fact comes from", label),
			"the footnote [^%s] has no note, so it is shown as plain text", label)
	}
	for _, m := range literalLink.FindAllStringSubmatchIndex(b.Text, -1) {
		pos := b.PosAt(m[0])
		text, gap, dest := b.Text[m[2]:m[3]], b.Text[m[4]:m[5]], strings.TrimSpace(b.Text[m[6]:m[7]])
		if strings.HasPrefix(text, "^") {
			continue
		}
		switch {
		case gap != "":
			d.errorf(pos.Line, pos.Col, fmt.Sprintf("take out the space: [%s](%s)", text, dest),
				"this link is shown as plain text, because there is a space between ] and (")
		case strings.ContainsAny(dest, " \t"):
			spaced = append(spaced, proseUse{at: pos, a: strings.Clone(text), b: strings.Clone(dest)})
		default:
			d.errorf(pos.Line, pos.Col, "write it as [text](address), with nothing between the brackets and no spaces in the address",
				"this looks like a link but is shown as plain text")
		}
	}
	for _, m := range literalRef.FindAllStringSubmatchIndex(b.Text, -1) {
		pos := b.PosAt(m[0])
		d.errorf(pos.Line, pos.Col, "write the address straight after the text, like [text](other-brief.md)",
			"this link is shown as plain text, because no line gives the address of [%s]", b.Text[m[4]:m[5]])
	}
	return spaced
}

// spacedLinkHint suggests the file an address with spaces most likely means.
func (l *loader) spacedLinkHint(source, text, dest string) string {
	if looksLikeAddress(dest) || strings.Contains(dest, "://") {
		return "write %20 for each space in a web address"
	}
	want := Slugify(strings.TrimSuffix(dest, ".md")) + ".md"
	var near []string
	for src := range l.bySource {
		if path.Dir(src) == path.Dir(source) && strings.HasSuffix(src, ".md") {
			near = append(near, path.Base(src))
		}
	}
	if c, ok := closest(want, near); ok {
		want = c
	}
	return fmt.Sprintf("link to the file name, which has hyphens for spaces: [%s](%s)", text, want)
}

// abbreviations warns at the first use of each abbreviation that has no
// glossary entry and is not spelt out on the page ("... (ICB)"), from the
// first uses readProse found.
func (l *loader) abbreviations(d diags, uses []proseUse) {
	known := l.abbreviationsKnown()
	seen := map[string]bool{}
	for _, u := range uses {
		w, base := u.a, u.b
		if seen[base] || known[w] || known[base] {
			continue
		}
		seen[base] = true
		d.warnf(u.at.Line, u.at.Col, fmt.Sprintf("spell it out at its first use, with (%s) after it, or add a glossary entry for it in content/glossary/; if every reader knows it, add it to known_abbreviations in site.yaml", base),
			"%q is an abbreviation with no glossary entry, and it is not spelt out on this page", base)
	}
}

// abbreviationsKnown is the abbreviations that need no spelling out:
// site.yaml's known_abbreviations and the glossary's titles, abbreviations
// and other forms, with what could be read of entries whose front matter
// has mistakes. It is made on first use, which must come before the
// files are looked at in parallel.
func (l *loader) abbreviationsKnown() map[string]bool {
	if l.knownAbbr == nil {
		l.knownAbbr = map[string]bool{}
		for _, a := range l.site.Config.Checks.KnownAbbreviations {
			l.knownAbbr[a] = true
		}
		for _, e := range l.site.Glossary {
			for _, w := range append([]string{e.Abbr, e.Title}, e.Also...) {
				l.knownAbbr[w] = true
			}
		}
		for _, e := range l.brokenEntries {
			for _, w := range e.names {
				l.knownAbbr[w] = true
			}
		}
	}
	return l.knownAbbr
}

// looksLikeAddress reports whether s is a web address without https://:
// "www.shelter.org.uk" or "shelter.org.uk/housing".
func looksLikeAddress(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.") {
		return true
	}
	host, _, _ := strings.Cut(s, "/")
	i := strings.LastIndexByte(host, '.')
	if i <= 0 || strings.ContainsAny(host, " ") {
		return false
	}
	return webEndings[host[i+1:]]
}

// webEndings are the last part of common web addresses; a link such as
// "nhs.uk/mental-health" is a web address, not a file.
var webEndings = map[string]bool{
	"uk": true, "com": true, "org": true, "net": true, "gov": true, "nhs": true, "info": true, "io": true,
	"eu": true, "int": true, "edu": true, "ac": true, "ie": true, "scot": true, "wales": true, "cymru": true,
	"london": true, "co": true, "us": true, "ca": true, "au": true, "nz": true, "de": true, "fr": true, "nl": true,
	"app": true, "dev": true, "me": true, "tv": true, "news": true,
}

// abbreviationsIn finds each abbreviation in text, as [start, end): a
// capital, then capitals, digits or "&", ending in a capital or digit, with
// an optional plural "s", as a whole word ("ICB", "ICBs", "A&E", "S117").
// It is the regular expression \b[A-Z][A-Z0-9&]*[A-Z0-9]s?\b, written out
// because it runs over every paragraph of the hub.
func abbreviationsIn(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); i++ {
		if !isUpper(text[i]) || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		run := i + 1
		for run < len(text) && (isUpper(text[run]) || isDigit(text[run]) || text[run] == '&') {
			run++
		}
		end := 0
		for k := run; k >= i+2 && end == 0; k-- {
			switch c := text[k-1]; {
			case !isUpper(c) && !isDigit(c):
			case k == run && k < len(text) && text[k] == 's' && (k+1 == len(text) || !isWordByte(text[k+1])):
				end = k + 1
			case k == len(text) || !isWordByte(text[k]):
				end = k
			}
		}
		if end > 0 {
			out = append(out, [2]int{i, end})
			i = end - 1
		}
	}
	return out
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordByte is a character of a word as \b counts them.
func isWordByte(c byte) bool {
	return isUpper(c) || isDigit(c) || 'a' <= c && c <= 'z' || c == '_'
}
