package content

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/alongside-hub/alongside/internal/txtar"
)

// goldenFiles returns every file of the golden archives of this package
// and of render's, the seeds of the fuzz targets.
func goldenFiles(t testing.TB) []txtar.File {
	var out []txtar.File
	paths, _ := filepath.Glob("testdata/*.txtar")
	more, _ := filepath.Glob("../render/testdata/*.txtar")
	for _, p := range append(paths, more...) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, txtar.Parse(raw).Files...)
	}
	return out
}

// goldenArchives returns the golden archives as they are, for whole sites.
func goldenArchives(t testing.TB) [][]byte {
	var out [][]byte
	paths, _ := filepath.Glob("testdata/*.txtar")
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, raw)
	}
	return out
}

// checkDiagnostics holds every diagnostic to its invariants: a file that
// exists (or a known name), a position inside that file, a message.
func checkDiagnostics(t *testing.T, fsys fstest.MapFS, ds Diagnostics) {
	t.Helper()
	for _, d := range ds {
		if strings.TrimSpace(d.Msg) == "" || d.Msg != strings.TrimSpace(d.Msg) {
			t.Fatalf("bad message %+v", d)
		}
		f, ok := fsys[d.Pos.File]
		if !ok || f.Mode&fs.ModeSymlink != 0 {
			if d.Pos.Line != 0 {
				t.Fatalf("a position in %q, which is not a file: %+v", d.Pos.File, d)
			}
			continue
		}
		src := bytes.ReplaceAll(f.Data, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
		lines := bytes.Split(src, []byte("\n"))
		if d.Pos.Line < 0 || d.Pos.Line > len(lines) || d.Pos.Col < 0 {
			t.Fatalf("position out of the file (%d lines): %+v", len(lines), d)
		}
		if d.Pos.Line > 0 && d.Pos.Col > 0 {
			if n := utf8.RuneCount(lines[d.Pos.Line-1]); d.Pos.Col > n+1 {
				t.Fatalf("column past the end of line %d (%d characters): %+v", d.Pos.Line, n, d)
			}
		}
	}
}

// loadTwice loads fsys twice and fails unless both give the same.
func loadTwice(t *testing.T, fsys fstest.MapFS) (*Site, Diagnostics) {
	t.Helper()
	site, diags, err := Load(fsys, Options{BuildDate: today})
	if err != nil {
		t.Fatal(err)
	}
	site2, diags2, err := Load(fsys, Options{BuildDate: today})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := diags.String(), diags2.String(); a != b {
		t.Fatalf("two loads differ:\n%s\n---\n%s", a, b)
	}
	if a, b := dump(site), dump(site2); a != b {
		t.Fatalf("two loads differ:\n%s\n---\n%s", a, b)
	}
	return site, diags
}

// FuzzFrontMatterSplit feeds any bytes to split and to the fields of each
// kind of page: no panic, and every position inside the file.
func FuzzFrontMatterSplit(f *testing.F) {
	for _, fl := range goldenFiles(f) {
		if strings.HasSuffix(fl.Name, ".md") {
			f.Add(fl.Data)
		}
	}
	f.Add([]byte("---\rtitle: A\r---\rx"))
	f.Add([]byte("\uFEFF---\r\ntitle: \"a\r\n---\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := minimalSite()
		for _, p := range []string{"content/briefs/fuzz.md", "content/glossary/fuzz.md", "content/pages/fuzz.md", "content/functions/fuzz.md"} {
			fsys[p] = &fstest.MapFile{Data: src}
		}
		_, diags := loadTwice(t, fsys)
		checkDiagnostics(t, fsys, diags)
	})
}

// FuzzLinks resolves any link and image address from a brief: no panic,
// every position in the file, and no image that leaves the site.
func FuzzLinks(f *testing.F) {
	for _, fl := range goldenFiles(f) {
		for _, part := range bytes.Split(fl.Data, []byte("]("))[1:] {
			if i := bytes.IndexByte(part, ')'); i > 0 {
				f.Add(string(part[:i]))
			}
		}
	}
	for _, s := range []string{"https://tracker.example/p.png", "//x", "\\\\x", "/\\x", "good.md#x", "../pages/outside-link.txt", "data:x", "%2e%2e/%2e%2e/site.yaml", "javascript:alert(1)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		fsys := minimalSite()
		body := "[a link](" + dest + ") and ![a picture](" + dest + ") and [ref][r] ![ref][r]\n\n[r]: " + dest + "\n"
		fsys["content/briefs/fuzz.md"] = &fstest.MapFile{Data: []byte("---\ntitle: F\nsummary: F.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-11-01\n---\n" + body)}
		site, diags := loadTwice(t, fsys)
		checkDiagnostics(t, fsys, diags)
		for _, p := range site.Pages {
			for _, lk := range p.links {
				if lk.Image && isExternal(lk.Dest) && !diags.HasErrors() {
					t.Fatalf("the image %q leaves the site and was let through", lk.Dest)
				}
				if lk.target != "" && !strings.HasPrefix(lk.target, "/") && !strings.HasPrefix(lk.target, "#") {
					t.Fatalf("link %q goes to %q, not a site path", lk.Dest, lk.target)
				}
			}
		}
	})
}

