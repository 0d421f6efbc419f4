package render

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRefMemoAsResolving holds checkRef with a memo, shared by pages at
// every depth taken in a random order, to resolving each address afresh:
// the same problem, the same page its fragment points into and the same
// paths looked for, for 40,000 addresses made of pieces that climb too
// little, enough and too far, start from the root or the base path, have
// a scheme, no path, a query, a fragment, escapes or a colon.
func TestRefMemoAsResolving(t *testing.T) {
	o := newOutput()
	facts := map[string]pageFacts{}
	pages := []string{"index.html", "404.html", "briefs/index.html", "briefs/a/index.html", "briefs/b/index.html",
		"topics/t/index.html", "briefs/page/2/index.html", "map/r/c/index.html", "glossary/index.html"}
	for _, p := range pages {
		o.Files[p] = nil
		facts[p] = pageFacts{ids: []string{"about_sources", "main_content", p}}
	}
	o.Files["briefs/a/cite.bib"] = nil
	o.Files["assets/site.css"] = nil
	starts := []string{"", "./", "../", "../../", "../../../", "../../../../", "/", "/hub/", "//host/", "https://x.example/",
		"mailto:", "a:b/", "%2e%2e/", "..//", "#", "?q", ".."}
	middles := []string{"", "glossary/", "briefs/a/", "briefs/a", "briefs/a/cite.bib", "cite.bib", "assets/site.css",
		"index.html", "nowhere/", "a:b", "%zz", "briefs/page/2/"}
	ends := []string{"", "#about_sources", "#main_content", "#none", "?x=1", "#"}
	r := rand.New(rand.NewPCG(12, 3))
	for _, base := range []string{"/", "/hub/"} {
		memo := refMemo{}
		for range 20000 {
			p := pages[r.IntN(len(pages))]
			ref := starts[r.IntN(len(starts))] + middles[r.IntN(len(middles))] + ends[r.IntN(len(ends))]
			gotMsg, gotTarget, gotLooked := o.checkRef(p, ref, base, facts, memo)
			wantMsg, wantTarget, wantLooked := o.checkRef(p, ref, base, facts, nil)
			if gotMsg != wantMsg || gotTarget != wantTarget || !slices.Equal(gotLooked, wantLooked) {
				t.Fatalf("%q from %s (base %s): with the memo %q, %q, %q; resolved afresh %q, %q, %q",
					ref, p, base, gotMsg, gotTarget, gotLooked, wantMsg, wantTarget, wantLooked)
			}
		}
		if len(memo) == 0 {
			t.Fatalf("base %s: nothing was remembered", base)
		}
	}
}
