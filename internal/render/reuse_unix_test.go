//go:build unix

package render

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRebuildReusesUnchangedFiles rebuilds a site: each file whose bytes
// did not change is the old site's own file under its new name, each that
// changed is new, the old site is untouched until the swap, and after it
// nothing of the old site is left.
func TestRebuildReusesUnchangedFiles(t *testing.T) {
	root := project(t)
	if err := site("index.html", "same", "briefs/a/index.html", "old a", "briefs/b/index.html", "same b").WriteDir("public"); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for _, p := range []string{"index.html", "briefs/a/index.html", "briefs/b/index.html"} {
		before[p], _ = os.Stat(filepath.Join(root, "public", p))
	}
	s, err := Stage("public", WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range map[string]string{"index.html": "same", "briefs/a/index.html": "new a", "briefs/b/index.html": "same b", "briefs/c/index.html": "new c"} {
		s.Put(p, []byte(b))
	}
	if b, _ := os.ReadFile(filepath.Join(root, "public", "briefs/a/index.html")); string(b) != "old a" {
		t.Errorf("before the swap, the old site's briefs/a = %q", b)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for p, reused := range map[string]bool{"index.html": true, "briefs/a/index.html": false, "briefs/b/index.html": true} {
		now, err := os.Stat(filepath.Join(root, "public", p))
		if err != nil {
			t.Fatal(err)
		}
		if os.SameFile(before[p], now) != reused {
			t.Errorf("%s: reused %v, want %v", p, !reused, reused)
		}
	}
	for p, want := range map[string]string{"index.html": "same", "briefs/a/index.html": "new a", "briefs/b/index.html": "same b", "briefs/c/index.html": "new c"} {
		if b, _ := os.ReadFile(filepath.Join(root, "public", p)); string(b) != want {
			t.Errorf("%s = %q, want %q", p, b, want)
		}
	}
	if hasDot(t, root, ".public.") {
		t.Error("the old site was left beside the new")
	}
}

// TestRebuildDoesNotReuseStrangers shows that an old file is reused only
// when the build could have made it and nothing else shares it: a file
// with a second name elsewhere, other permissions, a symbolic link, or a
// folder linked from outside the site is never taken into the new site,
// even with the right bytes, and what is outside stays as it was.
func TestRebuildDoesNotReuseStrangers(t *testing.T) {
	root := project(t)
	if err := site("index.html", "x").WriteDir("public"); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(root, "public")
	outside := filepath.Join(root, "elsewhere")
	os.MkdirAll(filepath.Join(outside, "dir"), 0o755)
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("same"), 0o644)
	os.WriteFile(filepath.Join(outside, "dir", "page.html"), []byte("same"), 0o644)
	os.WriteFile(filepath.Join(pub, "twice.html"), []byte("same"), 0o644)
	os.Link(filepath.Join(pub, "twice.html"), filepath.Join(outside, "twice.html"))
	os.WriteFile(filepath.Join(pub, "private.html"), []byte("same"), 0o600)
	os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(pub, "link.html"))
	os.Symlink(filepath.Join(outside, "dir"), filepath.Join(pub, "dir"))
	paths := []string{"twice.html", "private.html", "link.html", "dir/page.html"}
	s, err := Stage("public", WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		s.Put(p, []byte("same"))
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		info, err := os.Lstat(filepath.Join(pub, p))
		if err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v %v", p, info, err)
			continue
		}
		for _, o := range []string{"secret.txt", "twice.html", "dir/page.html"} {
			if other, _ := os.Stat(filepath.Join(outside, o)); os.SameFile(info, other) {
				t.Errorf("%s is the file %s outside the site", p, o)
			}
		}
	}
	for _, o := range []string{"secret.txt", "twice.html", "dir/page.html"} {
		if b, err := os.ReadFile(filepath.Join(outside, o)); err != nil || string(b) != "same" {
			t.Errorf("outside, %s = %q, %v", o, b, err)
		}
	}
}

// TestRebuildNeverWritesThroughAReusedFile gives one path twice, as two
// pages that clash do: the first reuses the old site's file, and the
// second must not write into it. The old site keeps its bytes.
func TestRebuildNeverWritesThroughAReusedFile(t *testing.T) {
	root := project(t)
	if err := site("index.html", "same").WriteDir("public"); err != nil {
		t.Fatal(err)
	}
	s, err := Stage("public", WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Put("index.html", []byte("same"))
	s.Put("index.html", []byte("changed"))
	want := "could not write the new site (file exists); the old site in public was left as it was"
	if err := s.Commit(); err == nil || err.Error() != want {
		t.Errorf("Commit: %v\nwant %s", err, want)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "public", "index.html")); string(b) != "same" {
		t.Errorf("the old site's index.html = %q", b)
	}
}
