package serve

import (
	"flag"
	"fmt"
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
// briefs (-rebuild.briefs): the content, rendering and checking of the
// rebuild, the swap of the snapshot and the event. The watcher's wait for
// a quiet moment (Quiet) comes before it. The anchor, measured in the same
// run, is a full build of the same hub without any cache: "full-ms", and
// "full/rebuild" says how many times faster the rebuild is.
func BenchmarkRebuildOneBrief(b *testing.B) {
	for _, size := range strings.Split(*benchBriefs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(size))
		if err != nil || n < 10 {
			b.Fatalf("-rebuild.briefs: %q is not a number of briefs", size)
		}
		b.Run(fmt.Sprintf("briefs=%d", n), func(b *testing.B) {
			m := syntheticFS(b, n)
			start := time.Now()
			if _, err := fullBuild(m, testOptions()); err != nil {
				b.Fatal(err)
			}
			full := time.Since(start)
			s := newServer(m, Options{Content: testOptions()})
			c, _ := s.hub.subscribe()
			s.rebuild()
			<-c
			fns, prs := synthTerms(m)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				j := (i * 37) % n
				m[synthPath(j)] = &fstest.MapFile{Data: []byte(synthBrief(j, n, fns, prs, i+1)), Mode: 0o644}
				if msg := s.rebuild(); s.snap.Load().failed {
					b.Fatal(msg, s.snap.Load().diags)
				}
				<-c
			}
			b.StopTimer()
			b.ReportMetric(float64(full.Milliseconds()), "full-ms")
			b.ReportMetric(float64(full)/(float64(b.Elapsed())/float64(b.N)), "full/rebuild")
		})
	}
}

// BenchmarkRebuildMemory rebuilds a 200-brief hub 1,000 times in a row,
// each time after changing one brief, and reports the live heap after the
// first rebuild and after the last: the caches hold one entry per file,
// so the two stay close.
func BenchmarkRebuildMemory(b *testing.B) {
	const n, rebuilds = 200, 1000
	for i := 0; i < b.N; i++ {
		m := syntheticFS(b, n)
		s := newServer(m, Options{Content: testOptions()})
		fns, prs := synthTerms(m)
		var first, last runtime.MemStats
		for r := 0; r < rebuilds; r++ {
			j := (r * 37) % n
			m[synthPath(j)] = &fstest.MapFile{Data: []byte(synthBrief(j, n, fns, prs, r+1)), Mode: 0o644}
			s.rebuild()
			if r == 0 {
				runtime.GC()
				runtime.ReadMemStats(&first)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&last)
		runtime.KeepAlive(s)
		b.ReportMetric(float64(first.HeapAlloc)/(1<<20), "heap-first-MB")
		b.ReportMetric(float64(last.HeapAlloc)/(1<<20), "heap-last-MB")
		b.ReportMetric(float64(last.HeapAlloc)/float64(first.HeapAlloc), "last/first")
	}
}
