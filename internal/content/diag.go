package content

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	Warning Severity = iota // printed; the build goes on
	Error                   // printed; the build writes nothing and exits 1
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Pos is a place in a file under the site root. Line and Col are 1-based;
// Col counts characters. A zero Line means the whole file.
type Pos struct {
	File string // slash-separated, relative to the site root: "content/briefs/x.md"
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one problem an editor can act on. Msg and Hint are plain
// English, lower case, with no final period; Hint may be empty.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	Hint     string
}

// String formats d as the editor sees it, in the style of go vet:
//
//	content/briefs/advocacy.md:14:22: error: link to "advocasy.md": there is no such brief
//	    hint: did you mean "advocacy.md"?
func (d Diagnostic) String() string {
	s := d.Pos.String() + ": " + d.Severity.String() + ": " + d.Msg
	if d.Hint != "" {
		s += "\n    hint: " + d.Hint
	}
	return s
}

// Diagnostics is a list of problems, printed sorted by position.
type Diagnostics []Diagnostic

// Sort orders by file, line, column, then severity and text, so that output
// is the same on every run.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool { return diagLess(ds[i], ds[j]) })
}

// diagLess is the order of Sort: by file, line and column, errors first,
// then by message.
func diagLess(a, b Diagnostic) bool {
	if a.Pos.File != b.Pos.File {
		return a.Pos.File < b.Pos.File
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line < b.Pos.Line
	}
	if a.Pos.Col != b.Pos.Col {
		return a.Pos.Col < b.Pos.Col
	}
	if a.Severity != b.Severity {
		return a.Severity > b.Severity
	}
	return a.Msg < b.Msg
}

// Merge is ds and more, each sorted, as one sorted list: what Sort makes
// of ds followed by more.
func (ds Diagnostics) Merge(more Diagnostics) Diagnostics {
	a, b := ds, more
	out := make(Diagnostics, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if diagLess(b[0], a[0]) {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// Count returns the number of errors and warnings.
func (ds Diagnostics) Count() (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	e, _ := ds.Count()
	return e > 0
}

// Print writes every diagnostic, sorted, one per entry.
func (ds Diagnostics) Print(w io.Writer) {
	if !slices.IsSortedFunc(ds, compareBy(diagLess)) {
		ds.Sort()
	}
	bw := bufio.NewWriter(w) // one write for many lines, not one each
	for _, d := range ds {
		bw.WriteString(d.String())
		bw.WriteByte('\n')
	}
	bw.Flush()
}

// compareBy makes a comparison, as the slices package takes, of a less
// function.
func compareBy[T any](less func(a, b T) bool) func(a, b T) int {
	return func(a, b T) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	}
}

func (ds Diagnostics) String() string {
	var b strings.Builder
	ds.Print(&b)
	return b.String()
}

// diags collects diagnostics for one file.
type diags struct {
	list *Diagnostics
	file string
}

func (d diags) at(line, col int, sev Severity, msg, hint string) {
	*d.list = append(*d.list, Diagnostic{Pos: Pos{File: d.file, Line: line, Col: col}, Severity: sev, Msg: msg, Hint: hint})
}

func (d diags) errorf(line, col int, hint, format string, args ...any) {
	d.at(line, col, Error, fmt.Sprintf(format, args...), hint)
}

func (d diags) warnf(line, col int, hint, format string, args ...any) {
	d.at(line, col, Warning, fmt.Sprintf(format, args...), hint)
}
