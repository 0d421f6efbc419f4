package content

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// relURLBySplitting is RelURL as it was first written, splitting both
// paths into lists: the test holds RelURL to it on any two strings.
func relURLBySplitting(from, target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if target == "" {
		return frag
	}
	fromDir := from[:strings.LastIndexByte(from, '/')+1]
	if target == from && frag != "" {
		return frag
	}
	fd := strings.Split(strings.Trim(fromDir, "/"), "/")
	if fromDir == "/" {
		fd = nil
	}
	td := strings.Split(strings.TrimPrefix(target, "/"), "/")
	i := 0
	for i < len(fd) && i < len(td)-1 && fd[i] == td[i] {
		i++
	}
	rel := strings.Repeat("../", len(fd)-i) + strings.Join(td[i:], "/")
	if rel == "" {
		rel = "./"
	}
	return rel + frag
}

// TestRelURLAsSplitting holds RelURL to splitting the paths into lists,
// on the hub's kinds of address and on 300,000 random pairs of strings
// of slashes, names, dots and fragments, well formed or not.
func TestRelURLAsSplitting(t *testing.T) {
	pages := []string{"/", "/briefs/", "/briefs/a/", "/briefs/page/2/", "/404.html", "/glossary/", "/a/b/c/", "", "a", "//", "/a//b/"}
	for _, from := range pages {
		for _, to := range append(pages, "/glossary/#amhp", "/assets/site.css", "/briefs/a/cite.bib", "#x", "/#", "/a/b/c/#top") {
			if got, want := RelURL(from, to), relURLBySplitting(from, to); got != want {
				t.Fatalf("RelURL(%q, %q) = %q, want %q", from, to, got, want)
			}
		}
	}
	r := rand.New(rand.NewPCG(7, 9))
	pieces := []string{"/", "/", "/", "a", "b", "ab", ".", "..", "#", "x.html", ""}
	random := func() string {
		var b strings.Builder
		for n := r.IntN(8); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 300000 {
		from, to := random(), random()
		if got, want := RelURL(from, to), relURLBySplitting(from, to); got != want {
			t.Fatalf("RelURL(%q, %q) = %q, want %q", from, to, got, want)
		}
	}
}
