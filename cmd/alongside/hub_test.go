package main

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/alongside-hub/alongside/internal/content"
)

// The hub's own content must stay whole: these tests fail when an edit
// leaves a taxonomy page thin, a brief unreachable, or a page missing.

func loadHub(t *testing.T) *content.Site {
	t.Helper()
	site, diags, err := content.Load(os.DirFS("../.."), content.Options{BuildDate: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Errorf("the hub should load with no errors:\n%s", diags)
	}
	return site
}

func TestHubTaxonomyPagesListThreeBriefs(t *testing.T) {
	site := loadHub(t)
	if len(site.Functions) != 4 || len(site.Priorities) != 7 {
		t.Errorf("%d functions and %d priorities; the hub has 4 and 7", len(site.Functions), len(site.Priorities))
	}
	for _, p := range append(append([]*content.Page(nil), site.Functions...), site.Priorities...) {
		if len(p.Briefs) < 3 {
			t.Errorf("%s lists %d briefs; every function and priority page lists at least 3", p.Source, len(p.Briefs))
		}
	}
}

func TestHubBriefsAreReachableAndLinked(t *testing.T) {
	site := loadHub(t)
	if len(site.Briefs) < 44 {
		t.Errorf("%d briefs; the hub has 44", len(site.Briefs))
	}
	for _, b := range site.Briefs {
		if len(b.Functions)+len(b.Priorities) == 0 {
			t.Errorf("%s: no function or priority page reaches it", b.Source)
		}
		if len(b.Backlinks) == 0 {
			t.Errorf("%s: no page links to it", b.Source)
		}
		if b.Words < 400 || b.Words > 900 {
			t.Errorf("%s: %d words; a brief has 400 to 900", b.Source, b.Words)
		}
		if len(b.Sources) == 0 {
			t.Errorf("%s: no sources", b.Source)
		}
		if len(b.Audiences) == 0 {
			t.Errorf("%s: no audience", b.Source)
		}
	}
}

// TestHubSensitiveBriefsKeepTheirNote lists the briefs that talk about
// detention, crisis, abuse or exclusion (the map's flagged briefs): each
// opens with a content note, so a reader can choose whether to go on.
func TestHubSensitiveBriefsKeepTheirNote(t *testing.T) {
	site := loadHub(t)
	sensitive := map[string]bool{
		"multiple-disadvantage": true, "community-alternatives-to-hospital": true,
		"least-restrictive-practice": true, "section-117-aftercare": true,
		"unpaid-carers": true, "families-children-and-transitions": true,
		"amhps-and-the-mental-health-act": true, "from-asw-to-amhp": true,
		"safeguarding-and-positive-risk": true,
	}
	for _, b := range site.Briefs {
		if sensitive[b.Slug] {
			delete(sensitive, b.Slug)
			if strings.TrimSpace(b.ContentNote) == "" {
				t.Errorf("%s: no content_note; this brief needs one", b.Source)
			}
		}
	}
	for slug := range sensitive {
		t.Errorf("the brief %s is missing", slug)
	}
}

func TestHubGlossaryAndPages(t *testing.T) {
	site := loadHub(t)
	if len(site.Glossary) < 41 {
		t.Errorf("%d glossary entries; the hub has 41", len(site.Glossary))
	}
	have := map[string]bool{}
	for _, p := range site.Others {
		have[p.URL] = true
	}
	for _, u := range []string{"/about/", "/help/", "/contribute/", "/accessibility/"} {
		if !have[u] {
			t.Errorf("the page %s is missing", u)
		}
	}
}

// TestHubHelpPageNumbers keeps the crisis numbers to those that were
// checked: a change here must be checked again against the services.
func TestHubHelpPageNumbers(t *testing.T) {
	b, err := os.ReadFile("../../content/pages/help.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, n := range []string{"999", "111", "press 2", "NHS 24", "116 123", "85258", "0808 808 8000", "0800 1111"} {
		if !strings.Contains(text, n) {
			t.Errorf("the help page does not give %s", n)
		}
	}
}

// TestHubReadability measures each page's Flesch-Kincaid grade; the aim is
// 8 or lower (a reading age of about 12). It fails when a brief for the
// public, or the home, a function, priority or other page, is above 8.5
// (the half grade leaves room for a small edit), or when the mean of all
// briefs is above 8.
func TestHubReadability(t *testing.T) {
	const most = 8.5
	site := loadHub(t)
	total, briefs := 0.0, 0
	for _, p := range site.Pages {
		g := fkGrade(plainBody(p))
		t.Logf("%s: grade %.1f", p.Source, g)
		public := p.Kind != content.KindBrief // every other page is for anyone
		if p.Kind == content.KindBrief {
			total, briefs = total+g, briefs+1
			for _, a := range p.Audiences {
				public = public || a.Slug == "public"
			}
		}
		if public && g > most {
			t.Errorf("%s: Flesch-Kincaid grade %.1f; aim for 8 or lower", p.Source, g)
		}
	}
	if briefs > 0 {
		mean := total / float64(briefs)
		t.Logf("mean Flesch-Kincaid grade of %d briefs: %.1f", briefs, mean)
		if mean > 8 {
			t.Errorf("the briefs' mean Flesch-Kincaid grade is %.1f; keep it at 8 or lower", mean)
		}
	}
}

// plainBody is the brief's rendered text without tags.
func plainBody(b *content.Page) string {
	// The end of a paragraph, list item, heading or cell ends a sentence,
	// even without a full stop.
	body := string(b.Body)
	for _, end := range []string{"</p>", "</li>", "</h2>", "</h3>", "</td>", "</th>"} {
		body = strings.ReplaceAll(body, end, " . ")
	}
	var out strings.Builder
	in := false
	for _, r := range body {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			out.WriteRune(' ')
		case !in:
			out.WriteRune(r)
		}
	}
	return out.String()
}

