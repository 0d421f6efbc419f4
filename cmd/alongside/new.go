package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

const newUsage = `Usage: alongside new brief [-root DIR] "Title of the brief"

Writes content/briefs/<name>.md, named from the title, with every front
matter key filled in or explained. It never replaces a file that exists.

Options:
`

// briefTemplate is the file "alongside new brief" writes. %[1]s is the
// title, %[2]s today's date.
const briefTemplate = `---
# The brief's name, as readers see it: at most 90 characters.
title: %[1]s
# One or two plain sentences (no Markdown), at most 300 characters.
# Shown in lists, search results and feeds.
summary: >-
  Say here, in plain words, what this brief explains and why it matters.
# Which of the four functions it belongs to: stewardship, financing,
# capacity, producing-and-using-research. A brief needs at least one
# function or one priority.
functions: []
# Which research priorities it covers: the file names in content/priorities/.
priorities: []
# Free topic tags, such as housing or unpaid-carers.
topics: []
# Who it is for: public, lived-experience, practitioners, researchers, commissioners.
audiences: [public]
# Where in the UK it applies: uk, england, england-and-wales, wales,
# scotland or northern-ireland. Law and services differ between them.
applies_to: [england]
# The day it was first published, and the day it was last checked.
published: %[2]s
reviewed: %[2]s
# When it should next be checked. Leave it out to use the usual interval.
# review_due: 2027-11-20
# A one-sentence warning shown before the text, for difficult subjects.
# The page adds a link to the help page. Delete the line if not needed.
# content_note: This page talks about being detained in hospital.
# Where the facts come from; shown as a numbered list.
sources:
  - title: "Name of the report or article"
    author: Surname A, Surname B
    year: 2025
    publisher: Who published it
    # What kind of evidence it is: research-study, review-of-studies,
    # statistics, law, policy-statement, professional-guidance or
    # expert-opinion.
    type: research-study
    # Where to find it: its DOI (10.xxxx/...) and/or its web address.
    # doi: 10.1192/bjb.2024.80
    # url: https://example.org/report
# Set to true to keep the brief off the site while you work on it.
draft: true
---
Write the brief here, in Markdown. Use ## for section headings.

## What this means for you

Say what the evidence means for people and carers, for practitioners and
for commissioners. This section is shown in a box, with a link to it at the
top of the brief.

Link to another brief like this: [what councils do](councils-care-act-and-mental-health.md).
`

func runNew(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("new", flag.ContinueOnError)
	fset.SetOutput(stderr)
	root := fset.String("root", ".", "the project `folder`")
	fset.Usage = func() {
		fmt.Fprint(fset.Output(), newUsage)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fset.NArg() != 2 || fset.Arg(0) != "brief" {
		fmt.Fprintln(stderr, `alongside new: say what to make and its title, like: alongside new brief "What is advocacy?"`)
		return exitUsage
	}
	title := strings.TrimSpace(fset.Arg(1))
	slug := content.Slugify(title)
	if slug == "" {
		fmt.Fprintf(stderr, "alongside new: the title %q has no letters or digits to name the file with\n", title)
		return exitUsage
	}
	rel := filepath.Join("content", "briefs", slug+".md")
	path := filepath.Join(*root, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintf(stderr, "alongside new: %v\n", err)
		return exitProblem
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "alongside new: %s already exists; it was left as it was\n", filepath.ToSlash(rel))
		return exitProblem
	}
	if err != nil {
		fmt.Fprintf(stderr, "alongside new: %v\n", err)
		return exitProblem
	}
	_, err = fmt.Fprintf(f, briefTemplate, yamlString(title), time.Now().Format("2006-01-02"))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "alongside new: %v\n", err)
		return exitProblem
	}
	fmt.Fprintf(stdout, "wrote %s\n", filepath.ToSlash(rel))
	return exitOK
}

// yamlString quotes s when YAML would otherwise misread it.
func yamlString(s string) string {
	if strings.ContainsAny(s, ":#'\"[]{}&*!|>%@`,") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "?") {
		return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
	}
	return s
}
