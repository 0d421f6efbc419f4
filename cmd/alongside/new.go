package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

const newUsage = `Usage: alongside new brief [-root DIR] "Title of the brief"

Writes content/briefs/<name>.md, named from the title, with every front
matter key filled in or explained. It never replaces a file that exists.

Options:
`

func runNew(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("new", flag.ContinueOnError)
	fset.SetOutput(stderr)
	root := fset.String("root", ".", "the project `folder`")
	fset.Usage = func() {
		fmt.Fprint(fset.Output(), newUsage)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fset.NArg() != 2 || fset.Arg(0) != "brief" {
		fmt.Fprintln(stderr, `alongside new: say what to make and its title, like: alongside new brief "What is advocacy?"`)
		return exitUsage
	}
	title := strings.TrimSpace(fset.Arg(1))
	slug := content.Slugify(title)
	if slug == "" {
		fmt.Fprintf(stderr, "alongside new: the title %q has no letters or digits to name the file with\n", title)
		return exitUsage
	}
	rel := filepath.Join("content", "briefs", slug+".md")
	path := filepath.Join(*root, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintf(stderr, "alongside new: %v\n", err)
		return exitProblem
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "alongside new: %s already exists; it was left as it was\n", filepath.ToSlash(rel))
		return exitProblem
	}
	if err != nil {
		fmt.Fprintf(stderr, "alongside new: %v\n", err)
		return exitProblem
	}
	_, err = io.WriteString(f, content.NewBrief(title, time.Now().Format("2006-01-02")))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "alongside new: %v\n", err)
		return exitProblem
	}
	fmt.Fprintf(stdout, "wrote %s\n", filepath.ToSlash(rel))
	return exitOK
}
