// Package par shares work between the cores. It is the one place the build
// starts goroutines, and its rule keeps output deterministic: work is split
// into ranges of indexes, and each call writes only to the items of its own
// range, so the result is the same on one core or many.
package par

import (
	"runtime"
	"sync"
)

// Ranges calls work on consecutive ranges [first, end) that together
// cover [0, n), as many at once as GOMAXPROCS allows, and returns when all
// are done. work must write only to the items of its own range.
func Ranges(n int, work func(first, end int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || n < 2 {
		work(0, n)
		return
	}
	chunk := max(1, min(64, n/(workers*4)))
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				first := next
				next += chunk
				mu.Unlock()
				if first >= n {
					return
				}
				work(first, min(first+chunk, n))
			}
		}()
	}
	wg.Wait()
}
