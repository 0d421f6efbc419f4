package content

import (
	"fmt"
	"strings"
)

// briefTemplate is the file "alongside new brief" writes: every key a
// brief can have, each with a comment that says what to write, in the
// words of the contribute page. %[1]s is the title, %[2]s today's date.
// The example text in it (Placeholders) is an error in a brief that is
// not a draft, so that it is never published by accident.
const briefTemplate = `---
# The brief's name, as readers see it: at most 90 characters. If it has a
# colon in it, put the whole title in straight quotation marks: "A: B".
title: %[1]s
# One or two plain sentences (no Markdown), at most 300 characters.
# Shown in lists, search results and feeds.
summary: >-
  Say here, in plain words, what this brief explains and why it matters.
# At least one function or one priority. The functions are stewardship,
# financing, capacity and producing-and-using-research; the priorities are
# the file names in content/priorities/, without ".md".
functions: []
priorities: []
# Topics, from the list under "topics:" in site.yaml, such as housing or
# unpaid-carers. Add a new topic there first.
topics: []
# Who it is for: public, lived-experience, practitioners, researchers,
# commissioners. Give at least one.
audiences: [public]
# Where in the UK it applies: uk, england, england-and-wales, wales,
# scotland or northern-ireland. Law and services differ between them.
applies_to: [england]
# The day it first goes on the site, and the day it was last checked
# against its sources. Write dates as year-month-day: 2026-11-20.
published: %[2]s
reviewed: %[2]s
# When it should next be checked. Leave it out to use the usual interval
# (review_interval in site.yaml).
# review_due: 2027-11-20
# A one-sentence note shown before the text, for difficult subjects.
# The page adds a link to the help page. Delete the # to use it.
# content_note: This page talks about being detained in hospital.
# Where the facts come from: at least one source, shown as a numbered list.
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
# Keep true while you work on it: a draft is not published, and its
# problems are warnings. Set it to false when the brief is ready.
draft: true
---
Write the brief here, in Markdown. Use ## for section headings.

## What this means for you

Say what the evidence means for people and carers, for practitioners and
for commissioners. This section is shown in a box, with a link to it at the
top of the brief.

## What we do not know

Say where the evidence is thin or missing, and what research would help.

Link to another brief by its file name, like this: [what councils do](councils-care-act-and-mental-health.md).
`

// NewBrief returns the text of a new brief with its title and today's date.
func NewBrief(title, today string) string {
	return fmt.Sprintf(briefTemplate, yamlQuoteIfNeeded(title), today)
}

// yamlQuoteIfNeeded quotes s when YAML would otherwise misread it.
func yamlQuoteIfNeeded(s string) string {
	if strings.ContainsAny(s, ":#'\"[]{}&*!|>%@`,\\") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "?") {
		return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
	}
	return s
}

// Placeholders is the example text of the template, by the front matter
// key it stands in ("" for the body), so that it is found wherever an
// editor left it.
var Placeholders = []struct{ Key, Text string }{
	{"summary", "Say here, in plain words, what this brief explains and why it matters."},
	{"title", "Name of the report or article"},
	{"author", "Surname A, Surname B"},
	{"publisher", "Who published it"},
	{"", "Write the brief here, in Markdown."},
	{"", "Say what the evidence means for people and carers"},
	{"", "Say where the evidence is thin or missing"},
	{"", "Link to another brief by its file name, like this:"},
}

// placeholderFor returns the template's example text if v is it.
func placeholderFor(key, v string) (string, bool) {
	for _, p := range Placeholders {
		if p.Key == key && strings.EqualFold(strings.TrimSpace(v), p.Text) {
			return p.Text, true
		}
	}
	return "", false
}
