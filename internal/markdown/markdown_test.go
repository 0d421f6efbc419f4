package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ files of the golden tests")

// TestGolden parses each testdata/*.txtar's input.md (whose body starts on
// line 5 of its file, as after a four-line front matter) and compares the
// facts and the HTML with want/facts and want/html. A "terms" file gives
// glossary terms, one per line: URL|Title|Abbr|phrase;phrase.
func TestGolden(t *testing.T) {
	txtar.RunGolden(t, "testdata/*.txtar", *update, func(t *testing.T, a *txtar.Archive) map[string]string {
		var input, terms []byte
		for _, f := range a.Files {
			switch f.Name {
			case "input.md":
				input = f.Data
			case "terms":
				terms = f.Data
			}
		}
		doc := Parse(input, 5)
		return map[string]string{
			"want/facts": facts(doc),
			"want/html":  string(doc.Render(RenderOptions{Terms: parseTerms(terms), Dest: rewriteMD})),
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
		ts = append(ts, Term{URL: f[0], Title: f[1], Abbr: f[2], Phrases: strings.Split(f[3], ";")})
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

func TestRenderTwicePanics(t *testing.T) {
	doc := Parse([]byte("x"), 1)
	doc.Render(RenderOptions{})
	defer func() {
		if recover() == nil {
			t.Error("second Render did not panic")
		}
	}()
	doc.Render(RenderOptions{})
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		raw, _ := os.ReadFile(file)
		for _, fl := range txtar.Parse(raw).Files {
			if fl.Name == "input.md" {
				f.Add(fl.Data)
			}
		}
	}
	terms := []Term{{Phrases: []string{"care", "social care"}, Abbr: "AMHP", Title: "T", URL: "#t"}}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := Parse(src, 1)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, h := range doc.Headings {
			if h.Pos.Line < 1 || h.Pos.Line > lines || h.Pos.Col < 1 {
				t.Fatalf("heading position %v out of range", h.Pos)
			}
		}
		for _, l := range doc.Links {
			if l.Pos.Line < 1 || l.Pos.Line > lines || l.Pos.Col < 1 {
				t.Fatalf("link position %v out of range", l.Pos)
			}
		}
		doc.Render(RenderOptions{Terms: terms})
	})
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
