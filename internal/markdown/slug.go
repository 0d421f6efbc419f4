package markdown

import (
	"strings"
	"unicode"
)

// fold maps common accented Latin letters to plain ones, so that "Café"
// gives "cafe" rather than losing the letter.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae",
	'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i",
	'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o",
	'ö': "o", 'ø': "o", 'œ': "oe", 'ß': "ss", 'ù': "u", 'ú': "u", 'û': "u",
	'ü': "u", 'ý': "y", 'ÿ': "y", 'ł': "l", 'ś': "s", 'ż': "z", 'ź': "z",
}

// Fold replaces each accented Latin letter of s that Slug knows by its
// plain form ("équipe" gives "equipe") and keeps every other character.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if f := fold[r]; f != "" {
			b.WriteString(f)
		} else if f := fold[unicode.ToLower(r)]; f != "" && unicode.IsUpper(r) {
			b.WriteString(strings.ToUpper(f))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Slug turns text into lower-case ASCII letters, digits and single hyphens:
// "What's next?" gives "whats-next". Apostrophes and quotation marks are
// dropped so that possessives read naturally; every other run of characters
// that is not a letter or digit becomes one hyphen. The result may be empty.
func Slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case fold[r] != "":
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteString(fold[r])
		case r == '\'' || r == '’' || r == '‘' || r == '"' || r == '“' || r == '”':
			// dropped: "what's" reads as "whats"
		default:
			hyphen = true
		}
	}
	return b.String()
}
