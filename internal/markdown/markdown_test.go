package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/alongside-hub/alongside/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ files of the golden tests")

// TestGolden parses each testdata/*.txtar's input.md (whose body starts on
// line 5 of its file, as after a four-line front matter) and compares the
// facts and the HTML with want/facts and want/html. A "terms" file gives
// glossary terms, one per line: URL|Title|Abbr|phrase;phrase. A "boxes"
// file gives sections to box, one per line: heading-id|class.
func TestGolden(t *testing.T) {
	txtar.RunGolden(t, "testdata/*.txtar", *update, func(t *testing.T, a *txtar.Archive) map[string]string {
		var input, terms []byte
		var boxes map[string]string
		for _, f := range a.Files {
			switch f.Name {
			case "input.md":
				input = f.Data
			case "terms":
				terms = f.Data
			case "boxes":
				boxes = map[string]string{}
				for _, l := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
					id, class, _ := strings.Cut(l, "|")
					boxes[id] = class
				}
			}
		}
		doc := Parse(input, 5)
		return map[string]string{
			"want/facts": facts(doc),
			"want/html":  string(doc.Render(RenderOptions{Terms: parseTerms(terms), Dest: rewriteMD, Boxes: boxes})),
		}
	})
}

// rewriteMD turns "x.md" into "../x/", as the site would, so that the test
// shows destinations being rewritten.
func rewriteMD(l Link) string {
	if strings.HasSuffix(l.Dest, ".md") {
		return "../" + strings.TrimSuffix(l.Dest, ".md") + "/"
	}
	return l.Dest
}

func facts(d *Doc) string {
	var b strings.Builder
	for _, h := range d.Headings {
		fmt.Fprintf(&b, "%d:%d heading h%d #%s %q\n", h.Pos.Line, h.Pos.Col, h.Level, h.ID, h.Text)
	}
	for _, l := range d.Links {
		kind := "link"
		if l.Image {
			kind = "image"
		}
		fmt.Fprintf(&b, "%d:%d %s %q text %q\n", l.Pos.Line, l.Pos.Col, kind, l.Dest, l.Text)
	}
	for _, p := range d.RawHTML {
		fmt.Fprintf(&b, "%d:%d raw html\n", p.Line, p.Col)
	}
	fmt.Fprintf(&b, "words %d\n", len(strings.Fields(d.Text)))
	return b.String()
}

func parseTerms(b []byte) []Term {
	var ts []Term
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 4 {
			continue
		}
		ts = append(ts, Term{URL: f[0], Title: f[1], Abbr: f[2], Phrases: strings.Split(f[3], ";"), Hidden: " (glossary)"})
	}
	return ts
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"What helps", "what-helps"},
		{"What's next?", "whats-next"},
		{"  Leading and trailing  ", "leading-and-trailing"},
		{"Section 117: aftercare", "section-117-aftercare"},
		{"Café société", "cafe-societe"},
		{"“Being alongside people”", "being-alongside-people"},
		{"A--B", "a-b"},
		{"日本語", ""},
		{"", ""},
		{"Unpaid carers", "unpaid-carers"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUniqueIDs(t *testing.T) {
	doc := Parse([]byte("## Notes\n\n## Notes\n\n## Notes-1\n\n## \n"), 1)
	var ids []string
	for _, h := range doc.Headings {
		ids = append(ids, h.ID)
	}
	if got, want := strings.Join(ids, " "), "notes notes-1 notes-1-1 section"; got != want {
		t.Errorf("ids = %q, want %q", got, want)
	}
}

// TestRenderAgain renders each golden input once as parsed, then again
// released, twice at once: every time the same bytes, and the facts left
// as they were.
func TestRenderAgain(t *testing.T) {
	for _, in := range goldenInputs() {
		doc := Parse(in, 1)
		var opt RenderOptions
		if len(doc.Headings) > 0 {
			opt.Boxes = map[string]string{doc.Headings[0].ID: "box"}
		}
		opt.Dest = func(l Link) string { return "/to/" + l.Dest }
		opt.Terms = []Term{{Phrases: []string{"the"}, Title: "The", URL: "/glossary/#the"}}
		facts := docFacts(doc)
		first := doc.Render(opt)
		if again := docFacts(doc); again != facts {
			t.Fatalf("Render changed the facts:\n%s\n%s", facts, again)
		}
		var wg sync.WaitGroup
		var twice [2][]byte
		for i := range twice {
			wg.Add(1)
			go func() {
				defer wg.Done()
				twice[i] = doc.Render(opt)
			}()
		}
		wg.Wait()
		for _, b := range twice {
			if !bytes.Equal(b, first) {
				t.Fatalf("rendered again:\n%s\nfirst:\n%s", b, first)
			}
		}
	}
}

// docFacts prints what a document says of its body.
func docFacts(d *Doc) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%+v\n%q\n%+v %+v %+v\n", d.Headings, d.Text, d.AutoLinks, d.Tables, d.PipeRows)
	for _, l := range d.Links {
		fmt.Fprintf(&b, "%q %q %v %+v\n", l.Dest, l.Text, l.Image, l.Pos)
	}
	return b.String()
}

