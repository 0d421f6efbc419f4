package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/render"
)

// hooksKey carries writeHooks in the context. Only tests set it, to stop
// a build at an exact point of writing the site (see
// TestKilledBuildLeavesASiteWhole).
type hooksKey struct{}

type writeHooks struct {
	step       func(string) // called after each step of writing the output folder (render.Stage, Put, Commit)
	twoRenames bool         // use the portable swap
}

// checkPlaces checks the folders and address a build was given before any
// work is done: a missing -root, a bad -base-url and an -out the build may
// not replace are usage errors (exit 2). It fills in the default -out.
func checkPlaces(f *buildFlags, name string, write bool, stderr io.Writer) int {
	st, err := os.Stat(f.root)
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "alongside %s: -root %q: there is no such folder\n    hint: give the folder that holds site.yaml, content/ and layouts/\n", name, f.root)
		return exitUsage
	case !st.IsDir():
		fmt.Fprintf(stderr, "alongside %s: -root %q is a file, not a folder\n    hint: give the folder that holds site.yaml, content/ and layouts/\n", name, f.root)
		return exitUsage
	}
	if f.baseURL != "" {
		if _, ok := content.NormalizeBaseURL(f.baseURL); !ok {
			fmt.Fprintf(stderr, "alongside %s: -base-url %q is not a full web address\n    hint: write it like https://owner.github.io/hub/\n", name, f.baseURL)
			return exitUsage
		}
	}
	if !write {
		return exitOK
	}
	if f.out == "" {
		f.out = filepath.Join(f.root, "public")
	}
	if err := render.CheckOutDir(f.out, f.out, f.root); err != nil {
		return printWriteError(stderr, err)
	}
	return exitOK
}

// printWriteError prints why the site was not written, with its hint, and
// returns the exit status: 2 when -out names a folder the build may not
// replace, 1 otherwise.
func printWriteError(stderr io.Writer, err error) int {
	var r *render.Refusal
	if errors.As(err, &r) {
		fmt.Fprintf(stderr, "alongside build: %s\n    hint: %s\n", r.Msg, r.Hint)
		return exitUsage
	}
	var w *render.WriteError
	if errors.As(err, &w) {
		fmt.Fprintf(stderr, "alongside build: %s\n    hint: %s\n", w.Msg, w.Hint)
		return exitProblem
	}
	fmt.Fprintf(stderr, "alongside build: %v\n", err)
	return exitProblem
}
