package render

import (
	"fmt"
	"html/template"
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/content"
)

func testPage(body string) []byte {
	return []byte(`<!doctype html><html lang="en-GB"><head><meta http-equiv="Content-Security-Policy" content="` + policy + `"><meta name="referrer" content="no-referrer"><title>t</title></head><body><h1>T</h1>` + body + `</body></html>`)
}

// Cache.Check gives what Output.Check gives, as pages change around a
// page that did not: a fragment's target loses its id, a linked page goes.
func TestCacheCheckMatchesCheck(t *testing.T) {
	site := &content.Site{Config: content.Config{BaseURL: "http://127.0.0.1/"}}
	a := testPage(`<a href="../b/#x">b</a><a href="../c/">c</a>`)
	steps := []map[string][]byte{
		{"a/index.html": a, "b/index.html": testPage(`<p id="x">x</p>`), "c/index.html": testPage("")},
		{"a/index.html": a, "b/index.html": testPage(`<p id="y">y</p>`), "c/index.html": testPage("")},
		{"a/index.html": a, "b/index.html": testPage(`<p id="x">x</p>`), "c/index.html": testPage("")},
		{"a/index.html": a, "b/index.html": testPage(`<p id="x">x</p>`)},
		{"a/index.html": a, "b/index.html": testPage(`<p id="x">x</p>`), "c/index.html": testPage(""), "d/index.html": testPage(`<h1>two</h1>`)},
	}
	c := NewCache()
	var b []byte
	for i, files := range steps {
		if i > 1 && files["b/index.html"] != nil && string(files["b/index.html"]) == string(b) {
			files["b/index.html"] = b // unchanged bytes are the same slice, as Render gives them
		}
		b = files["b/index.html"]
		cached := c.Check(&Output{Files: files, Sources: map[string]string{}}, site)
		full := (&Output{Files: files, Sources: map[string]string{}}).Check(site)
		cached.Sort()
		full.Sort()
		if cached.String() != full.String() {
			t.Fatalf("step %d:\ncached:\n%s\nfull:\n%s", i, cached, full)
		}
		if want := map[int]int{0: 0, 1: 1, 2: 0, 3: 1, 4: 1}[i]; len(full) != want {
			t.Fatalf("step %d: %d problems, want %d:\n%s", i, len(full), want, full)
		}
	}
}

// A topic page is fingerprinted by the count of its briefs only when no
// layout reads more of its topic than its name, slug, address and count.
func TestCountsTopic(t *testing.T) {
	for text, want := range map[string]bool{
		`<h1>{{.Topic.Name}}</h1> {{count (len .Topic.Briefs) "brief"}} <a href="{{.Topic.URL}}">`: true,
		`{{if eq (len $.Topic.Briefs) 1}}`:                  true,
		`{{range .Topics}}{{.Name}} {{len .Briefs}}{{end}}`: true,
		`{{range .Topic.Briefs}}{{.Title}}{{end}}`:          false,
		`{{with .Topic}}{{len .Briefs}}{{end}}`:             false,
		`{{template "list" .Topic}}`:                        false,
		`{{(index .Topic.Briefs 0).Title}}`:                 false,
		`{{$t := .Topic}}`:                                  false,
	} {
		if got := countsTopic(text); got != want {
			t.Errorf("countsTopic(%q) = %v, want %v", text, got, want)
		}
	}
}

// A layout that only counts a field of the Site is fingerprinted by the
// count; one that shows what it holds, by all of it.
func TestSiteFields(t *testing.T) {
	for text, want := range map[string]string{
		`There are {{count (len .Site.Briefs) "brief"}}.`: "[len Briefs] false",
		`{{if eq (len $.Site.Briefs) 1}}`:                 "[len Briefs] false",
		`{{range .Site.Briefs}}{{.Title}}{{end}}`:         "[Briefs] false",
		`{{range .Latest 5}}{{.Title}}{{end}}`:            "[Briefs] false",
		`{{.Site.Config.Title}} {{range .Site.Others}}`:   "[] false",
		`{{len .Site.Home}}`:                              "[Home] false",
		`{{with .Site}}{{len .Briefs}}{{end}}`:            "[] true",
		`{{.Site.NoSuchField}}`:                           "[] true",
	} {
		fields, all := siteFields(text)
		if got := fmt.Sprint(append([]string{}, fields...), " ", all); strings.ReplaceAll(got, "  ", " ") != want {
			t.Errorf("siteFields(%q) = %s, want %s", text, got, want)
		}
	}
}