// goldenInputs are the Markdown inputs of the golden archives.
func goldenInputs() [][]byte {
	var out [][]byte
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		raw, _ := os.ReadFile(file)
		for _, fl := range txtar.Parse(raw).Files {
			if fl.Name == "input.md" {
				out = append(out, fl.Data)
			}
		}
	}
	return out
}

// inFile fails unless p is a place in src: a line that exists and a
// column at most one past its last character.
func inFile(t *testing.T, src []byte, p Pos, what string) {
	t.Helper()
	lines := bytes.Split(LoneCRToLF(src), []byte("\n"))
	if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > utf8.RuneCount(lines[p.Line-1])+1 {
		t.Fatalf("%s position %v is not in the text (%d lines)", what, p, len(lines))
	}
}

// FuzzParse: any bytes parse without panic, every fact's position is in
// the text, and parsing twice gives the same facts and the same HTML.
// The seeds include a small version of each shape that the limits stop.
func FuzzParse(f *testing.F) {
	for _, in := range goldenInputs() {
		f.Add(in)
	}
	for _, s := range []string{strings.Repeat("*a_", 400), strings.Repeat("[a](", 400), strings.Repeat(">", 30), strings.Repeat("- ", 30),
		"|a|b|\n|-|-|\n|x|\n", strings.Repeat("x[^1] ", 10) + "\n\n[^1]: n\n", "a\rb\r\r## c\r", "[a](<" + strings.Repeat("x", 50), "![a](https://x/p.png)"} {
		f.Add([]byte(s))
	}
	terms := []Term{{Phrases: []string{"care", "social care"}, Abbr: "AMHP", Title: "T", URL: "#t"}}
	f.Fuzz(func(t *testing.T, src []byte) {
		start := time.Now()
		doc := Parse(src, 1)
		// Not a speed test: a bound so far above the real cost (well under
		// a millisecond here) that only a runaway parse reaches it, which
		// the fuzzer then keeps as a crasher.
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("parsing %d bytes took %v", len(src), d)
		}
		for _, h := range doc.Headings {
			inFile(t, src, h.Pos, "heading")
		}
		for _, l := range doc.Links {
			inFile(t, src, l.Pos, "link")
		}
		for _, p := range doc.RawHTML {
			inFile(t, src, p, "raw HTML")
		}
		if c := doc.TooComplex; c != nil {
			inFile(t, src, c.Pos, "limit")
		}
		again := Parse(src, 1)
		facts := func(d *Doc) string {
			s := fmt.Sprint(d.Headings, d.RawHTML, d.Text, d.TooComplex)
			for _, l := range d.Links {
				s += fmt.Sprint(l.Dest, l.Text, l.Image, l.Pos)
			}
			return s
		}
		if facts(doc) != facts(again) {
			t.Fatalf("two parses give different facts")
		}
		a, b := doc.Render(RenderOptions{Terms: terms}), again.Render(RenderOptions{Terms: terms})
		if !bytes.Equal(a, b) {
			t.Fatalf("two renders differ:\n%s\n---\n%s", a, b)
		}
		dest := func(l Link) string { return "../x/" + l.Dest }
		want := Parse(src, 1).Render(RenderOptions{Terms: terms, Dest: dest})
		if got := Parse(src, 1).RenderHoled(RenderOptions{Terms: terms}).Fill(dest); got != string(want) {
			t.Fatalf("rendered with holes:\n%s\n---\nwant\n%s", got, want)
		}
		if utf8.Valid(src) && !utf8.Valid(a) {
			t.Fatalf("valid text rendered as invalid UTF-8: %q", a)
		}
	})
}

