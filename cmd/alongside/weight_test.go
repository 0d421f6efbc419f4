package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/synth"
)

// budget is the page weight the accessibility suite holds every page to
// (tests/browser/lib.mjs): HTML and CSS, gzipped.
const budget = 14 * 1024

func gzipped(t *testing.T, b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// A hub of 400 briefs splits every list that grows with it (All briefs A
// to Z, functions, priorities, topics, audiences, the map's cells), so
// every page keeps to the budget and every brief can still be reached
// from each list it belongs to, once. /search/ is left out: it is made
// for searching and is weighed by its own tests.
func TestListsKeepToThePageWeightBudget(t *testing.T) {
	root := t.TempDir()
	if err := synth.Write(root, synth.Hub(synth.Options{Briefs: 400})); err != nil {
		t.Fatal(err)
	}
	copyDirT(t, "../../layouts", filepath.Join(root, "layouts"))
	out, diags, err := buildSite(root, content.Options{BuildDate: benchDate})
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v\n%s", err, diags)
	}
	css := gzipped(t, out.Files["assets/site.css"])
	for _, p := range out.Paths() {
		if !strings.HasSuffix(p, ".html") || strings.HasPrefix(p, "search/") {
			continue
		}
		if w := gzipped(t, out.Files[p]) + css; w > budget {
			t.Errorf("%s weighs %d bytes gzipped with its CSS, over the budget of %d", p, w, budget)
		}
	}
	href := regexp.MustCompile(`href="[./a-z]*?(brief-\d+)/"`)
	// listed counts the briefs linked from the pages of the list at dir
	// (its first page and dir/page/N/), each with its item-list entry.
	listed := func(dir string) map[string]int {
		seen := map[string]int{}
		for _, p := range out.Paths() {
			if p != dir+"index.html" && !(strings.HasPrefix(p, dir+"page/") && strings.HasSuffix(p, "/index.html")) {
				continue
			}
			page := string(out.Files[p])
			if i := strings.Index(page, `class="item-list"`); i >= 0 {
				page = page[i:]
			} else {
				continue
			}
			if i := strings.Index(page, `class="pager"`); i >= 0 {
				page = page[:i]
			}
			for _, m := range href.FindAllStringSubmatch(page, -1) {
				seen[m[1]]++
			}
		}
		return seen
	}
	check := func(dir string, want int) {
		t.Helper()
		got := listed(dir)
		if len(got) != want {
			t.Errorf("%s lists %d briefs across its pages, want %d", dir, len(got), want)
		}
		for b, n := range got {
			if n != 1 {
				t.Errorf("%s lists %s %d times", dir, b, n)
			}
		}
		if want > 50 && out.Files[dir+"page/2/index.html"] == nil {
			t.Errorf("%s has %d briefs and no second page", dir, want)
		}
	}
	check("briefs/", 400)
	site, _, _ := content.Load(os.DirFS(root), content.Options{BuildDate: benchDate})
	for _, f := range site.Functions {
		check(strings.TrimPrefix(f.URL, "/"), len(f.Briefs))
	}
	for _, f := range site.Priorities {
		check(strings.TrimPrefix(f.URL, "/"), len(f.Briefs))
	}
	for _, tp := range append(site.Topics, site.Audiences...) {
		check(strings.TrimPrefix(tp.URL, "/"), len(tp.Briefs))
	}
	if !strings.Contains(string(out.Files["map/index.html"]), `href="stewardship/better-lives/"`) {
		t.Errorf("the map does not link its cells to their own pages")
	}
	for _, pr := range site.Priorities {
		for _, fn := range site.Functions {
			want := 0
			for _, b := range pr.Briefs {
				for _, bf := range b.Functions {
					if bf == fn {
						want++
					}
				}
			}
			if want > 0 {
				check("map/"+fn.Slug+"/"+pr.Slug+"/", want)
			}
		}
	}
	// The A to Z on every page of All briefs leads to each letter's heading.
	if !strings.Contains(string(out.Files["briefs/page/2/index.html"]), `<nav aria-label="All briefs, A to Z">`) {
		t.Errorf("page 2 of All briefs has no A to Z")
	}
}
