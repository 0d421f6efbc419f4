package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Marker is the file WriteDir puts in every folder it writes. A folder
// holding it was made by a build, so the next build may replace it whole.
const Marker = ".alongside-build"

const markerText = "This folder was written by \"alongside build\".\n" +
	"The next build replaces it whole: keep nothing of your own in it.\n"

// A Refusal says why the build will not write to the folder it was given,
// and what to do instead. Nothing was written. The command exits 2 for it:
// the folder was named wrongly, the content is fine.
type Refusal struct {
	Msg  string // plain English, lower case, no final period
	Hint string // what to do instead
}

func (r *Refusal) Error() string { return r.Msg }

// guarded are the folders an output may not be, hold or (for content and
// layouts) sit inside.
type guarded struct {
	name   string // in messages: "the project folder"
	path   string
	inside bool // an output inside it is refused too
}

// CheckOutDir says whether dir may be replaced by a build of the project
// in root. It returns a *Refusal when dir is, holds or is inside something
// the build did not make:
//
//   - a file, or a path through a file;
//   - the project folder, the folder the command runs in or the home
//     folder, or a folder that holds any of them;
//   - content/ or layouts/, anything inside them, or a folder that holds
//     them (they may be symbolic links to elsewhere);
//   - a folder with files in it but no Marker, or one holding a project
//     (site.yaml, go.mod, .git, content, layouts) even with a Marker.
//
// Paths are compared by the folders they name on disk, not by spelling:
// symbolic links are followed, so "link-to-content", "./content/",
// "Content" on a case-insensitive disk and an absolute path all count as
// content/. shown is dir as the user wrote it, for the messages.
func CheckOutDir(dir, shown, root string) error {
	real, err := realPath(dir)
	if errors.Is(err, errDangling) {
		return &Refusal{fmt.Sprintf("the output folder %q goes through a symbolic link that leads nowhere", shown),
			"point the link at a folder that exists, or choose another folder, such as -out public"}
	}
	if err != nil {
		return err
	}
	if st, err := os.Stat(real); err == nil && !st.IsDir() {
		return &Refusal{fmt.Sprintf("the output folder %q is a file, not a folder", shown),
			"choose a folder for the site, such as -out public; the build never replaces a file"}
	}
	if f := fileOnPath(real); f != "" {
		return &Refusal{fmt.Sprintf("the output folder %q goes through %q, which is a file", shown, f),
			"choose a folder for the site, such as -out public"}
	}
	gs := guardedFolders(root)
	for _, g := range gs {
		if sameFolder(real, g.path) {
			return &Refusal{fmt.Sprintf("the output folder %q is %s", shown, g.name), hintFor(g)}
		}
	}
	for _, g := range gs {
		if g.inside && isInside(real, g.path) {
			return &Refusal{fmt.Sprintf("the output folder %q is inside %s, so each build would publish the one before", shown, g.name), hintFor(g)}
		}
	}
	for _, g := range gs {
		if isInside(g.path, real) {
			return &Refusal{fmt.Sprintf("the output folder %q holds %s", shown, g.name), hintFor(g)}
		}
	}
	entries, err := os.ReadDir(real)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading %s: %w", shown, err)
	}
	for _, p := range []string{"site.yaml", "go.mod", ".git", "content", "layouts"} {
		if _, err := os.Lstat(filepath.Join(real, p)); err == nil {
			return &Refusal{fmt.Sprintf("the output folder %q holds %s, which a build does not make", shown, p),
				"the build replaces its folder whole, so it would be lost; choose another folder, such as -out public"}
		}
	}
	if !hasMarker(real) {
		return &Refusal{fmt.Sprintf("the output folder %q holds files that alongside did not write", shown),
			"choose a new or empty folder, such as -out public; the build replaces only a folder it made " +
				"(if an older alongside built this one, delete it and build again)"}
	}
	return nil
}

func hintFor(g guarded) string {
	if g.inside {
		return "choose a folder outside content/ and layouts/, such as -out public"
	}
	return "the site needs a folder of its own, such as -out public"
}

// guardedFolders lists, for the project in root, the folders that exist.
func guardedFolders(root string) []guarded {
	var gs []guarded
	add := func(name, p string, inside bool) {
		if p == "" {
			return
		}
		if r, err := realPath(p); err == nil {
			if _, err := os.Stat(r); err == nil {
				gs = append(gs, guarded{name, r, inside})
			}
		}
	}
	add("the project folder", root, false)
	add("the content folder", filepath.Join(root, "content"), true)
	add("the layouts folder", filepath.Join(root, "layouts"), true)
	wd, _ := os.Getwd()
	add("the folder you are working in", wd, false)
	home, _ := os.UserHomeDir()
	add("your home folder", home, false)
	return gs
}

func hasMarker(dir string) bool {
	st, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && st.Mode().IsRegular()
}

var errDangling = errors.New("a symbolic link leads nowhere")

// realPath makes p absolute and follows every symbolic link in the part of
// it that exists; the rest is joined on as written.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; cur = filepath.Dir(cur) {
		if _, err := os.Lstat(cur); err == nil {
			r, err := filepath.EvalSymlinks(cur)
			if err != nil {
				return "", fmt.Errorf("%s: %w", cur, errDangling)
			}
			return filepath.Join(r, rest), nil
		}
		if filepath.Dir(cur) == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
	}
}

// isInside says whether p is q or below it, comparing folders on disk, so
// that two spellings of one folder (case, hard links, bind mounts) match.
// p must already be a real path (see realPath).
func isInside(p, q string) bool {
	qs, err := os.Stat(q)
	if err != nil {
		return false
	}
	for cur := p; ; cur = filepath.Dir(cur) {
		if st, err := os.Stat(cur); err == nil && os.SameFile(st, qs) {
			return true
		}
		if filepath.Dir(cur) == cur {
			return false
		}
	}
}

func sameFolder(p, q string) bool {
	ps, err1 := os.Stat(p)
	qs, err2 := os.Stat(q)
	return err1 == nil && err2 == nil && os.SameFile(ps, qs)
}

// fileOnPath returns the first existing ancestor of p that is not a folder.
func fileOnPath(p string) string {
	for cur := filepath.Dir(p); ; cur = filepath.Dir(cur) {
		if st, err := os.Stat(cur); err == nil {
			if !st.IsDir() {
				return cur
			}
			return ""
		}
		if filepath.Dir(cur) == cur {
			return ""
		}
	}
}

var errNoExchange = errors.New("no atomic exchange on this system")
