package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// Reading files from content/ safely.
//
// A file is published only if its real path, with every symbolic link in
// it followed (links to links, links through folders, links with ".."),
// is a regular file inside content/ and outside the folders the site
// ignores ("_" and "." names). An absolute link is refused without being
// followed: inside an fs.FS it cannot be checked. content/ itself must be
// a real folder, not a link. The checked real path is kept, and the file
// is read through it, once, by readChecked: if the file met at that path
// is not the one checked (the path was changed while the site was being
// built), it is refused rather than read.

// Ignored reports whether a file or folder of this name, under content/ or
// layouts/assets/, is left out of the site: a name that starts with "_" or
// "." (an editor's notes, a hidden file a system leaves, like .DS_Store),
// and Makefile, the small file in each folder of the project that lets
// "make check" run from there.
func Ignored(name string) bool {
	return strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") || name == "Makefile"
}

// maxLinks is how many links one path may go through; more is a loop.
const maxLinks = 40

// errNotFile is what resolve says about a path that names no file.
var errNotFile = errors.New("not found")

// resolve follows every link in p, component by component, and returns
// the real path (no links in it, relative to the root of fsys) and its
// Lstat. why is set, in words for the editor, when p cannot be followed:
// an absolute link, a link above the root, a loop, or a missing file.
func resolve(fsys fs.FS, p string) (real string, info fs.FileInfo, why string, err error) {
	todo := strings.Split(p, "/")
	done := ""
	links := 0
	for len(todo) > 0 {
		part := todo[0]
		todo = todo[1:]
		switch part {
		case "", ".":
			continue
		case "..":
			if done == "" {
				return "", nil, "leads outside the project folder", nil
			}
			done = path.Dir(done)
			if done == "." {
				done = ""
			}
			continue
		}
		next := path.Join(done, part)
		fi, err := fs.Lstat(fsys, next)
		if errors.Is(err, fs.ErrNotExist) {
			return next, nil, "does not exist", errNotFile
		}
		if err != nil {
			return "", nil, "", fmt.Errorf("reading %s: %w", next, err)
		}
		info = fi
		if fi.Mode()&fs.ModeSymlink == 0 {
			if len(todo) > 0 && !fi.IsDir() {
				return next, nil, "does not exist", errNotFile
			}
			done = next
			continue
		}
		if links++; links > maxLinks {
			return "", nil, "goes round in a loop of links", nil
		}
		target, err := fs.ReadLink(fsys, next)
		if err != nil {
			return "", nil, "", fmt.Errorf("reading link %s: %w", next, err)
		}
		if target == "" || path.IsAbs(target) || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
			return "", nil, "leads outside the content folder", nil
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	if done == "" {
		return "", nil, "leads outside the content folder", nil
	}
	return done, info, "", nil
}

// contentProblem says why a real path may not be published, or "".
func contentProblem(real string) string {
	rel, ok := strings.CutPrefix(real, "content/")
	if !ok {
		return "leads outside the content folder"
	}
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, "_") || strings.HasPrefix(part, ".") {
			return fmt.Sprintf("leads into %q, which the site ignores", path.Dir(real)+"/")
		}
	}
	return ""
}

// checkFile finds the real path of the file p found under content/ and
// says whether it may be read; it reports a problem itself and returns
// ok=false. err is for failures to read.
func (l *loader) checkFile(p string, d fs.DirEntry) (real string, info fs.FileInfo, ok bool, err error) {
	diag := l.diags(p)
	link := d.Type()&fs.ModeSymlink != 0
	target := ""
	if link {
		if target, err = fs.ReadLink(l.fsys, p); err != nil {
			return "", nil, false, fmt.Errorf("reading link %s: %w", p, err)
		}
	}
	real, info, why, err := resolve(l.fsys, p)
	if err != nil && err != errNotFile {
		return "", nil, false, err
	}
	if why == "" {
		why = contentProblem(real)
	}
	switch {
	case why == "does not exist":
		diag.errorf(0, 0, "remove the link, or point it at a file that exists", "this is a link to %q, which does not exist", target)
		return "", nil, false, nil
	case why != "" && link:
		diag.errorf(0, 0, "copy the file into content/ instead of linking to it",
			"this is a link to %q, which %s; it is not published", target, why)
		return "", nil, false, nil
	case why != "":
		diag.errorf(0, 0, "move the file into a real folder inside content/",
			"this file's real place %s; it is not published", why)
		return "", nil, false, nil
	case info.IsDir():
		diag.errorf(0, 0, "move the folder here instead of linking to it", "this is a link to the folder %q; linked folders are not read", target)
		return "", nil, false, nil
	case !info.Mode().IsRegular():
		if link {
			diag.errorf(0, 0, "link only to ordinary files", "this is a link to %q, which is not an ordinary file", target)
		}
		return "", nil, false, nil
	}
	return real, info, true, nil
}

// readChecked reads the file at real, the checked real path of source,
// and refuses it if it is not the file that was checked (info), or has
// grown beyond MaxFileSize since.
func readChecked(fsys fs.FS, source, real string, info fs.FileInfo) ([]byte, error) {
	f, err := fsys.Open(real)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", source, err)
	}
	defer f.Close()
	got, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", source, err)
	}
	if !sameFile(info, got) {
		return nil, fmt.Errorf("reading %s: the file was changed or moved while the site was being built; build again", source)
	}
	// Read into a buffer of the size the file had when it was listed, so
	// that it is read in one go, not grown as it comes.
	buf := bytes.NewBuffer(make([]byte, 0, min(got.Size(), MaxFileSize)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, fmt.Errorf("reading %s: %w", source, err)
	}
	b := buf.Bytes()
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("reading %s: the file grew past 5 MB while the site was being built", source)
	}
	return b, nil
}

// sameFile reports whether two descriptions are of one file. Files of
// the operating system are compared by device and inode; others (an
// in-memory fs.FS, which nothing changes behind our back) by kind.
func sameFile(a, b fs.FileInfo) bool {
	if os.SameFile(a, a) && os.SameFile(b, b) { // both from the operating system
		return os.SameFile(a, b)
	}
	return a.Mode().Type() == b.Mode().Type()
}

// Read returns the bytes of a copied file, read through the real path
// that Load checked: the same file, or an error.
func (f File) Read(fsys fs.FS) ([]byte, error) {
	if f.real == "" {
		return nil, fmt.Errorf("reading %s: it was not checked when the site was loaded", f.Source)
	}
	return readChecked(fsys, f.Source, f.real, f.info)
}
