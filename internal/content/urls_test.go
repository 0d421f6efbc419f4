package content

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// relPathBySplitting is relPath as it was first written, splitting both
// paths into lists: the test holds relPath to it on any two strings.
func relPathBySplitting(fromDir, target string) string {
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
	return rel
}

// TestRelPathAsSplitting holds relPath to splitting the paths into lists,
// on the hub's kinds of address and on 300,000 random pairs of strings
// of slashes, names and dots, well formed or not.
func TestRelPathAsSplitting(t *testing.T) {
	dirs := []string{"/", "/briefs/", "/briefs/a/", "/briefs/page/2/", "/glossary/", "/a/b/c/", "", "a", "//", "/a//b/"}
	for _, from := range dirs {
		for _, to := range append(dirs, "/glossary/", "/assets/site.css", "/briefs/a/cite.bib", "/404.html", "/a/b/c/x.png") {
			if got, want := relPath(from, to), relPathBySplitting(from, to); got != want {
				t.Fatalf("relPath(%q, %q) = %q, want %q", from, to, got, want)
			}
		}
	}
	r := rand.New(rand.NewPCG(7, 9))
	pieces := []string{"/", "/", "/", "a", "b", "ab", ".", "..", "x.html", ""}
	random := func() string {
		var b strings.Builder
		for n := r.IntN(8); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 300000 {
		from, to := random(), random()
		if got, want := relPath(from, to), relPathBySplitting(from, to); got != want {
			t.Fatalf("relPath(%q, %q) = %q, want %q", from, to, got, want)
		}
	}
}