// fkGrade is the Flesch-Kincaid grade level of text:
// 0.39 words/sentence + 11.8 syllables/word - 15.59.
func fkGrade(text string) float64 {
	words, sentences, syllables := 0, 0, 0
	ended := true // no sentence is open
	for _, w := range strings.Fields(text) {
		letters := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if letters != "" {
			words++
			syllables += countSyllables(strings.ToLower(letters))
			ended = false
		}
		if !ended && strings.ContainsAny(w[len(w)-1:], ".?!:") {
			sentences++
			ended = true
		}
	}
	if words == 0 {
		return 0
	}
	if sentences == 0 {
		sentences = 1
	}
	return 0.39*float64(words)/float64(sentences) + 11.8*float64(syllables)/float64(words) - 15.59
}

func countSyllables(w string) int {
	n, prevVowel := 0, false
	for _, r := range w {
		v := strings.ContainsRune("aeiouy", r)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if strings.HasSuffix(w, "e") && n > 1 && !strings.HasSuffix(w, "le") {
		n--
	}
	return max(n, 1)
}

func TestFKGrade(t *testing.T) {
	if g := fkGrade("The cat sat on the mat. It was happy."); g > 2 {
		t.Errorf("simple text graded %.1f", g)
	}
	if g := fkGrade("Interdisciplinary collaboration necessitates comprehensive institutional infrastructure and sustained organisational commitment across heterogeneous stakeholder communities."); g < 15 {
		t.Errorf("dense text graded %.1f", g)
	}
}

// TestHubBriefsSayWhatTheyRestOn keeps the promises the home and about
// pages make: every brief says where it applies and what we do not know,
// every source of a brief has its kind of evidence, and every glossary
// entry says where it applies.
func TestHubBriefsSayWhatTheyRestOn(t *testing.T) {
	site := loadHub(t)
	for _, b := range site.Briefs {
		if len(b.AppliesTo) == 0 {
			t.Errorf("%s: no applies_to; say where the brief applies", b.Source)
		}
		gaps := false
		for _, h := range b.Headings {
			gaps = gaps || (h.Level == 2 && h.Text == "What we do not know")
		}
		if !gaps {
			t.Errorf("%s: no \"What we do not know\" section", b.Source)
		}
		for _, s := range b.Sources {
			if s.Type == "" {
				t.Errorf("%s: the source %q has no type", b.Source, s.Title)
			}
		}
	}
	for _, e := range site.Glossary {
		if len(e.AppliesTo) == 0 {
			t.Errorf("%s: no applies_to; say where the term applies", e.Source)
		}
	}
}
