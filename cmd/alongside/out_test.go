package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestBuildPlacesAreUsageErrors gives build a folder or address it cannot
// use: each stops before any work with exit 2 and says what to do instead,
// and the project is left as it was.
func TestBuildPlacesAreUsageErrors(t *testing.T) {
	root := fixture(t, "site", nil)
	writeFile(t, filepath.Join(root, "notes.txt"), "my notes")
	t.Chdir(root)
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"build", "-base-url", "example.org"},
			"alongside build: -base-url \"example.org\" is not a full web address\n    hint: write it like https://owner.github.io/hub/\n"},
		{[]string{"check", "-base-url", "https://x.org/?a=1"},
			"alongside check: -base-url \"https://x.org/?a=1\" is not a full web address\n    hint: write it like https://owner.github.io/hub/\n"},
		{[]string{"build", "-root", "nowhere"},
			"alongside build: -root \"nowhere\": there is no such folder\n    hint: give the folder that holds site.yaml, content/ and layouts/\n"},
		{[]string{"check", "-root", "notes.txt"},
			"alongside check: -root \"notes.txt\" is a file, not a folder\n    hint: give the folder that holds site.yaml, content/ and layouts/\n"},
		{[]string{"build", "-out", "content"},
			"alongside build: the output folder \"content\" is the content folder\n    hint: choose a folder outside content/ and layouts/, such as -out public\n"},
		{[]string{"build", "-out", "content/public"},
			"alongside build: the output folder \"content/public\" is inside the content folder, so each build would publish the one before\n    hint: choose a folder outside content/ and layouts/, such as -out public\n"},
		{[]string{"build", "-out", "layouts/"},
			"alongside build: the output folder \"layouts/\" is the layouts folder\n    hint: choose a folder outside content/ and layouts/, such as -out public\n"},
		{[]string{"build", "-out", root},
			"alongside build: the output folder \"" + root + "\" is the project folder\n    hint: the site needs a folder of its own, such as -out public\n"},
		{[]string{"build", "-out", ".."},
			"alongside build: the output folder \"..\" holds the project folder\n    hint: the site needs a folder of its own, such as -out public\n"},
		{[]string{"build", "-out", "notes.txt"},
			"alongside build: the output folder \"notes.txt\" is a file, not a folder\n    hint: choose a folder for the site, such as -out public; the build never replaces a file\n"},
		{[]string{"build", "-out", "layouts/.."},
			"alongside build: the output folder \"layouts/..\" is the project folder\n    hint: the site needs a folder of its own, such as -out public\n"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(t, append(tt.args, "-date", "2026-11-23")...)
		if code != 2 || stdout != "" || stderr != tt.stderr {
			t.Errorf("%v: exit %d\nstdout %q\nstderr %q\nwant   %q", tt.args, code, stdout, stderr, tt.stderr)
		}
	}
	if b, err := os.ReadFile(filepath.Join(root, "notes.txt")); err != nil || string(b) != "my notes" {
		t.Error("notes.txt was touched")
	}
	if _, err := os.Stat(filepath.Join(root, "content", "index.md")); err != nil {
		t.Error("content was touched")
	}
	if _, err := os.Stat(filepath.Join(root, "public")); !os.IsNotExist(err) {
		t.Error("public/ was written")
	}
}

// TestBuildRefusesAFolderItDidNotMake keeps the user's own files in the
// default output folder: the build refuses it, even when the content has
// errors, and says what to do.
func TestBuildRefusesAFolderItDidNotMake(t *testing.T) {
	root := fixture(t, "site", nil)
	writeFile(t, filepath.Join(root, "public", "my-letter.txt"), "mine")
	code, stdout, stderr := runCLI(t, "build", "-root", root, "-date", "2026-11-23")
	want := "alongside build: the output folder \"" + filepath.Join(root, "public") + "\" holds files that alongside did not write\n" +
		"    hint: choose a new or empty folder, such as -out public; the build replaces only a folder it made (if an older alongside built this one, delete it and build again)\n"
	if code != 2 || stdout != "" || stderr != want {
		t.Fatalf("exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "public", "my-letter.txt")); string(b) != "mine" {
		t.Error("my-letter.txt was touched")
	}
}
