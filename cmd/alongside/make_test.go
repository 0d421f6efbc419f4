package main

import (
	"bytes"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// editorsEnv is the environment of an editor's terminal: not inside
// another make (as the tests are under make test), and not in CI.
func editorsEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "MAKELEVEL" && k != "MAKEFLAGS" && k != "MFLAGS" && k != "CI" {
			env = append(env, kv)
		}
	}
	return env
}

// makeNoise is what make says of itself, which must never reach an editor.
var makeNoise = regexp.MustCompile(`^make(\[\d+\])?:|Entering directory|Leaving directory|\*\*\*|exit status|^go: `)

// TestMakeCheckFromAnEditorsFolder runs "make check" as an editor would,
// from a folder of pages, of the layouts and of the code: it prints only
// what alongside says, ending with the one plain sentence, and nothing
// from make or go.
func TestMakeCheckFromAnEditorsFolder(t *testing.T) {
	for _, dir := range []string{"content/briefs", "layouts/assets", "internal/content/testdata"} {
		cmd := exec.Command("make", "check")
		cmd.Dir = filepath.Join("..", "..", filepath.FromSlash(dir))
		cmd.Env = editorsEnv()
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("make check in %s: %v\n%s", dir, err, out.String())
		}
		lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
		for _, l := range lines {
			if makeNoise.MatchString(l) {
				t.Errorf("make check in %s printed %q", dir, l)
			}
		}
		if last := lines[len(lines)-1]; !regexp.MustCompile(`^(all good: \d+ pages checked|nothing to fix: \d+ pages checked; \d+ warnings? to look at in \d+ files?)$`).MatchString(last) {
			t.Errorf("make check in %s ended with %q", dir, last)
		}
	}
}

// trackedFolders are the folders git keeps (every folder above a tracked
// file), as slash paths from the project folder, "." first.
func trackedFolders(t *testing.T) []string {
	t.Helper()
	cmd := exec.Command("git", "ls-files", "-z")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	seen := map[string]bool{}
	for _, f := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		for d := path.Dir(f); !seen[d]; d = path.Dir(d) {
			seen[d] = true
			if d == "." {
				break
			}
		}
	}
	var dirs []string
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return dirs
}

// fuzzCorpus reports whether dir is where go test reads the inputs of a
// fuzz target: every file there must be one, so it has no Makefile.
func fuzzCorpus(dir string) bool {
	return path.Base(path.Dir(dir)) == "fuzz" && path.Base(path.Dir(path.Dir(dir))) == "testdata"
}

// TestEveryFolderHasTheMakeShortcut keeps the small Makefile that hands
// "make check" (or any make command) to the project's Makefile in every
// folder git keeps, all the same, but where go test would read it as a
// fuzz input.
func TestEveryFolderHasTheMakeShortcut(t *testing.T) {
	want, err := os.ReadFile("../../content/Makefile")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range trackedFolders(t) {
		if dir == "." {
			continue // the project's own Makefile
		}
		got, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(dir), "Makefile"))
		switch {
		case fuzzCorpus(dir) && err == nil:
			t.Errorf("%s/Makefile: go test reads every file of this folder as a fuzz input; delete it", dir)
		case fuzzCorpus(dir):
		case err != nil:
			t.Errorf("%s has no Makefile: copy content/Makefile there, so that make check works from it", dir)
		case !bytes.Equal(got, want):
			t.Errorf("%s/Makefile is not the same as content/Makefile", dir)
		}
	}
}

// TestMakeFromEveryFolderReachesTheProject shows, without running it,
// that "make check" and plain "make" from every folder git keeps (but
// the project folder, where plain make builds the site) run the
// project's check (make -n prints what would run), in the project folder,
// with nothing from make about folders.
func TestMakeFromEveryFolderReachesTheProject(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	// The last line of the project's check recipe.
	check := regexp.MustCompile(`(?m)^\./bin/alongside check +\|\|`)
	for _, dir := range trackedFolders(t) {
		if fuzzCorpus(dir) {
			continue
		}
		runs := [][]string{{"-n", "check"}, {"-n"}}
		if dir == "." {
			runs = runs[:1] // plain make there builds the site
		}
		for _, args := range runs {
			cmd := exec.Command("make", args...)
			cmd.Dir = filepath.Join(root, filepath.FromSlash(dir))
			cmd.Env = editorsEnv()
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("make %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
				continue
			}
			if !check.Match(out) {
				t.Errorf("make %s in %s does not run the project's check:\n%s", strings.Join(args, " "), dir, out)
			}
			if dir != "." && !strings.Contains(string(out), `-C "`+root+`" check`) {
				t.Errorf("make %s in %s does not hand check to %s:\n%s", strings.Join(args, " "), dir, root, out)
			}
			for _, l := range strings.Split(string(out), "\n") {
				if makeNoise.MatchString(l) {
					t.Errorf("make %s in %s printed %q", strings.Join(args, " "), dir, l)
				}
			}
		}
	}
}
