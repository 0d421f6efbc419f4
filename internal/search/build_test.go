package search

import (
	"bytes"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/txtar"
)

func load(t *testing.T, a *txtar.Archive) *content.Site {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range a.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			files[f.Name] = f.Data
		}
	}
	return loadFiles(t, files)
}

// loadFiles loads the site of files, path -> bytes.
func loadFiles(t testing.TB, files map[string][]byte) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	site, diags, err := content.Load(fsys, content.Options{BuildDate: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v\n%s", err, diags)
	}
	return site
}

// TestGolden shows every file of the index of a small site: shards,
// fragments, facet lists and the entry that names them.
func TestGolden(t *testing.T) {
	txtar.RunGolden(t, "testdata/index.txtar", *update, func(t *testing.T, a *txtar.Archive) map[string]string {
		ix := Build(load(t, a))
		got := map[string]string{"want/entry": ix.Entry + "\n"}
		for p, b := range ix.Files {
			got["want/"+p] = string(b) + "\n"
		}
		return got
	})
}

// TestDeterministic: two builds of the hub give the same files, byte for
// byte, and every file's name carries the hash of what it holds.
func TestDeterministic(t *testing.T) {
	a, b := hub(t), hub(t)
	if a.Entry != b.Entry || len(a.Files) != len(b.Files) {
		t.Fatalf("two builds differ: %s and %s, %d and %d files", a.Entry, b.Entry, len(a.Files), len(b.Files))
	}
	for p, x := range a.Files {
		if !bytes.Equal(x, b.Files[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
	// Changing one brief's text changes some names and only those files.
	site := func(change bool) *Index {
		ar := txtar.Parse([]byte("-- site.yaml --\ntitle: T\nbase_url: https://example.org/\n" +
			"-- content/index.md --\n---\ntitle: T\nsummary: S.\n---\n" +
			"-- content/pages/help.md --\n---\ntitle: Help\nsummary: S.\n---\n" +
			"-- content/functions/capacity.md --\n---\ntitle: Capacity\nsummary: S.\n---\n" +
			"-- content/briefs/a.md --\n---\ntitle: Apples\nsummary: Fruit.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-01-01\n---\n" +
			map[bool]string{false: "Crisp.", true: "Sweet."}[change] + "\n"))
		return Build(load(t, ar))
	}
	x, y := site(false), site(true)
	if x.Entry == y.Entry {
		t.Error("the entry file kept its name when the text changed")
	}
	names := func(ix *Index) []string {
		var ns []string
		for p := range ix.Files {
			ns = append(ns, p)
		}
		sort.Strings(ns)
		return ns
	}
	for _, p := range names(x) {
		if b, ok := y.Files[p]; ok && !bytes.Equal(b, x.Files[p]) {
			t.Errorf("%s kept its name but not its bytes", p)
		}
	}
}

// TestFacets: counts come from the briefs' front matter; glossary entries
// have no facets.
func TestFacets(t *testing.T) {
	ix := hub(t)
	var e entryFile
	decode(t, ix.Files[ix.Entry], &e)
	var keys []string
	for _, f := range e.Facets {
		keys = append(keys, f.Key)
		if len(f.Values) != len(f.Counts) || len(f.Values) == 0 && f.Key != "nation" {
			t.Errorf("facet %s: %d values, %d counts", f.Key, len(f.Values), len(f.Counts))
		}
	}
	if got := strings.Join(keys, " "); got != "function priority topic audience nation" {
		t.Errorf("facets %q", got)
	}
	if e.Briefs != 44 || e.Docs <= e.Briefs {
		t.Errorf("%d briefs of %d documents", e.Briefs, e.Docs)
	}
}
