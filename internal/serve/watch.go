package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Quiet is how long the watcher waits after the last file event before
// it reports a batch. An editor's save is several events a few
// microseconds apart (write a temporary file, rename it over the old one,
// change its mode), and a file written in place is written in one go, so
// a short wait sees the whole save while the preview still follows the
// save within a moment. Events that come while a rebuild runs are
// gathered into the next batch, so a burst (a branch checked out, a
// folder copied in) costs a rebuild or two, not one per file. Should a
// rebuild read a file still being written, the file's next event brings
// another rebuild with the whole of it.
const Quiet = 10 * time.Millisecond

// maxWait bounds a batch when events never stop coming (a long copy).
const maxWait = time.Second

// watcher reports batches of changed paths under the project: content/
// and layouts/ at any depth, and site.yaml. It watches folders, not
// files, so that saving by writing a new file and renaming it over the
// old one is seen; folders made later are watched as they appear.
type watcher struct {
	root    string
	fw      *fsnotify.Watcher
	batches chan []string
	errs    chan error
}

func newWatcher(root string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fw: fw, batches: make(chan []string), errs: make(chan error, 1)}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, dir := range []string{"content", "layouts"} {
		if err := w.addTree(filepath.Join(root, dir)); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder below it. A folder that does not
// exist (yet) is not an error: its creation is seen from its parent.
func (w *watcher) addTree(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return w.fw.Add(p)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// relevant says whether a change at the slash path rel (from the root)
// can change the site. Editors' swap and backup files are left out.
func relevant(rel string) bool {
	if rel != "site.yaml" && rel != "content" && rel != "layouts" &&
		!strings.HasPrefix(rel, "content/") && !strings.HasPrefix(rel, "layouts/") {
		return false
	}
	base := rel[strings.LastIndex(rel, "/")+1:]
	switch {
	case strings.HasSuffix(base, "~"), strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"),
		strings.HasPrefix(base, ".#"), strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"),
		base == "4913":
		return false
	}
	return true
}

// run sends batches until ctx is done. The channel is closed when it
// stops. While a batch waits to be taken (the server is rebuilding), new
// events join it, and it is sent once Quiet has passed again.
func (w *watcher) run(ctx context.Context) {
	defer close(w.batches)
	defer w.fw.Close()
	var (
		pending []string
		seen    = map[string]bool{}
		timer   *time.Timer
		fire    <-chan time.Time
		first   time.Time
		out     chan []string // w.batches once the batch is ready, else nil
	)
	for {
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			select {
			case w.errs <- err:
			default:
			}
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			rel, err := filepath.Rel(w.root, ev.Name)
			if err != nil {
				continue
			}
			rel = filepath.ToSlash(rel)
			if !relevant(rel) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					// Files may have been made in it before the watch began;
					// the rebuild reads them all anyway.
					_ = w.addTree(ev.Name)
				}
			}
			if !seen[rel] {
				seen[rel] = true
				pending = append(pending, rel)
			}
			now := time.Now()
			if timer == nil {
				first = now
				timer = time.NewTimer(Quiet)
			} else {
				timer.Stop()
				timer.Reset(min(Quiet, max(0, maxWait-now.Sub(first))))
			}
			fire, out = timer.C, nil
		case <-fire:
			fire, out = nil, w.batches
		case out <- pending:
			pending, seen, timer, fire, out = nil, map[string]bool{}, nil, nil, nil
		}
	}
}
