package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// fill repeats para, with a blank line after each, up to about size
// bytes, or as many times as the limits allow.
func fill(para string, size int) string {
	para += "\n\n"
	lo, hi := 0, size/len(para)+1 // lo repetitions are within the limits
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if c, _ := scanLimits([]byte(strings.Repeat(para, mid))); c == nil {
			lo = mid
		} else {
			hi = mid
		}
	}
	return strings.Repeat(para, lo)
}

// pad fills body up to size bytes with ordinary prose.
func pad(body string, size int) string {
	const prose = "Ordinary text about care and support, the way a brief is written, with no marks in it at all.\n\n"
	if n := size - len(body); n > 0 {
		body += strings.Repeat(prose, n/len(prose))
	}
	return body
}

// hostile are bodies of MaxBody bytes built to make goldmark work as hard as
// the limits let it, one for each kind of limit, and ordinary prose of
// the same size as the anchor to compare them with.
func hostile(size int) []struct{ name, body string } {
	table := func(cols, rows int) string {
		var b strings.Builder
		b.WriteString(strings.Repeat("|a", cols) + "|\n" + strings.Repeat("|-", cols) + "|\n")
		for i := 0; i < rows; i++ {
			b.WriteString("|x|\n")
		}
		return b.String()
	}
	var notes, defs strings.Builder
	for i := 0; i < MaxFootnotes/2; i++ {
		fmt.Fprintf(&notes, "x[^%d] ", i)
	}
	notes.WriteString("\n\n")
	for i := 0; i < MaxFootnotes/2; i++ {
		fmt.Fprintf(&notes, "[^%d]: note\n", i)
	}
	for i := 0; i < MaxDefinitions; i++ {
		fmt.Fprintf(&defs, "[l%d]: /x%d\n\n", i, i)
	}
	for i := 0; i < MaxDefinitions; i++ {
		fmt.Fprintf(&defs, "x [l%d]", i)
		if i%200 == 199 {
			defs.WriteString("\n\n")
		}
	}
	prose := "Ordinary text about *care* and _support_, with a [link](other.md) and **bold** words in it, the way a brief is written.\n"
	return []struct{ name, body string }{
		{"prose (anchor)", strings.Repeat(prose+"\n", size/(len(prose)+1))},
		{"emphasis", pad(fill(strings.Repeat("*a_", MaxDelimiters/2), size), size)},
		{"link openers", pad(fill(strings.Repeat("[a](", MaxBrackets/2), size), size)},
		{"angle links", pad(fill(strings.Repeat("[a](<", MaxBrackets/2), size), size)},
		{"brackets", pad(fill(strings.Repeat("[", MaxBrackets/2)+strings.Repeat("]", MaxBrackets/2), size), size)},
		{"nesting", pad(fill(strings.Repeat(">", MaxNesting)+" a\n"+strings.Repeat("- ", MaxNesting)+"b", size), size)},
		{"indented lists", pad(fill(func() string {
			var b strings.Builder
			for i := 0; i < MaxNesting; i++ {
				b.WriteString(strings.Repeat("  ", i) + "- a\n")
			}
			return b.String()
		}(), size), size)},
		{"footnotes", pad(notes.String(), size)},
		{"definitions", pad(defs.String(), size)},
		{"table", pad(table(MaxTableCells/100-5, 97), size)},
		{"long line", strings.Repeat("word ", size/5)},
	}
}

// BenchmarkHostile parses each hostile body. Compare each with the
// anchor, ordinary prose of the same size: under the limits none should
// cost more than a few times as much.
func BenchmarkHostile(b *testing.B) {
	for _, h := range hostile(MaxBody) {
		b.Run(h.name, func(b *testing.B) {
			src := []byte(h.body)
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				d := Parse(src, 1)
				if d.TooComplex != nil {
					b.Fatalf("went over a limit: %v", d.TooComplex)
				}
				d.Render(RenderOptions{})
			}
		})
	}
}
