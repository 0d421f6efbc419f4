package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/render"
	"github.com/alongside-hub/alongside/internal/txtar"
)

// runCLI runs the command as a user would and returns its exit code and
// output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// fixture writes testdata/NAME.txtar into a new folder, with the project's
// layouts, and returns the folder.
func fixture(t *testing.T, name string, extra map[string]string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	files := map[string]string{}
	for _, f := range txtar.Parse(raw).Files {
		files[f.Name] = string(f.Data)
	}
	for k, v := range extra {
		files[k] = v
	}
	for name, data := range files {
		writeFile(t, filepath.Join(root, name), data)
	}
	copyDir(t, "../../layouts", filepath.Join(root, "layouts"))
	return root
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		writeFile(t, filepath.Join(to, rel), string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "version")
	if code != 0 || out != "alongside "+Version+"\n" {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		inStderr string
	}{
		{nil, 2, "Usage:"},
		{[]string{"publish"}, 2, `alongside: "publish" is not a command`},
		{[]string{"build", "-nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"build", "extra"}, 2, `alongside build: unexpected "extra"`},
		{[]string{"check", "-date", "tomorrow"}, 2, `alongside check: -date should look like 2026-11-20, not "tomorrow"`},
		{[]string{"new"}, 2, `alongside new: say what to make and its title, like: alongside new brief "What is advocacy?"`},
		{[]string{"new", "page", "X"}, 2, "alongside new: say what to make"},
		{[]string{"new", "brief", "???"}, 2, `alongside new: the title "???" has no letters or digits to name the file with`},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.inStderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", tt.args, code, stderr, tt.code, tt.inStderr)
		}
	}
}

func TestHelpForEachCommand(t *testing.T) {
	for _, cmd := range []string{"build", "check", "new"} {
		code, _, stderr := runCLI(t, cmd, "-h")
		if code != 0 || !strings.HasPrefix(stderr, "Usage: alongside "+cmd) {
			t.Errorf("%s -h: exit %d, %q", cmd, code, stderr)
		}
	}
	if code, out, _ := runCLI(t, "-h"); code != 0 || !strings.Contains(out, "alongside build [-base-url URL] [-drafts] [-format text|github] [-out DIR] [-root DIR]") {
		t.Errorf("-h: %d %q", code, out)
	}
}

var builtAllGood = regexp.MustCompile(`^built \d+ pages \(\d+ files\) in \S+: all good\n$`)

func TestBuildWritesSiteAndRemovesStaleFiles(t *testing.T) {
	root := fixture(t, "site", nil)
	out := filepath.Join(root, "public")
	writeFile(t, filepath.Join(out, "stale.html"), "from an old build")
	writeFile(t, filepath.Join(out, render.Marker), "")
	code, stdout, stderr := runCLI(t, "build", "-root", root, "-date", "2026-11-23")
	if code != 0 || !builtAllGood.MatchString(stdout) || stderr != "" {
		t.Fatalf("build: exit %d\nstdout %q\nstderr %s", code, stdout, stderr)
	}
	for _, p := range []string{"index.html", "briefs/what-is/index.html", "404.html", "feed.xml", "sitemap.xml", "assets/site.css", "briefs/chart.png"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("missing %s", p)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !os.IsNotExist(err) {
		t.Error("stale.html survived the build")
	}
}

func TestBuildWithErrorsLeavesPublicAlone(t *testing.T) {
	root := fixture(t, "site", map[string]string{
		"content/briefs/broken.md": "---\ntitle: Broken\nsummary: x\nfunctions: [stewardshp]\npublished: 2026-01-01\nreviewed: 2026-01-01\n---\nSee [x](nowhere.md).\n",
	})
	out := filepath.Join(root, "public")
	writeFile(t, filepath.Join(out, "index.html"), "the published site")
	writeFile(t, filepath.Join(out, render.Marker), "")
	code, stdout, stderr := runCLI(t, "build", "-root", root, "-date", "2026-11-23")
	wantErr := `content/briefs/broken.md:4:13: error: "stewardshp" is not a function
    hint: did you mean "stewardship"?
content/briefs/broken.md:8:5: error: link to "nowhere.md": there is no such brief
    hint: check the spelling of the file name
`
	if code != 1 || stderr != wantErr || stdout != "not built: 2 problems to fix in 1 file; "+out+" was left as it was\n" {
		t.Fatalf("exit %d\nstdout %q\nstderr:\n%s", code, stdout, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "the published site" {
		t.Errorf("public/ was changed: %q", b)
	}
}

func TestWarningsDoNotStopTheBuild(t *testing.T) {
	root := fixture(t, "site", map[string]string{
		"content/briefs/old.md": "---\ntitle: Old\nsummary: x\nfunctions: [stewardship]\npublished: 2020-01-01\nreviewed: 2020-01-01\n---\nText <br> here.\n",
	})
	code, stdout, stderr := runCLI(t, "build", "-root", root, "-date", "2026-11-23")
	if code != 0 || !strings.HasSuffix(stdout, ": 2 warnings to look at in 1 file\n") {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	want := `content/briefs/old.md:6:11: warning: the review of this page was due on 2021-01-01
    hint: check the page is still right, then set reviewed to the date you checked it
content/briefs/old.md:8:6: warning: raw HTML is not shown on the site
    hint: write it in Markdown instead: **bold**, *italics*, [a link](other.md), or a blank line between paragraphs
`
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	if _, err := os.Stat(filepath.Join(root, "public", "briefs", "old", "index.html")); err != nil {
		t.Error("the page with warnings was not published")
	}
}

func TestCheckWritesNothing(t *testing.T) {
	root := fixture(t, "site", nil)
	code, stdout, _ := runCLI(t, "check", "-root", root, "-date", "2026-11-23")
	if code != 0 || !regexp.MustCompile(`^all good: \d+ pages checked\n$`).MatchString(stdout) {
		t.Fatalf("check: %d %q", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(root, "public")); !os.IsNotExist(err) {
		t.Error("check wrote public/")
	}
}

func TestBrokenLayoutIsReported(t *testing.T) {
	root := fixture(t, "site", nil)
	writeFile(t, filepath.Join(root, "layouts", "map.html"), `{{define "main"}}<h1>Map</h1><a href="{{.Rel "/nowhere/"}}">x</a>{{end}}`)
	code, _, stderr := runCLI(t, "check", "-root", root, "-date", "2026-11-23")
	want := `(generated) map/index.html: error: the page /map/ links to "../nowhere/", which does not exist
    hint: this link comes from the layouts; check the template that makes it
`
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	writeFile(t, filepath.Join(root, "layouts", "map.html"), `{{define "main"}}{{.Nope}}{{end}}`)
	code, _, stderr = runCLI(t, "check", "-root", root, "-date", "2026-11-23")
	if code != 1 || !strings.Contains(stderr, "alongside check: layouts: page /map/: template: map.html:1:19: executing \"main\" at <.Nope>: can't evaluate field Nope") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestNewBrief(t *testing.T) {
	root := fixture(t, "site", nil)
	code, stdout, stderr := runCLI(t, "new", "-root", root, "brief", "Housing: what helps?")
	if code != 0 || stdout != "wrote content/briefs/housing-what-helps.md\n" {
		t.Fatalf("new: %d %q %q", code, stdout, stderr)
	}
	b, err := os.ReadFile(filepath.Join(root, "content/briefs/housing-what-helps.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"title:", "summary:", "functions:", "priorities:", "topics:", "audiences:", "published:", "reviewed:", "# review_due:", "# content_note:", "sources:", "draft: true"} {
		if !strings.Contains(string(b), "\n"+key) {
			t.Errorf("the new brief lacks %q", key)
		}
	}
	if !strings.Contains(string(b), `title: "Housing: what helps?"`) {
		t.Errorf("title not quoted:\n%s", b)
	}
	// As a draft it does not stop the build; with -drafts it is checked,
	// and the only problem is the one the editor has to fill in.
	code, _, stderr = runCLI(t, "check", "-root", root, "-date", "2026-11-23")
	if code != 0 || !strings.Contains(stderr, "content/briefs/housing-what-helps.md:1:1: warning: a brief needs at least one function or priority") {
		t.Errorf("check with the new draft: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCLI(t, "check", "-root", root, "-drafts", "-date", "2026-11-23")
	if code != 1 || !strings.Contains(stderr, "content/briefs/housing-what-helps.md:1:1: error: a brief needs at least one function or priority") {
		t.Errorf("check -drafts: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCLI(t, "new", "-root", root, "brief", "Housing: what helps?")
	if code != 1 || stderr != "alongside new: content/briefs/housing-what-helps.md already exists; it was left as it was\n" {
		t.Errorf("second new: %d %q", code, stderr)
	}
}

// TestCheckEndsWithOnePlainSentence checks the last line of check, and
// that -strict makes warnings errors.
func TestCheckEndsWithOnePlainSentence(t *testing.T) {
	old := "---\ntitle: Old\nsummary: x\nfunctions: [stewardship]\npublished: 2020-01-01\nreviewed: 2020-01-01\n---\nText.\n"
	root := fixture(t, "site", map[string]string{"content/briefs/old.md": old})
	code, stdout, _ := runCLI(t, "check", "-root", root, "-date", "2026-11-23")
	if code != 0 || !regexp.MustCompile(`^nothing to fix: \d+ pages checked; 1 warning to look at in 1 file\n$`).MatchString(stdout) {
		t.Errorf("check: exit %d, %q", code, stdout)
	}
	code, stdout, stderr := runCLI(t, "check", "-strict", "-root", root, "-date", "2026-11-23")
	if code != 1 || stdout != "1 problem to fix in 1 file\n" || !strings.Contains(stderr, "content/briefs/old.md:6:11: error: the review of this page was due on 2021-01-01") {
		t.Errorf("check -strict: exit %d, %q\n%s", code, stdout, stderr)
	}
	writeFile(t, filepath.Join(root, "content/briefs/bad.md"), "---\ntitle: Bad: one\nsummary: x\nfunctions: [stewardshp]\npublished: 2026-01-01\nreviewed: 2026-01-01\n---\n")
	writeFile(t, filepath.Join(root, "content/briefs/worse.md"), "---\ntitle: Worse\nsummary: x\nfunctions: [stewardship]\npublished: 2026-01-01\nreviewed: 2026-01-01\n---\n[a](nowhere.md)\n")
	// bad.md's front matter cannot be read, so its one problem is that
	// (its function is checked once it can be read).
	code, stdout, _ = runCLI(t, "check", "-root", root, "-date", "2026-11-23")
	if code != 1 || stdout != "2 problems to fix in 2 files, and 1 warning to look at\n" {
		t.Errorf("check with errors: exit %d, %q", code, stdout)
	}
}

// TestEditorsReport writes the report for a site with a problem, a review
// falling due and a brief no page links to, and refuses to write it where
// it could be published or over a file it did not make.
func TestEditorsReport(t *testing.T) {
	root := fixture(t, "site", map[string]string{
		"content/briefs/alone.md": "---\ntitle: Alone\nsummary: x\nfunctions: [stewardship]\npublished: 2026-01-10\nreviewed: 2026-01-10\n---\nSee [x](nowhere.md).\n",
	})
	file := filepath.Join(t.TempDir(), "report.html")
	code, stdout, _ := runCLI(t, "check", "-root", root, "-date", "2026-11-23", "-report", file)
	if code != 1 || stdout != "wrote the editors' report to "+file+"\n1 problem to fix in 1 file\n" {
		t.Fatalf("check -report: exit %d, %q", code, stdout)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		`<html lang="en-GB">`, "<h1>Editors' report</h1>",
		`<td><code>content/briefs/alone.md:8:5</code></td><td class="error">error</td><td>link to &#34;nowhere.md&#34;: there is no such brief`,
		`<tr><td>Alone</td><td><code>content/briefs/alone.md</code></td><td>10 January 2027</td></tr>`,
		`<li>Alone (<code>content/briefs/alone.md</code>)</li>`,
		`<h2 id="grades">Reading grade of each brief</h2>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// A second run may replace its own report.
	if code, _, stderr := runCLI(t, "check", "-root", root, "-date", "2026-11-23", "-report", file); code != 1 || strings.Contains(stderr, "refusing") {
		t.Errorf("second report: exit %d, %s", code, stderr)
	}
	for _, tt := range []struct{ file, want string }{
		{filepath.Join(root, "content", "report.html"), "alongside check: refusing to write the report to " + filepath.Join(root, "content", "report.html") + ": it is inside " + filepath.Join(root, "content") + ", so it could be published; write it elsewhere, like -report report.html\n"},
		{filepath.Join(root, "public", "x", "report.html"), "alongside check: refusing to write the report to " + filepath.Join(root, "public", "x", "report.html") + ": it is inside " + filepath.Join(root, "public") + ", so it could be published; write it elsewhere, like -report report.html\n"},
		{filepath.Join(root, "site.yaml.html"), ""},
		{filepath.Join(root, "notes.txt"), "alongside check: the report is a web page: give a file name ending in .html, like -report report.html\n"},
	} {
		if tt.want == "" {
			writeFile(t, tt.file, "my own page")
			tt.want = "alongside check: refusing to replace " + tt.file + ": it is not an earlier report; give another file name\n"
		}
		if code, _, stderr := runCLI(t, "check", "-root", root, "-report", tt.file); code != 2 || stderr != tt.want {
			t.Errorf("-report %s: exit %d, %q", tt.file, code, stderr)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(root, "site.yaml.html")); string(b) != "my own page" {
		t.Error("the report replaced a file it did not make")
	}
}
