package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func link(target string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
}

// TestLinksNeverLeaveContent follows every kind of link chain and shows
// that a file whose real place is outside content/, or in a folder the
// site ignores, is refused with its own message and not published.
func TestLinksNeverLeaveContent(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"through an ignored folder linked outside", fstest.MapFS{"content/_private": link("/etc"), "content/leak.txt": link("_private/hostname")},
			"content/leak.txt: error: this is a link to \"_private/hostname\", which leads outside the content folder; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"link to a link outside", fstest.MapFS{"content/a.txt": link("b.txt"), "content/b.txt": link("../site.yaml")},
			"content/a.txt: error: this is a link to \"b.txt\", which leads outside the content folder; it is not published\n    hint: copy the file into content/ instead of linking to it\n" +
				"content/b.txt: error: this is a link to \"../site.yaml\", which leads outside the content folder; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"link out and back through ..", fstest.MapFS{"content/up.txt": link("briefs/../../site.yaml")},
			"content/up.txt: error: this is a link to \"briefs/../../site.yaml\", which leads outside the content folder; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"link above the project", fstest.MapFS{"content/up.txt": link("../../../../etc/hostname")},
			"content/up.txt: error: this is a link to \"../../../../etc/hostname\", which leads outside the project folder; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"link through a linked folder", fstest.MapFS{"content/_up": link(".."), "content/config.txt": link("_up/site.yaml")},
			"content/config.txt: error: this is a link to \"_up/site.yaml\", which leads outside the content folder; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"link into an ignored folder", fstest.MapFS{"content/_drafts/plan.txt": {Data: []byte("secret plan")}, "content/plan.txt": link("_drafts/plan.txt")},
			"content/plan.txt: error: this is a link to \"_drafts/plan.txt\", which leads into \"content/_drafts/\", which the site ignores; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"link into a hidden folder", fstest.MapFS{"content/.git/config": {Data: []byte("[remote]")}, "content/config.txt": link(".git/config")},
			"content/config.txt: error: this is a link to \".git/config\", which leads into \"content/.git/\", which the site ignores; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"a loop of links", fstest.MapFS{"content/one.txt": link("two.txt"), "content/two.txt": link("one.txt")},
			"content/one.txt: error: this is a link to \"two.txt\", which goes round in a loop of links; it is not published\n    hint: copy the file into content/ instead of linking to it\n" +
				"content/two.txt: error: this is a link to \"one.txt\", which goes round in a loop of links; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"a Markdown page linked from outside", fstest.MapFS{"content/briefs/notes.md": link("../../notes/secret.md"), "notes/secret.md": {Data: []byte("---\ntitle: S\nsummary: S.\n---\n")}},
			"content/briefs/notes.md: error: this is a link to \"../../notes/secret.md\", which leads outside the content folder; it is not published\n    hint: copy the file into content/ instead of linking to it\n"},
		{"site.yaml a folder", fstest.MapFS{"site.yaml": nil, "site.yaml/0": {Data: []byte("x")}},
			"site.yaml: error: site.yaml is a folder, not a file\n    hint: make site.yaml a plain text file at the top of the project, with at least title and base_url\n"},
		{"content itself a link", fstest.MapFS{"real/index.md": {Data: []byte("---\ntitle: Home\nsummary: Home.\n---\n")}, "content": link("real")},
			"content: error: content/ is a link to \"real\"; the site reads only a real folder, so that nothing outside it is published\n    hint: move the folder itself to content/ instead of linking to it\n" +
				"content/index.md: error: the home page is missing\n    hint: create content/index.md with a title, a summary and a short welcome\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimalSite()
			if tt.files["content"] != nil {
				fsys = fstest.MapFS{"site.yaml": fsys["site.yaml"]}
			}
			site, diags, err := Load(overlay(fsys, tt.files), Options{BuildDate: today})
			if err != nil {
				t.Fatal(err)
			}
			if got := diags.String(); got != tt.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tt.want)
			}
			for _, f := range site.Files {
				if f.Source != "content/pages/outside-link.txt" {
					t.Errorf("published %s", f.Source)
				}
			}
		})
	}
}

// TestLinksInsideContentAreRead: a link that stays inside content/, even
// by way of "..", is a copy of the file it leads to.
func TestLinksInsideContentAreRead(t *testing.T) {
	fsys := minimalSite()
	fsys["content/copy.txt"] = link("../content/pages/outside-link.txt")
	fsys["content/pages/again.txt"] = link("../copy.txt")
	site, diags, err := Load(fsys, Options{BuildDate: today})
	if err != nil || len(diags) > 0 {
		t.Fatalf("err %v, diags %s", err, diags)
	}
	for _, f := range site.Files {
		b, err := f.Read(fsys)
		if err != nil || string(b) != "kept as it is" {
			t.Errorf("%s: %q, %v", f.Source, b, err)
		}
	}
	if len(site.Files) != 3 {
		t.Errorf("got %d files, want 3", len(site.Files))
	}
}

