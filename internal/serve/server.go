package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

// Options say what to serve and where to report.
type Options struct {
	Root    string          // the project folder: site.yaml, content/, layouts/
	Content content.Options // Drafts, BuildDate; BaseURL is set to the address served
	Stdout  io.Writer       // one line per build
	Stderr  io.Writer       // the problems, as "alongside check" prints them
}

// Server builds the site in memory, serves the latest build and tells
// open pages when a new one is ready.
type Server struct {
	opt  Options
	b    *builder
	snap atomic.Pointer[snapshot]
	hub  hub
	mu   sync.Mutex // one build at a time
	gen  uint64     // number of the last build; guarded by mu

	record func(*snapshot) // tests: sees every snapshot before it is served
}

// New returns a server for the project in opt.Root. Nothing is built
// until Run or Rebuild.
func New(opt Options) *Server {
	return newServer(os.DirFS(opt.Root), opt)
}

func newServer(fsys fs.FS, opt Options) *Server {
	if opt.Stdout == nil {
		opt.Stdout = io.Discard
	}
	if opt.Stderr == nil {
		opt.Stderr = io.Discard
	}
	s := &Server{opt: opt, b: newBuilder(fsys, opt.Content)}
	s.snap.Store(&snapshot{failed: true})
	return s
}

// Listen opens addr for the server. Only a loopback address is allowed
// unless public is true, since a preview shows drafts to whoever can
// reach it. Errors are one plain sentence.
func Listen(addr string, public bool) (net.Listener, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("%q is not an address: write it like 127.0.0.1:8080", addr)
	}
	if !public && !loopback(host) {
		return nil, fmt.Errorf("%s is not a loopback address, so anyone on the network could read the preview and its drafts: use 127.0.0.1, or add -public if that is what you want", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		next := "8081"
		if n, err := strconv.Atoi(port); err == nil && n > 0 && n < 65535 {
			next = strconv.Itoa(n + 1)
		}
		if host == "" {
			host = "127.0.0.1"
		}
		return nil, fmt.Errorf("port %s is in use: try -addr %s", port, net.JoinHostPort(host, next))
	}
	if err != nil {
		return nil, fmt.Errorf("cannot serve at %s: %v", addr, err)
	}
	return ln, nil
}

// PublicWarning is the warning to print before serving at addr, the
// address a listener is bound to: "" for a loopback address, which only
// this computer can reach, and otherwise one sentence saying that anyone
// who can reach the computer can read the preview, drafts included.
func PublicWarning(addr string) string {
	if host, _, err := net.SplitHostPort(addr); err == nil && loopback(host) {
		return ""
	}
	return "warning: serving at " + addr + ": anyone who can reach this computer can read the preview, drafts included"
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Run builds the site, serves it on ln and rebuilds on every change
// until ctx is done; then it stops serving and returns nil. The first
// line it prints is the address to open.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	s.b.opt.BaseURL = "http://" + ln.Addr().String() + "/"
	w, err := newWatcher(s.opt.Root)
	if err != nil {
		ln.Close()
		return fmt.Errorf("watching %s for changes: %w", s.opt.Root, err)
	}
	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go w.run(wctx)
	s.rebuild()
	reqCtx, cancelRequests := context.WithCancel(context.Background())
	defer cancelRequests()
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return reqCtx },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(s.opt.Stdout, "preview at http://%s/ (press Ctrl-C to stop)\n", ln.Addr())
	for {
		select {
		case <-ctx.Done():
			cancelRequests() // ends the event streams, which never go idle
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = srv.Shutdown(sctx)
			<-served
			return nil
		case err := <-served:
			return err
		case err := <-w.errs:
			// Events may have been lost (too many at once): the next
			// rebuild reads every file.
			s.lostEvents()
			fmt.Fprintf(s.opt.Stderr, "alongside serve: watching for changes: %v\n", err)
		case batch, ok := <-w.batches:
			if !ok {
				continue
			}
			fmt.Fprintln(s.opt.Stdout, changedLine(s.opt.Root, batch))
			fmt.Fprintln(s.opt.Stdout, s.rebuildAfter(batch))
		}
	}
}

// changedLine is the line printed before a rebuild, naming what changed:
// "content/briefs/housing.md changed: rebuilding", or "3 files changed:
// rebuilding". Each rebuild's problems and its summary come after it, so
// an editor's task runner (.vscode/tasks.json) can tell where each
// rebuild's problems begin.
//
// A save by rename (sed -i, some editors) also reports the temporary file,
// gone by now: when only one of the paths is still there, it is named.
func changedLine(root string, paths []string) string {
	if len(paths) > 1 {
		var there []string
		for _, p := range paths {
			if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(p))); err == nil {
				there = append(there, p)
			}
		}
		if len(there) == 1 {
			paths = there
		}
	}
	if len(paths) == 1 {
		return paths[0] + " changed: rebuilding"
	}
	return fmt.Sprintf("%d files changed: rebuilding", len(paths))
}

// Rebuild builds the site again, swaps in the new snapshot and tells every
// open page. When the content has errors the last good files stay, with
// the problems shown over them. It prints the problems and returns a
// one-line summary.
func (s *Server) Rebuild() string { return s.rebuild() }

// rebuild is Rebuild with nothing known of what changed: every file is read.
func (s *Server) rebuild() string { return s.rebuildAfter([]string{"."}) }

// lostEvents makes the next rebuild read every file: the watcher may have
// missed some changes.
func (s *Server) lostEvents() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.lost = true
}

// rebuildAfter rebuilds after the watcher saw the paths changed: the
// files it did not report, and whose stamp on the disk is as before, are
// not read again.
func (s *Server) rebuildAfter(changed []string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	res, err := s.b.build(changed)
	if err != nil {
		res.diags = append(res.diags, content.Diagnostic{Pos: content.Pos{File: s.opt.Root}, Severity: content.Error,
			Msg: err.Error(), Hint: "check that the file can be read, then save it again"})
	}
	s.gen++
	next := &snapshot{gen: s.gen, diags: res.diags}
	if res.out == nil || res.diags.HasErrors() {
		prev := s.snap.Load()
		next.files, next.drafts, next.failed = prev.files, prev.drafts, true
	} else {
		next.files, next.drafts = res.out.Files, res.drafts
	}
	if s.record != nil {
		s.record(next)
	}
	s.snap.Store(next)
	s.hub.publish(next.gen)
	res.diags.Print(s.opt.Stderr)
	nerr, nwarn := res.diags.Count()
	took := time.Since(start).Round(time.Millisecond)
	if next.failed {
		return fmt.Sprintf("not rebuilt: %s, %s; the preview shows them over the last good build", countWords(nerr, "error"), countWords(nwarn, "warning"))
	}
	return fmt.Sprintf("rebuilt %s in %s: %s", countWords(len(res.out.Files), "file"), took, countWords(nwarn, "warning"))
}
