package serve

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var benchBriefs = flag.String("rebuild.briefs", "1000,5000,20000", "sizes of the synthetic hub for BenchmarkRebuildOneBrief, comma-separated")

// BenchmarkRebuildOneBrief is the time from a saved brief to the reload
// event sent to open pages, in a synthetic hub of 1,000, 5,000 and 20,000
// briefs (-rebuild.briefs) written to a temporary folder and served as
// "alongside serve" serves it: the file is written in place, and the
// clock runs from the write until the event reaches a listening page, so
// it covers the file event, the watcher's wait for a quiet moment
// (Quiet), the rebuild (content, rendering, checking), the swap of the
// snapshot and the event. Three edits are measured: edit=body adds a
// paragraph, edit=summary changes the summary, which every list showing
// the brief shows too, and edit=link adds a link to another brief, which
// shows its new backlink. The anchor, measured in the same run, is a full
// build of the same folder without any cache: "full-ms", and
// "full/rebuild" says how many times faster the rebuild is.
func BenchmarkRebuildOneBrief(b *testing.B) {
	for _, size := range strings.Split(*benchBriefs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(size))
		if err != nil || n < 10 {
			b.Fatalf("-rebuild.briefs: %q is not a number of briefs", size)
		}
		b.Run(fmt.Sprintf("briefs=%d", n), func(b *testing.B) {
			m := syntheticFS(b, n)
			root := b.TempDir()
			for p, f := range m {
				full := filepath.Join(root, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(full, f.Data, 0o644); err != nil {
					b.Fatal(err)
				}
			}
			start := time.Now()
			if _, err := fullBuild(os.DirFS(root), testOptions()); err != nil {
				b.Fatal(err)
			}
			full := time.Since(start)
			s := New(Options{Root: root, Content: testOptions()})
			c, _ := s.hub.subscribe()
			ln, err := Listen("127.0.0.1:0", false)
			if err != nil {
				b.Fatal(err)
			}
			ctx, stop := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- s.Run(ctx, ln) }()
			defer func() { stop(); <-done }()
			wait := func() {
				select {
				case <-c:
				case <-time.After(time.Minute):
					b.Fatal("no reload event within a minute")
				}
			}
			wait() // the first build
			fns, prs := synthTerms(m)
			version := 0
			for _, edit := range []string{"body", "summary", "link"} {
				b.Run("edit="+edit, func(b *testing.B) {
					var took time.Duration
					for i := 0; i < b.N; i++ {
						j := (i * 37) % n
						version++
						text := synthBrief(j, n, fns, prs, 0) + fmt.Sprintf("\nA paragraph added in edit %d.\n", version)
						switch edit {
						case "summary":
							text = synthBrief(j, n, fns, prs, version) // the summary says the version
						case "link": // a link to another brief, which gains a backlink
							text = synthBrief(j, n, fns, prs, 0) + fmt.Sprintf("\nSee also [another brief](%s).\n", path.Base(synthPath((j+n/2+version)%n)))
						}
						start := time.Now()
						if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(synthPath(j))), []byte(text), 0o644); err != nil {
							b.Fatal(err)
						}
						wait()
						took += time.Since(start)
						if snap := s.snap.Load(); snap.failed {
							b.Fatal(snap.diags)
						}
						b.StopTimer()
						time.Sleep(5 * Quiet) // no event of this save is left for the next
						select {
						case <-c:
						default:
						}
						b.StartTimer()
					}
					b.StopTimer()
					per := float64(took) / float64(b.N)
					b.ReportMetric(per/1e6, "event-to-reload-ms")
					b.ReportMetric(float64(full.Milliseconds()), "full-ms")
					b.ReportMetric(float64(full)/per, "full/rebuild")
				})
			}
		})
	}
}

// BenchmarkRebuildMemory rebuilds a 200-brief hub 1,000 times in a row,
// each time after changing one brief (its body, and every other time its
// summary too), told what changed as the watcher tells it, so that most
// rebuilds patch the last (patched says how many), and reports the live heap (after a collection) once the first
// build is done and warm (heap-first-MB, once every brief was changed once and the indexes a patch makes on first need are made), the
// largest seen at every 50th rebuild (heap-max-MB), and after the last
// (heap-last-MB): the caches hold one entry per file and the server one
// build, so the heap follows the size of the tree, not the number of
// rebuilds, and last/first stays near 1.
func BenchmarkRebuildMemory(b *testing.B) {
	const n, rebuilds = 200, 1000
	live := func() float64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	for i := 0; i < b.N; i++ {
		m := syntheticFS(b, n)
		s := newServer(m, Options{Content: testOptions()})
		fns, prs := synthTerms(m)
		var first, most, last float64
		patched := 0
		for r := 0; r < rebuilds; r++ {
			j := (r * 37) % n
			text := synthBrief(j, n, fns, prs, r/2) + fmt.Sprintf("\nEdit %d.\n", r)
			m[synthPath(j)] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
			s.rebuildAfter([]string{synthPath(j)}) // as the watcher reports it: most are patched
			if s.b.patched {
				patched++
			}
			if s.snap.Load().failed {
				b.Fatalf("rebuild %d failed: %s", r, s.snap.Load().diags)
			}
			switch {
			case r == n-1:
				first = live()
				most = first
			case r%50 == 0 || r == rebuilds-1:
				most = max(most, live())
			}
		}
		last = live()
		runtime.KeepAlive(s)
		b.ReportMetric(first, "heap-first-MB")
		b.ReportMetric(most, "heap-max-MB")
		b.ReportMetric(last, "heap-last-MB")
		b.ReportMetric(last/first, "last/first")
		b.ReportMetric(float64(patched), "patched")
	}
}