// TestLinksOnDisk makes the links of the operating system, as an editor
// would with ln -s, and shows that nothing outside content/ is published,
// and that a file changed after it was checked is not read.
func TestLinksOnDisk(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ln := func(target, p string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(p))); err != nil {
			t.Fatal(err)
		}
	}
	for p, f := range minimalSite() {
		write(p, string(f.Data))
	}
	if err := os.WriteFile(filepath.Join(outside, "hostname"), []byte("secret-host"), 0o644); err != nil {
		t.Fatal(err)
	}
	ln(outside, "content/_private")
	ln("_private/hostname", "content/leak.txt")
	ln(filepath.Join(outside, "hostname"), "content/direct.txt")
	ln("../..", "content/briefs/_up")
	write("content/briefs/chart.png", "png")
	site, diags, err := Load(os.DirFS(root), Options{BuildDate: today})
	if err != nil {
		t.Fatal(err)
	}
	want := "content/briefs/_up: error: this file's real place leads outside the content folder; it is not published\n" +
		"    hint: move the file into a real folder inside content/\n"
	got := diags.String()
	for _, p := range []string{"content/direct.txt", "content/leak.txt"} {
		if !strings.Contains(got, p+": error: this is a link to ") || !strings.Contains(got, "which leads outside the content folder; it is not published") {
			t.Errorf("no error for %s:\n%s", p, got)
		}
	}
	if strings.Contains(got, "_up") && !strings.Contains(got, want) {
		t.Errorf("diagnostics:\n%s", got)
	}
	for _, f := range site.Files {
		b, _ := f.Read(os.DirFS(root))
		if strings.Contains(string(b), "secret") {
			t.Errorf("published %s from outside content/", f.Source)
		}
	}
	// The chart is swapped for a link out after it was checked: reading
	// it through the checked path refuses it.
	var chart *File
	for i := range site.Files {
		if site.Files[i].Source == "content/briefs/chart.png" {
			chart = &site.Files[i]
		}
	}
	if chart == nil {
		t.Fatalf("the chart was not found: %v", site.Files)
	}
	full := filepath.Join(root, "content/briefs/chart.png")
	if err := os.Remove(full); err != nil {
		t.Fatal(err)
	}
	ln(filepath.Join(outside, "hostname"), "content/briefs/chart.png")
	if b, err := chart.Read(os.DirFS(root)); err == nil {
		t.Errorf("read %q through a link swapped in after the check", b)
	}
}

// loadBrief loads minimalSite with the good brief's body replaced.
func loadBrief(t *testing.T, front, body string) Diagnostics {
	t.Helper()
	fsys := minimalSite()
	fsys["content/briefs/good.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Good\nsummary: Fine.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n" + front + "---\n" + body)}
	_, diags, err := Load(fsys, Options{BuildDate: today})
	if err != nil {
		t.Fatal(err)
	}
	return diags
}

// TestExternalImages: a picture from another website, in any form the
// Markdown allows, is an error that says to save it into content/.
func TestExternalImages(t *testing.T) {
	const hint = "    hint: save the picture into content/, next to this file, and use its name, like ![A chart](chart.png): the site shows only its own pictures, so that readers' browsers never call another website\n"
	tests := []struct{ body, want string }{
		{"![A chart](https://tracker.example/p.png)\n", `content/briefs/good.md:8:1: error: image "https://tracker.example/p.png": the picture is on another website` + "\n" + hint},
		{"Text ![A chart](http://tracker.example/p.png)\n", `content/briefs/good.md:8:6: error: image "http://tracker.example/p.png": the picture is on another website` + "\n" + hint},
		{"![A chart](//tracker.example/p.png)\n", `content/briefs/good.md:8:1: error: image "//tracker.example/p.png": the picture is on another website` + "\n" + hint},
		{"![A chart](\\\\tracker.example/p.png)\n", `content/briefs/good.md:8:1: error: image "\\\\tracker.example/p.png": the picture is on another website` + "\n" + hint},
		{"![A chart][c]\n\n[c]: HTTPS://tracker.example/p.png\n", `content/briefs/good.md:8:1: error: image "HTTPS://tracker.example/p.png": the picture is on another website` + "\n" + hint},
		{"![A chart](<https://tracker.example/a b.png>)\n", `content/briefs/good.md:8:1: error: image "https://tracker.example/a b.png": the picture is on another website` + "\n" + hint},
		{"[![A chart](data:image/png;base64,AAAA)](../pages/outside-link.txt)\n", `content/briefs/good.md:8:2: error: image "data:image/png;base64,AAAA": the picture is on another website` + "\n" + hint},
		{"A note.[^1]\n\n[^1]: See ![A chart](https://tracker.example/p.png)\n", `content/briefs/good.md:10:11: error: image "https://tracker.example/p.png": the picture is on another website` + "\n" + hint},
	}
	for _, tt := range tests {
		if got := loadBrief(t, "", tt.body).String(); got != tt.want {
			t.Errorf("%q:\n%s\nwant:\n%s", tt.body, got, tt.want)
		}
	}
}

