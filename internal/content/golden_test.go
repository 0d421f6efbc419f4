package content

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-hub/alongside/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ files of the golden tests")

// today is the build date of every test, so that review dates give the
// same warnings whenever the tests run.
var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// archiveFS makes a file system of an archive's files, leaving out want/.
func archiveFS(a *txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		}
	}
	return fsys
}

// TestGolden loads each testdata/*.txtar as a site and compares the
// diagnostics and a dump of the model with want/diagnostics and want/model.
func TestGolden(t *testing.T) {
	txtar.RunGolden(t, "testdata/*.txtar", *update, func(t *testing.T, a *txtar.Archive) map[string]string {
		site, diags, err := Load(archiveFS(a), Options{BuildDate: today})
		if err != nil {
			t.Fatal(err)
		}
		return map[string]string{"want/diagnostics": diags.String(), "want/model": dump(site)}
	})
}

// dump describes the model in a stable, readable form.
func dump(s *Site) string {
	var b strings.Builder
	slugs := func(ps []*Page) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.URL)
		}
		return strings.Join(out, " ")
	}
	tops := func(ts []*Topic) string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Slug)
		}
		return strings.Join(out, " ")
	}
	fmt.Fprintf(&b, "site %q base %s\n", s.Config.Title, s.Config.BaseURL)
	for _, p := range s.Pages {
		fmt.Fprintf(&b, "\npage %s %s from %s\n  title %q\n", p.URL, p.Kind, p.Source, p.Title)
		line := func(name, v string) {
			if v != "" {
				fmt.Fprintf(&b, "  %s %s\n", name, v)
			}
		}
		if !p.Published.IsZero() {
			line("published", p.Published.Format(dateLayout))
		}
		if !p.Reviewed.IsZero() {
			line("reviewed", p.Reviewed.Format(dateLayout)+" due "+p.ReviewDue.Format(dateLayout))
		}
		line("functions", slugs(p.Functions))
		line("priorities", slugs(p.Priorities))
		line("topics", tops(p.Topics))
		line("audiences", tops(p.Audiences))
		line("briefs", slugs(p.Briefs))
		line("backlinks", slugs(p.Backlinks))
		line("related", slugs(p.Related))
		if p.Prev != nil {
			line("prev", p.Prev.URL)
		}
		if p.Next != nil {
			line("next", p.Next.URL)
		}
		var toc []string
		for _, h := range p.TOC {
			toc = append(toc, h.ID)
		}
		line("toc", strings.Join(toc, " "))
		for _, src := range p.Sources {
			line("source", dumpSource(src))
		}
		line("applies_to", PlacesName(p.AppliesTo))
		line("nations", tops(p.Nations))
		line("words", fmt.Sprint(p.Words))
		fmt.Fprintf(&b, "  body:\n%s", indent(Body(p)))
	}
	for _, e := range s.Glossary {
		fmt.Fprintf(&b, "\nentry %s %q abbr %q also %q", e.URL, e.Title, e.Abbr, e.Also)
		if len(e.AppliesTo) > 0 {
			fmt.Fprintf(&b, " applies to %s", PlacesName(e.AppliesTo))
		}
		fmt.Fprintf(&b, "\n  body:\n%s", indent(string(e.Body)))
	}
	for _, t := range s.Topics {
		fmt.Fprintf(&b, "\ntopic %s %q: %s", t.URL, t.Name, slugs(t.Briefs))
	}
	for _, t := range s.Audiences {
		fmt.Fprintf(&b, "\naudience %s %q: %s", t.URL, t.Name, slugs(t.Briefs))
	}
	for _, t := range s.Nations {
		fmt.Fprintf(&b, "\nnation %s %q: %s", t.URL, t.Name, slugs(t.Briefs))
	}
	for _, f := range s.Files {
		fmt.Fprintf(&b, "\nfile %s from %s", f.URL, f.Source)
	}
	b.WriteString("\n")
	return b.String()
}

// dumpSource shows the fields a source has, leaving out empty ones.
func dumpSource(s Source) string {
	out := fmt.Sprintf("%q", s.Title)
	add := func(k, v string) {
		if v != "" {
			out += " " + k + "=" + v
		}
	}
	add("author", s.Author)
	add("editor", s.Editor)
	if s.Year != 0 {
		add("year", fmt.Sprint(s.Year))
	}
	add("publisher", s.Publisher)
	add("journal", s.Journal)
	add("volume", s.Volume)
	add("issue", s.Issue)
	add("pages", s.Pages)
	add("doi", s.DOI)
	add("url", s.URL)
	if !s.Accessed.IsZero() {
		add("accessed", s.Accessed.Format(dateLayout))
	}
	add("type", string(s.Type))
	add("note", s.Note)
	return out
}

func indent(s string) string {
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ") + "\n"
}
