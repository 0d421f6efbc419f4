package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/render"
	"github.com/alongside-hub/alongside/internal/synth"
)

// The stage benchmarks build the synthetic hub of internal/synth at 1,000
// briefs, so that a regression in one stage shows in benchstat:
//
//	go test ./cmd/alongside -run '^$' -bench . -count 6 > new.txt
//	benchstat old.txt new.txt
//
// Whole builds at 1,000 to 20,000 briefs, beside Hugo, are in
// cmd/hubbench (make bench).
const benchBriefs = 1000

var benchDate = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// synthSite writes the synthetic hub of n briefs and the real layouts.
func synthSite(b *testing.B, n int) string {
	b.Helper()
	root := b.TempDir()
	if err := synth.Write(root, synth.Hub(synth.Options{Briefs: n})); err != nil {
		b.Fatal(err)
	}
	copyDirB(b, "../../layouts", filepath.Join(root, "layouts"))
	return root
}

func copyDirB(b *testing.B, from, to string) {
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Dir(filepath.Join(to, rel)), 0o755)
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLoad is content.Load: read, front matter, parse, link, relate,
// render Markdown. Each stage's share is reported as <stage>-ns/op.
func BenchmarkLoad(b *testing.B) {
	root := synthSite(b, benchBriefs)
	stages := map[string]time.Duration{}
	opt := content.Options{BuildDate: benchDate, Trace: func(s string, d time.Duration) { stages[s] += d }}
	b.ReportAllocs()
	for b.Loop() {
		_, diags, err := content.Load(os.DirFS(root), opt)
		if err != nil || diags.HasErrors() {
			b.Fatalf("%v %s", err, diags)
		}
	}
	for s, d := range stages {
		name := strings.ReplaceAll(strings.Fields(s)[0], " ", "-")
		b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), name+"-ns/op")
	}
}

// loaded is the synthetic hub loaded, with its layouts, for the later stages.
func loaded(b *testing.B) (*content.Site, render.Layouts, string) {
	root := synthSite(b, benchBriefs)
	site, diags, err := content.Load(os.DirFS(root), content.Options{BuildDate: benchDate})
	if err != nil || diags.HasErrors() {
		b.Fatalf("%v %s", err, diags)
	}
	ls, err := render.LoadLayouts(os.DirFS(filepath.Join(root, "layouts")))
	if err != nil {
		b.Fatal(err)
	}
	return site, ls, root
}

// BenchmarkRender is the layouts: every page, feed and the sitemap.
func BenchmarkRender(b *testing.B) {
	site, ls, root := loaded(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := render.Render(site, ls, os.DirFS(filepath.Join(root, "layouts")), os.DirFS(root)); err != nil {
			b.Fatal(err)
		}
	}
}

func rendered(b *testing.B) (*render.Output, *content.Site) {
	site, ls, root := loaded(b)
	out, err := render.Render(site, ls, os.DirFS(filepath.Join(root, "layouts")), os.DirFS(root))
	if err != nil {
		b.Fatal(err)
	}
	return out, site
}

// BenchmarkCheck is the check of the links and ids the layouts made.
func BenchmarkCheck(b *testing.B) {
	out, site := rendered(b)
	b.ReportAllocs()
	for b.Loop() {
		if ds := out.Check(site); len(ds) > 0 {
			b.Fatal(ds)
		}
	}
}

// BenchmarkMinify is minifying every page, stylesheet, script and feed.
func BenchmarkMinify(b *testing.B) {
	out, _ := rendered(b)
	orig := map[string][]byte{}
	for p, f := range out.Files {
		orig[p] = f
	}
	b.ReportAllocs()
	for b.Loop() {
		for p, f := range orig {
			out.Files[p] = f
		}
		if err := out.Minify(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite is writing a built site to disk over the one before, as
// a rebuild does (the unchanged files are reused), swap included.
func BenchmarkWrite(b *testing.B) {
	out, _ := rendered(b)
	dir := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	for b.Loop() {
		if err := out.WriteDir(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is the whole build as "alongside check" runs it: every
// page made, minified and scanned, none kept.
func BenchmarkBuild(b *testing.B) {
	root := synthSite(b, benchBriefs)
	opt := content.Options{BuildDate: benchDate}
	b.ReportAllocs()
	for b.Loop() {
		out, diags, err := buildSiteTo(root, opt, func() render.Sink { return render.Discard{} })
		if err != nil || diags.HasErrors() {
			b.Fatalf("%v %s", err, diags)
		}
		b.ReportMetric(float64(pages(out)), "pages")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchBriefs, "ns/brief")
}
