package content

import (
	"slices"
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
		for w := range strings.FieldsSeq(s.Text) {
			letters := strings.TrimFunc(w, notLetter)
			if letters == "" {
				continue
			}
			r.Words++
			syllables += syllablesOf(letters)
		}
	}
	r.Sentences = len(ss)
	if r.Words == 0 {
		return r
	}
	r.Grade = fkGrade(r.Words, max(r.Sentences, 1), syllables)
	r.Longest = longest(ss, keep)
	return r
}

// longest is the keep sentences with the most words, most first, and of
// sentences as long, the earlier first.
func longest(ss []markdown.Sentence, keep int) []markdown.Sentence {
	top := make([]markdown.Sentence, 0, keep+1)
	for _, s := range ss {
		i := len(top)
		for i > 0 && top[i-1].Words < s.Words {
			i--
		}
		if i >= keep {
			continue
		}
		top = slices.Insert(top, i, s)
		if len(top) > keep {
			top = top[:keep]
		}
	}
	return top
}

func fkGrade(words, sentences, syllables int) float64 {
	return 0.39*float64(words)/float64(sentences) + 11.8*float64(syllables)/float64(words) - 15.59
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// syllablesOf is countSyllables of the word in lower case, without making
// the lower-case copy when the word is ASCII, as most are.
func syllablesOf(w string) int {
	n, prevVowel := 0, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return countSyllables(strings.ToLower(w))
		}
		c |= 0x20 // lower case, for letters
		v := c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if last := w[len(w)-1] | 0x20; last == 'e' && n > 1 && (len(w) < 2 || w[len(w)-2]|0x20 != 'l') {
		n--
	}
	return max(n, 1)
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
