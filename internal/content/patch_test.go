package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The site Patch is tried on: good.md, which other.md links to, and a
// glossary entry whose abbreviation good.md uses.
const (
	patchFront = "---\ntitle: Good\nsummary: Fine.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n"
	patchBody  = "## One\n\nText with a [link](other.md) and the NHS.\n"
	patchOther = "---\ntitle: Other\nsummary: Also fine.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\nSee [good](good.md).\n"
	patchGood  = "content/briefs/good.md"
)

func patchSite() fstest.MapFS {
	return overlay(minimalSite(), fstest.MapFS{
		patchGood:                 {Data: []byte(patchFront + patchBody)},
		"content/briefs/other.md": {Data: []byte(patchOther)},
		"content/glossary/nhs.md": {Data: []byte("---\ntitle: National Health Service\nabbr: NHS\nsummary: The health service.\n---\n")},
	})
}

// tryPatch loads fsys, saves src as good.md (and the files of also), and
// patches after the paths changed. When Patch takes the change, it fails
// the test unless the Site and problems are those of a fresh Load; when
// it refuses, unless it changed nothing. It says whether Patch took it.
func tryPatch(t *testing.T, fsys fstest.MapFS, src string, changed []string, also fstest.MapFS) bool {
	t.Helper()
	c := NewCache()
	site, diags, err := Load(fsys, Options{BuildDate: today, Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	before := map[string]string{}
	for _, p := range site.Pages {
		before[p.Source] = Body(p) + p.Summary
	}
	fsys[patchGood] = &fstest.MapFile{Data: []byte(src)}
	overlay(fsys, also)
	got, done, ok := c.Patch(site, diags, changed)
	if !ok {
		for _, p := range site.Pages {
			if before[p.Source] != Body(p)+p.Summary {
				t.Fatalf("a refused Patch changed %s", p.Source)
			}
		}
		if got != nil || done.Pages != nil || done.Linked != nil {
			t.Fatal("a refused Patch returned problems or pages")
		}
		return false
	}
	fresh, want, err := Load(fsys, Options{BuildDate: today})
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Fatalf("problems after Patch:\n%s\nafter a fresh Load:\n%s", got, want)
	}
	if len(fresh.Pages) != len(site.Pages) {
		t.Fatalf("Patch took a change that makes %d pages, not %d", len(fresh.Pages), len(site.Pages))
	}
	for i, p := range fresh.Pages {
		q := site.Pages[i]
		if p.Source != q.Source || p.Summary != q.Summary || Body(p) != Body(q) || p.text != q.text ||
			p.Words != q.Words || p.grade.Grade != q.grade.Grade || len(p.TOC) != len(q.TOC) || p.ForYou != q.ForYou {
			t.Fatalf("%s after Patch is not as after a fresh Load", p.Source)
		}
		if sources(p.Backlinks) != sources(q.Backlinks) {
			t.Fatalf("%s after Patch has the backlinks %s, not %s", p.Source, sources(q.Backlinks), sources(p.Backlinks))
		}
	}
	return true
}

func sources(ps []*Page) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Source)
	}
	return strings.Join(out, " ")
}

