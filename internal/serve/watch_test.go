package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// next waits for the watcher's next batch, or fails after a while.
func next(t *testing.T, w *watcher) []string {
	t.Helper()
	select {
	case b := <-w.batches:
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no change was reported")
		return nil
	}
}

func none(t *testing.T, w *watcher) {
	t.Helper()
	select {
	case b := <-w.batches:
		t.Fatalf("a change was reported: %v", b)
	case <-time.After(20 * Quiet):
	}
}

func TestWatcher(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		full := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: x\n")
	write("content/briefs/a.md", "a")
	write("layouts/base.html", "b")
	w, err := newWatcher(root)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.run(ctx)

	// Saving by writing a new file and renaming it over the old one, as
	// vim, VS Code and gedit do: one batch, naming the file.
	write("content/briefs/.a.md.swp", "swap")
	write("content/briefs/a.md.tmp", "new text")
	if err := os.Rename(filepath.Join(root, "content/briefs/a.md.tmp"), filepath.Join(root, "content/briefs/a.md")); err != nil {
		t.Fatal(err)
	}
	if b := next(t, w); !slices.Contains(b, "content/briefs/a.md") || slices.Contains(b, "content/briefs/.a.md.swp") {
		t.Fatalf("save by rename: %v", b)
	}
	// A folder made later, and a file in it.
	write("content/briefs/pictures/chart.svg", "<svg/>")
	if b := next(t, w); !slices.Contains(b, "content/briefs/pictures") {
		t.Fatalf("a new folder: %v", b)
	}
	write("content/briefs/pictures/chart.svg", "<svg></svg>")
	if b := next(t, w); !slices.Contains(b, "content/briefs/pictures/chart.svg") {
		t.Fatalf("a file in the new folder: %v", b)
	}
	// A deletion, a change to a layout and one to site.yaml.
	if err := os.Remove(filepath.Join(root, "content/briefs/a.md")); err != nil {
		t.Fatal(err)
	}
	if b := next(t, w); !slices.Contains(b, "content/briefs/a.md") {
		t.Fatalf("a deletion: %v", b)
	}
	write("layouts/base.html", "c")
	if b := next(t, w); !slices.Contains(b, "layouts/base.html") {
		t.Fatalf("a layout: %v", b)
	}
	write("site.yaml", "title: y\n")
	if b := next(t, w); !slices.Equal(b, []string{"site.yaml"}) {
		t.Fatalf("site.yaml: %v", b)
	}
	// Editors' backup and swap files, and files outside the project's
	// folders, are not changes to the site.
	write("content/briefs/b.md~", "backup")
	write("notes.txt", "mine")
	write("public/index.html", "old build")
	none(t, w)
}

// While the server is busy rebuilding (nobody takes the batch), what is
// saved meanwhile joins the waiting batch: one rebuild follows, not one
// per save.
func TestWatcherGathersWhileBusy(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"content/briefs", "layouts"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	w, err := newWatcher(root)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.run(ctx)
	var want []string
	for _, name := range []string{"a.md", "b.md", "c.md"} {
		rel := "content/briefs/" + name
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(rel)), []byte("text"), 0o644); err != nil {
			t.Fatal(err)
		}
		want = append(want, rel)
		time.Sleep(5 * Quiet) // the batch is ready, and nobody takes it
	}
	if b := next(t, w); !slices.Equal(b, want) {
		t.Fatalf("saves while busy: %v, want one batch of %v", b, want)
	}
	none(t, w)
}

func TestRelevant(t *testing.T) {
	for rel, want := range map[string]bool{
		"site.yaml": true, "content": true, "content/briefs/a.md": true, "layouts/assets/site.css": true,
		"public/index.html": false, "README.md": false, "content/briefs/a.md~": false,
		"content/briefs/.a.md.swp": false, "content/briefs/4913": false, "content/briefs/#a.md#": false,
		"content/briefs/.#a.md": false, "site.yaml.swp": false, ".git/HEAD": false,
	} {
		if got := relevant(rel); got != want {
			t.Errorf("relevant(%q) = %v", rel, got)
		}
	}
}

// TestChangedLine: the line before a rebuild names the one file that
// changed, also when a save by rename reported a temporary file that is
// gone, and counts them otherwise.
func TestChangedLine(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content", "briefs"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(root, "content", "briefs", name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		paths []string
		want  string
	}{
		{[]string{"content/briefs/a.md"}, "content/briefs/a.md changed: rebuilding"},
		{[]string{"content/briefs/sedX1b2c3", "content/briefs/a.md"}, "content/briefs/a.md changed: rebuilding"},
		{[]string{"content/briefs/gone.md"}, "content/briefs/gone.md changed: rebuilding"},
		{[]string{"content/briefs/a.md", "content/briefs/b.md"}, "2 files changed: rebuilding"},
		{[]string{"content/briefs/gone.md", "content/briefs/also-gone.md"}, "2 files changed: rebuilding"},
	} {
		if got := changedLine(root, c.paths); got != c.want {
			t.Errorf("changedLine(%q) = %q, want %q", c.paths, got, c.want)
		}
	}
}
