package content

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkFrontMatterErrorAfterLines reads front matter of n lines that
// ends in a NUL byte, an error yaml.v3 gives no line for. Finding its line
// must cost time linear in n: compare ns/op of n=8000 with n=1000 (a ratio
// near 8 is linear; it was quadratic, 24.5 s for 8,000 lines).
func BenchmarkFrontMatterErrorAfterLines(b *testing.B) {
	for _, n := range []int{1000, 8000} {
		src := []byte("---\n" + strings.Repeat("title: A line of front matter\n", n) + "summary: x\x00\n---\nBody.\n")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var list Diagnostics
				split(src, diags{list: &list, file: "x.md"})
				if len(list) == 0 {
					b.Fatal("no error reported")
				}
			}
		})
	}
}
