package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

var workflows = []string{"../../.github/workflows/pages.yml", "../../.github/workflows/check.yml", "../../.github/workflows/propose.yml"}

// TestWorkflowsPassActionlint lints every workflow with actionlint, as a
// library: no other program is downloaded or run (its shellcheck and
// pyflakes checks, which need those programs, are off).
func TestWorkflowsPassActionlint(t *testing.T) {
	l, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{Color: actionlint.ColorOptionKindNever})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFiles(workflows, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("actionlint: %s", e)
	}
}

var (
	usesLine = regexp.MustCompile(`^\s*(?:- )?uses:\s*(\S+)(.*)$`)
	pinned   = regexp.MustCompile(`^actions/[a-z-]+@[0-9a-f]{40}$`)
	version  = regexp.MustCompile(`^ # v\d+\.\d+\.\d+$`)
)

// TestWorkflowsPinActions checks that every action is pinned by a full
// commit SHA, with its version in a comment, and that the workflows run
// what the Makefile and the command say they do.
func TestWorkflowsPinActions(t *testing.T) {
	uses := 0
	for _, wf := range workflows {
		b, err := os.ReadFile(wf)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if m := usesLine.FindStringSubmatch(line); m != nil {
				uses++
				if !pinned.MatchString(m[1]) || !version.MatchString(m[2]) {
					t.Errorf("%s: %q is not pinned by a full commit SHA with its version in a comment", filepath.Base(wf), strings.TrimSpace(line))
				}
			}
		}
	}
	if uses != 7 {
		t.Errorf("%d actions used, want 7", uses)
	}
	pages, _ := os.ReadFile(workflows[0])
	check, _ := os.ReadFile(workflows[1])
	for _, want := range []string{"run: make pages\n", "BASE_URL: ${{ steps.pages.outputs.base_url }}\n", "path: public\n",
		"  contents: read\n  pages: write\n  id-token: write\n", "concurrency:\n", "needs: build\n"} {
		if !strings.Contains(string(pages), want) {
			t.Errorf("pages.yml lacks %q", want)
		}
	}
	for _, want := range []string{"pull_request:", "branches-ignore: [main, gh-pages]\n", "run: go run ./cmd/alongside check -format github\n", "permissions:\n  contents: read\n"} {
		if !strings.Contains(string(check), want) {
			t.Errorf("check.yml lacks %q", want)
		}
	}
	propose, _ := os.ReadFile(workflows[2])
	for _, want := range []string{"branches-ignore: [main, gh-pages]\n", "permissions:\n  contents: read\n  pull-requests: write\n", "gh pr create"} {
		if !strings.Contains(string(propose), want) {
			t.Errorf("propose.yml lacks %q", want)
		}
	}
}

// pagesRecipe returns the arguments "make pages" gives the command.
func pagesRecipe(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for in := false; sc.Scan(); {
		line := sc.Text()
		if line == "pages:" {
			in = true
			continue
		}
		if in {
			const cmd = "\t$(GO) run ./cmd/alongside "
			if !strings.HasPrefix(line, cmd) {
				t.Fatalf("the pages recipe is %q", line)
			}
			return strings.Fields(strings.TrimPrefix(line, cmd))
		}
	}
	t.Fatal("the Makefile has no pages target")
	return nil
}

// TestPagesBuild runs what "make pages" and the Pages workflow run, with
// the address actions/configure-pages reports for a project site, and
// checks what GitHub Pages needs of the result.
func TestPagesBuild(t *testing.T) {
	args := pagesRecipe(t)
	if strings.Join(args, " ") != `build -format github -out public -base-url "$(BASE_URL)"` {
		t.Fatalf("make pages runs %q", args)
	}
	out := filepath.Join(t.TempDir(), "public")
	args = []string{"build", "-format", "github", "-out", out, "-base-url", "https://alongside-hub.github.io/alongside", "-root", "../.."}
	code, stdout, stderr := runCLI(t, args...)
	// Warnings are for editors to act on; they never stop the site going out.
	if code != 0 || strings.Contains(stderr, "::error") || !strings.Contains(stdout, "built ") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, p := range []string{".nojekyll", "assets/favicon.svg", "index.html", "404.html", "sitemap.xml"} {
		if !fileExists(filepath.Join(out, p)) {
			t.Errorf("%s is missing", p)
		}
	}
	for _, p := range []string{"CNAME", "robots.txt"} {
		if fileExists(filepath.Join(out, p)) {
			t.Errorf("%s was written for a project site", p)
		}
	}
	// "Suggest a change to this page" opens the page's own file in GitHub's editor.
	brief, _ := os.ReadFile(filepath.Join(out, "briefs", "advocacy", "index.html"))
	if want := `<a href="https://github.com/alongside-hub/alongside/edit/main/content/briefs/advocacy.md">Suggest a change to this page</a>`; !strings.Contains(string(brief), want) {
		t.Errorf("the advocacy brief lacks %s", want)
	}
	home, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, want := range []string{`<link rel="canonical" href="https://alongside-hub.github.io/alongside/">`, `<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">`,
		`<a href="https://github.com/alongside-hub/alongside/edit/main/content/index.md">Suggest a change to this page</a>`} {
		if !strings.Contains(string(home), want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
}