// A list of the Site's topics is fingerprinted by each topic's name,
// address and count only when no layout reads more of it.
func TestCountsTopics(t *testing.T) {
	for text, want := range map[string]bool{
		`{{if .Site.Nations}}<ul>{{range .Site.Nations}}<li><a href="{{$.Rel .URL}}">{{.Name}}</a> ({{count (len .Briefs) "brief"}})</li>{{end}}</ul>{{end}}`: true,
		`{{len .Site.Nations}} {{range $.Site.Nations}}{{.Slug}}{{end}}`:                                                                                      true,
		`{{.Title}}`: true,
		`{{range .Site.Nations}}{{range .Briefs}}{{.Title}}{{end}}{{end}}`: false,
		`{{range .Site.Nations}}{{template "list" .}}{{end}}`:              false,
		`{{range .Site.Nations}}{{(index .Briefs 0).Title}}{{end}}`:        false,
		`{{with .Site.Nations}}{{len .}}{{end}}`:                           false,
		`{{template "list" .Site.Nations}}`:                                false,
		`{{$n := .Site.Nations}}`:                                          false,
		`{{(index .Site.Nations 0).Name}}`:                                 false,
		`{{range .Site.Nations}}{{.Briefs}}{{end}}`:                        false,
	} {
		tpl := template.Must(template.New("t").Funcs(template.FuncMap{"count": count}).Parse(`{{define "list"}}{{end}}` + text))
		if got := countsTopics(tpl, "Site", "Nations"); got != want {
			t.Errorf("countsTopics(%q) = %v, want %v", text, got, want)
		}
		// The same, for the View's own list of topics.
		view := strings.NewReplacer(".Site.Nations", ".Topics", "$.Site.Nations", "$.Topics").Replace(text)
		tpl = template.Must(template.New("t").Funcs(template.FuncMap{"count": count}).Parse(`{{define "list"}}{{end}}` + view))
		if got := countsTopics(tpl, "Topics"); got != want {
			t.Errorf("countsTopics(%q) = %v, want %v", view, got, want)
		}
	}
}

// A layout shows another page's summary unless it is sure not to: only
// the View's own page's, read through .Page, is not another's.
func TestShowsOthers(t *testing.T) {
	for text, want := range map[string]bool{
		`{{with .Page}}<p>{{.Summary}}</p>{{range .Related}}<a href="{{$.Rel .URL}}">{{.Title}}</a>{{end}}{{end}}`: false,
		`{{.Page.Summary}} {{.Description}} {{template "own" .Page}}`:                                              false,
		`{{with .Page}}{{range .Related}}{{.Summary}}{{end}}{{end}}`:                                               true,
		`{{range .List}}{{.Summary}}{{end}}`:                                                                       true,
		`{{.Page.Prev.Summary}}`:                                                                                   true,
		`{{(index .Page.Functions 0).Summary}}`:                                                                    true,
		`{{template "list" ($.Briefs $.List)}}`:                                                                    true,
		`{{range $i, $p := .List}}{{$p.Summary}}{{end}}`:                                                           true,
		`{{$p := .Page}}{{$p.Summary}}`:                                                                            true,
		`{{with .Site}}{{range .Briefs}}{{.Title}}{{end}}{{end}}`:                                                  false,
		`{{with .Site}}{{range .Briefs}}{{.Summary}}{{end}}{{end}}`:                                                true,
		`{{.Unknown}}`: false,
	} {
		tpl := template.Must(template.New("base").Funcs(template.FuncMap{"count": count}).Parse(
			`{{define "own"}}{{.Summary}}{{end}}{{define "list"}}{{range .Pages}}{{.Summary}}{{end}}{{end}}` + text))
		if got := showsOthers(tpl, "Summary"); got != want {
			t.Errorf("showsOthers(%q) = %v, want %v", text, got, want)
		}
	}
}
