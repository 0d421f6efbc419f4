package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/serve"
)

const serveUsage = `Usage: alongside serve [options]

Builds the site in memory, without writing to public/, and serves it at
the address it prints. Every page reloads itself when you save a file in
content/ or layouts/, or site.yaml; problems are listed on the page and
here. Press Ctrl-C to stop.

Options:
`

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "the project `folder`, holding site.yaml, content/ and layouts/")
	addr := fs.String("addr", "127.0.0.1:8080", "the `address` to serve at")
	drafts := fs.Bool("drafts", false, "include pages marked draft: true, with a banner")
	public := fs.Bool("public", false, "allow an address other people on the network can reach")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), serveUsage)
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	ln, err := serve.Listen(*addr, *public)
	if err != nil {
		fmt.Fprintf(stderr, "alongside serve: %v\n", err)
		return exitProblem
	}
	if w := serve.PublicWarning(ln.Addr().String()); w != "" {
		fmt.Fprintln(stderr, w)
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	s := serve.New(serve.Options{
		Root:    *root,
		Content: content.Options{Drafts: *drafts, BuildDate: time.Now()},
		Stdout:  stdout,
		Stderr:  stderr,
	})
	if err := s.Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "alongside serve: %v\n", err)
		return exitProblem
	}
	return exitOK
}
