package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"

	"github.com/alongside-hub/alongside/internal/par"
)

// WriteOptions are the choices of one WriteDirWith.
type WriteOptions struct {
	Root       string            // the project folder, whose content/ and layouts/ are guarded; "" is "."
	Shown      string            // the output folder as the user wrote it, for messages; "" is dir
	Step       func(step string) // called after each step, so a test can stop the build there; may be nil
	TwoRenames bool              // swap with two renames even where an exchange exists, to test that path
}

// A WriteError says why the new site could not be put in place, which site
// the folder now holds, and what to do. The command exits 1 for it.
type WriteError struct {
	Msg  string // says "was left as it was" or "the new site is in place"
	Hint string
}

func (e *WriteError) Error() string { return e.Msg }

// WriteDir is WriteDirWith, guarding the project in the working folder.
func (o *Output) WriteDir(dir string) error { return o.WriteDirWith(dir, WriteOptions{}) }

// WriteDirWith replaces the folder dir with the output, keeping the
// promises of the package doc: it is Stage, Put of every file, and Commit.
// A path that would leave the folder is refused (Put), and the old site
// is left as it was.
func (o *Output) WriteDirWith(dir string, opt WriteOptions) error {
	s, err := Stage(dir, opt)
	if err != nil {
		return err
	}
	paths := o.Paths()
	par.Ranges(len(paths), func(first, end int) {
		for _, p := range paths[first:end] {
			s.Put(p, o.Files[p])
		}
	})
	return s.Commit()
}

// Stage starts a new site beside the folder dir, keeping the promises of
// the package doc: it replaces only a folder it may (see CheckOutDir,
// asked again once the folder is locked), and dir holds the old site
// whole or the new site whole at every moment, whatever stops the build.
// The new site is written file by file with Put, as the build makes its
// files, then put in place whole with Commit, or thrown away with Abort.
// The folder stays locked until one of them.
func Stage(dir string, opt WriteOptions) (*Staged, error) {
	s := &Staged{shown: opt.Shown, stepFn: opt.Step, twoRenames: opt.TwoRenames, dirs: map[string]bool{}}
	if s.shown == "" {
		s.shown = dir
	}
	root := opt.Root
	if root == "" {
		root = "."
	}
	if err := CheckOutDir(dir, s.shown, root); err != nil {
		return nil, err
	}
	real, err := realPath(dir)
	if err != nil {
		return nil, err
	}
	s.real = real
	parent, name := filepath.Dir(real), filepath.Base(real)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, &WriteError{fmt.Sprintf("could not make the folder that holds %s (%s); nothing was written", s.shown, plainErr(err)),
			"check the folder can be written to, or choose another with -out"}
	}
	unlock, err := lockFolder(parent, name)
	if errors.Is(err, errBusy) {
		return nil, &WriteError{fmt.Sprintf("another build is writing %s at this moment; this one stopped and left the folder to it", s.shown),
			"wait for the other build to finish, then build again if you need to"}
	}
	if err != nil {
		return nil, &WriteError{fmt.Sprintf("could not write beside %s (%s); it was left as it was", s.shown, plainErr(err)),
			"check the folder that holds it can be written to, or choose another with -out"}
	}
	s.unlock = unlock
	s.step("locked")
	// The folder may have changed while the site was being built.
	if err := CheckOutDir(dir, s.shown, root); err != nil {
		s.Abort()
		return nil, err
	}
	cleanLeftovers(parent, name)
	s.step("cleaned up")
	_, statErr := os.Lstat(real)
	s.hadOld = statErr == nil
	if s.hadOld {
		if ro := readOnlyIn(real); ro != "" {
			s.Abort()
			rel, _ := filepath.Rel(parent, ro)
			return nil, &WriteError{fmt.Sprintf("%s is read-only, so the old site cannot be replaced; it was left as it was, whole", filepath.ToSlash(rel)),
				"make the folder writable again, or build into another folder with -out"}
		}
	}
	tmp, err := os.MkdirTemp(parent, "."+name+".new-")
	if err != nil {
		s.Abort()
		return nil, s.kept("write the new site beside "+s.shown, err)
	}
	s.tmp = tmp
	if err := os.Chmod(tmp, 0o755); err != nil {
		s.Abort()
		return nil, s.kept("write the new site", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		s.Abort()
		return nil, s.kept("write the new site", err)
	}
	if s.hadOld {
		s.oldRoot, _ = os.OpenRoot(real) // without it, nothing is reused
	}
	s.step("started")
	return s, nil
}

// swap puts the folder tmp at dir and returns where the old site went. An
// atomic exchange (renameat2 on Linux, renamex_np on macOS) swaps the two
// names in one step, so there is no moment without dir. Where the system
// or the disk has none, two renames do it: dir moves aside, then tmp takes
// its place; between the two there is no dir (a reader sees 404s for that
// instant, and a build killed there leaves the old site whole beside it,
// in .NAME.old-*, which the next build deletes before writing).
func swap(tmp, dir string, twoRenames bool, step func(string)) (string, error) {
	if !twoRenames {
		err := exchange(tmp, dir)
		if err == nil {
			step("swapped")
			return tmp, nil
		}
		if !errors.Is(err, errNoExchange) && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOSYS) && !errors.Is(err, syscall.ENOTSUP) {
			return "", err
		}
	}
	name := filepath.Base(dir)
	old := filepath.Join(filepath.Dir(dir), "."+name+".old-"+strings.TrimPrefix(filepath.Base(tmp), "."+name+".new-"))
	if err := os.Rename(dir, old); err != nil {
		return "", err
	}
	step("moved the old site aside")
	if err := os.Rename(tmp, dir); err != nil {
		if os.Rename(old, dir) != nil {
			return "", fmt.Errorf("%w; the old site is in %s", err, old)
		}
		return "", err
	}
	step("moved the new site in")
	return old, nil
}

// cleanLeftovers deletes what builds that were stopped left beside the
// folder NAME: .NAME.new-* and .NAME.old-* (digits only after the dash,
// as the build names them). Nothing else is touched; a leftover that
// cannot be deleted is harmless and left for the next build.
func cleanLeftovers(parent, name string) {
	pat := regexp.MustCompile(`^\.` + regexp.QuoteMeta(name) + `\.(new|old)-[0-9]+$`)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if pat.MatchString(e.Name()) && e.Type().IsDir() {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// readOnlyIn returns the first folder in dir (dir included) whose entries
// the build could not delete, or "".
func readOnlyIn(dir string) string {
	found := ""
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			found = p
			return filepath.SkipAll
		}
		if d.IsDir() && !writable(p) {
			found = p
			return filepath.SkipAll
		}
		return nil
	})
	return found
}

// plainErr says what went wrong in plain words, without the paths of the
// build's own temporary folders.
func plainErr(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return "permission denied"
	case errors.Is(err, syscall.ENOSPC):
		return "the disk is full"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
