//go:build !unix

package render

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

var errBusy = errors.New("another build holds the lock")

// lockFolder takes the lock on the output folder NAME in parent by making
// .NAME.lock, which must not exist yet. Without flock(2) a build that was
// killed leaves the file behind, and the next build says the folder is
// busy until the file is deleted.
func lockFolder(parent, name string) (func(), error) {
	p := filepath.Join(parent, "."+name+".lock")
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, errBusy
	}
	if err != nil {
		return nil, err
	}
	f.Close()
	return func() { os.Remove(p) }, nil
}

func writable(dir string) bool { return true }

// onlyName cannot tell here whether a file has other names, so the old
// site's files are never reused: every file is written afresh.
func onlyName(info fs.FileInfo) bool { return false }