// TestAliasesAreSitePaths: each alias that is not one plain path of the
// site is an error at its line and column.
func TestAliasesAreSitePaths(t *testing.T) {
	const hint = "    hint: write the old address from the site's root, like /old/path/\n"
	tests := []struct{ alias, want string }{
		{"//evil.example/", `content/briefs/good.md:7:11: error: the alias "//evil.example/" is not a path on this site: it starts with //, which browsers read as another website` + "\n" + hint},
		{"/map/.", `content/briefs/good.md:7:11: error: the alias "/map/." is not a path on this site: it has a "." part` + "\n" + hint},
		{"/a/../map/", `content/briefs/good.md:7:11: error: the alias "/a/../map/" is not a path on this site: it has a ".." part` + "\n" + hint},
		{"/a//b/", `content/briefs/good.md:7:11: error: the alias "/a//b/" is not a path on this site: it has // in it` + "\n" + hint},
		{"/a%2F/", `content/briefs/good.md:7:11: error: the alias "/a%2F/" is not a path on this site: it has the character '%' in it; use letters, digits, - and _` + "\n" + hint},
		{"old/", `content/briefs/good.md:7:11: error: the alias "old/" is not a path on this site: it should start with /` + "\n" + hint},
		{`"/a\\b/"`, `content/briefs/good.md:7:11: error: the alias "/a\\b/" is not a path on this site: it has the character '\\' in it; use letters, digits, - and _` + "\n" + hint},
		{"/map/", `content/briefs/good.md:7:11: error: the alias "/map/" makes the page /map/, which the generated page /map/ also makes` + "\n    hint: rename one of them so that each page has its own address\n"},
		{"/map", `content/briefs/good.md:7:11: error: the alias "/map/" makes the page /map/, which the generated page /map/ also makes` + "\n    hint: rename one of them so that each page has its own address\n"},
		{"/", `content/briefs/good.md:7:11: error: the alias "/" makes the page /, which content/index.md also makes` + "\n    hint: rename one of them so that each page has its own address\n"},
		{"/old-name/", ""},
	}
	for _, tt := range tests {
		if got := loadBrief(t, "aliases: ["+tt.alias+"]\n", "Text.\n").String(); got != tt.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.alias, got, tt.want)
		}
	}
}

