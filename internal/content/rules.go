package content

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// checkRules applies the site's own rules (Config.Checks, from site.yaml's
// "checks:") to every published page, now that backlinks are known, and
// the rules about the text alone to pages whose front matter could not be
// read. A rule with a zero number is off.
func (l *loader) checkRules() {
	c := l.site.Config.Checks
	for _, p := range l.broken {
		l.checkBody(p, c)
	}
	for _, p := range l.site.Pages {
		l.checkBody(p, c)
		l.checkBrief(p, c)
	}
}

// checkBrief applies the site's rules on a brief's front matter and on
// the pages that link to it.
func (l *loader) checkBrief(p *Page, c Checks) {
	if p.Kind != KindBrief {
		return
	}
	d := l.diags(p.Source)
	at := func(key string) Pos {
		if p.keyAt != nil {
			return p.keyAt(key)
		}
		return Pos{File: p.Source, Line: 1, Col: 1}
	}
	if c.MinSources > 0 && len(p.Sources) < c.MinSources {
		pos := at("sources")
		d.errorf(pos.Line, pos.Col, "add each source under sources:, with its title, author, year and publisher (see the contribute page)",
			"the brief lists %s; each brief lists at least %d", plural(len(p.Sources), "source"), c.MinSources)
	}
	if c.NeedsAudience && len(p.Audiences) == 0 && len(p.pending.audiences) == 0 {
		pos := at("audiences")
		d.errorf(pos.Line, pos.Col, "add a line such as: audiences: [public, practitioners]",
			"the brief does not say who it is for")
	}
	if c.NeedsAppliesTo && len(p.AppliesTo) == 0 {
		pos := at("title")
		d.errorf(pos.Line, pos.Col, "add a line such as: applies_to: [england]",
			"the brief does not say where it applies")
	}
	if c.NeedsSourceType {
		for _, s := range p.Sources {
			if s.Type == "" {
				pos := at("sources")
				d.errorf(pos.Line, pos.Col, "add a line type: under the source, such as type: research-study (the contribute page lists the kinds)",
					"the source %q does not say what kind of evidence it is", s.Title)
			}
		}
	}
	if c.NeedsLinkIn && len(p.Backlinks) == 0 {
		pos := at("title")
		d.errorf(pos.Line, pos.Col, fmt.Sprintf("link to it from a brief on a near subject, like: [%s](%s.md)", p.Title, p.Slug),
			"no other page links to this brief, so readers only find it in lists")
	}
}

// checkBody applies the rules about a page's text alone: its reading
// grade (p.grade, already measured) and, for a brief, its length and
// sections.
func (l *loader) checkBody(p *Page, c Checks) {
	d := l.diags(p.Source)
	l.checkGrade(d, p, c)
	if p.Kind != KindBrief {
		return
	}
	body := Pos{File: p.Source, Line: p.bodyAt, Col: 1}
	switch {
	case c.MinWords > 0 && p.Words < c.MinWords:
		d.errorf(body.Line, body.Col, "say more: what the evidence shows, who it is about, what it means for people, and where to read more",
			"the brief has %s; a brief has %s", plural(p.Words, "word"), wordRange(c))
	case c.MaxWords > 0 && p.Words > c.MaxWords:
		d.errorf(body.Line, body.Col, "cut what a reader can find in another brief and link to it there, or split it into two briefs",
			"the brief has %s; a brief has %s", plural(p.Words, "word"), wordRange(c))
	}
	for _, want := range c.Sections {
		if !hasSection(p, want) {
			d.errorf(body.Line, body.Col, fmt.Sprintf("add a heading ## %s, with a few lines under it", want),
				"the brief has no section %q", want)
		}
	}
}

