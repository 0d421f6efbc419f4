package synth_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/synth"
)

// The synthetic hub loads with no errors and the shape the package doc
// promises, and the same options give the same bytes.
func TestHubLoads(t *testing.T) {
	files := synth.Hub(synth.Options{Briefs: 300})
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	site, diags, err := content.Load(fsys, content.Options{BuildDate: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if len(site.Briefs) != 300 {
		t.Fatalf("%d briefs, want 300", len(site.Briefs))
	}
	for _, b := range site.Briefs {
		if b.Words < 600 || b.Words > 1000 {
			t.Errorf("%s has %d words, want 600 to 1,000", b.Source, b.Words)
		}
		if len(b.Topics) < 2 || len(b.Topics) > 4 {
			t.Errorf("%s has %d topics", b.Source, len(b.Topics))
		}
		if len(b.Related) == 0 {
			t.Errorf("%s has no related briefs", b.Source)
		}
	}
	var all bytes.Buffer
	for _, b := range site.Briefs {
		all.WriteString(content.Body(b))
	}
	for _, want := range []string{"<table>", "<ul>", "<ol>", "<h3", "footnote", "/glossary/#", "../brief-"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no brief has %q", want)
		}
	}
	again := synth.Hub(synth.Options{Briefs: 300})
	for name, b := range files {
		if !bytes.Equal(b, again[name]) {
			t.Fatalf("%s differs between two runs", name)
		}
	}
}
