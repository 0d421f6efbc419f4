package render

import (
	"os"
	"path/filepath"
	"testing"
)

// stageOverOld makes a project whose public/ holds an old site (index.html
// says "old") and starts a new site over it.
func stageOverOld(t *testing.T) (root string, s *Staged) {
	t.Helper()
	root = project(t)
	if err := site("index.html", "old").WriteDir("public"); err != nil {
		t.Fatal(err)
	}
	s, err := Stage("public", WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return root, s
}

// TestStagedAbortKeepsOldSite writes part of a new site as a build does
// while it makes it, then throws it away, as a build that found errors
// does: the old site is whole, nothing is left beside it, and the next
// build can take the folder.
func TestStagedAbortKeepsOldSite(t *testing.T) {
	root, s := stageOverOld(t)
	s.Put("index.html", []byte("new"))
	s.Put("briefs/a/index.html", []byte("new"))
	s.Abort()
	s.Abort() // twice is no harm
	if got := listing(t, filepath.Join(root, "public")); got != ".,.alongside-build,index.html" {
		t.Errorf("public holds %s", got)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "public", "index.html")); string(b) != "old" {
		t.Errorf("index.html = %q", b)
	}
	if hasDot(t, root, ".public.") {
		t.Error("the new site was left beside the old")
	}
	if err := site("index.html", "next").WriteDir("public"); err != nil {
		t.Fatalf("the next build: %v", err)
	}
}

// TestStagedPutFailures shows what Commit says when a file could not be
// written, or a path would leave the folder: the old site stays whole,
// and nothing is written outside.
func TestStagedPutFailures(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  string
	}{
		{"a file where a folder is needed", []string{"index.html", "map", "map/index.html"},
			"could not write the new site (not a directory); the old site in public was left as it was"},
		{"a path above the folder", []string{"index.html", "../escape.txt"},
			`refusing to write "../escape.txt": it is outside the output folder`},
		{"the build's marker", []string{Marker, "index.html"},
			`refusing to write ".alongside-build": it is outside the output folder`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, s := stageOverOld(t)
			for _, p := range tt.files {
				s.Put(p, []byte("new"))
			}
			err := s.Commit()
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v\nwant %s", err, tt.want)
			}
			if b, _ := os.ReadFile(filepath.Join(root, "public", "index.html")); string(b) != "old" {
				t.Errorf("index.html = %q", b)
			}
			if _, err := os.Stat(filepath.Join(root, "escape.txt")); !os.IsNotExist(err) {
				t.Error("a file was written outside the output folder")
			}
			if hasDot(t, root, ".public.") {
				t.Error("the new site was left beside the old")
			}
			s.Abort() // after Commit: nothing
			if b, _ := os.ReadFile(filepath.Join(root, "public", "index.html")); string(b) != "old" {
				t.Errorf("after Abort, index.html = %q", b)
			}
		})
	}
}

// TestStagedHoldsTheLock shows that while a build writes its new site,
// another cannot start one in the same folder.
func TestStagedHoldsTheLock(t *testing.T) {
	project(t)
	s, err := Stage("public", WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Stage("public", WriteOptions{})
	want := "another build is writing public at this moment; this one stopped and left the folder to it"
	if err == nil || err.Error() != want {
		t.Errorf("second Stage: %v\nwant %s", err, want)
	}
	s.Put("index.html", []byte("one"))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile("public/index.html"); string(b) != "one" {
		t.Errorf("index.html = %q", b)
	}
	again, err := Stage("public", WriteOptions{})
	if err != nil {
		t.Fatalf("after Commit: %v", err)
	}
	again.Abort()
}
