package serve

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

// buildDate is "today" for every test build, so that review dates do not
// change the result from one day to the next.
var buildDate = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// repoFS is the project's own site.yaml, content/ and layouts/, in memory.
func repoFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := filepath.Join("..", "..")
	add := func(rel string) {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		m[rel] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	add("site.yaml")
	// The hub's own rules (checks: in site.yaml: words, sources, a page
	// linking in...) are left out: the tests add small briefs of their own,
	// and what they test is serving, not the hub's standards.
	m["site.yaml"] = &fstest.MapFile{Data: []byte(withoutRules(string(m["site.yaml"].Data))), Mode: 0o644}
	for _, dir := range []string{"content", "layouts"} {
		err := fs.WalkDir(os.DirFS(root), dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			add(p)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// syntheticFS is the project's layouts, functions, priorities, pages and
// glossary with n generated briefs: a deterministic stand-in for a large
// hub. Brief i links to two others, belongs to one function and one
// priority, and has two of twenty topics.
func syntheticFS(t testing.TB, n int) fstest.MapFS {
	m := repoFS(t)
	var fns, prs []string
	for p := range m {
		if path.Dir(p) == "content/briefs" {
			delete(m, p)
		}
	}
	// Pages and the home page may link to briefs that are not generated.
	for p, f := range m {
		if strings.HasSuffix(p, ".md") && strings.Contains(string(f.Data), "briefs/") {
			m[p] = &fstest.MapFile{Data: []byte(stripBriefLinks(string(f.Data))), Mode: 0o644}
		}
	}
	// Its twenty topics are its own, not the hub's.
	m["site.yaml"] = &fstest.MapFile{Data: []byte(withoutKey(string(m["site.yaml"].Data), "topics")), Mode: 0o644}
	fns, prs = synthTerms(m)
	for i := 0; i < n; i++ {
		m[synthPath(i)] = &fstest.MapFile{Data: []byte(synthBrief(i, n, fns, prs, 0)), Mode: 0o644}
	}
	return m
}

func synthPath(i int) string { return fmt.Sprintf("content/briefs/brief-%05d.md", i) }

// synthBrief is brief i of n; version changes its text.
func synthBrief(i, n int, fns, prs []string, version int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: Brief number %d on social care\nsummary: What brief %d says, in a sentence or two (version %d).\n", i, i, version)
	fmt.Fprintf(&b, "functions: [%s]\npriorities: [%s]\n", fns[i%len(fns)], prs[i%len(prs)])
	fmt.Fprintf(&b, "topics: [topic-%d, topic-%d]\naudiences: [public]\n", i%20, (i*7+3)%20)
	fmt.Fprintf(&b, "published: 2026-%02d-%02d\nreviewed: 2026-11-23\n", 1+i%10, 1+i%28)
	b.WriteString("sources:\n  - title: A report on mental health social care\n    author: Someone A\n    year: 2024\n---\n")
	fmt.Fprintf(&b, "Unpaid carers and advocacy matter in brief %d. Version %d.\n\n", i, version)
	fmt.Fprintf(&b, "## What the sources say\n\nSee [brief %d](brief-%05d.md) and [brief %d](brief-%05d.md#what-the-sources-say).\n\n", (i+1)%n, (i+1)%n, (i+7)%n, (i+7)%n)
	b.WriteString("## What helps\n\nSupport that starts early, from people who listen, is what people value most.\n\n- one\n- two\n")
	return b.String()
}

// briefRules are the checks: in site.yaml that hold briefs to the hub's
// own standard, which the tests' made-up briefs do not meet.
var briefRules = map[string]bool{"min_words": true, "max_words": true, "min_sources": true, "needs_audience": true,
	"needs_link_in": true, "needs_applies_to": true, "needs_source_type": true, "sections": true, "mean_reading_grade": true}

// withoutRules takes the rules for briefs out of the checks: in site.yaml.
func withoutRules(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if k, _, ok := strings.Cut(strings.TrimSpace(line), ":"); ok && strings.HasPrefix(line, "  ") &&
			briefRules[k] {
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// withoutKey removes a top-level key and the lines under it from YAML text.
func withoutKey(s, key string) string {
	var out []string
	skip := false
	for _, line := range strings.Split(s, "\n") {
		top := line != "" && line[0] != ' ' && line[0] != '#'
		if top {
			skip = strings.HasPrefix(line, key+":")
		}
		if !skip {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func stripBriefLinks(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if !strings.Contains(line, "briefs/") {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// fullBuild builds fsys with no cache at all, as "alongside build" does.
func fullBuild(fsys fs.FS, opt content.Options) (result, error) {
	b := &builder{fsys: fsys, opt: opt}
	return b.build([]string{"."})
}

func testOptions() content.Options {
	return content.Options{BuildDate: buildDate, BaseURL: "http://127.0.0.1:8080/"}
}

// synthTerms are the function and priority slugs of the tree, sorted.
func synthTerms(m fstest.MapFS) (fns, prs []string) {
	for p := range m {
		if path.Ext(p) != ".md" {
			continue // the folder's Makefile, say
		}
		switch path.Dir(p) {
		case "content/functions":
			fns = append(fns, strings.TrimSuffix(path.Base(p), ".md"))
		case "content/priorities":
			prs = append(prs, strings.TrimSuffix(path.Base(p), ".md"))
		}
	}
	sort.Strings(fns)
	sort.Strings(prs)
	return fns, prs
}
