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
			for k, v := range tt.files {
				fsys[k] = v
			}
			site, diags, err := Load(fsys, Options{BuildDate: today})
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
			t.Skip("symbolic links are not available here:", err)
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
