package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"runtime/metrics"
)

// gcPercent is the collector's target for a build or a check: the heap
// may grow to 1.8 times what is live before it is collected, not twice.
// A build holds every page's body until the page is written, and its peak
// memory is about twice what is live when the last file is read: at 5,000
// briefs this keeps the peak about a tenth lower, for 3 to 5% more CPU
// time, the collector's share going from about 7% to about 8.5%
// (docs/performance.md). GOGC, when set, decides instead.
const gcPercent = 80

// tuneCollector sets the collector's target for a build or a check,
// unless the environment (getenv) sets GOGC.
func tuneCollector(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// printMemory says how much the build allocated and what share of its CPU
// time went to collecting garbage, for "alongside build -timings".
func printMemory(w io.Writer) {
	s := []metrics.Sample{
		{Name: "/gc/heap/allocs:bytes"},
		{Name: "/cpu/classes/gc/total:cpu-seconds"},
		{Name: "/cpu/classes/total:cpu-seconds"},
		{Name: "/gc/cycles/total:gc-cycles"},
		{Name: "/cpu/classes/idle:cpu-seconds"},
	}
	metrics.Read(s)
	for _, x := range s {
		if x.Value.Kind() == metrics.KindBad {
			return
		}
	}
	alloc := s[0].Value.Uint64()
	// total counts every core for the whole run; what was not idle is
	// what the build used.
	gc, total := s[1].Value.Float64(), s[2].Value.Float64()-s[4].Value.Float64()
	share := 0.0
	if total > 0 {
		share = 100 * gc / total
	}
	fmt.Fprintf(w, "memory: allocated %d bytes in all; garbage collection %.1f%% of CPU time over %d cycles\n",
		alloc, share, s[3].Value.Uint64())
}