// FuzzTerms links any glossary term in any text: no panic, the same HTML
// twice, valid UTF-8 kept valid, and each term linked at most once.
func FuzzTerms(f *testing.F) {
	f.Add("An AMHP decides about social care.", "social care", "AMHP")
	f.Add("Équipe mobile and the équipe mobile", "Équipe mobile", "")
	f.Add("24-hour crisis line, then the 24-hour crisis line", "24-hour crisis line", "24h")
	f.Add("İstanbul ıi KELVİN", "i̇stanbul", "İ")
	f.Fuzz(func(t *testing.T, text, phrase, abbr string) {
		terms := []Term{{Phrases: []string{phrase}, Abbr: abbr, Title: "Title", URL: "../glossary/#x"}}
		src := []byte(text)
		a := Parse(src, 1).Render(RenderOptions{Terms: terms})
		b := Parse(src, 1).Render(RenderOptions{Terms: terms})
		if !bytes.Equal(a, b) {
			t.Fatalf("two renders differ")
		}
		if utf8.Valid(src) && utf8.ValidString(phrase) && !utf8.Valid(a) {
			t.Fatalf("invalid UTF-8 from %q: %q", text, a)
		}
		if n := bytes.Count(a, []byte(`class="glossary-term"`)); n > 1 {
			t.Fatalf("the term was linked %d times in %q: %s", n, text, a)
		}
		if c := everywhere(src, terms); !bytes.Equal(a, c) {
			t.Fatalf("ruling terms out changed the page:\n%s\nlooking everywhere:\n%s", a, c)
		}
	})
}

// everywhere renders src looking for every term in every text node.
func everywhere(src []byte, terms []Term) []byte {
	lookEverywhere = true
	defer func() { lookEverywhere = false }()
	return Parse(src, 1).Render(RenderOptions{Terms: terms})
}

// TestTermsRuledOut holds the ruling out of terms that a page cannot use
// to looking for every term in every text node, on random pages of words,
// marks and names that take and miss the terms in many ways.
func TestTermsRuledOut(t *testing.T) {
	words := strings.Fields("care Care CARE carer carers careful healthcare act Act act's the of a an mental Mental health " +
		"Health social Social AMHP amhp AMHPs Équipe équipe mobile café cafe 24-hour crisis line s117 S117 aftercare after-care " +
		"Incubator Trust advocacy advocate İstanbul")
	marks := []string{" ", " ", " ", "\n", ", ", ". ", "*", "**", "_", "`", "(", ")", "-", "'", "[", "](x.md) ", "\n\n## ", "\n\n- ", "\n\n> ", "&amp;", "\\"}
	terms := []Term{
		{Phrases: []string{"care act", "the care act"}, Title: "Care Act", URL: "/g/#ca"},
		{Phrases: []string{"approved mental health professional"}, Abbr: "AMHP", Title: "Approved mental health professional", URL: "/g/#amhp"},
		{Phrases: []string{"mental health social care"}, Title: "Mental health social care", URL: "/g/#mhsc"},
		{Phrases: []string{"équipe mobile"}, Title: "Équipe mobile", URL: "/g/#em"},
		{Phrases: []string{"24-hour crisis line"}, Abbr: "24h", Title: "24-hour crisis line", URL: "/g/#24"},
		{Phrases: []string{"section 117 aftercare", "s117"}, Abbr: "S117", Title: "Section 117 aftercare", URL: "/g/#s117"},
		{Phrases: []string{"advocacy"}, Title: "Advocacy", URL: "/g/#adv"},
		{Phrases: []string{"café"}, Title: "Café", URL: "/g/#cafe"},
	}
	r := rand.New(rand.NewPCG(12, 0))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := r.IntN(40); k >= 0; k-- {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(marks[r.IntN(len(marks))])
		}
		src := []byte(b.String())
		if a, c := Parse(src, 1).Render(RenderOptions{Terms: terms}), everywhere(src, terms); !bytes.Equal(a, c) {
			t.Fatalf("ruling terms out changed the page of %q:\n%s\nlooking everywhere:\n%s", src, a, c)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"What helps", "Café", "a--b", "--", "’"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if Slug(got) != got {
			t.Fatalf("Slug(%q) = %q is not stable", s, got)
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Slug(%q) = %q has stray hyphens", s, got)
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Slug(%q) = %q has %q", s, got, r)
			}
		}
	})
}

