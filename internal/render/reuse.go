package render

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
)

// reuse puts the old site's file p into the new site as a second name for
// the same file (a hard link) when it holds exactly b, and says whether it
// did. A rebuild then makes on disk only the files that changed, and
// deleting the old site frees only those: making and freeing thousands of
// files is most of what a rebuild costs the disk, and some file systems
// (ext4) make each new file slower to create while many were freed in the
// last half minute.
//
// Only a plain file the build could have made is reused: read through
// the old site's folder (os.Root, so no link leads out of it), a regular
// file with the permissions the build gives, with no other name anywhere,
// of the same length and the same bytes. The new name is checked to be
// that very file; anything else is written afresh.
func (s *Staged) reuse(p string, b []byte) bool {
	if s.oldRoot == nil {
		return false
	}
	f, err := s.oldRoot.Open(filepath.FromSlash(p))
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != 0o644 || info.Size() != int64(len(b)) || !onlyName(info) {
		return false
	}
	buf, _ := s.bufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
		*buf = make([]byte, 32<<10)
	}
	same := sameBytes(f, b, *buf)
	s.bufs.Put(buf)
	if !same {
		return false
	}
	to := filepath.Join(s.tmp, filepath.FromSlash(p))
	if os.Link(filepath.Join(s.real, filepath.FromSlash(p)), to) != nil {
		return false
	}
	if now, err := os.Lstat(to); err != nil || !os.SameFile(info, now) {
		os.Remove(to) // the old site changed meanwhile: write the file instead
		return false
	}
	return true
}

// sameBytes says whether r holds exactly b, read with buf.
func sameBytes(r io.Reader, b, buf []byte) bool {
	for {
		n, err := io.ReadFull(r, buf[:min(len(buf), len(b)+1)])
		if !bytes.Equal(buf[:n], b[:min(n, len(b))]) || n > len(b) {
			return false
		}
		b = b[n:]
		if err != nil {
			return len(b) == 0 && (err == io.EOF || err == io.ErrUnexpectedEOF)
		}
	}
}
