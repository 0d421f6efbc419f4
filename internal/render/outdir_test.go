package render

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// project makes a project folder with content/, layouts/, notes.txt, a
// folder of the user's own (docs/), an empty folder and a folder an
// earlier build made, and makes it the working folder.
func project(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	root := filepath.Join(base, "hub")
	for _, d := range []string{"content/briefs", "layouts", "docs", "empty", "built/briefs", "mine-with-git/.git", "elsewhere"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range map[string]string{
		"site.yaml": "title: x\n", "notes.txt": "my notes", "docs/plan.md": "my plan",
		"built/index.html": "old", "built/" + Marker: "", "mine-with-git/" + Marker: "",
	} {
		if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"to-content": "content", "to-briefs": "content/briefs", "to-nowhere": "nowhere/at/all", "to-built": "built"} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", filepath.Join(root, "elsewhere"))
	t.Chdir(root)
	return root
}

// TestCheckOutDirRefuses names, each way it can be spelled, every folder
// the build must not replace, and checks the exact message and hint.
func TestCheckOutDirRefuses(t *testing.T) {
	root := project(t)
	const (
		own    = "the site needs a folder of its own, such as -out public"
		input  = "choose a folder outside content/ and layouts/, such as -out public"
		folder = "choose a folder for the site, such as -out public"
	)
	tests := []struct{ out, msg, hint string }{
		{"content", `the output folder "content" is the content folder`, input},
		{"content/", `the output folder "content/" is the content folder`, input},
		{"./content/.", `the output folder "./content/." is the content folder`, input},
		{filepath.Join(root, "content"), `the output folder "` + root + `/content" is the content folder`, input},
		{"to-content", `the output folder "to-content" is the content folder`, input},
		{"content/public", `the output folder "content/public" is inside the content folder, so each build would publish the one before`, input},
		{"to-briefs", `the output folder "to-briefs" is inside the content folder, so each build would publish the one before`, input},
		{"to-content/new/site", `the output folder "to-content/new/site" is inside the content folder, so each build would publish the one before`, input},
		{"layouts", `the output folder "layouts" is the layouts folder`, input},
		{"layouts/assets", `the output folder "layouts/assets" is inside the layouts folder, so each build would publish the one before`, input},
		{".", `the output folder "." is the project folder`, own},
		{root, `the output folder "` + root + `" is the project folder`, own},
		{root + "/", `the output folder "` + root + `/" is the project folder`, own},
		{"..", `the output folder ".." holds the project folder`, own},
		{"../", `the output folder "../" holds the project folder`, own},
		{"/", `the output folder "/" holds the project folder`, own},
		{"elsewhere", `the output folder "elsewhere" is your home folder`, own},
		{"notes.txt", `the output folder "notes.txt" is a file, not a folder`, folder + "; the build never replaces a file"},
		{"notes.txt/site", `the output folder "notes.txt/site" goes through "` + root + `/notes.txt", which is a file`, folder},
		{"to-nowhere", `the output folder "to-nowhere" goes through a symbolic link that leads nowhere`, "point the link at a folder that exists, or choose another folder, such as -out public"},
		{"docs", `the output folder "docs" holds files that alongside did not write`, "choose a new or empty folder, such as -out public; the build replaces only a folder it made (if an older alongside built this one, delete it and build again)"},
		{"mine-with-git", `the output folder "mine-with-git" holds .git, which a build does not make`, "the build replaces its folder whole, so it would be lost; choose another folder, such as -out public"},
	}
	for _, tt := range tests {
		err := CheckOutDir(tt.out, tt.out, root)
		r, ok := err.(*Refusal)
		if !ok {
			t.Errorf("-out %s: got %v, want a refusal", tt.out, err)
			continue
		}
		if r.Msg != tt.msg || r.Hint != tt.hint {
			t.Errorf("-out %s:\n got  %s\n      hint: %s\n want %s\n      hint: %s", tt.out, r.Msg, r.Hint, tt.msg, tt.hint)
		}
	}
	if got := listing(t, root); got != ".,built,built/.alongside-build,built/briefs,built/index.html,content,content/briefs,docs,docs/plan.md,elsewhere,empty,layouts,mine-with-git,mine-with-git/.alongside-build,mine-with-git/.git,notes.txt,site.yaml,to-briefs,to-built,to-content,to-nowhere" {
		t.Errorf("the project changed: %s", got)
	}
}

// TestCheckOutDirAllows lists the folders a build may write: missing,
// empty, made by a build (also through a link), and a new folder whose
// name differs from content only in case (a different folder on Linux).
func TestCheckOutDirAllows(t *testing.T) {
	root := project(t)
	for _, out := range []string{"public", "public/", "empty", "built", "to-built", "new/deep/site", filepath.Join(root, "public"), "../hub-site"} {
		if err := CheckOutDir(out, out, root); err != nil {
			t.Errorf("-out %s: %v", out, err)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "Content")); os.IsNotExist(err) {
		if err := CheckOutDir("Content", "Content", root); err != nil {
			t.Errorf("-out Content on a case-sensitive disk: %v", err)
		}
	} else if err := CheckOutDir("Content", "Content", root); err == nil {
		t.Error("-out Content on a case-insensitive disk was allowed")
	}
}

// TestWriteDirRefusesBeforeWriting checks that WriteDir itself asks
// CheckOutDir, so no caller can skip it, and writes nothing.
func TestWriteDirRefusesBeforeWriting(t *testing.T) {
	root := project(t)
	out := &Output{Files: map[string][]byte{"index.html": []byte("x")}}
	before := listing(t, root)
	err := out.WriteDirWith("content", WriteOptions{Root: root})
	if _, ok := err.(*Refusal); !ok || err.Error() != `the output folder "content" is the content folder` {
		t.Fatalf("err = %v", err)
	}
	if err := out.WriteDir("docs"); err == nil || err.Error() != `the output folder "docs" holds files that alongside did not write` {
		t.Fatalf("err = %v", err)
	}
	if after := listing(t, root); after != before {
		t.Errorf("the project changed:\n%s\n%s", before, after)
	}
}

// listing is every path under dir, sorted and joined by commas.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var ps []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		ps = append(ps, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(ps)
	return strings.Join(ps, ",")
}
