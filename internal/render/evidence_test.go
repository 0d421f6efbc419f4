package render

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		many []string
		want string
	}{
		{0, nil, "0 briefs"}, {1, nil, "1 brief"}, {2, nil, "2 briefs"},
		{1, []string{"studies"}, "1 brief"}, {3, []string{"studies"}, "3 studies"},
	} {
		if got := count(c.n, "brief", c.many...); got != c.want {
			t.Errorf("count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func typed(ts ...content.SourceType) []content.Source {
	var out []content.Source
	for _, t := range ts {
		out = append(out, content.Source{Title: "x", Type: t})
	}
	return out
}

func TestAboutEvidence(t *testing.T) {
	for _, c := range []struct {
		srcs []content.Source
		want string
	}{
		{typed("policy-statement", "expert-opinion", "policy-statement"),
			"This brief rests on two policy statements and one expert opinion; no research study."},
		{typed("research-study"), "This brief rests on one research study."},
		{typed("review-of-studies", "law"), "This brief rests on one review of studies and one law; no single research study."},
		{typed("research-study", "research-study", "statistics", "professional-guidance", "professional-guidance", ""),
			"This brief rests on two research studies, one set of statistics, two pieces of professional guidance and one source of a kind not given."},
		{typed("", ""), ""},
		{nil, ""},
	} {
		if got := AboutEvidence(c.srcs); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}

func TestReference(t *testing.T) {
	for _, c := range []struct {
		src  content.Source
		want string
	}{
		{content.Source{Title: "A <study>", Author: "Smith J & Jones K", Year: 2020, Journal: "J Soc Care", Volume: "4", Issue: "2", Pages: "10-19",
			DOI: "10.1000/x(1)", Type: "research-study"},
			`Smith J &amp; Jones K (2020). <a href="https://doi.org/10.1000/x%281%29"><cite>A &lt;study&gt;</cite></a>. <i>J Soc Care</i> 4(2), 10–19. ` +
				`DOI: <a href="https://doi.org/10.1000/x%281%29">10.1000/x(1)</a>.<br><span class="source-type">Kind of evidence: research study</span>`},
		{content.Source{Title: "Report", Publisher: "Council", Pages: "7", URL: "https://example.org/r",
			Accessed: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Note: "read in Smith (2020)"},
			`<a href="https://example.org/r"><cite>Report</cite></a>. Page 7. Council. Read online on 1 December 2026. Read in Smith (2020).`},
		{content.Source{Title: "Book", Editor: "Lee A", Year: 2019, Type: "expert-opinion"},
			`Lee A (editor) (2019). <cite>Book</cite>.<br><span class="source-type">Kind of evidence: expert opinion</span>`},
	} {
		if got := string(reference(c.src)); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// TestBriefLD: lastReviewed sits on the WebPage, where schema.org defines
// it; the Article carries the citations, whose dates are text and which
// name an author or an editor.
func TestBriefLD(t *testing.T) {
	s := &content.Site{Config: content.Config{Title: "Hub", BaseURL: "https://example.org/", Language: "en-GB"}}
	p := &content.Page{Kind: content.KindBrief, Slug: "x", URL: "/briefs/x/", Title: "X", Summary: "S",
		Published: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Reviewed: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
		Sources: []content.Source{
			{Title: "Paper", Author: "O'Neill A, Robinson CA", Year: 2025, Journal: "BJPsych Bulletin", DOI: "10.1192/bjb.2024.80"},
			{Title: "Guidance", Publisher: "Department of Health and Social Care", Year: 2014, Type: "professional-guidance"},
			{Title: "Edited", Editor: "Smith J", Year: 2019},
		}}
	b, err := json.Marshal(briefLD(s, p))
	if err != nil {
		t.Fatal(err)
	}
	var ld struct {
		Type         string `json:"@type"`
		LastReviewed string `json:"lastReviewed"`
		Main         struct {
			Type         string           `json:"@type"`
			LastReviewed *string          `json:"lastReviewed"`
			Citation     []map[string]any `json:"citation"`
		} `json:"mainEntity"`
	}
	if err := json.Unmarshal(b, &ld); err != nil {
		t.Fatal(err)
	}
	if ld.Type != "WebPage" || ld.LastReviewed != "2026-11-20" || ld.Main.Type != "Article" || ld.Main.LastReviewed != nil {
		t.Errorf("lastReviewed should be on the WebPage only: %s", b)
	}
	if len(ld.Main.Citation) != 3 {
		t.Fatalf("%d citations", len(ld.Main.Citation))
	}
	for i, c := range ld.Main.Citation {
		if _, ok := c["datePublished"].(string); !ok {
			t.Errorf("citation %d: datePublished %v is not text", i, c["datePublished"])
		}
		if c["author"] == nil && c["editor"] == nil {
			t.Errorf("citation %d has no author or editor: %v", i, c)
		}
	}
	people, _ := ld.Main.Citation[0]["author"].([]any)
	if len(people) != 2 || people[0].(map[string]any)["familyName"] != "O'Neill" {
		t.Errorf("authors: %v", ld.Main.Citation[0]["author"])
	}
	if org, _ := ld.Main.Citation[1]["author"].(map[string]any); org["@type"] != "Organization" {
		t.Errorf("an organisation's report: author %v", ld.Main.Citation[1]["author"])
	}
}

func TestBibEscape(t *testing.T) {
	if got, want := bibEscape("Costs & benefits: 50% of {care}_\n#1"), `Costs \& benefits: 50\% of \{care\}\_ \#1`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCiteFiles: each citation file reads back in its own format, with
// the brief's facts, whatever characters its title holds.
func TestCiteFiles(t *testing.T) {
	s := &content.Site{Config: content.Config{Title: "Hub & Co", BaseURL: "https://example.org/hub/", Language: "en-GB"}}
	p := &content.Page{Kind: content.KindBrief, Slug: "costs", URL: "/briefs/costs/", Title: "Costs {and} 50% of care_plans: \"why\"?",
		Summary: "Line one\nline two.", Published: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Reviewed: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}
	s.Briefs = []*content.Page{p}
	out := &Output{Files: map[string][]byte{}, Sources: map[string]string{}}
	if err := addCiteFiles(out, s, nil); err != nil {
		t.Fatal(err)
	}
	ris := string(out.Files["briefs/costs/cite.ris"])
	lines := strings.Split(strings.TrimSuffix(ris, "\r\n"), "\r\n")
	for _, l := range lines {
		if !risLine.MatchString(l) {
			t.Errorf("RIS line %q is not TAG  - value", l)
		}
	}
	if lines[0] != "TY  - ELEC" || lines[len(lines)-1] != "ER  - " || !strings.Contains(ris, "AB  - Line one line two.\r\n") ||
		!strings.Contains(ris, "UR  - https://example.org/hub/briefs/costs/\r\n") || !strings.Contains(ris, "N1  - Last reviewed 20 November 2026\r\n") {
		t.Errorf("RIS:\n%s", ris)
	}
	bib := string(out.Files["briefs/costs/cite.bib"])
	depth := 0
	for i, r := range bib {
		switch {
		case r == '{' && (i == 0 || bib[i-1] != '\\'):
			depth++
		case r == '}' && (i == 0 || bib[i-1] != '\\'):
			depth--
		}
		if depth < 0 {
			t.Fatalf("BibTeX closes a brace it did not open:\n%s", bib)
		}
	}
	if depth != 0 || !strings.HasPrefix(bib, "@misc{costs,\n") || !strings.Contains(bib, `title = {Costs \{and\} 50\% of care\_plans: "why"?},`) ||
		!strings.Contains(bib, "author = {{Hub \\& Co}},") || !strings.Contains(bib, "year = {2026},") {
		t.Errorf("BibTeX:\n%s", bib)
	}
	var csl []struct {
		ID     string              `json:"id"`
		Type   string              `json:"type"`
		Title  string              `json:"title"`
		Author []map[string]string `json:"author"`
		Issued struct {
			DateParts [][]int `json:"date-parts"`
		} `json:"issued"`
		URL string `json:"URL"`
	}
	if err := json.Unmarshal(out.Files["briefs/costs/cite.json"], &csl); err != nil {
		t.Fatal(err)
	}
	if len(csl) != 1 || csl[0].ID != "costs" || csl[0].Type != "webpage" || csl[0].Title != p.Title || csl[0].Author[0]["literal"] != "Hub & Co" ||
		len(csl[0].Issued.DateParts) != 1 || csl[0].Issued.DateParts[0][0] != 2026 || csl[0].URL != "https://example.org/hub/briefs/costs/" {
		t.Errorf("CSL-JSON: %+v", csl)
	}
}

var risLine = regexp.MustCompile(`^[A-Z][A-Z0-9]  - .*$`)
