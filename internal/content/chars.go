package content

import (
	"fmt"
	"unicode"
)

// Characters an editor cannot see. Word, web pages and PDFs paste them in:
// a non-breaking space looks like a space, a zero-width space like nothing
// at all. Each is named, so that the message says what to delete.
var invisibleNames = map[rune]string{
	'\u00a0': "a non-breaking space",
	'\u00ad': "a soft hyphen",
	'\u034f': "a combining grapheme joiner",
	'\u061c': "an Arabic letter mark",
	'\u115f': "a Hangul filler",
	'\u1160': "a Hangul filler",
	'\u1680': "an Ogham space",
	'\u180e': "a Mongolian vowel separator",
	'\u2000': "an en quad space",
	'\u2001': "an em quad space",
	'\u2002': "an en space",
	'\u2003': "an em space",
	'\u2004': "a three-per-em space",
	'\u2005': "a four-per-em space",
	'\u2006': "a six-per-em space",
	'\u2007': "a figure space",
	'\u2008': "a punctuation space",
	'\u2009': "a thin space",
	'\u200a': "a hair space",
	'\u200b': "a zero-width space",
	'\u200c': "a zero-width non-joiner",
	'\u200d': "a zero-width joiner",
	'\u200e': "a left-to-right mark",
	'\u200f': "a right-to-left mark",
	'\u2028': "a line separator",
	'\u2029': "a paragraph separator",
	'\u202a': "a left-to-right embedding",
	'\u202b': "a right-to-left embedding",
	'\u202c': "a pop directional formatting mark",
	'\u202d': "a left-to-right override",
	'\u202e': "a right-to-left override",
	'\u202f': "a narrow non-breaking space",
	'\u205f': "a medium mathematical space",
	'\u2060': "a word joiner",
	'\u2061': "an invisible function application",
	'\u2062': "an invisible times sign",
	'\u2063': "an invisible separator",
	'\u2064': "an invisible plus sign",
	'\u2066': "a left-to-right isolate",
	'\u2067': "a right-to-left isolate",
	'\u2068': "a first strong isolate",
	'\u2069': "a pop directional isolate",
	'\u206a': "an inhibit symmetric swapping mark",
	'\u206b': "an activate symmetric swapping mark",
	'\u206c': "an inhibit Arabic form shaping mark",
	'\u206d': "an activate Arabic form shaping mark",
	'\u206e': "a national digit shapes mark",
	'\u206f': "a nominal digit shapes mark",
	'\u3000': "an ideographic space",
	'\u3164': "a Hangul filler",
	'\ufeff': "a zero-width no-break space (byte-order mark)",
	'\ufffc': "an object replacement character",
	'\uffa0': "a halfwidth Hangul filler",
}

// invisibleName names r if an editor cannot see it: a control character,
// a space that is not a plain space, or a zero-width or direction mark.
// Tab and line ends are not invisible in this sense.
func invisibleName(r rune) (string, bool) {
	if ' ' <= r && r < 0x7f {
		return "", false // printable ASCII, most of any text
	}
	if n, ok := invisibleNames[r]; ok {
		return n, true
	}
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return "", false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return fmt.Sprintf("an invisible control character (U+%04X)", r), true
	case r >= 0xe0000 && r <= 0xe007f:
		return fmt.Sprintf("an invisible tag character (U+%04X)", r), true
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef:
		return fmt.Sprintf("an invisible variation selector (U+%04X)", r), true
	case r == 0xfffe || r == 0xffff || (r >= 0xfdd0 && r <= 0xfdef):
		return fmt.Sprintf("a character that is not text (U+%04X)", r), true
	case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Zs, r) && r != ' ':
		return fmt.Sprintf("an invisible character (U+%04X)", r), true
	}
	return "", false
}

// confusables maps letters from other alphabets, and full-width forms,
// that look like ASCII letters and digits, to the letter they look like.
// A file name with one of them looks right and links to it never work.
var confusables = map[rune]rune{
	// Cyrillic
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'һ': 'h', 'і': 'i', 'ї': 'i', 'ј': 'j', 'к': 'k', 'м': 'm', 'н': 'h',
	'о': 'o', 'р': 'p', 'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l',
	'ү': 'y', 'ɡ': 'g', 'ո': 'n', 'ս': 'u',
	'А': 'a', 'В': 'b', 'Е': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o', 'Р': 'p', 'С': 'c', 'Т': 't', 'Х': 'x',
	'У': 'y', 'Ѕ': 's', 'І': 'i', 'Ј': 'j', 'Ԛ': 'q', 'Ԝ': 'w',
	// Greek
	'α': 'a', 'β': 'b', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x',
	'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Ζ': 'z', 'Η': 'h', 'Ι': 'i', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n', 'Ο': 'o', 'Ρ': 'p',
	'Τ': 't', 'Υ': 'y', 'Χ': 'x',
	// Armenian, Latin look-alikes and dashes
	'ı': 'i', 'ȷ': 'j', 'ℓ': 'l', 'ǀ': 'l',
	'‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-', '﹘': '-', '＿': '_',
}

// scriptName says which alphabet a confusable letter is from.
func scriptName(r rune) string {
	switch {
	case unicode.Is(unicode.Cyrillic, r):
		return "Cyrillic"
	case unicode.Is(unicode.Greek, r):
		return "Greek"
	case unicode.Is(unicode.Armenian, r):
		return "Armenian"
	case r >= 0xff01 && r <= 0xff5e:
		return "full-width"
	case unicode.Is(unicode.Pd, r) || r == '−':
		return "dash"
	}
	return "look-alike"
}

// lookalike returns the ASCII character r looks like, if any.
func lookalike(r rune) (rune, bool) {
	if c, ok := confusables[r]; ok {
		return c, true
	}
	if r >= 0xff01 && r <= 0xff5e { // full-width ASCII
		return unicode.ToLower(r - 0xfee0), true
	}
	return 0, false
}

// describeConfusable says what r is and what it looks like, for messages:
// `the Cyrillic letter "а", which looks like "a"`.
func describeConfusable(r, like rune) string {
	if like == '-' {
		return fmt.Sprintf("a long dash %q, which looks like a hyphen \"-\"", string(r))
	}
	what := "letter"
	if unicode.IsDigit(like) {
		what = "digit"
	} else if !unicode.IsLetter(like) {
		what = "character"
	}
	return fmt.Sprintf("the %s %s %q, which looks like %q", scriptName(r), what, string(r), string(like))
}
