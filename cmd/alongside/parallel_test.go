package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/render"
	"github.com/alongside-hub/alongside/internal/synth"
)

// The build shares its work between the cores; the output must be the same
// bytes whatever the number of cores, for the synthetic hub and the real one,
// made in memory or written as it is made (into one folder, so that the
// later builds reuse the files of the first).
func TestOutputSameOnAnyNumberOfCores(t *testing.T) {
	root := t.TempDir()
	if err := synth.Write(root, synth.Hub(synth.Options{Briefs: 250})); err != nil {
		t.Fatal(err)
	}
	copyDirT(t, "../../layouts", filepath.Join(root, "layouts"))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, dir := range []string{root, "../.."} {
		public := filepath.Join(t.TempDir(), "public")
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
			}
			written, wdiags := buildInto(t, dir, public)
			if wdiags != firstDiags {
				t.Errorf("%s: written at GOMAXPROCS %d, the diagnostics differ:\n%s\nwant\n%s", dir, procs, wdiags, firstDiags)
			}
			if len(written) != len(first) {
				t.Errorf("%s: %d files written at GOMAXPROCS %d, %d made at GOMAXPROCS 1", dir, len(written), procs, len(first))
			}
			for p, b := range first {
				if !bytes.Equal(written[p], b) {
					t.Errorf("%s: %s as written at GOMAXPROCS %d differs from GOMAXPROCS 1 in memory", dir, p, procs)
				}
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

// buildInto builds dir as the build command does, writing each file into
// the folder public as it is made, and returns what public then holds
// (without the build's marker) and the problems.
func buildInto(t *testing.T, dir, public string) (map[string][]byte, string) {
	t.Helper()
	var staged *render.Staged
	_, diags, err := buildSiteTo(dir, content.Options{BuildDate: benchDate}, func() render.Sink {
		s, err := render.Stage(public, render.WriteOptions{Root: dir})
		if err != nil {
			t.Fatal(err)
		}
		staged = s
		return s
	})
	if err != nil || diags.HasErrors() {
		t.Fatalf("%s: %v\n%s", dir, err, diags)
	}
	if err := staged.Commit(); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	err = filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		if rel != render.Marker {
			files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, diags.String()
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
