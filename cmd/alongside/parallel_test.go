package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/synth"
)

// The build shares its work between the cores; the output must be the same
// bytes whatever the number of cores, for the synthetic hub and the real one.
func TestOutputSameOnAnyNumberOfCores(t *testing.T) {
	root := t.TempDir()
	if err := synth.Write(root, synth.Hub(synth.Options{Briefs: 250})); err != nil {
		t.Fatal(err)
	}
	copyDirT(t, "../../layouts", filepath.Join(root, "layouts"))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, dir := range []string{root, "../.."} {
		var first map[string][]byte
		var firstDiags string
		for _, procs := range []int{1, 2, 8} {
			runtime.GOMAXPROCS(procs)
			out, diags, err := buildSite(dir, content.Options{BuildDate: benchDate})
			if err != nil || diags.HasErrors() {
				t.Fatalf("%s at GOMAXPROCS %d: %v\n%s", dir, procs, err, diags)
			}
			if first == nil {
				first, firstDiags = out.Files, diags.String()
				continue
			}
			if diags.String() != firstDiags {
				t.Errorf("%s: diagnostics at GOMAXPROCS %d differ from GOMAXPROCS 1:\n%s\nwant\n%s", dir, procs, diags, firstDiags)
			}
			if len(out.Files) != len(first) {
				t.Errorf("%s: %d files at GOMAXPROCS %d, %d at GOMAXPROCS 1", dir, len(out.Files), procs, len(first))
			}
			for p, b := range first {
				if !bytes.Equal(out.Files[p], b) {
					t.Errorf("%s: %s differs between GOMAXPROCS 1 and %d", dir, p, procs)
				}
			}
		}
	}
}

func copyDirT(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(to, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
