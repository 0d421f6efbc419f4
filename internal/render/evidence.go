package render

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
)

// count says how many of a thing there are, with one rule for every
// layout: "1 brief", "2 briefs", "0 briefs". A plural that is not the
// word plus "s" is given: count 2 "study" "studies".
func count(n int, one string, many ...string) string {
	return strconv.Itoa(n) + " " + pluralOf(n, one, many...)
}

// pluralOf is the word for n things, without the number.
func pluralOf(n int, one string, many ...string) string {
	if n == 1 {
		return one
	}
	if len(many) > 0 {
		return many[0]
	}
	return one + "s"
}

var numberWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve"}

// inWords writes small numbers as words, as a sentence does.
func inWords(n int) string {
	if n >= 0 && n < len(numberWords) {
		return numberWords[n]
	}
	return strconv.Itoa(n)
}

// AboutEvidence says in one sentence what kinds of evidence a brief rests
// on, so that readers know how much weight it bears: "This brief rests on
// two policy statements and one expert opinion; no research study." It is
// "" for a brief none of whose sources has a type.
func AboutEvidence(srcs []content.Source) string {
	counts := map[content.SourceType]int{}
	untyped := 0
	for _, s := range srcs {
		if s.Type == "" {
			untyped++
		} else {
			counts[s.Type]++
		}
	}
	if len(counts) == 0 {
		return ""
	}
	var parts []string
	for _, st := range content.SourceTypes {
		if n := counts[st.Type]; n > 0 {
			parts = append(parts, inWords(n)+" "+pluralOf(n, st.One, st.Many))
		}
	}
	if untyped > 0 {
		parts = append(parts, inWords(untyped)+" "+pluralOf(untyped, "source", "sources")+" of a kind not given")
	}
	s := "This brief rests on " + content.JoinAnd(parts)
	switch {
	case counts["research-study"] == 0 && counts["review-of-studies"] == 0:
		s += "; no research study"
	case counts["research-study"] == 0:
		s += "; no single research study"
	}
	return s + "."
}

// AboutEvidence is the sentence about this brief's evidence.
func (v *View) AboutEvidence() string {
	if v.Page == nil {
		return ""
	}
	return AboutEvidence(v.Page.Sources)
}

// reference is a source as a full reference, in the order readers of
// research expect: who, when, what, where it was published, where to
// find it, and what kind of evidence it is.
//
//	O'Neill A, Robinson CA (2025). Title. BJPsych Bulletin 49(3), 123–130.
//	Cambridge University Press. DOI: 10.1192/bjb.2024.80.
//	Kind of evidence: research study.
func reference(s content.Source) template.HTML {
	var b strings.Builder
	esc := html.EscapeString
	who := s.Author
	if who == "" && s.Editor != "" {
		who = s.Editor + " (editor)"
	}
	title := "<cite>" + esc(s.Title) + "</cite>"
	link := s.URL
	if link == "" {
		link = s.DOIURL()
	}
	if link != "" {
		title = `<a href="` + esc(link) + `">` + title + "</a>"
	}
	year := ""
	if s.Year != 0 {
		year = " (" + strconv.Itoa(s.Year) + ")"
	}
	switch {
	case who != "" && year != "":
		b.WriteString(esc(who) + year + ". " + title + ".")
	case who != "":
		b.WriteString(esc(sentence(who)) + " " + title + ".")
	default: // no one named: the title comes first, as in a reference list
		b.WriteString(title + year + ".")
	}
	if s.Author != "" && s.Editor != "" {
		b.WriteString(" Edited by " + esc(sentence(s.Editor)))
	}
	if s.Journal != "" {
		b.WriteString(" <i>" + esc(s.Journal) + "</i>")
		if s.Volume != "" {
			b.WriteString(" " + esc(s.Volume))
		}
		if s.Issue != "" {
			b.WriteString("(" + esc(s.Issue) + ")")
		}
		if s.Pages != "" {
			b.WriteString(", " + esc(pageRange(s.Pages)))
		}
		b.WriteString(".")
	} else if s.Pages != "" {
		b.WriteString(" " + esc(pageWord(s.Pages)) + " " + esc(pageRange(s.Pages)) + ".")
	}
	if s.Publisher != "" {
		b.WriteString(" " + esc(sentence(s.Publisher)))
	}
	if s.DOI != "" {
		b.WriteString(` DOI: <a href="` + esc(s.DOIURL()) + `">` + esc(s.DOI) + "</a>.")
	}
	if !s.Accessed.IsZero() {
		b.WriteString(" Read online on " + longDate(s.Accessed) + ".")
	}
	if s.Note != "" {
		b.WriteString(" " + esc(sentence(upperFirst(s.Note))))
	}
	if name := s.Type.Name(); name != "" {
		b.WriteString(`<br><span class="source-type">Kind of evidence: ` + esc(name) + "</span>")
	}
	return template.HTML(b.String())
}

// sentence ends s with a full stop unless it ends with one already.
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// pageRange writes "123-130" as "123–130", with an en dash.
func pageRange(p string) string {
	return strings.ReplaceAll(strings.ReplaceAll(p, "--", "–"), "-", "–")
}

func pageWord(p string) string {
	if strings.ContainsAny(p, "-–,") {
		return "Pages"
	}
	return "Page"
}
