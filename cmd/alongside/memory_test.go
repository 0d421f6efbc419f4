package main

import (
	"runtime/debug"
	"testing"
)

// TestCollectorTarget shows that a build sets the collector's target to
// gcPercent, and leaves it alone when GOGC is set.
func TestCollectorTarget(t *testing.T) {
	was := debug.SetGCPercent(100)
	defer debug.SetGCPercent(was)
	tuneCollector(func(string) string { return "" })
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("with no GOGC, the target is %d, want %d", got, gcPercent)
	}
	tuneCollector(func(k string) string {
		if k == "GOGC" {
			return "50"
		}
		return ""
	})
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, the target was changed to %d", got)
	}
}
