package render

import (
	"flag"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ files of the golden tests")

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// golden are the output files each golden test compares.
var golden = []string{"index.html", "briefs/what-is/index.html", "functions/stewardship/index.html",
	"map/index.html", "glossary/index.html", "404.html", "feed.xml", "sitemap.xml", "old/what-is/index.html",
	"briefs/what-is/cite.ris", "briefs/what-is/cite.bib", "briefs/what-is/cite.json", "applies-to/wales/index.html", "briefs/index.html"}

func TestGolden(t *testing.T) {
	txtar.RunGolden(t, "testdata/*.txtar", *update, func(t *testing.T, a *txtar.Archive) map[string]string {
		fsys := fstest.MapFS{}
		for _, f := range a.Files {
			if !strings.HasPrefix(f.Name, "want/") {
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
		site, diags, err := content.Load(fsys, content.Options{BuildDate: today})
		if err != nil || diags.HasErrors() {
			t.Fatalf("load: %v\n%s", err, diags)
		}
		out := renderWithLayouts(t, site, fsys)
		if ds := out.Check(site); len(ds) > 0 {
			t.Errorf("Check found problems in the layouts:\n%s", ds)
		}
		streamedToo(t, site, fsys)
		got := map[string]string{"want/files": strings.Join(out.Paths(), "\n") + "\n"}
		for _, p := range golden {
			b, ok := out.Files[p]
			if !ok {
				t.Errorf("no %s", p)
			}
			got["want/"+p] = string(b)
		}
		return got
	})
}

// projectLayouts are the project's own layouts, parsed, and their folder.
func projectLayouts(t *testing.T) (Layouts, fs.FS) {
	t.Helper()
	layouts := os.DirFS("../../layouts")
	ls, err := LoadLayouts(layouts)
	if err != nil {
		t.Fatal(err)
	}
	return ls, layouts
}

// renderWithLayouts renders site with the project's own layouts.
func renderWithLayouts(t *testing.T, site *content.Site, fsys fs.FS) *Output {
	t.Helper()
	ls, layouts := projectLayouts(t)
	out, err := Render(site, ls, layouts, fsys)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
