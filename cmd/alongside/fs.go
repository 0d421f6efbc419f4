package main

import (
	"fmt"
	"io/fs"
)

func subFS(fsys fs.FS, dir string) (fs.FS, error) {
	if _, err := fs.Stat(fsys, dir); err != nil {
		return nil, fmt.Errorf("the %s folder is missing: %w", dir, err)
	}
	return fs.Sub(fsys, dir)
}
