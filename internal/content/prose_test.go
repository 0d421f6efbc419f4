package content

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// TestAbbreviationsInMatchesDefinition holds the hand-written scanner to
// the regular expression it stands for, on random text made of the
// characters that matter.
func TestAbbreviationsInMatchesDefinition(t *testing.T) {
	def := regexp.MustCompile(`\b[A-Z][A-Z0-9&]*[A-Z0-9]s?\b`)
	alphabet := []rune("ABIs9&_ a-é(")
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		rs := make([]rune, rng.IntN(10))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(rs)
		var want [][2]int
		for _, m := range def.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if got := abbreviationsIn(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("abbreviationsIn(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSyllablesOfMatchesDefinition: the ASCII shortcut counts as
// countSyllables does on the word in lower case.
func TestSyllablesOfMatchesDefinition(t *testing.T) {
	alphabet := []rune("aeiouyAEIOUYlLbZ'-9éİ")
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		rs := make([]rune, 1+rng.IntN(8))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		w := string(rs)
		if got, want := syllablesOf(w), countSyllables(strings.ToLower(w)); got != want {
			t.Fatalf("syllablesOf(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestLongestMatchesStableSort: the longest sentences are those a stable
// sort by words, most first, puts first.
func TestLongestMatchesStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		ss := make([]markdown.Sentence, rng.IntN(12))
		for i := range ss {
			ss[i] = markdown.Sentence{Words: 1 + rng.IntN(5), Pos: markdown.Pos{Line: i + 1}}
		}
		keep := 1 + rng.IntN(4)
		want := slices.Clone(ss)
		slices.SortStableFunc(want, func(a, b markdown.Sentence) int { return b.Words - a.Words })
		want = want[:min(keep, len(want))]
		if got := longest(ss, keep); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("longest(%v, %d) = %v, want %v", ss, keep, got, want)
		}
	}
}
