package render

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"

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

// writeFiles writes the files of o at paths, which checkPaths allowed, into
// the new folder tmp: first every folder they need, parents first, then
// the files, on all cores. step is called after each file, one call at a
// time. When files fail, the error of the first of them in path order is
// returned.
func (o *Output) writeFiles(tmp string, paths []string, step func(string)) error {
	dirs := map[string]bool{}
	for _, p := range paths {
		for d := path.Dir(p); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	// Sorted, a folder comes before the folders inside it.
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := os.Mkdir(filepath.Join(tmp, filepath.FromSlash(d)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	errs := make([]error, len(paths))
	var mu sync.Mutex
	par.Ranges(len(paths), func(first, end int) {
		for i := first; i < end; i++ {
			p := paths[i]
			if errs[i] = os.WriteFile(filepath.Join(tmp, filepath.FromSlash(p)), o.Files[p], 0o644); errs[i] != nil {
				return
			}
			mu.Lock()
			step("wrote " + p)
			mu.Unlock()
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
