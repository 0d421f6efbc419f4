package main

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
)

// The editors' report ("alongside check -report FILE.html") is one page
// for the people who look after the hub: every problem, the reviews that
// fall due in the next 90 days, each brief's reading grade, and the briefs
// that no page links to. It is for editors, not readers, so it is never
// written where it could be published: not inside content/, layouts/ or
// the output folder, and never over a file that is not an earlier report.

// reportMark starts every report, so that a later run knows it may
// replace the file.
const reportMark = "<!-- alongside editors' report -->"

// reportDays is how far ahead the report lists reviews.
const reportDays = 90

// reportPath checks where the report may go and returns the path to write.
func reportPath(root, out, file string) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	if !strings.EqualFold(filepath.Ext(abs), ".html") {
		return "", fmt.Errorf("the report is a web page: give a file name ending in .html, like -report report.html")
	}
	if out == "" {
		out = filepath.Join(root, "public") // check has no -out: the folder build writes by default
	}
	for _, dir := range []string{filepath.Join(root, "content"), filepath.Join(root, "layouts"), out} {
		d, err := filepath.Abs(dir)
		if err != nil {
			return "", err
		}
		if rel, err := filepath.Rel(d, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", fmt.Errorf("refusing to write the report to %s: it is inside %s, so it could be published; write it elsewhere, like -report report.html", file, dir)
		}
	}
	if b, err := os.ReadFile(abs); err == nil && !bytes.HasPrefix(b, []byte(reportMark)) {
		return "", fmt.Errorf("refusing to replace %s: it is not an earlier report; give another file name", file)
	}
	return abs, nil
}

type reportData struct {
	Title      string
	Day        string
	Summary    string
	Problems   []reportProblem
	Reviews    []reportReview
	Grades     []reportGrade
	Unlinked   []*content.Page
	Aim, Limit float64
	Days       int
}

type reportProblem struct {
	Where, Severity, Msg, Hint string
}

type reportReview struct {
	Page    *content.Page
	Due     string
	Overdue bool
}

type reportGrade struct {
	Page    *content.Page
	Grade   string
	Over    bool
	Longest string
}

// report loads the site again (a site with errors is not rendered, but
// its pages are known) and writes the report.
func report(root string, opt content.Options, path string, diags content.Diagnostics, sentence string) error {
	site, _, err := content.Load(os.DirFS(root), opt)
	if err != nil {
		return err
	}
	return writeReport(path, site, diags, sentence)
}

