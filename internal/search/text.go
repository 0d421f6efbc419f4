package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold is the form of text that words are compared in: compatibility
// decomposition (NFKD, so "ﬁ" is "fi" and "é" is "e" plus an accent),
// accents dropped, lower case, and every apostrophe-like mark ("’", "‘",
// "ʼ", "′", "`", "＇") written as "'", so that "Carer’s" folds to
// "carer's". search.js does the same with String.prototype.normalize.
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return foldUnicode(s)
		}
	}
	// ASCII, most of the hub: NFKD changes nothing and there are no
	// accents, so only upper case and the backtick change.
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		b.WriteByte(c)
	}
	return b.String()
}

func foldUnicode(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
	s, _, err := transform.String(t, s)
	if err != nil {
		return ""
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', 'ʼ', '′', '`', '＇', 'ʹ':
			return '\''
		}
		return unicode.ToLower(r)
	}, s)
}

// Words splits text into folded words, in order. A word is letters and
// digits, with apostrophes inside ("carer's", "o'neill") but not at either
// end. Hyphens and every other mark separate words: "co-production" is
// "co" and "production".
func Words(text string) []string {
	var words []string
	eachWord(text, func(w string) { words = append(words, w) })
	return words
}

// eachWord calls fn with each word of text, in order, as Words gives
// them, without making the list. Each word is part of the folded text:
// fn keeps a copy (strings.Clone) of one it keeps.
func eachWord(text string, fn func(string)) {
	f := Fold(text)
	for i := 0; i < len(f); {
		n := wordLen(f[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(f[i:])
			i += size
			continue
		}
		fn(f[i : i+n])
		i += n
	}
}

// wordLen is the length in bytes of the word at the start of s, 0 if s
// does not start with a letter or digit.
func wordLen(s string) int {
	i := letters(s)
	if i == 0 {
		return 0
	}
	for i < len(s) && s[i] == '\'' {
		n := letters(s[i+1:])
		if n == 0 {
			break
		}
		i += 1 + n
	}
	return i
}

// letters is the length in bytes of the run of letters and digits at the
// start of s.
func letters(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return i
		}
		i += size
	}
	return i
}

// Stem is the English (Porter2, "Snowball English") stem of a folded
// word: "advocate", "advocates" and "advocacy" are all "advoc"; "carer's"
// and "carers" are "carer". Words of one or two letters are kept as they
// are. search.js carries a port of the same algorithm, held to this one by
// testdata/stems.txt.
func Stem(word string) string {
	if utf8.RuneCountInString(word) <= 2 {
		return word
	}
	return english.Stem(word, true)
}

// stopWords are the folded words too common to index: snowball's
// English stop words, sorted. They are written into the index file, so
// the browser drops exactly the same words from a query.
var stopWords = strings.Fields(`a about above after again against all am an and any are as at
be because been before being below between both but by can did do does doing don down during
each few for from further had has have having he her here hers herself him himself his how
i if in into is it its itself just me more most my myself no nor not now of off on once only
or other our ours ourselves out over own s same she should so some such t than that the their
theirs them themselves then there these they this those through to too under until up very was
we were what when where which while who whom why will with you your yours yourself yourselves`)