// TestPatch holds Patch to its rule: a change to a body alone, with the
// same headings, or to the summary, is patched, links and all, and the Site and
// problems are those of a fresh Load; any other change is refused and
// changes nothing.
func TestPatch(t *testing.T) {
	const dated = "functions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n"
	for _, tc := range []struct {
		name, src string
		changed   []string
		patched   bool
	}{
		{"more text", patchFront + patchBody + "\nMore words, and the ABCD.\n", nil, true},
		{"a line above everything", patchFront + "A first line.\n\n" + patchBody, nil, true},
		{"the same bytes", patchFront + patchBody, nil, true},
		{"the summary", "---\ntitle: Good\nsummary: Changed, and longer.\n" + dated + patchBody, nil, true},
		{"a placeholder summary", "---\ntitle: Good\nsummary: TODO\n" + dated + patchBody, nil, true},
		{"the summary on two lines", "---\ntitle: Good\nsummary: >\n  Changed.\n" + dated + patchBody, nil, false},
		{"the title", "---\ntitle: Better\nsummary: Fine.\n" + dated + patchBody, nil, false},
		{"a key's line moved", "---\n\ntitle: Good\nsummary: Fine.\n" + dated + patchBody, nil, false},
		{"a new link", patchFront + patchBody + "\nAnd [home](../index.md).\n", nil, true},
		{"a link's words", patchFront + "## One\n\nText with a [longer link](other.md) and the NHS.\n", nil, true},
		{"a link taken out", patchFront + "## One\n\nText with no link and the NHS.\n", nil, true},
		{"a link to nothing", patchFront + patchBody + "\nSee [this](nowhere.md).\n", nil, true},
		{"a link to the brief itself", patchFront + patchBody + "\nSee [here](good.md).\n", nil, true},
		{"a heading", patchFront + "## Two\n\nText with a [link](other.md) and the NHS.\n", nil, false},
		{"broken front matter", "---\ntitle: \"Good\nsummary: Fine.\n---\n" + patchBody, nil, false},
		{"not UTF-8", patchFront + patchBody + "\xff\n", nil, false},
		{"a glossary entry", patchFront + patchBody, []string{"content/glossary/nhs.md"}, false},
		{"a new file", patchFront + patchBody, []string{"content/briefs/new.md"}, false},
		{"a folder", patchFront + patchBody, []string{"content/briefs"}, false},
		// An editor's temporary file beside the save, gone by now, or kept
		// as a name the site leaves out, changes nothing.
		{"a temporary file that came and went", patchFront + patchBody + "\nMore.\n", []string{patchGood, "content/briefs/sedAb12Cd"}, true},
		{"an editor's hidden file", patchFront + patchBody + "\nMore.\n", []string{patchGood, "content/briefs/.goutputstream-X1"}, true},
		{"notes kept beside", patchFront + patchBody, []string{"content/_notes/todo.md", "content/briefs/Makefile"}, true},
		{"a file of the site deleted", patchFront + patchBody, []string{"content/pages/outside-link.txt"}, false},
		{"a file with a problem deleted", patchFront + patchBody, []string{"content/briefs/Bad Name.md"}, false},
		{"a new file beside the save", patchFront + patchBody, []string{patchGood, "content/briefs/new.txt"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			changed := tc.changed
			if changed == nil {
				changed = []string{patchGood}
			}
			var also fstest.MapFS
			switch tc.name {
			case "a new file":
				also = fstest.MapFS{"content/briefs/new.md": {Data: []byte(patchOther)}}
			case "an editor's hidden file":
				also = fstest.MapFS{"content/briefs/.goutputstream-X1": {Data: []byte("half a save")}}
			case "notes kept beside":
				also = fstest.MapFS{"content/_notes/todo.md": {Data: []byte("notes")}, "content/briefs/Makefile": {Data: []byte("all:\n")}}
			case "a file of the site deleted":
				also = fstest.MapFS{"content/pages/outside-link.txt": nil}
			case "a new file beside the save":
				also = fstest.MapFS{"content/briefs/new.txt": {Data: []byte("a new file")}}
			}
			start := func() fstest.MapFS {
				site := patchSite()
				if tc.name == "a file with a problem deleted" {
					site["content/briefs/Bad Name.md"] = &fstest.MapFile{Data: []byte(patchOther)}
					also = fstest.MapFS{"content/briefs/Bad Name.md": nil}
				}
				return site
			}
			if got := tryPatch(t, start(), tc.src, changed, also); got != tc.patched {
				t.Fatalf("Patch took the change: %v, want %v", got, tc.patched)
			}
			// Again with the rule that another page links to each brief,
			// whose problems follow the links.
			fsys := overlay(start(), fstest.MapFS{"site.yaml": {Data: []byte("title: T\nbase_url: https://example.org/\nchecks:\n  needs_link_in: true\n")}})
			if got := tryPatch(t, fsys, tc.src, changed, also); got != tc.patched {
				t.Fatalf("with needs_link_in, Patch took the change: %v, want %v", got, tc.patched)
			}
		})
	}
}

// FuzzPatch saves any text as a brief: Patch never fails, and what it
// takes is what a fresh Load gives.
func FuzzPatch(f *testing.F) {
	for _, s := range []string{
		patchFront + patchBody + "\nMore words, and the ABCD.\n",
		patchFront + "A first line.\n\n" + patchBody,
		"---\ntitle: Good\nsummary: TODO\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n" + patchBody,
		"\uFEFF" + patchFront + patchBody,
		"---\r\ntitle: Good\r\nsummary: Fine.\r\n---\r\n" + patchBody,
		patchFront + "## One\n\nText with a [link](other.md) and the NHS[^1].\n\n[^1]: A note.\n",
		patchFront + "## One\n\n| a | b |\n|---|---|\n| [link](other.md) | NHS |\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		tryPatch(t, patchSite(), src, []string{patchGood}, nil)
	})
}
