package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/alongside-hub/alongside/internal/content"
)

// TestGitHubCommandEscaping checks GitHub's escaping rules: "%", CR and LF
// in the message; those and ":" and "," in properties.
func TestGitHubCommandEscaping(t *testing.T) {
	tests := []struct {
		d    content.Diagnostic
		want string
	}{
		{content.Diagnostic{Pos: content.Pos{File: "content/briefs/x.md", Line: 14, Col: 22}, Severity: content.Error,
			Msg: `link to "advocasy.md": there is no such brief`, Hint: `did you mean "advocacy.md"?`},
			`::error file=content/briefs/x.md,line=14,col=22,title=This stops the site from being published::link to "advocasy.md": there is no such brief%0Ahint: did you mean "advocacy.md"?`},
		{content.Diagnostic{Pos: content.Pos{File: "content/a,b:c%d.md", Line: 3}, Severity: content.Warning,
			Msg: "100% sure: a\r\nb, c"},
			`::warning file=content/a%2Cb%3Ac%25d.md,line=3,title=Worth fixing%2C but the site is still published::100%25 sure: a%0D%0Ab, c`},
		{content.Diagnostic{Pos: content.Pos{File: "site.yaml"}, Severity: content.Error, Msg: "the site settings file is missing", Hint: "create it"},
			`::error file=site.yaml,title=This stops the site from being published::the site settings file is missing%0Ahint: create it`},
		{content.Diagnostic{Pos: content.Pos{File: "(generated) map/index.html"}, Severity: content.Error, Msg: `the page /map/ links to "../x/"`},
			`::error title=This stops the site from being published::(generated) map/index.html: the page /map/ links to "../x/"`},
	}
	for _, tt := range tests {
		if got := githubCommand(tt.d); got != tt.want {
			t.Errorf("got\n%s\nwant\n%s", got, tt.want)
		}
	}
}

// TestCheckFormatGitHub runs the check as the pull request workflow does:
// each problem is a workflow command on standard output, and the job
// summary lists them all in plain words.
func TestCheckFormatGitHub(t *testing.T) {
	root := fixture(t, "site", map[string]string{
		"content/briefs/broken.md": "---\ntitle: Broken\nsummary: x\nfunctions: [stewardshp]\npublished: 2026-01-01\nreviewed: 2026-01-01\n---\nSee [x](nowhere_*.md). Text <br> here.\n",
	})
	sum := filepath.Join(t.TempDir(), "summary.md")
	os.WriteFile(sum, []byte("earlier step\n"), 0o644)
	t.Setenv("GITHUB_STEP_SUMMARY", sum)
	code, stdout, stderr := runCLI(t, "check", "-root", root, "-date", "2026-11-23", "-format", "github")
	want := `::error file=content/briefs/broken.md,line=4,col=13,title=This stops the site from being published::"stewardshp" is not a function%0Ahint: did you mean "stewardship"?
::error file=content/briefs/broken.md,line=8,col=5,title=This stops the site from being published::link to "nowhere_*.md": there is no such brief%0Ahint: check the spelling of the file name
::warning file=content/briefs/broken.md,line=8,col=29,title=Worth fixing%2C but the site is still published::raw HTML is not shown on the site%0Ahint: write it in Markdown instead: **bold**, *italics*, [a link](other.md), or a blank line between paragraphs
checked 0 pages: 2 errors, 1 warning
`
	if code != 1 || stdout != want || stderr != "" {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	wantSum := `earlier step
## The check found 2 errors and 1 warning

This change cannot be published until the errors are fixed. Change the files in this pull request, and the check runs again.

Warnings do not stop the site from being published, but are worth fixing.

- **content/briefs/broken.md, line 4, column 13**: error: "stewardshp" is not a function. What to do: did you mean "stewardship"?
- **content/briefs/broken.md, line 8, column 5**: error: link to "nowhere\_\*.md": there is no such brief. What to do: check the spelling of the file name
- **content/briefs/broken.md, line 8, column 29**: warning: raw HTML is not shown on the site. What to do: write it in Markdown instead: \*\*bold\*\*, \*italics\*, \[a link\](other.md), or a blank line between paragraphs
`
	if b, _ := os.ReadFile(sum); string(b) != wantSum {
		t.Errorf("summary:\n%s\nwant:\n%s", b, wantSum)
	}

	os.Remove(filepath.Join(root, "content/briefs/broken.md"))
	os.Remove(sum)
	code, stdout, _ = runCLI(t, "check", "-root", root, "-date", "2026-11-23", "-format", "github")
	if code != 0 || !summaryLine.MatchString(stdout) {
		t.Fatalf("exit %d, %q", code, stdout)
	}
	if b, _ := os.ReadFile(sum); !summaryOK.Match(b) {
		t.Errorf("summary:\n%s", b)
	}
	code, _, stderr = runCLI(t, "check", "-root", root, "-format", "json")
	if code != 2 || stderr != "alongside check: -format should be text or github, not \"json\"\n" {
		t.Errorf("-format json: exit %d, %q", code, stderr)
	}
}

var (
	summaryLine = regexp.MustCompile(`^checked \d+ pages in \S+: 0 errors, 0 warnings\n$`)
	summaryOK   = regexp.MustCompile(`^## The check found no errors in \d+ pages\n\nThis change can be published once it is merged\.\n$`)
)
