package render

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/alongside-hub/alongside/internal/par"
)

// checkPaths refuses, before anything is written, a path that would leave
// the output folder or stand for the build's marker, and returns the
// paths in order for writeFiles.
func (o *Output) checkPaths() ([]string, error) {
	paths := o.Paths()
	for _, p := range paths {
		if !filepath.IsLocal(filepath.FromSlash(p)) || p == Marker {
			return nil, fmt.Errorf("refusing to write %q: it is outside the output folder", p)
		}
	}
	return paths, nil
}

// removeAll deletes the folder dir and everything in it, its top-level
// entries on all cores.
func removeAll(dir string) error {
	entries, err := os.ReadDir(dir)
	if err == nil {
		par.Ranges(len(entries), func(first, end int) {
			for _, e := range entries[first:end] {
				os.RemoveAll(filepath.Join(dir, e.Name()))
			}
		})
	}
	return os.RemoveAll(dir)
}