// FuzzLoad loads any small site written as a txtar archive: no panic,
// every position inside its file, the same result twice, and nothing
// published that is not a file inside content/.
func FuzzLoad(f *testing.F) {
	for _, a := range goldenArchives(f) {
		f.Add(a)
	}
	// Links: a file named "link:PATH" is a symbolic link at PATH to the
	// file's text.
	f.Add([]byte("-- site.yaml --\ntitle: T\nbase_url: https://example.org/\n-- content/index.md --\n---\ntitle: H\nsummary: H.\n---\n" +
		"-- secret.txt --\nsecret\n-- link:content/_private --\n..\n-- link:content/leak.txt --\n_private/secret.txt\n" +
		"-- link:content/a.txt --\nb.txt\n-- link:content/b.txt --\na.txt\n-- link:content/up.txt --\n../secret.txt\n" +
		"-- content/ok.txt --\nok\n-- link:content/ok-too.txt --\nok.txt\n"))
	f.Fuzz(func(t *testing.T, archive []byte) {
		fsys := fstest.MapFS{}
		for _, fl := range txtar.Parse(archive).Files {
			name := strings.TrimSpace(fl.Name)
			if strings.HasPrefix(name, "want/") || !fs.ValidPath(name) {
				continue
			}
			if link, ok := strings.CutPrefix(name, "link:"); ok && fs.ValidPath(link) {
				fsys[link] = &fstest.MapFile{Data: bytes.TrimSpace(fl.Data), Mode: fs.ModeSymlink}
				continue
			}
			fsys[name] = &fstest.MapFile{Data: fl.Data}
		}
		// A file or folder may not also be a folder's parent in a MapFS.
		for name := range fsys {
			for dir := filepath.ToSlash(filepath.Dir(name)); dir != "."; dir = filepath.ToSlash(filepath.Dir(dir)) {
				if _, ok := fsys[dir]; ok {
					return
				}
			}
		}
		site, diags := loadTwice(t, fsys)
		checkDiagnostics(t, fsys, diags)
		for _, file := range site.Files {
			real, info, why, err := resolve(fsys, file.Source)
			if err != nil || why != "" || contentProblem(real) != "" || !info.Mode().IsRegular() {
				t.Fatalf("published %s, whose real place is %q (%s)", file.Source, real, why)
			}
			if _, err := file.Read(fsys); err != nil {
				t.Fatalf("published %s, which cannot be read: %v", file.Source, err)
			}
		}
		for _, p := range site.Pages {
			if !strings.HasPrefix(p.Source, "content/") || !utf8.ValidString(Body(p)) {
				t.Fatalf("page %s from %s", p.URL, p.Source)
			}
		}
	})
}
