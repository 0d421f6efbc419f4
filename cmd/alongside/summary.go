package main

import (
	"fmt"

	"github.com/alongside-hub/alongside/internal/content"
)

// summary is the one plain sentence that ends check and build: what there
// is to do, and where.
//
//	2 problems to fix in 1 file
//	2 problems to fix in 1 file, and 3 warnings to look at
//	nothing to fix: 96 pages checked; 3 warnings to look at in 2 files
//	all good: 96 pages checked
func summary(ds content.Diagnostics, pages int) string {
	errFiles, warnFiles := map[string]bool{}, map[string]bool{}
	nerr, nwarn := 0, 0
	for _, d := range ds {
		if d.Severity == content.Error {
			nerr++
			errFiles[d.Pos.File] = true
		} else {
			nwarn++
			warnFiles[d.Pos.File] = true
		}
	}
	switch {
	case nerr > 0 && nwarn > 0:
		return fmt.Sprintf("%s to fix in %s, and %s to look at", count(nerr, "problem"), count(len(errFiles), "file"), count(nwarn, "warning"))
	case nerr > 0:
		return fmt.Sprintf("%s to fix in %s", count(nerr, "problem"), count(len(errFiles), "file"))
	case nwarn > 0:
		return fmt.Sprintf("nothing to fix: %s checked; %s to look at in %s", count(pages, "page"), count(nwarn, "warning"), count(len(warnFiles), "file"))
	}
	return fmt.Sprintf("all good: %s checked", count(pages, "page"))
}

// builtNote ends the line of a build that was written: "all good", or the
// warnings to look at.
func builtNote(ds content.Diagnostics) string {
	files := map[string]bool{}
	for _, d := range ds {
		files[d.Pos.File] = true
	}
	if len(ds) == 0 {
		return "all good"
	}
	return fmt.Sprintf("%s to look at in %s", count(len(ds), "warning"), count(len(files), "file"))
}

// strict makes every warning an error, for "check -strict".
func strict(ds content.Diagnostics) {
	for i := range ds {
		ds[i].Severity = content.Error
	}
}

func count(n int, word string) string { return plural(n, word) }
