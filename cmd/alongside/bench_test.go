package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

// synthSite writes a site of n briefs, each about 600 words with links,
// headings and glossary terms, so that build cost can be measured as the
// site grows. Compare ns/op between sizes: a ratio near the ratio of sizes
// means the build scales linearly.
func synthSite(b *testing.B, n int) string {
	b.Helper()
	root := b.TempDir()
	w := func(name, data string) {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	w("site.yaml", "title: Bench\nbase_url: https://example.org/\n")
	w("content/index.md", "---\ntitle: Bench\nsummary: Bench.\n---\nHello.\n")
	w("content/pages/help.md", "---\ntitle: Help\nsummary: Help.\n---\nCall 999.\n")
	for _, f := range []string{"stewardship", "financing", "capacity", "producing-and-using-research"} {
		w("content/functions/"+f+".md", "---\ntitle: "+f+"\nsummary: A function.\n---\nIntro.\n")
	}
	for i := 0; i < 7; i++ {
		w(fmt.Sprintf("content/priorities/p%d.md", i), fmt.Sprintf("---\ntitle: Priority %d\nsummary: A priority.\n---\nIntro.\n", i))
	}
	for i := 0; i < 30; i++ {
		w(fmt.Sprintf("content/glossary/term-%d.md", i), fmt.Sprintf("---\ntitle: Term number %d\nabbr: T%d\nsummary: A term.\n---\n", i, i))
	}
	para := strings.Repeat("People value support that looks at the whole of their life, and Term number 3 matters. ", 8)
	fns := []string{"stewardship", "financing", "capacity", "producing-and-using-research"}
	for i := 0; i < n; i++ {
		var body strings.Builder
		for s := 0; s < 5; s++ {
			fmt.Fprintf(&body, "## Section %d\n\n%s See [the next brief](brief-%d.md#section-1).\n\n", s, para, (i+1)%n)
		}
		w(fmt.Sprintf("content/briefs/brief-%d.md", i), fmt.Sprintf("---\ntitle: Brief %d\nsummary: A brief.\nfunctions: [%s]\npriorities: [p%d]\ntopics: [t%d]\naudiences: [public]\npublished: 2026-01-01\nreviewed: 2026-11-01\nsources:\n  - title: A source\n    year: 2025\n---\n%s",
			i, fns[i%4], i%7, i%10, body.String()))
	}
	copyDirB(b, "../../layouts", filepath.Join(root, "layouts"))
	return root
}

func copyDirB(b *testing.B, from, to string) {
	filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, _ := os.ReadFile(p)
		os.MkdirAll(filepath.Dir(filepath.Join(to, rel)), 0o755)
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
}

// BenchmarkBuild measures load, render, check and minify in memory.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{50, 200, 800} {
		b.Run(fmt.Sprintf("briefs=%d", n), func(b *testing.B) {
			root := synthSite(b, n)
			opt := content.Options{BuildDate: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				out, diags, err := buildSite(root, opt)
				if err != nil || diags.HasErrors() {
					b.Fatalf("%v %s", err, diags)
				}
				b.ReportMetric(float64(pages(out)), "pages")
			}
		})
	}
}

// BenchmarkWrite measures writing a built site to disk, swap included.
func BenchmarkWrite(b *testing.B) {
	root := synthSite(b, 200)
	out, _, err := buildSite(root, content.Options{BuildDate: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := out.WriteDir(dir); err != nil {
			b.Fatal(err)
		}
	}
}