// A released document renders the same HTML as one that was not.
func TestReleaseRendersTheSame(t *testing.T) {
	src := []byte("# T\n\nSee [a](a.md) and [b](b.md#x), the care act.\n\n## Part\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote.[^1]\n\n[^1]: A note with a [link](c.md).\n")
	dest := func(l Link) string { return "/x/" + l.Dest }
	terms := []Term{{Phrases: []string{"care act"}, Title: "Care Act", URL: "/g/#ca"}}
	want := string(Parse(src, 3).Render(RenderOptions{Dest: dest, Terms: terms}))
	d := Parse(src, 3)
	d.Release()
	if got := string(d.Render(RenderOptions{Dest: dest, Terms: terms})); got != want {
		t.Errorf("after Release:\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(want, `href="/x/b.md#x"`) || !strings.Contains(want, `href="/g/#ca"`) {
		t.Errorf("the test's HTML lacks what it compares:\n%s", want)
	}
}

// TestSmartQuotesInText: plain text and heading ids have the typographer's
// characters, never the entities it renders them as.
func TestSmartQuotesInText(t *testing.T) {
	doc := Parse([]byte("## Councils' duty\n\nThe carers' \"right\" -- and more...\n"), 1)
	if h := doc.Headings[0]; h.Text != "Councils’ duty" || h.ID != "councils-duty" {
		t.Errorf("heading %q with id %q, want \"Councils’ duty\" and \"councils-duty\"", h.Text, h.ID)
	}
	if want := "Councils’ duty\nThe carers’ “right” – and more…\n"; doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
}

// TestRenderHoled holds RenderHoled and Fill to Render, on every golden
// input, with addresses of every kind: as written, rewritten, with
// characters to escape, and one that could run a script; and when the
// marks cannot be told from the text, which renders the document again.
func TestRenderHoled(t *testing.T) {
	dests := map[string]func(Link) string{
		"as written": func(l Link) string { return l.Dest },
		"rewritten":  func(l Link) string { return "../../to/" + l.Dest + "#part" },
		"escaped":    func(l Link) string { return `a b"é<&>` + l.Dest },
		"a script":   func(l Link) string { return "javascript:alert(1)" },
	}
	inputs := append(goldenInputs(), []byte("See [a](a.md), ![b](b.png) and [zqhole1zqhole](zqhole.md).[^1]\n\n[^1]: A [note](c.md) with zqholeq.\n"))
	for k, in := range inputs {
		opt := RenderOptions{Terms: []Term{{Phrases: []string{"the"}, Title: "The", URL: "/g/#the"}}}
		if d := Parse(in, 1); len(d.Headings) > 0 {
			opt.Boxes = map[string]string{d.Headings[0].ID: "box"}
		}
		holed := Parse(in, 1).RenderHoled(opt)
		forced := Parse(in, 1).renderHoled(opt, "a") // "a" is in the text: the marks cannot be told apart
		for name, dest := range dests {
			o := opt
			o.Dest = dest
			want := Parse(in, 1).Render(o)
			if got := holed.Fill(dest); got != string(want) {
				t.Errorf("input %d, %s:\n%s\nwant\n%s", k, name, got, want)
			}
			if got := forced.Fill(dest); got != string(want) {
				t.Errorf("input %d, %s, rendered again:\n%s\nwant\n%s", k, name, got, want)
			}
		}
		if d := Parse(in, 1); len(d.Links) > 0 && (holed.again != nil || forced.again == nil) {
			t.Errorf("input %d: holes %v kept, forced %v kept: want the holes kept and the forced ones not", k, holed.again == nil, forced.again == nil)
		}
	}
}
