package content

import (
	"sort"
	"strings"
	"unicode"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// Reading grade: the Flesch-Kincaid grade level, about the years of school
// a reader needs,
//
//	0.39 × words per sentence + 11.8 × syllables per word − 15.59
//
// over the sentences of the body (markdown.Doc.Sentences: a sentence ends
// at ".", "?", "!" or ":" and at the end of its paragraph, list item,
// heading or table cell). Syllables are counted as groups of vowels, less
// a silent final "e". The measure is rough: it is a prompt to look at the
// longest sentences, which is what the warning names.

// Readability is the reading grade of one body and its longest sentences.
type Readability struct {
	Grade     float64
	Words     int
	Sentences int
	Longest   []markdown.Sentence // the longest, most words first
}

func readability(doc *markdown.Doc, keep int) Readability {
	var r Readability
	syllables := 0
	ss := doc.Sentences()
	for _, s := range ss {
		for _, w := range strings.Fields(s.Text) {
			letters := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
			if letters == "" {
				continue
			}
			r.Words++
			syllables += countSyllables(strings.ToLower(letters))
		}
	}
	r.Sentences = len(ss)
	if r.Words == 0 {
		return r
	}
	r.Grade = fkGrade(r.Words, max(r.Sentences, 1), syllables)
	sorted := append([]markdown.Sentence(nil), ss...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Words > sorted[j].Words })
	if len(sorted) > keep {
		sorted = sorted[:keep]
	}
	r.Longest = sorted
	return r
}

func fkGrade(words, sentences, syllables int) float64 {
	return 0.39*float64(words)/float64(sentences) + 11.8*float64(syllables)/float64(words) - 15.59
}

func countSyllables(w string) int {
	n, prevVowel := 0, false
	for _, r := range w {
		v := strings.ContainsRune("aeiouy", r)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if strings.HasSuffix(w, "e") && n > 1 && !strings.HasSuffix(w, "le") {
		n--
	}
	return max(n, 1)
}
