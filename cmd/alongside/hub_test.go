package main

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

// The hub's own content must stay whole. The rules it holds its briefs to
// (length, reading grade, sources, audience, a page linking in) are checks
// in site.yaml, so that an editor's "make check" says all that these tests
// say; these tests assert that the hub has no errors, and check what no
// editor's rule covers: taxonomy pages, sensitive briefs, the help page.

func loadHub(t *testing.T) *content.Site {
	t.Helper()
	return loadHubOn(t, time.Now())
}

func loadHubOn(t *testing.T, day time.Time) *content.Site {
	t.Helper()
	site, diags, err := content.Load(os.DirFS("../.."), content.Options{BuildDate: day})
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Errorf("the hub should load with no errors:\n%s", diags)
	}
	return site
}

// TestHubCalendarCannotBreakCI checks the hub two years from today: every
// review is then due, which is a warning, never an error.
func TestHubCalendarCannotBreakCI(t *testing.T) {
	site := loadHubOn(t, time.Now().AddDate(2, 0, 0))
	if len(site.Briefs) == 0 {
		t.Fatal("no briefs")
	}
}

// TestHubHoldsItselfToItsRules keeps the hub's rules switched on in
// site.yaml: taking one out would let the briefs drift unseen.
func TestHubHoldsItselfToItsRules(t *testing.T) {
	c := loadHub(t).Config.Checks
	if c.MinWords == 0 || c.MaxWords == 0 || c.ReadingGrade == 0 || c.ReadingGradeLimit == 0 ||
		c.MinSources == 0 || !c.NeedsAudience || !c.NeedsLinkIn {
		t.Errorf("site.yaml turns off one of the hub's checks: %+v", c)
	}
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

func TestHubBriefsAreReachable(t *testing.T) {
	site := loadHub(t)
	if len(site.Briefs) < 44 {
		t.Errorf("%d briefs; the hub has 44", len(site.Briefs))
	}
	for _, b := range site.Briefs {
		if len(b.Functions)+len(b.Priorities) == 0 {
			t.Errorf("%s: no function or priority page reaches it", b.Source)
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

// TestHubKeepsItsEvidenceRules holds site.yaml to the rules every brief
// of the hub keeps (where it applies, the kind of each source, a "What we
// do not know" section, a mean reading grade of 8 or lower): the generator
// checks them, so loading the hub
// with no errors proves them, as long as they stay switched on.
func TestHubKeepsItsEvidenceRules(t *testing.T) {
	c := loadHub(t).Config.Checks
	if !c.NeedsAppliesTo || !c.NeedsSourceType || !slices.Contains(c.Sections, "What we do not know") || c.MeanReadingGrade == 0 || c.MeanReadingGrade > 8 {
		t.Errorf("site.yaml's checks should keep needs_applies_to: true, needs_source_type: true, sections: [What we do not know] and mean_reading_grade: 8 or lower; they are %+v", c)
	}
}
