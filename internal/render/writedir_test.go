package render

import (
	"os"
	"path/filepath"
	"testing"
)

func site(files ...string) *Output {
	o := &Output{Files: map[string][]byte{}}
	for i := 0; i+1 < len(files); i += 2 {
		o.Files[files[i]] = []byte(files[i+1])
	}
	return o
}

// TestWriteDirMarksAndCleansUp checks that every build marks its folder,
// that the next build replaces it, and that what stopped builds left
// (.public.new-N, .public.old-N) is deleted while look-alikes stay.
func TestWriteDirMarksAndCleansUp(t *testing.T) {
	root := project(t)
	for _, d := range []string{".public.new-123", ".public.old-456/briefs", ".public.new-789", ".public.notes", ".public.old-mine", ".site.new-1"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	for _, twoRenames := range []bool{false, true} {
		for _, s := range []*Output{site("index.html", "one", "a/b.txt", "b"), site("index.html", "two")} {
			if err := s.WriteDirWith("public", WriteOptions{Root: root, TwoRenames: twoRenames}); err != nil {
				t.Fatal(err)
			}
		}
		if got := listing(t, filepath.Join(root, "public")); got != ".,.alongside-build,index.html" {
			t.Errorf("public holds %s", got)
		}
		if b, _ := os.ReadFile(filepath.Join(root, "public", Marker)); string(b) != markerText {
			t.Errorf("marker = %q", b)
		}
	}
	entries, _ := os.ReadDir(root)
	var dots []string
	for _, e := range entries {
		if e.Name()[0] == '.' {
			dots = append(dots, e.Name())
		}
	}
	if got := filepath.Join(dots...); got != ".public.notes/.public.old-mine/.site.new-1" {
		t.Errorf("beside public: %s", got)
	}
}

// TestWriteDirWhileAnotherBuildWrites holds the lock as a running build
// would: the second build says so, leaves the folder to it and leaves
// nothing behind; once the lock is free, nothing of either stays.
func TestWriteDirWhileAnotherBuildWrites(t *testing.T) {
	root := project(t)
	if err := site("index.html", "first").WriteDir("public"); err != nil {
		t.Fatal(err)
	}
	unlock, err := lockFolder(root, "public")
	if err != nil {
		t.Fatal(err)
	}
	err = site("index.html", "second").WriteDir("public")
	w, ok := err.(*WriteError)
	if !ok || w.Msg != `another build is writing public at this moment; this one stopped and left the folder to it` ||
		w.Hint != "wait for the other build to finish, then build again if you need to" {
		t.Fatalf("err = %#v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "public", "index.html")); string(b) != "first" {
		t.Errorf("index.html = %q", b)
	}
	unlock()
	if err := site("index.html", "third").WriteDir("public"); err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{".public.lock"} {
		if _, err := os.Lstat(filepath.Join(root, e)); !os.IsNotExist(err) {
			t.Errorf("%s left behind", e)
		}
	}
}

// TestWriteDirReadOnlyKeepsOldSite makes a folder of the old site
// read-only: the build must leave the old site whole and say so, rather
// than put the new one in place and fail to delete the old.
func TestWriteDirReadOnlyKeepsOldSite(t *testing.T) {
	root := project(t)
	if err := site("index.html", "old", "briefs/a/index.html", "old a").WriteDir("public"); err != nil {
		t.Fatal(err)
	}
	makeReadOnly(t, filepath.Join(root, "public", "briefs"))
	err := site("index.html", "new").WriteDir("public")
	w, ok := err.(*WriteError)
	if !ok || w.Msg != "public/briefs is read-only, so the old site cannot be replaced; it was left as it was, whole" ||
		w.Hint != "make the folder writable again, or build into another folder with -out" {
		t.Fatalf("err = %#v", err)
	}
	if got := listing(t, filepath.Join(root, "public")); got != ".,.alongside-build,briefs,briefs/a,briefs/a/index.html,index.html" {
		t.Errorf("public holds %s", got)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "public", "index.html")); string(b) != "old" {
		t.Errorf("index.html = %q", b)
	}
	if hasDot(t, root, ".public.") {
		t.Errorf("left beside public: %s", listing(t, root))
	}
}

// TestWriteDirWithoutAnOldSite writes into a folder that does not exist
// yet, through folders that do not exist either.
func TestWriteDirWithoutAnOldSite(t *testing.T) {
	root := project(t)
	if err := site("index.html", "x").WriteDir("out/site"); err != nil {
		t.Fatal(err)
	}
	if got := listing(t, filepath.Join(root, "out")); got != ".,site,site/.alongside-build,site/index.html" {
		t.Errorf("out holds %s", got)
	}
}

func hasDot(t *testing.T, dir, prefix string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if len(e.Name()) >= len(prefix) && e.Name()[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}
