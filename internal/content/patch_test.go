package content

import (
	"testing"
	"testing/fstest"
)

// TestPatch holds Patch to its rule: a change to a body alone, with the
// same links and headings, is patched, and the Site and problems are
// those of a fresh Load; any other change is refused and changes nothing.
func TestPatch(t *testing.T) {
	const front = "---\ntitle: Good\nsummary: Fine.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n"
	const body = "## One\n\nText with a [link](other.md) and the NHS.\n"
	other := "---\ntitle: Other\nsummary: Also fine.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\nSee [good](good.md).\n"
	for _, tc := range []struct {
		name, src string
		changed   []string
		patched   bool
	}{
		{"more text", front + body + "\nMore words, and the ABCD.\n", nil, true},
		{"a line above everything", front + "A first line.\n\n" + body, nil, true},
		{"the same bytes", front + body, nil, true},
		{"the summary", "---\ntitle: Good\nsummary: Changed, and longer.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n" + body, nil, true},
		{"a placeholder summary", "---\ntitle: Good\nsummary: TODO\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n" + body, nil, true},
		{"the summary on two lines", "---\ntitle: Good\nsummary: >\n  Changed.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n" + body, nil, false},
		{"the title", "---\ntitle: Better\nsummary: Fine.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n" + body, nil, false},
		{"a key's line moved", "---\n\ntitle: Good\nsummary: Fine.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n" + body, nil, false},
		{"a new link", front + body + "\nAnd [home](../index.md).\n", nil, false},
		{"a link's words", front + "## One\n\nText with a [longer link](other.md) and the NHS.\n", nil, false},
		{"a heading", front + "## Two\n\nText with a [link](other.md) and the NHS.\n", nil, false},
		{"broken front matter", "---\ntitle: \"Good\nsummary: Fine.\n---\n" + body, nil, false},
		{"a glossary entry", front + body, []string{"content/glossary/nhs.md"}, false},
		{"a new file", front + body, []string{"content/briefs/new.md"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := overlay(minimalSite(), fstest.MapFS{
				"content/briefs/good.md":  {Data: []byte(front + body)},
				"content/briefs/other.md": {Data: []byte(other)},
				"content/glossary/nhs.md": {Data: []byte("---\ntitle: National Health Service\nabbr: NHS\nsummary: The health service.\n---\n")},
			})
			c := NewCache()
			opt := Options{BuildDate: today, Cache: c}
			site, diags, err := Load(fsys, opt)
			if err != nil {
				t.Fatal(err)
			}
			good := site.Pages[0]
			for _, p := range site.Pages {
				if p.Source == "content/briefs/good.md" {
					good = p
				}
			}
			before := string(good.Body)
			fsys["content/briefs/good.md"] = &fstest.MapFile{Data: []byte(tc.src)}
			if tc.changed == nil {
				tc.changed = []string{"content/briefs/good.md"}
			}
			if tc.name == "a new file" {
				fsys["content/briefs/new.md"] = &fstest.MapFile{Data: []byte(other)}
			}
			got, pages, ok := c.Patch(site, diags, tc.changed)
			if ok != tc.patched {
				t.Fatalf("Patch said %v, want %v", ok, tc.patched)
			}
			if !ok {
				if string(good.Body) != before || got != nil || pages != nil {
					t.Fatal("a refused Patch changed the Site or returned something")
				}
				return
			}
			fresh, want, err := Load(fsys, Options{BuildDate: today})
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("problems after Patch:\n%s\nafter a fresh Load:\n%s", got, want)
			}
			for i, p := range fresh.Pages {
				q := site.Pages[i]
				if p.Source != q.Source || p.Summary != q.Summary || string(p.Body) != string(q.Body) || p.Text != q.Text || p.Words != q.Words || p.grade.Grade != q.grade.Grade || len(p.TOC) != len(q.TOC) {
					t.Errorf("%s after Patch is not as after a fresh Load", p.Source)
				}
			}
		})
	}
}
