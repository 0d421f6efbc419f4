package markdown

import (
	"bytes"
	"sort"
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/synth"
)

// briefBodies are the Markdown bodies of the synthetic hub's 1,000 briefs.
func briefBodies(b *testing.B) ([][]byte, int) {
	files := synth.Hub(synth.Options{Briefs: 1000})
	var names []string
	for n := range files {
		if strings.HasPrefix(n, "content/briefs/") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var bodies [][]byte
	size := 0
	for _, n := range names {
		f := files[n]
		if i := bytes.Index(f[3:], []byte("\n---\n")); i >= 0 {
			bodies = append(bodies, f[i+8:])
			size += len(f) - (i + 8)
		}
	}
	return bodies, size
}

// BenchmarkParse is goldmark's parse with the facts collected: its MB/s is
// the limit on how fast a build can read Markdown on one core.
func BenchmarkParse(b *testing.B) {
	bodies, size := briefBodies(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			Parse(body, 1)
		}
	}
}

// BenchmarkRender is rendering parsed briefs to HTML with glossary terms
// linked.
func BenchmarkRender(b *testing.B) {
	bodies, size := briefBodies(b)
	terms := []Term{{Phrases: []string{"approved mental health professional"}, Abbr: "AMHP", Title: "Approved mental health professional", URL: "../g/#amhp"},
		{Phrases: []string{"care act 2014"}, Title: "Care Act 2014", URL: "../g/#ca"}, {Phrases: []string{"unpaid carer", "unpaid carers"}, Title: "Unpaid carer", URL: "../g/#uc"}}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		docs := make([]*Doc, len(bodies))
		for i, body := range bodies {
			docs[i] = Parse(body, 1)
		}
		b.StartTimer()
		for _, d := range docs {
			d.Render(RenderOptions{Terms: terms})
		}
	}
}
