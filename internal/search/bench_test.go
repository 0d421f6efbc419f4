package search

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

var benchBriefs = flag.String("search.briefs", "5000", "sizes of the synthetic hub for BenchmarkCacheBuild, comma-separated")

// BenchmarkCacheBuild times (*Cache).Build on a synthetic hub
// (-search.briefs) after an edit to one brief: a paragraph added to its
// body, a new summary or a new title, each edit kept, so every build has
// exactly one changed document. The anchor, measured in the same run, is
// Build of the same site without a cache: "full-ms", and "full/rebuild"
// says how many times faster the cache is.
func BenchmarkCacheBuild(b *testing.B) {
	for _, size := range strings.Split(*benchBriefs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(size))
		if err != nil || n < 1 {
			b.Fatalf("-search.briefs: %q is not a number of briefs", size)
		}
		b.Run(fmt.Sprintf("briefs=%d", n), func(b *testing.B) {
			site := synthSite(b, n)
			const runs = 3
			start := time.Now()
			for range runs {
				Build(site)
			}
			full := time.Since(start) / runs
			c := NewCache()
			c.Build(site)
			version := 0
			for _, edit := range []string{"body", "summary", "title"} {
				b.Run("edit="+edit, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						version++
						site = edited(site, (version*37)%len(site.Briefs), edit, version)
						c.Build(site)
					}
					per := b.Elapsed() / time.Duration(b.N)
					b.ReportMetric(float64(full)/1e6, "full-ms")
					b.ReportMetric(float64(per)/1e6, "rebuild-ms")
					b.ReportMetric(float64(full)/float64(per), "full/rebuild")
				})
			}
		})
	}
}

// edited is site with brief i edited, as the content package hands over
// a site after one file changed: a new page for it, the others the same.
func edited(site *content.Site, i int, edit string, version int) *content.Site {
	s := *site
	s.Briefs = slices.Clone(s.Briefs)
	p := copyPage(s.Briefs[i])
	switch edit {
	case "body":
		setText(p, textOf(p)+fmt.Sprintf(" A paragraph added in edit %d.", version))
	case "summary":
		p.Summary = fmt.Sprintf("What this brief says, in a sentence or two (version %d).", version)
	default:
		p.Title = fmt.Sprintf("Brief %d, retitled in edit %d", i, version)
	}
	s.Briefs[i] = p
	return &s
}
