package txtar

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// Golden compares got (file name -> content) with the archive's files of
// the same names, trailing newlines aside. With update it rewrites those
// files in the archive at path instead, keeping the others, so that the
// change can be reviewed in git diff.
func Golden(t testing.TB, path string, a *Archive, got map[string]string, update bool) {
	t.Helper()
	names := make([]string, 0, len(got))
	for n := range got {
		names = append(names, n)
	}
	sort.Strings(names)
	if update {
		var keep []File
		for _, f := range a.Files {
			if _, ok := got[f.Name]; !ok {
				keep = append(keep, f)
			}
		}
		for _, n := range names {
			keep = append(keep, File{Name: n, Data: []byte(got[n])})
		}
		a.Files = keep
		if err := os.WriteFile(path, Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, n := range names {
		var want []byte
		found := false
		for _, f := range a.Files {
			if f.Name == n {
				want, found = f.Data, true
			}
		}
		if !found {
			t.Errorf("%s: missing from %s; run go test -update", n, path)
			continue
		}
		if !bytes.Equal(bytes.TrimRight(want, "\n"), bytes.TrimRight([]byte(got[n]), "\n")) {
			t.Errorf("%s differs (run go test -update to accept):\n--- want\n%s\n--- got\n%s", n, want, got[n])
		}
	}
}

// RunGolden runs f on each archive matching pattern, as a subtest named
// after the file, and compares what it returns with Golden.
func RunGolden(t *testing.T, pattern string, update bool, f func(t *testing.T, a *Archive) map[string]string) {
	t.Helper()
	files, _ := filepath.Glob(pattern)
	if len(files) == 0 {
		t.Fatalf("no golden files match %s", pattern)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := Parse(raw)
			Golden(t, file, a, f(t, a), update)
		})
	}
}
