//go:build unix

package render

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"
)

var errBusy = errors.New("another build holds the lock")

// lockFolder takes the lock on the output folder NAME in parent: the file
// .NAME.lock, held with flock(2) so the kernel lets go of it when a build
// dies. The file is deleted when the build is done, so nothing stays
// behind; a build that locked a file deleted by the one before it tries
// again with the file on disk.
func lockFolder(parent, name string) (func(), error) {
	p := filepath.Join(parent, "."+name+".lock")
	for range 10 {
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, unix.EWOULDBLOCK) {
				return nil, errBusy
			}
			return nil, err
		}
		held, err1 := f.Stat()
		onDisk, err2 := os.Stat(p)
		if err1 == nil && err2 == nil && os.SameFile(held, onDisk) {
			return func() { os.Remove(p); f.Close() }, nil
		}
		f.Close()
	}
	return nil, errBusy
}

func writable(dir string) bool { return unix.Access(dir, unix.W_OK) == nil }

// onlyName says whether the file has no other name than the one it was
// found by.
func onlyName(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 1
}
