package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMakeCheckFromAnEditorsFolder runs "make check" as an editor would,
// from content/briefs/: it prints only what alongside says, ending with
// the one plain sentence, and nothing from make or go.
func TestMakeCheckFromAnEditorsFolder(t *testing.T) {
	cmd := exec.Command("make", "check")
	cmd.Dir = filepath.Join("..", "..", "content", "briefs")
	// As an editor's terminal would be: not inside another make.
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "MAKELEVEL" && k != "MAKEFLAGS" && k != "MFLAGS" && k != "CI" {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("make check: %v\n%s", err, out.String())
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "make") || strings.HasPrefix(l, "go:") || strings.Contains(l, "exit status") {
			t.Errorf("make check printed %q", l)
		}
	}
	if last := lines[len(lines)-1]; !regexp.MustCompile(`^(all good: \d+ pages checked|nothing to fix: \d+ pages checked; \d+ warnings? to look at in \d+ files?)$`).MatchString(last) {
		t.Errorf("make check ended with %q", last)
	}
}

// TestEveryContentFolderHasTheMakeShortcut keeps the small Makefile that
// hands "make check" to the project in every folder of pages, all the
// same.
func TestEveryContentFolderHasTheMakeShortcut(t *testing.T) {
	want, err := os.ReadFile("../../content/Makefile")
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir("../../content", func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if md, _ := filepath.Glob(filepath.Join(p, "*.md")); len(md) == 0 {
			return nil // a folder of pictures, say
		}
		got, err := os.ReadFile(filepath.Join(p, "Makefile"))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: no Makefile, or not the same as content/Makefile", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
