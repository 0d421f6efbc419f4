package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"

	"github.com/alongside-hub/alongside/internal/par"
)

// A Staged is a new site being written beside its output folder (Stage).
// Put writes a file into it, from any core, as soon as the build has made
// it, so that the build need not hold the whole site in memory; Commit
// swaps it into place whole; Abort throws it away. Either of them lets go
// of the folder's lock, and after them Put does nothing.
type Staged struct {
	shown, real, tmp   string // the folder as the user wrote it, as the disk sees it, and the new site
	hadOld, twoRenames bool
	stepFn             func(string)
	unlock             func()

	oldRoot *os.Root  // the old site, whose unchanged files are reused (reuse.go); nil if none
	bufs    sync.Pool // buffers for comparing them

	mu      sync.Mutex
	dirs    map[string]bool  // folders made in tmp
	refused map[string]error // paths that would leave the folder
	failed  map[string]error // paths that could not be written
	closed  bool
}

// Sink takes each file of a site as soon as it is made, from any core
// (RenderTo). A Staged is one. Put must neither keep nor change b once it
// returns: the caller makes the next file in the same memory.
type Sink interface {
	Put(path string, b []byte)
}

// Discard is a Sink that keeps nothing: a check that writes no site
// still scans every page without holding them all.
type Discard struct{}

func (Discard) Put(string, []byte) {}

func (s *Staged) step(what string) {
	if s.stepFn != nil {
		s.stepFn(what)
	}
}

// Put writes the file p of the site (a path like "briefs/x/index.html")
// into the new folder, making the folders it needs, or links the old
// site's file there when it holds these very bytes (reuse). A path
// outside the folder is refused and nothing is written for it. Once a
// file has failed the others are not written: the site cannot be put in
// place anyway, and Commit says why.
func (s *Staged) Put(p string, b []byte) {
	if !filepath.IsLocal(filepath.FromSlash(p)) || p == Marker {
		s.fail(&s.refused, p, fmt.Errorf("refusing to write %q: it is outside the output folder", p))
		return
	}
	s.mu.Lock()
	stop := s.closed || len(s.failed)+len(s.refused) > 0
	s.mu.Unlock()
	if stop {
		return
	}
	if err := s.dir(path.Dir(p)); err != nil {
		s.fail(&s.failed, p, err)
		return
	}
	if !s.reuse(p, b) {
		if err := writeNew(filepath.Join(s.tmp, filepath.FromSlash(p)), b); err != nil {
			s.fail(&s.failed, p, err)
			return
		}
	}
	if s.stepFn != nil {
		s.mu.Lock()
		s.step("wrote " + p)
		s.mu.Unlock()
	}
}

// writeNew writes b to a file that must not exist yet. A path given twice
// (two pages that clash, which Check reports) fails rather than write
// through the first: that may be the old site's file, reused.
func writeNew(p string, b []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err2 := f.Close(); err == nil {
		err = err2
	}
	return err
}

// dir makes the folder d of the new site and the folders above it, once
// each. A folder another core is making at the same moment is no error.
func (s *Staged) dir(d string) error {
	if d == "." {
		return nil
	}
	s.mu.Lock()
	made := s.dirs[d]
	s.mu.Unlock()
	if made {
		return nil
	}
	if err := s.dir(path.Dir(d)); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(s.tmp, filepath.FromSlash(d)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	s.mu.Lock()
	s.dirs[d] = true
	s.mu.Unlock()
	return nil
}

func (s *Staged) fail(in *map[string]error, p string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if *in == nil {
		*in = map[string]error{}
	}
	if _, seen := (*in)[p]; !seen {
		(*in)[p] = err
	}
}

// first is the error of the first path in order, so that the message is
// the same whichever core failed first.
func first(errs map[string]error) error {
	at := ""
	for p := range errs {
		if at == "" || p < at {
			at = p
		}
	}
	return errs[at]
}

// Commit puts the new site in place of the old, which it then deletes.
// If a path was refused, or a file could not be written, it throws the new
// site away instead, and the error says which site the folder holds.
func (s *Staged) Commit() error {
	s.mu.Lock()
	s.closed = true
	refused, failed := first(s.refused), first(s.failed)
	s.mu.Unlock()
	if refused != nil {
		s.Abort()
		return refused
	}
	if failed != nil {
		s.Abort()
		return s.kept("write the new site", failed)
	}
	defer s.release()
	if !s.hadOld {
		if err := os.Rename(s.tmp, s.real); err != nil {
			os.RemoveAll(s.tmp)
			return s.kept("put the new site in place", err)
		}
		s.step("moved the new site in")
		return nil
	}
	old, err := swap(s.tmp, s.real, s.twoRenames, s.step)
	if err != nil {
		os.RemoveAll(s.tmp)
		return s.kept("put the new site in place", err)
	}
	if err := removeAll(old); err != nil {
		return &WriteError{fmt.Sprintf("the new site is in place in %s, but the old one could not be deleted (%s)", s.shown, plainErr(err)),
			"the next build deletes it; if this happens again, check the folder can be written to"}
	}
	s.step("deleted the old site")
	return nil
}

// Abort throws the new site away and leaves the folder as it was. It may
// be called more than once; after Commit it does nothing.
func (s *Staged) Abort() {
	s.mu.Lock()
	s.closed = true
	gone := s.unlock == nil
	s.mu.Unlock()
	if gone {
		return
	}
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
	s.release()
}

// release lets go of the old site and of the folder's lock, once.
func (s *Staged) release() {
	s.mu.Lock()
	unlock, old := s.unlock, s.oldRoot
	s.unlock, s.oldRoot = nil, nil
	s.mu.Unlock()
	if old != nil {
		old.Close()
	}
	if unlock != nil {
		unlock()
	}
}

// kept is the error of a step that failed before the swap: the folder
// still holds the old site, or nothing.
func (s *Staged) kept(what string, err error) error {
	if s.hadOld {
		return &WriteError{fmt.Sprintf("could not %s (%s); the old site in %s was left as it was", what, plainErr(err), s.shown),
			"check the folder can be written to and the disk has room, or choose another with -out"}
	}
	return &WriteError{fmt.Sprintf("could not %s (%s); nothing was written to %s", what, plainErr(err), s.shown),
		"check the folder can be written to and the disk has room, or choose another with -out"}
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