// writeReport writes the report for site and diags to path.
func writeReport(path string, site *content.Site, diags content.Diagnostics, sentence string) error {
	data := reportData{Title: site.Config.Title, Day: site.BuildDate.Format("2 January 2006"), Summary: sentence,
		Aim: site.Config.Checks.ReadingGrade, Limit: site.Config.Checks.ReadingGradeLimit, Days: reportDays}
	for _, d := range diags {
		data.Problems = append(data.Problems, reportProblem{Where: d.Pos.String(), Severity: d.Severity.String(), Msg: d.Msg, Hint: d.Hint})
	}
	horizon := site.BuildDate.AddDate(0, 0, reportDays)
	for _, p := range site.Pages {
		if !p.ReviewDue.IsZero() && !p.ReviewDue.After(horizon) {
			data.Reviews = append(data.Reviews, reportReview{Page: p, Due: p.ReviewDue.Format("2 January 2006"), Overdue: p.ReviewDue.Before(site.BuildDate)})
		}
	}
	sortReviews(data.Reviews)
	for _, b := range site.Briefs {
		g := b.Grade()
		var longest []string
		for _, s := range g.Longest {
			longest = append(longest, fmt.Sprintf("line %d (%d words)", s.Pos.Line, s.Words))
		}
		data.Grades = append(data.Grades, reportGrade{Page: b, Grade: fmt.Sprintf("%.1f", g.Grade),
			Over: data.Aim > 0 && g.Grade > data.Aim, Longest: strings.Join(longest, ", ")})
		if len(b.Backlinks) == 0 {
			data.Unlinked = append(data.Unlinked, b)
		}
	}
	var buf bytes.Buffer
	buf.WriteString(reportMark + "\n")
	if err := reportTemplate.Execute(&buf, data); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func sortReviews(rs []reportReview) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && (rs[j].Page.ReviewDue.Before(rs[j-1].Page.ReviewDue) ||
			rs[j].Page.ReviewDue.Equal(rs[j-1].Page.ReviewDue) && rs[j].Page.Source < rs[j-1].Page.Source); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

var reportTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Editors' report: {{.Title}}</title>
<style>
body { font: 1.125rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #111; background: #fff; }
h1, h2 { line-height: 1.2; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
th, td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid #555; overflow-wrap: anywhere; }
code { font-size: 1rem; word-break: break-all; }
.error { color: #8b0000; font-weight: bold; }
.hint { color: #333; }
a { color: #003d99; }
:focus { outline: 3px solid #000; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } .hint { color: #ccc; } .error { color: #ff9e9e; } a { color: #9ecbff; } :focus { outline-color: #fff; } th, td { border-color: #aaa; } }
</style>
</head>
<body>
<main>
<h1>Editors' report</h1>
<p>{{.Title}}, checked on {{.Day}}: {{.Summary}}.</p>
<nav aria-label="Sections of the report">
<ul>
<li><a href="#problems">Problems ({{len .Problems}})</a></li>
<li><a href="#reviews">Reviews due in the next {{.Days}} days ({{len .Reviews}})</a></li>
<li><a href="#grades">Reading grade of each brief</a></li>
<li><a href="#unlinked">Briefs no page links to ({{len .Unlinked}})</a></li>
</ul>
</nav>

<h2 id="problems">Problems</h2>
{{if .Problems}}<table>
<caption>Every problem, by file and line. Errors stop the site being published; warnings do not.</caption>
<thead><tr><th scope="col">Where</th><th scope="col">Kind</th><th scope="col">What is wrong, and what to do</th></tr></thead>
<tbody>
{{range .Problems}}<tr><td><code>{{.Where}}</code></td><td{{if eq .Severity "error"}} class="error"{{end}}>{{.Severity}}</td><td>{{.Msg}}{{if .Hint}}<br><span class="hint">{{.Hint}}</span>{{end}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>There are no problems.</p>{{end}}

<h2 id="reviews">Reviews due in the next {{.Days}} days</h2>
{{if .Reviews}}<table>
<caption>Pages to check against their sources, soonest first.</caption>
<thead><tr><th scope="col">Page</th><th scope="col">File</th><th scope="col">Review due</th></tr></thead>
<tbody>
{{range .Reviews}}<tr><td>{{.Page.Title}}</td><td><code>{{.Page.Source}}</code></td><td>{{.Due}}{{if .Overdue}} <span class="error">(overdue)</span>{{end}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>No review falls due in the next {{.Days}} days.</p>{{end}}

<h2 id="grades">Reading grade of each brief</h2>
<table>
<caption>The Flesch-Kincaid grade: roughly the years of school a reader needs.{{if .Aim}} The aim is {{.Aim}} or lower{{if .Limit}}, and at most {{.Limit}} for a page anyone may read{{end}}.{{end}}</caption>
<thead><tr><th scope="col">Brief</th><th scope="col">Grade</th><th scope="col">Longest sentences</th></tr></thead>
<tbody>
{{range .Grades}}<tr><td>{{.Page.Title}}<br><code>{{.Page.Source}}</code></td><td{{if .Over}} class="error"{{end}}>{{.Grade}}{{if .Over}} (above the aim){{end}}</td><td>{{.Longest}}</td></tr>
{{end}}</tbody>
</table>

<h2 id="unlinked">Briefs no page links to</h2>
{{if .Unlinked}}<p>Readers find these only in lists. Link to each from a brief on a near subject.</p>
<ul>
{{range .Unlinked}}<li>{{.Title}} (<code>{{.Source}}</code>)</li>
{{end}}</ul>{{else}}<p>Every brief has a page that links to it.</p>{{end}}
</main>
</body>
</html>
`))
