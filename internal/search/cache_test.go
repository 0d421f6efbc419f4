package search

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/txtar"
)

// TestCacheMatchesBuild: after each change to a small site (a brief's
// text, a title that moves it in the order, a heading, a brief gone, a
// glossary entry's other forms, and back to the start), the cache's index
// is byte for byte the one Build makes, and the documents that did not
// change were taken from the cache.
func TestCacheMatchesBuild(t *testing.T) {
	brief := func(name, title, body string) string {
		return fmt.Sprintf("-- content/briefs/%s.md --\n---\ntitle: %s\nsummary: About %s.\nfunctions: [capacity]\npublished: 2026-01-01\nreviewed: 2026-01-01\n---\n%s\n", name, title, name, body)
	}
	base := "-- site.yaml --\ntitle: T\nbase_url: https://example.org/\n" +
		"-- content/index.md --\n---\ntitle: T\nsummary: S.\n---\n" +
		"-- content/pages/help.md --\n---\ntitle: Help\nsummary: S.\n---\n" +
		"-- content/functions/capacity.md --\n---\ntitle: Capacity\nsummary: S.\n---\n"
	entry := func(also string) string {
		return "-- content/glossary/amhp.md --\n---\ntitle: Approved mental health professional\nabbr: AMHP\nalso: [" + also + "]\nsummary: A role.\n---\n"
	}
	steps := []struct {
		name   string
		files  string
		reused int
	}{
		{"first", brief("a", "Apples", "Crisp apples.") + brief("b", "Bread", "Warm bread.") + brief("c", "Carers", "Carers' rights.") + entry("approved professional"), 0},
		{"a text", brief("a", "Apples", "Sweet apples.") + brief("b", "Bread", "Warm bread.") + brief("c", "Carers", "Carers' rights.") + entry("approved professional"), 3},
		{"b's title moves it last", brief("a", "Apples", "Sweet apples.") + brief("b", "Zest", "Warm bread.") + brief("c", "Carers", "Carers' rights.") + entry("approved professional"), 3},
		{"a heading", brief("a", "Apples", "## Orchards\n\nSweet apples.") + brief("b", "Zest", "Warm bread.") + brief("c", "Carers", "Carers' rights.") + entry("approved professional"), 3},
		{"c gone", brief("a", "Apples", "## Orchards\n\nSweet apples.") + brief("b", "Zest", "Warm bread.") + entry("approved professional"), 3},
		{"an entry's other forms", brief("a", "Apples", "## Orchards\n\nSweet apples.") + brief("b", "Zest", "Warm bread.") + entry("mental health professional"), 2},
		{"back to the start", brief("a", "Apples", "Crisp apples.") + brief("b", "Bread", "Warm bread.") + brief("c", "Carers", "Carers' rights.") + entry("approved professional"), 0},
	}
	c := NewCache()
	for _, s := range steps {
		site := load(t, txtar.Parse([]byte(base+s.files)))
		sameIndex(t, s.name, c.Build(site), Build(site))
		if c.reused != s.reused {
			t.Errorf("%s: %d documents taken from the cache, want %d", s.name, c.reused, s.reused)
		}
	}
}

// sameIndex fails the test unless got has the same entry and the same
// files, path for path and byte for byte, as want.
func sameIndex(t *testing.T, step string, got, want *Index) {
	t.Helper()
	if got.Entry != want.Entry {
		t.Fatalf("%s: the cache's entry is %s, Build's %s", step, got.Entry, want.Entry)
	}
	var paths []string
	for p := range want.Files {
		paths = append(paths, p)
	}
	for p := range got.Files {
		if _, ok := want.Files[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		g, gok := got.Files[p]
		w, wok := want.Files[p]
		switch {
		case !gok:
			t.Fatalf("%s: the cache's index has no %s", step, p)
		case !wok:
			t.Fatalf("%s: the cache's index has %s, which Build's has not", step, p)
		case !bytes.Equal(g, w):
			t.Fatalf("%s: %s differs from Build's:\n%.300s\nwant\n%.300s", step, p, g, w)
		}
	}
}

// TestBuildToHandsOutEachFile shows that BuildTo makes the index Build
// makes: each document's file handed to put once, in the documents'
// order, more than one emit's worth of blocks, and the rest in the Index;
// and that it says it is done with each brief, in order, once the brief's
// file is handed out.
func TestBuildToHandsOutEachFile(t *testing.T) {
	site := synthSite(t, emitBlocks*blockSize+70)
	var order []string
	var done []*content.Page
	all := &Index{Files: map[string][]byte{}}
	ix := BuildTo(site, func(p string, b []byte) {
		if _, ok := all.Files[p]; ok {
			t.Fatalf("%s handed out twice", p)
		}
		order = append(order, p)
		all.Files[p] = b
	}, func(p *content.Page) {
		if len(order) <= len(done) {
			t.Fatalf("done with brief %d before its file was handed out", len(done))
		}
		done = append(done, p)
	})
	if !slices.Equal(done, site.Briefs) {
		t.Errorf("done with %d pages, not each of the %d briefs in order", len(done), len(site.Briefs))
	}
	docs := len(site.Briefs) + len(site.Glossary)
	if len(order) != docs {
		t.Fatalf("%d files handed out, want one for each of %d documents", len(order), docs)
	}
	for i, p := range order {
		if !strings.HasPrefix(p, fmt.Sprintf("%s%d.", Folder, i)) {
			t.Fatalf("file %d handed out is %s, out of the documents' order", i, p)
		}
	}
	for p, b := range ix.Files {
		if _, ok := all.Files[p]; ok {
			t.Fatalf("%s is both handed out and in the Index", p)
		}
		all.Files[p] = b
	}
	all.Entry = ix.Entry
	sameIndex(t, "BuildTo", all, Build(site))
}