// TestTooComplex: each shape of Markdown that would make the parser slow
// or hungry is refused at once, with where, how many and what to do. The
// first three are the sizes that once ran for minutes, took 13 s and took
// 2.4 GB.
func TestTooComplex(t *testing.T) {
	table := "| a | b |\n|---|---|\n" + strings.Repeat("| x | y |\n", 4900000/10)
	wide := strings.Repeat("|a", 2000) + "|\n" + strings.Repeat("|-", 2000) + "|\n" + strings.Repeat("|x|\n", 30)
	notes := ""
	for i := 0; i < 501; i++ {
		notes += "x[^n]\n\n"
	}
	tests := []struct{ body, want string }{
		{strings.Repeat("*a_", 150000), "content/briefs/good.md: error: the text is 440 KB; the most the site reads in one page is 256 KB\n    hint: split it into several pages\n"},
		{strings.Repeat("[a](", 50000), "content/briefs/good.md:8:83: error: the links up to here leave their addresses open: finding where they end means reading 4101 KB, and the most the site reads is 4096 KB\n    hint: end each link's address with ), like [text](page.md), and check for one left open\n"},
		{table, "content/briefs/good.md: error: the text is 4786 KB; the most the site reads in one page is 256 KB\n    hint: split it into several pages\n"},
		{strings.Repeat("*a_", 2000), "content/briefs/good.md:8:1501: error: this has 1001 emphasis marks (*, _ or ~) in one paragraph; the most the site reads is 1000\n    hint: split the paragraph with blank lines, or write \\* or \\_ for a mark that is not emphasis\n"},
		{strings.Repeat("[a] ", 1001), "content/briefs/good.md:8:4001: error: this has 2001 square brackets in one paragraph; the most the site reads is 2000\n    hint: split the paragraph with blank lines, or write \\[ for a bracket that is not a link\n"},
		{strings.Repeat("[a](", 250) + "\n\n" + strings.Repeat("[a](", 250) + "\n\n", ""},
		{strings.Repeat("x [a](x)\n\n", 10001), "content/briefs/good.md:20008:3: error: this has 20001 square brackets; the most the site reads is 20000\n    hint: split it into several pages, or write \\[ for a bracket that is not a link\n"},
		{strings.Repeat(">", 11) + " deep\n", "content/briefs/good.md:8:1: error: this has 11 blockquotes and lists inside each other; the most the site reads is 10\n    hint: put fewer lists and quotes inside each other; start a new list instead\n"},
		{"[^1]: " + strings.Repeat("- ", 10) + "deep\n", "content/briefs/good.md:8:1: error: this has 11 blockquotes and lists inside each other; the most the site reads is 10\n    hint: put fewer lists and quotes inside each other; start a new list instead\n"},
		{strings.Repeat("- ", 11) + "deep\n", "content/briefs/good.md:8:1: error: this has 11 blockquotes and lists inside each other; the most the site reads is 10\n    hint: put fewer lists and quotes inside each other; start a new list instead\n"},
		{func() string {
			s := ""
			for i := 0; i < 12; i++ {
				s += strings.Repeat("  ", i) + "- a\n"
			}
			return s
		}(), "content/briefs/good.md:18:1: error: this has 11 blockquotes and lists inside each other; the most the site reads is 10\n    hint: put fewer lists and quotes inside each other; start a new list instead\n"},
		{strings.Repeat("> > a\n", 10001), "content/briefs/good.md:10008:1: error: this has 20002 lines of lists and quotes, counting each level; the most the site reads is 20000\n    hint: split it into several pages, or use fewer lists and quotes inside each other\n"},
		{wide, "content/briefs/good.md:32:1: error: this has 50050 table cells; the most the site reads is 50000\n    hint: make the tables smaller, or split them into several tables; a row gets as many cells as the header has\n"},
		{notes, "content/briefs/good.md:1008:2: error: this has 501 footnotes; the most the site reads is 500\n    hint: use fewer footnotes, or split it into several pages\n"},
	}
	for _, tt := range tests {
		got := loadBrief(t, "", tt.body).String()
		if got != tt.want {
			name := tt.body
			if len(name) > 40 {
				name = name[:40] + "..."
			}
			t.Errorf("%q:\n%s\nwant:\n%s", name, got, tt.want)
		}
	}
}

// TestLoneCR: a carriage return on its own ends a line, as in editors
// (old Mac files), wherever positions are counted: front matter, body and
// the place of a bad byte. Only the positions and messages are compared;
// the hints are other tests' business.
func TestLoneCR(t *testing.T) {
	tests := []struct{ src, want string }{
		{"---\rtitle: Good\rsummary: Fine.\rfunctions: [capacity]\rpublished: 2026-01-01\rreviewed: 2026-11-01\rcolour: red\r---\rText.\r\rA [lost](nowhere.md).\r",
			"content/briefs/good.md:7:1: error: \"colour\" is not a front matter key for a brief\n" +
				"content/briefs/good.md:11:3: error: link to \"nowhere.md\": there is no such brief\n"},
		{"---\r\ntitle: Good\rsummary: Fine.\r\nfunctions: [capacity]\rpublished: 2026-01-01\rreviewed: 2026-11-01\r---\rText \xff.\r",
			"content/briefs/good.md:8:6: error: the file has a character that is not valid UTF-8 text\n"},
	}
	for _, tt := range tests {
		fsys := minimalSite()
		fsys["content/briefs/good.md"] = &fstest.MapFile{Data: []byte(tt.src)}
		_, diags, err := Load(fsys, Options{BuildDate: today})
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		for _, d := range diags {
			got.WriteString(d.Pos.String() + ": " + d.Severity.String() + ": " + d.Msg + "\n")
		}
		if got.String() != tt.want {
			t.Errorf("%q:\n%s\nwant:\n%s", tt.src, got.String(), tt.want)
		}
	}
}
