package render

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/alongside-hub/alongside/internal/par"
)

// checkPaths refuses, before anything is written, a path that would leave
// the output folder or stand for the build's marker, and returns the
// paths in order.
func (o *Output) checkPaths() ([]string, error) {
	paths := o.Paths()
	for _, p := range paths {
		if !filepath.IsLocal(filepath.FromSlash(p)) || p == Marker {
			return nil, fmt.Errorf("refusing to write %q: it is outside the output folder", p)
		}
	}
	return paths, nil
}

// removeAll deletes the folder dir and everything in it, on all cores:
// what is in each of its folders is shared out (briefs/ alone holds most
// of a hub), then what is left.
func removeAll(dir string) error {
	var parts []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		parts = append(parts, p)
		if e.IsDir() {
			inner, _ := os.ReadDir(p)
			for _, f := range inner {
				parts = append(parts, filepath.Join(p, f.Name()))
			}
		}
	}
	// The folders' contents first, from the end: each folder comes before
	// what is in it, and is deleted once it is empty.
	slices.Reverse(parts)
	par.Ranges(len(parts), func(first, end int) {
		for _, p := range parts[first:end] {
			os.RemoveAll(p)
		}
	})
	return os.RemoveAll(dir)
}