// checkMeanGrade holds the briefs together to the site's mean reading
// grade, naming the hardest briefs, so that many briefs just under the
// limit cannot make the whole hub hard to read.
func (l *loader) checkMeanGrade() {
	c := l.site.Config.Checks
	if c.MeanReadingGrade == 0 {
		return
	}
	var briefs []*Page
	sum := 0.0
	for _, p := range l.site.Pages {
		if p.Kind == KindBrief && p.grade.Words > 0 {
			briefs = append(briefs, p)
			sum += p.grade.Grade
		}
	}
	if len(briefs) == 0 {
		return
	}
	mean := math.Round(sum/float64(len(briefs))*10) / 10
	if mean <= c.MeanReadingGrade {
		return
	}
	sort.SliceStable(briefs, func(i, j int) bool { return briefs[i].grade.Grade > briefs[j].grade.Grade })
	var hardest []string
	for _, p := range briefs[:min(3, len(briefs))] {
		if p.grade.Grade > c.MeanReadingGrade {
			hardest = append(hardest, fmt.Sprintf("%s (%.1f)", p.Source, p.grade.Grade))
		}
	}
	at := c.meanGradeAt
	l.diags("site.yaml").errorf(at.Line, at.Col, "make the hardest briefs plainer first: "+strings.Join(hardest, ", "),
		"the briefs' mean reading grade is %.1f; it should be at most %g", mean, c.MeanReadingGrade)
}

// checkEntryRules applies the site's rules that glossary entries share
// with briefs.
func (l *loader) checkEntryRules() {
	if !l.site.Config.Checks.NeedsAppliesTo {
		return
	}
	for _, e := range l.site.Glossary {
		if len(e.AppliesTo) == 0 {
			pos := Pos{Line: 1, Col: 1}
			if e.keyAt != nil {
				pos = e.keyAt("title")
			}
			l.diags(e.Source).errorf(pos.Line, pos.Col, "add a line such as: applies_to: [england, wales]",
				"the entry does not say where it applies")
		}
	}
}

// hasSection reports whether the page has a level-2 heading that reads
// want, in any case.
func hasSection(p *Page, want string) bool {
	for _, h := range p.Headings {
		if h.Level == 2 && strings.EqualFold(strings.TrimSpace(h.Text), want) {
			return true
		}
	}
	return false
}

func wordRange(c Checks) string {
	switch {
	case c.MinWords > 0 && c.MaxWords > 0:
		return fmt.Sprintf("%d to %d", c.MinWords, c.MaxWords)
	case c.MinWords > 0:
		return fmt.Sprintf("at least %d", c.MinWords)
	}
	return fmt.Sprintf("at most %d", c.MaxWords)
}

// forEveryone reports whether anyone may read the page: every page that is
// not a brief, and a brief for the public.
func forEveryone(p *Page) bool {
	if p.Kind != KindBrief {
		return true
	}
	for _, a := range p.Audiences {
		if a.Slug == "public" {
			return true
		}
	}
	return false
}

// checkGrade warns when a page reads above the site's aim, naming its
// longest sentences, and makes it an error above the limit for a page
// anyone may read.
func (l *loader) checkGrade(d diags, p *Page, c Checks) {
	g := p.grade
	if c.ReadingGrade == 0 && c.ReadingGradeLimit == 0 || g.Words == 0 || len(g.Longest) == 0 {
		return
	}
	var lines []string
	perLine := map[int]int{}
	for _, s := range g.Longest {
		perLine[s.Pos.Line]++
	}
	for _, s := range g.Longest {
		where := fmt.Sprintf("line %d", s.Pos.Line)
		if perLine[s.Pos.Line] > 1 {
			where += fmt.Sprintf(" column %d", s.Pos.Col)
		}
		lines = append(lines, fmt.Sprintf("%s (%d words)", where, s.Words))
	}
	hint := "shorten the longest sentences: " + strings.Join(lines, ", ") + "; use everyday words for long ones"
	at := g.Longest[0].Pos
	grade := fmt.Sprintf("%.1f", g.Grade)
	shown := math.Round(g.Grade*10) / 10 // compare what the message shows
	switch {
	case c.ReadingGradeLimit > 0 && shown > c.ReadingGradeLimit && forEveryone(p):
		d.errorf(at.Line, at.Col, hint, "the reading grade is %s; a page anyone may read is at most %g", grade, c.ReadingGradeLimit)
	case c.ReadingGrade > 0 && shown > c.ReadingGrade:
		d.warnf(at.Line, at.Col, hint, "the reading grade is %s; the aim is %g or lower", grade, c.ReadingGrade)
	}
}

func plural(n int, word string) string {
	if n == 0 {
		return "no " + word + "s"
	}
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
