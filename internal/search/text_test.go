package search

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Carer’s assessment", []string{"carer's", "assessment"}},
		{"carer‘s carerʼs carer`s", []string{"carer's", "carer's", "carer's"}},
		{"the carers' group", []string{"the", "carers", "group"}},
		{"“Quoted” «words» 'here'", []string{"quoted", "words", "here"}},
		{"Café naïve façade Ångström", []string{"cafe", "naive", "facade", "angstrom"}},
		{"ﬁnance ＡＭＨＰ", []string{"finance", "amhp"}},
		{"co-production, self‑directed", []string{"co", "production", "self", "directed"}},
		{"Section 117 (1983)", []string{"section", "117", "1983"}},
		{"O'Neill and colleagues", []string{"o'neill", "and", "colleagues"}},
		{"  ", nil},
	} {
		if got := Words(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestWordsMatchesDefinition holds the hand-written word scanner, and
// Fold's ASCII shortcut, to their definitions on random text made of the
// characters that matter: letters of several scripts, digits, apostrophes
// of every kind, hyphens, spaces and marks.
func TestWordsMatchesDefinition(t *testing.T) {
	word := regexp.MustCompile(`[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*`)
	alphabet := []rune("aZz09'’`‘ʼ- .,é\u0301ÅﬁＡ٣日ßİ\u00a0\t\n\"(")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		rs := make([]rune, rng.IntN(12))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(rs)
		if got, want := Words(s), word.FindAllString(foldUnicode(s), -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("Words(%q) = %q, want %q", s, got, want)
		}
		ascii := strings.Map(func(r rune) rune {
			if r >= 0x80 {
				return 'x'
			}
			return r
		}, s)
		if got, want := Fold(ascii), foldUnicode(ascii); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", ascii, got, want)
		}
	}
}

func TestStem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"advocate", "advoc"}, {"advocates", "advoc"}, {"advocacy", "advocaci"},
		{"carer's", "carer"}, {"carers", "carer"}, {"carer", "carer"},
		{"assessment", "assess"}, {"assessments", "assess"}, {"assessed", "assess"},
		{"communities", "communiti"}, {"community", "communiti"},
		{"isolation", "isol"}, {"isolated", "isol"},
		{"ties", "tie"}, {"cries", "cri"}, {"dying", "die"}, {"news", "news"},
		{"generously", "generous"}, {"hopping", "hop"}, {"agreed", "agre"},
		{"117", "117"}, {"mh", "mh"}, {"o'neill", "o'neil"},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// extraWords are hard cases for a Porter2 port, beyond the hub's words.
var extraWords = strings.Fields(`skis skies dying lying tying idly gently ugly early only singly
sky news howe atlas cosmos bias andes inning innings outing outings canning cannings herring
herrings earring earrings proceed proceeds proceeded proceeding exceed exceeds exceeded exceeding
succeed succeeds succeeded succeeding generate generously communication arsenal yes yyy ay aye
'tis carers' carer's ties cries caresses ponies sized hopping feed agreed conditional relational
electrical hopeful goodness adjustable formalize roll rate probate happily fluently deeply
eedly bleed luxuriate sensational generalization hopefulness trembling emphatically
syllogism biology apology anthropologi lli ly by ied ies ee ing ed s us ss sses`)

// TestStemsFile keeps testdata/stems.txt: words with their stems, the
// hard cases above and every word of the hub's content when the file was
// last made with -update. The browser suite checks search.js against the
// same file, so the two stemmers cannot drift. Without -update the test
// checks each line against Stem, so an edit to the hub's text never fails
// it; a change to Stem does, until the file is made again.
func TestStemsFile(t *testing.T) {
	const path = "testdata/stems.txt"
	if *update {
		golden(t, path, stemsOfHub(t))
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test ./internal/search -update", err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) < 1000 {
		t.Fatalf("only %d words in %s; run go test ./internal/search -update", len(lines), path)
	}
	for _, w := range extraWords {
		if !strings.Contains(string(b), "\n"+Fold(w)+" ") && !strings.HasPrefix(string(b), Fold(w)+" ") {
			t.Errorf("%s lacks the hard case %q: run go test ./internal/search -update", path, w)
		}
	}
	for _, line := range lines {
		w, stem, ok := strings.Cut(line, " ")
		if !ok || Stem(w) != stem {
			t.Errorf("%s: %q: Stem gives %q; run go test ./internal/search -update and review the diff", path, line, Stem(w))
		}
	}
}

// stemsOfHub lists the hard cases and every word of the hub with its stem.
func stemsOfHub(t *testing.T) string {
	seen := map[string]bool{}
	for _, w := range extraWords {
		seen[Fold(w)] = true
	}
	files, _ := filepath.Glob("../../content/*/*.md")
	if len(files) < 40 {
		t.Fatalf("only %d content files found", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range Words(string(b)) {
			seen[w] = true
		}
	}
	ws := make([]string, 0, len(seen))
	for w := range seen {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	var b strings.Builder
	for _, w := range ws {
		fmt.Fprintf(&b, "%s %s\n", w, Stem(w))
	}
	return b.String()
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test -update", err)
	}
	if string(want) != got {
		t.Errorf("%s is out of date: run go test ./internal/search -update and review the diff", path)
	}
}
