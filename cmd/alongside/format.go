package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
)

// -format github writes each problem as a GitHub workflow command, which
// GitHub shows on the problem's line in a pull request's diff:
//
//	::error file=content/briefs/x.md,line=14,col=22,title=This stops the site from being published::link to "advocasy.md": there is no such brief%0Ahint: did you mean "advocacy.md"?
//
// and adds a job summary ($GITHUB_STEP_SUMMARY) listing every problem in
// plain words. Escaping follows GitHub's rules: in the message, "%", CR
// and LF become %25, %0D and %0A; in a property, ":" and "," also become
// %3A and %2C.

// formats are the values of -format.
var formats = []string{"text", "github"}

// titles say, for each severity, what the problem means for the site.
var titles = map[content.Severity]string{
	content.Error:   "This stops the site from being published",
	content.Warning: "Worth fixing, but the site is still published",
}

// githubCommand formats one diagnostic as a workflow command. A problem
// that is not in a file of the repository (a generated page, a flag)
// names its place at the start of the message instead.
func githubCommand(d content.Diagnostic) string {
	var props []string
	msg := d.Msg
	if inRepo(d.Pos.File) {
		props = append(props, "file="+escapeProperty(d.Pos.File))
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
			if d.Pos.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
			}
		}
	} else if d.Pos.File != "" {
		msg = d.Pos.String() + ": " + msg
	}
	props = append(props, "title="+escapeProperty(titles[d.Severity]))
	if d.Hint != "" {
		msg += "\nhint: " + d.Hint
	}
	return "::" + d.Severity.String() + " " + strings.Join(props, ",") + "::" + escapeData(msg)
}

// inRepo says whether a diagnostic's file is a path in the repository.
func inRepo(file string) bool {
	return file != "" && !strings.HasPrefix(file, "(") && !strings.HasPrefix(file, "-")
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// printDiagnostics writes the problems in the chosen format: as text on
// standard error, or as workflow commands on standard output, where
// GitHub reads them.
func printDiagnostics(format string, diags content.Diagnostics, stdout, stderr io.Writer) {
	if format != "github" {
		diags.Print(stderr)
		return
	}
	diags.Sort()
	for _, d := range diags {
		fmt.Fprintln(stdout, githubCommand(d))
	}
}

// writeSummary appends the job summary to the file GitHub names in
// $GITHUB_STEP_SUMMARY, if it names one.
func writeSummary(name string, diags content.Diagnostics, pages int, failed string) error {
	p := os.Getenv("GITHUB_STEP_SUMMARY")
	if p == "" {
		return nil
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, jobSummary(name, diags, pages, failed)); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// jobSummary is the job summary in Markdown: what happened, in plain
// words, then every problem with where it is and what to do. failed says
// why a build with no errors was not written, if it was not.
func jobSummary(name string, diags content.Diagnostics, pages int, failed string) string {
	var b strings.Builder
	nerr, nwarn := diags.Count()
	switch {
	case name == "check" && nerr > 0:
		fmt.Fprintf(&b, "## The check found %s\n\n", andCounts(nerr, nwarn))
		b.WriteString("This change cannot be published until the errors are fixed. Change the files in this pull request, and the check runs again.\n")
	case name == "check":
		fmt.Fprintf(&b, "## The check found no errors in %s\n\n", plural(pages, "page"))
		b.WriteString("This change can be published once it is merged.\n")
	case nerr > 0:
		fmt.Fprintf(&b, "## The site was not published: %s\n\n", andCounts(nerr, nwarn))
		b.WriteString("The live site was left as it was. Fix the errors, and the next change published builds it again.\n")
	case failed != "":
		b.WriteString("## The site was not published\n\n")
		fmt.Fprintf(&b, "The live site was left as it was. The new site could not be written: %s.\n", markdownText(failed))
	default:
		fmt.Fprintf(&b, "## The site was built: %s\n\n", plural(pages, "page"))
	}
	if nwarn > 0 {
		b.WriteString("\nWarnings do not stop the site from being published, but are worth fixing.\n")
	}
	if len(diags) > 0 {
		b.WriteString("\n")
	}
	diags.Sort()
	for _, d := range diags {
		fmt.Fprintf(&b, "- **%s**: %s: %s", markdownText(where(d.Pos)), d.Severity, markdownText(d.Msg))
		if d.Hint != "" {
			fmt.Fprintf(&b, ". What to do: %s", markdownText(d.Hint))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func andCounts(nerr, nwarn int) string {
	if nwarn == 0 {
		return plural(nerr, "error")
	}
	return plural(nerr, "error") + " and " + plural(nwarn, "warning")
}

// where says a position in words: "content/briefs/x.md, line 14, column 22".
func where(p content.Pos) string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(", line %d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(", column %d", p.Col)
		}
	}
	return s
}

// markdownText keeps s as plain text in Markdown: on one line, with the
// characters that would start formatting, a link or HTML escaped.
var markdownEscaper = strings.NewReplacer("\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]",
	"<", "\\<", ">", "\\>", "|", "\\|", "~", "\\~", "&", "\\&", "!", "\\!", "#", "\\#", "\r\n", " ", "\n", " ", "\r", " ")

func markdownText(s string) string { return markdownEscaper.Replace(s) }
